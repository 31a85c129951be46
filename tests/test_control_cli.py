"""`gantry-monitor control …` against the simulated gantry (running on its own loop in a thread)."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from app.cli import main
from app.control.audit import audit_entries
from app.simulator.gantry import SimulatedGantry
from app.simulator.model import GantryConfig
from app.store import Store
from tests.conftest import settings_file

GANTRY = "G000211001002110010"


class ThreadedSim:
    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        config = GantryConfig(gantry_id=GANTRY, seed=5, server_url="http://127.0.0.1:9/monitor.do")
        self.sim = SimulatedGantry(config, control_port=0, captures=False)
        self.call(self.sim.start())

    def call(self, coro):  # noqa: ANN001
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(10)

    def close(self) -> None:
        self.call(self.sim.stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)


@pytest.fixture
def sim() -> Iterator[SimulatedGantry]:
    t = ThreadedSim()
    yield t.sim
    t.close()


def run(tmp_path: Path, sim: SimulatedGantry | None, *argv: str) -> int:
    base = ["control", "--data-dir", str(tmp_path / "data"), "--config", settings_file(tmp_path / "s.toml"),
            "--gantry", GANTRY]
    if sim is not None:
        base += ["--url", sim.control_url]
    return main(base + list(argv))


@pytest.mark.parametrize(("argv", "check"), [
    (["unlock-door", "--cabinet", "1", "--door", "front"],
     lambda m: not m.cabinets[1].doors[1].closed),
    (["air", "--cabinet", "1", "--air", "1", "--off"],
     lambda m: m.cabinets[1].air_conditioners[0].control == "standby"),
    (["air-setpoints", "--cabinet", "2", "--air", "1", "--cooling", "28", "--heating", "5"],
     lambda m: m.cabinets[2].air_conditioners[0].cool_at == 28.0),
    (["power-mode", "2"], lambda m: m.power_mode == 2),
    (["arm"], lambda m: m.armed),
    (["rectifiers", "--cabinet", "2", "--off"], lambda m: not m.cabinets[2].rectifiers_on),
    (["battery-test", "start", "--cabinet", "2"], lambda m: m.cabinets[2].battery_test),
    (["reboot", "--ip", "192.168.1.50", "--port", "502"], lambda m: m.rebooting),
    (["set-server", "192.168.1.10:8080/monitor.do"],
     lambda m: m.server_url == "http://192.168.1.10:8080/monitor.do"),
    (["set-frequency", "300", "--computer"], lambda m: m.period_s == 300.0),
    (["update-now", "--cabinet", "2"], lambda m: 2 in m.pending),
])
def test_commands_change_the_device(tmp_path, sim, capsys, argv, check) -> None:
    sim.model.pending.clear()
    assert run(tmp_path, sim, *argv) == 0
    out = capsys.readouterr().out.splitlines()
    assert json.loads(out[0]) == {"code": "1000", "msg": "成功"}
    assert out[-1].startswith("The device accepted the command to ")
    assert check(sim.model)
    store = Store(tmp_path / "data").open()
    try:
        rows = store.read_sync(audit_entries, GANTRY)
    finally:
        store.close()
    assert len(rows) == 1 and rows[0]["outcome"] == "accepted by device"
    assert rows[0]["url"] == sim.control_url


def test_disarm_and_whitelist(tmp_path, sim, capsys) -> None:
    sim.model.armed = True
    assert run(tmp_path, sim, "disarm") == 0 and sim.model.armed is False
    exp = (date.today() + timedelta(days=10)).isoformat()
    cards = tmp_path / "cards.csv"
    cards.write_text(f"card_id,expire_date\nC1,{exp}\nC2,{exp}\n", encoding="utf-8")
    assert run(tmp_path, sim, "whitelist", str(cards)) == 0
    assert sim.model.cards == {"C1": exp, "C2": exp}
    assert "with 2 card(s)" in capsys.readouterr().out


def test_battery_result_prints_the_report(tmp_path, sim, capsys) -> None:
    assert run(tmp_path, sim, "battery-result", "--cabinet", "1") == 0
    out = capsys.readouterr().out
    assert "Result: no result" in out and "Battery test result: no result." in out


def test_device_refusal_exits_1_with_one_line(tmp_path, sim, capsys) -> None:
    sim.model.cabinets[1].doors[2].closed = False
    assert run(tmp_path, sim, "unlock-door", "--cabinet", "1", "--door", "back") == 1
    cap = capsys.readouterr()
    assert cap.err.count("\n") == 1
    assert cap.err.startswith("gantry-monitor: The device refused to unlock the back door of "
                              "cabinet 1: 1007 执行控制命令失败")
    assert json.loads(cap.out.splitlines()[0])["code"] == "1007"


def test_unreachable_device_exits_1(tmp_path, capsys) -> None:
    argv = ["control", "--data-dir", str(tmp_path / "d"), "--config", settings_file(tmp_path / "s.toml"),
            "--gantry", GANTRY, "--url", "http://127.0.0.1:9/remotecontrol.do", "--timeout", "1",
            "arm"]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "could not be reached" in err
    # … and the attempt is in the audit log, which the audit command prints.
    assert main(["control", "--data-dir", str(tmp_path / "d"), "--config",
                 settings_file(tmp_path / "s.toml"), "audit"]) == 0
    out = capsys.readouterr().out
    assert "arm the door alarm  [failed]" in out


def test_invalid_input_exits_1_before_sending(tmp_path, sim, capsys) -> None:
    assert run(tmp_path, sim, "air-setpoints", "--cabinet", "1", "--cooling", "5",
               "--heating", "10") == 1
    assert capsys.readouterr().err == ("gantry-monitor: The heating set-point (10 °C) must be "
                                       "below the cooling set-point (5 °C).\n")
    assert not (tmp_path / "data").exists()


def _store_monitor_pc_report(data_dir: Path, ip: str) -> None:
    """Run the real receiver once and post a computer report naming the monitoring PC's ip."""
    from app.core import Core
    from tests.conftest import Poster, example, make_settings

    async def go() -> None:
        core = Core(make_settings(data_dir))
        await core.start()
        poster = Poster(core.receiver.url)
        try:
            doc = example("computerStatusUpdate")
            doc["computerStatus"][-1].update(isMonitorComputer="1", ip=ip)
            assert await poster.code(doc) == "1000"
        finally:
            await poster.client.aclose()
            await core.stop()
    asyncio.run(go())


def test_address_from_the_data_folders_latest_report(tmp_path, capsys) -> None:
    argv = ["control", "--data-dir", str(tmp_path / "data"), "--config", settings_file(tmp_path / "s.toml"),
            "--gantry", GANTRY, "--timeout", "1", "arm"]
    assert main(argv) == 1
    assert "No control address is known for gantry" in capsys.readouterr().err
    # With the monitoring PC's ip stored, the default address is http://<ip>:3699/….
    _store_monitor_pc_report(tmp_path / "data", "127.0.0.1")
    main(argv)  # whatever answers on this machine's port 3699, the attempt is audited
    store = Store(tmp_path / "data").open()
    try:
        rows = store.read_sync(audit_entries, GANTRY)
    finally:
        store.close()
    assert [r["url"] for r in rows] == ["http://127.0.0.1:3699/remotecontrol.do"]


def test_address_from_the_settings(tmp_path, sim, capsys) -> None:
    cfg = tmp_path / "s.toml"
    cfg.write_text(f'[gantries.{GANTRY}]\ncontrol_url = "{sim.control_url}"\n', encoding="utf-8")
    assert main(["control", "--data-dir", str(tmp_path / "data"), "--config", str(cfg),
                 "--gantry", GANTRY, "arm"]) == 0
    assert sim.model.armed is True


def test_audit_export_csv(tmp_path, sim, capsys) -> None:
    assert run(tmp_path, sim, "arm") == 0
    dest = tmp_path / "audit.csv"
    assert main(["control", "--data-dir", str(tmp_path / "data"), "--config",
                 settings_file(tmp_path / "s.toml"), "audit", "--csv", str(dest)]) == 0
    text = dest.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("id,ts,operator,gantry_id,cabinet_id,command")
    assert '"{""gantryId"":""' + GANTRY in text and "accepted by device" in text
