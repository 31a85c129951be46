"""The desktop app's life cycle in real processes (offscreen): one instance per data folder, and
a quit with a request in flight that ends within the deadline with nothing on stderr — no
ResourceWarning (turned into errors), no "Event loop is closed", no pending task, no traceback."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from app.protocol import encode_body, signed_headers
from tests.conftest import example, settings_file

ROOT = Path(__file__).resolve().parents[2]
BAD_WORDS = ("ResourceWarning", "Event loop is closed", "Task was destroyed", "Traceback",
             "Exception ignored", "was never awaited")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals drive the quit")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class App:
    """`gantry-monitor` (the window, offscreen) as a child process with its own folders."""

    def __init__(self, tmp: Path, data: Path, port: int):
        self.data, self.port = data, port
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp),
               "XDG_CONFIG_HOME": str(tmp / "config"), "XDG_DATA_HOME": str(tmp / "share"),
               "PYTHONUNBUFFERED": "1"}
        self.cmd = [sys.executable, "-W", "error::ResourceWarning", "-m", "ui.launcher",
                    "--data-dir", str(data), "--config", settings_file(tmp / "settings.toml"),
                    "--host", "127.0.0.1", "--port", str(port)]
        self.env = env

    def start(self) -> subprocess.Popen:
        self.proc = subprocess.Popen(self.cmd, cwd=ROOT, env=self.env, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.proc.communicate()
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self.proc
            except OSError:
                time.sleep(0.1)
        self.proc.kill()
        raise AssertionError("the app did not start listening within 60 s")

    def log(self) -> str:
        return (self.data / "logs" / "gantry-monitor.log").read_text(encoding="utf-8")


def _post(port: int) -> str:
    body = encode_body(example("cabinetStatusUpdate"))
    r = httpx.post(f"http://127.0.0.1:{port}/monitor.do", content=body,
                   headers=signed_headers(body, "123456"), timeout=10, trust_env=False)
    return r.json()["code"]


def test_quit_with_a_request_in_flight_is_clean_and_quick(tmp_path: Path):
    app = App(tmp_path, tmp_path / "data", _free_port())
    proc = app.start()
    try:
        assert _post(app.port) == "1000"
        # A device that sent its headers and half its body, then stalls: in flight at quit.
        stalled = socket.create_connection(("127.0.0.1", app.port))
        stalled.sendall(b"POST /monitor.do HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                        b"\r\nContent-Length: 4000\r\n\r\n{\"cabinet\": ")
        time.sleep(0.3)
        t0 = time.monotonic()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
        took = time.monotonic() - t0
        stalled.close()
    finally:
        if proc.poll() is None:
            proc.kill()
    print(f"quit with a request in flight took {took:.2f} s (deadline 5 s)")
    assert proc.returncode == 0, err
    for word in BAD_WORDS:
        assert word not in err, err
    assert took < 10, f"quit took {took:.1f} s"  # aiohttp alone would wait 60 s
    log = app.log()
    assert "stopped" in log and "receiver listening" in log


def test_a_second_start_with_the_same_data_folder_shows_the_first_and_exits(tmp_path: Path):
    data = tmp_path / "data"
    first = App(tmp_path, data, _free_port())
    proc = first.start()
    try:
        second = subprocess.run(App(tmp_path, data, _free_port()).cmd, cwd=ROOT, env=first.env,
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == 0, second.stderr
        lines = second.stdout.strip().splitlines()
        assert len(lines) == 1 and "already running" in lines[0], second.stdout
        deadline = time.monotonic() + 10
        while "asked this instance to show its window" not in first.log():
            assert time.monotonic() < deadline, first.log()
            time.sleep(0.1)
        assert proc.poll() is None  # the first keeps running
    finally:
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0 and "Traceback" not in err, err


def test_the_desktop_app_refuses_a_data_folder_on_a_network_share(tmp_path: Path, monkeypatch,
                                                                  capsys):
    import app.datadir
    from ui.launcher import main

    share = tmp_path / "share"
    mounts = tmp_path / "mounts"
    mounts.write_text(f"/dev/sda1 / ext4 rw 0 0\n//nas/x {share} cifs rw 0 0\n")
    monkeypatch.setattr(app.datadir.check_data_dir, "__defaults__", (mounts,))
    code = main(["--data-dir", str(share / "gm"), "--config", settings_file(tmp_path / "s.toml")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1 and "network share (cifs)" in err[0], err
    assert not (share / "gm").exists()  # nothing created there
