"""Core life cycle without Qt: settings applied while running (receiver restart on a port
change, new checks in place otherwise), the network-share refusal, the log file."""

from __future__ import annotations

import logging
import socket
from pathlib import Path

import httpx
import pytest

from app.config import update_settings
from app.core import Core
from app.datadir import DataDirError, check_data_dir, network_share_kind
from app.logs import close_file_log, last_errors, log_path, setup_file_log
from tests.conftest import Poster, example, make_settings, settings_file


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_port_change_restarts_the_receiver_on_the_new_port(tmp_path: Path):
    core = Core(make_settings(tmp_path / "data"))
    await core.start()
    old_url = core.receiver.url
    new_port = _free_port()
    try:
        url = await core.apply_settings(update_settings(core.settings, port=new_port))
        assert url == f"http://127.0.0.1:{new_port}/monitor.do"
        assert core.receiver.port == new_port
        p = Poster(url)
        try:
            assert await p.code(example("cabinetStatusUpdate")) == "1000"
        finally:
            await p.client.aclose()
        async with httpx.AsyncClient(trust_env=False, timeout=2) as client:
            with pytest.raises(httpx.ConnectError):
                await client.post(old_url, content=b"{}")
    finally:
        await core.stop()


async def test_auth_code_change_applies_without_a_restart(tmp_path: Path):
    core = Core(make_settings(tmp_path / "data"))
    await core.start()
    receiver = core.receiver
    try:
        url = await core.apply_settings(update_settings(core.settings, auth_code="s3cret-code"))
        assert core.receiver is receiver and url == receiver.url  # same socket
        old = Poster(url)
        new = Poster(url, auth_code="s3cret-code")
        try:
            assert await old.code(example("cabinetStatusUpdate")) != "1000"
            assert await new.code(example("cabinetStatusUpdate")) == "1000"
        finally:
            await old.client.aclose()
            await new.client.aclose()
    finally:
        await core.stop()


async def test_a_port_in_use_leaves_the_receiver_stopped_with_a_sentence(tmp_path: Path):
    core = Core(make_settings(tmp_path / "data"))
    await core.start()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        try:
            from app.receiver import ReceiverError

            with pytest.raises(ReceiverError, match=f"Port {port} is already in use"):
                await core.apply_settings(update_settings(core.settings, port=port))
            # Once the port is free again, the next apply listens.
        finally:
            busy.close()
            url = await core.apply_settings(update_settings(core.settings, port=_free_port()))
            assert url and core.receiver.port
            await core.stop()


MOUNTS = """\
sysfs /sys sysfs rw 0 0
/dev/sda1 / ext4 rw,relatime 0 0
server:/export /mnt/nfs nfs4 rw,relatime 0 0
//nas/share /mnt/smb\\040share cifs rw 0 0
/dev/sdb1 /mnt/nfs/local-inside ext4 rw 0 0
"""


@pytest.fixture
def mounts(tmp_path: Path) -> Path:
    p = tmp_path / "mounts"
    p.write_text(MOUNTS)
    return p


def test_network_shares_are_refused_with_one_sentence(mounts: Path):
    assert network_share_kind(Path("/mnt/nfs/gantry/data"), mounts) == "nfs4"
    assert network_share_kind(Path("/mnt/smb share/GantryMonitor"), mounts) == "cifs"
    assert network_share_kind(Path("/mnt/nfs/local-inside/data"), mounts) is None
    assert network_share_kind(Path("/home/op/GantryMonitor"), mounts) is None
    assert network_share_kind(Path("/mnt/nfsx"), mounts) is None  # not under /mnt/nfs
    with pytest.raises(DataDirError) as e:
        check_data_dir(Path("/mnt/nfs/gantry"), mounts)
    msg = str(e.value)
    assert "network share" in msg and "local disk" in msg and msg.count("\n") == 0


def test_unc_paths_are_refused_on_every_platform(mounts: Path):
    assert network_share_kind(Path(r"\\server\share\GantryMonitor"), mounts) == "UNC path"


def test_serve_refuses_a_data_folder_on_a_network_share(monkeypatch, tmp_path: Path, capsys):
    import app.datadir
    from app import cli

    share = tmp_path / "share"
    mounts = tmp_path / "mounts"
    mounts.write_text(f"/dev/sda1 / ext4 rw 0 0\nserver:/x {share} nfs4 rw 0 0\n")
    monkeypatch.setattr(app.datadir.check_data_dir, "__defaults__", (mounts,))
    code = cli.main(["serve", "--data-dir", str(share / "gm"), "--port", "0",
                     "--config", settings_file(tmp_path / "none.toml")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert len(err) == 1 and "network share (nfs4)" in err[0], err


def test_log_file_keeps_tracebacks_and_last_errors_reads_them_back(tmp_path: Path):
    path = setup_file_log(tmp_path)
    assert path == log_path(tmp_path)
    log = logging.getLogger("gantry_monitor.test")
    try:
        log.info("an ordinary line")
        try:
            raise ValueError("boom")
        except ValueError:
            log.exception("something failed")
        log.warning("a warning")
        for h in logging.getLogger().handlers:
            h.flush()
        text = path.read_text(encoding="utf-8")
        assert "Traceback" in text and "ValueError: boom" in text
        errors = last_errors(tmp_path)
        assert [e.split(": ", 1)[1] for e in errors] == ["something failed", "a warning"]
    finally:
        close_file_log(tmp_path)
