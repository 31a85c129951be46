"""The command line as an installer uses it: `serve` in its own process, `latest`, and SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from app.protocol import encode_body, signed_headers
from tests.conftest import example

GANTRY = "G000211001002110010"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app.cli", *args], capture_output=True,
                          text=True, timeout=60, **kw)


def start_serve(data_dir: Path, port: int, *extra: str) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
         "--data-dir", str(data_dir), *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()  # printed once listening
    assert "Listening on" in line, proc.stderr.read() if proc.poll() is not None else line
    return proc


def post(client: httpx.Client, port: int, doc: dict) -> str:
    body = encode_body(doc)
    r = client.post(f"http://127.0.0.1:{port}/monitor.do", content=body,
                    headers=signed_headers(body, "123456"))
    return r.json()["code"]


def test_serve_then_latest_returns_every_value(tmp_path):
    port = free_port()
    proc = start_serve(tmp_path, port)
    try:
        with httpx.Client(trust_env=False) as c:
            assert post(c, port, example("cabinetStatusUpdate")) == "1000"
            assert post(c, port, example("computerStatusUpdate")) == "1000"
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(10)
    out = cli("latest", "--gantry", GANTRY, "--json", "--data-dir", str(tmp_path))
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    sent = example("cabinetStatusUpdate")["cabinetStatus"]
    cab = doc["cabinets"][0]
    for block, items in (("mains", "elec"), ("rectifiers", "rectifier"), ("ups", "ups")):
        for wire_key, wire_value in sent[items][0].items():
            if wire_key in ("id", "warningMsg"):
                continue
            assert float(wire_value) in [v for v in cab[block][0].values()
                                         if isinstance(v, (int, float))], (block, wire_key)
    assert cab["thermohygrometer"]["temperature"] == 40.0
    assert [c["ip"] for c in doc["computers"]] == ["192.168.1.1", "192.168.1.2"]
    text = cli("latest", "--gantry", GANTRY, "--data-dir", str(tmp_path))
    assert "front_door_unlock_card_id=NoData" in text.stdout


def test_latest_unknown_gantry_is_one_line(tmp_path):
    out = cli("latest", "--gantry", "NOPE", "--data-dir", str(tmp_path))
    assert out.returncode == 1
    assert out.stderr.strip().count("\n") == 0 and "gantry-monitor:" in out.stderr


def test_port_in_use_is_one_clear_line(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        out = cli("serve", "--host", "127.0.0.1", "--port", str(port), "--data-dir", str(tmp_path))
    assert out.returncode == 1
    assert "already in use" in out.stderr and "Traceback" not in out.stderr


def test_bad_settings_file_is_one_clear_line(tmp_path):
    cfg = tmp_path / "settings.toml"
    cfg.write_text("port = 'eighty'\n")
    out = cli("serve", "--config", str(cfg), "--data-dir", str(tmp_path))
    assert out.returncode == 1 and "port" in out.stderr and "Traceback" not in out.stderr


def test_misspelt_settings_file_is_refused_not_replaced_by_defaults(tmp_path):
    """`--config` naming no file (a typo) must not start a receiver on the defaults (port
    8080, the spec's test auth code): one sentence naming the file, exit 1."""
    out = cli("serve", "--config", str(tmp_path / "setings.toml"), "--data-dir", str(tmp_path))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "setings.toml does not exist" in lines[0], lines


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_sigkill_loses_no_acknowledged_message(tmp_path):
    port = free_port()
    cfg = tmp_path / "settings.toml"
    cfg.write_text("rate_per_s = 0\n")
    proc = start_serve(tmp_path, port, "--config", str(cfg))
    acked: list[str] = []
    stop = threading.Event()

    def worker(n: int) -> None:
        with httpx.Client(trust_env=False, timeout=5) as c:
            i = 0
            while not stop.is_set():
                gid = f"S{n}-{i}"
                i += 1
                try:
                    code = post(c, port, example("computerStatusUpdate") | {"gantryId": gid})
                except (httpx.HTTPError, ValueError):
                    return  # the server died under us: this one was never acknowledged
                if code == "1000":
                    acked.append(gid)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    time.sleep(2.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    stop.set()
    for t in threads:
        t.join(10)
    assert len(acked) > 50  # it really was under load
    with sqlite3.connect(tmp_path / "gantry-monitor.sqlite3") as db:
        stored = {r[0] for r in db.execute("SELECT gantry_id FROM messages")}
    lost = [g for g in acked if g not in stored]
    assert lost == []
    # And the server starts again on the same data folder.
    proc = start_serve(tmp_path, port, "--config", str(cfg))
    proc.send_signal(signal.SIGINT)
    proc.wait(10)
