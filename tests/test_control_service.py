"""Commands end to end: the real receiver and the simulated gantry over 127.0.0.1, confirmation by
the next report, and the audit log."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from app.config import GantryEntry
from app.control import (
    ControlProgress,
    ControlService,
    NoControlAddress,
    Stage,
    control_target,
)
from app.control import commands as c
from app.control.audit import audit_csv, audit_entries
from app.core import Core
from app.simulator.gantry import SimulatedGantry
from app.simulator.model import GantryConfig
from tests.conftest import make_settings

GANTRY = "G000211001002110010"


@pytest.fixture
async def rig(tmp_path: Path) -> AsyncIterator[tuple[Core, SimulatedGantry, ControlService]]:
    core = Core(make_settings(tmp_path / "data", operator_name="Wang"))
    await core.start()
    config = GantryConfig(gantry_id=GANTRY, seed=3, server_url=core.receiver.url)
    sim = SimulatedGantry(config, control_port=0, captures=False)
    await sim.start()
    runner = asyncio.create_task(sim.run(tick_s=0.2))
    # Boot posts reach the receiver; the fleet then knows the monitoring PC's ip.
    for _ in range(100):
        if len(core.fleet.gantry(GANTRY).cabinets) == 2:
            break
        await asyncio.sleep(0.05)
    core.settings = core.settings.model_copy(update={"gantries": {
        GANTRY: GantryEntry(control_url=sim.control_url)}})
    service = ControlService(core.settings, core.store, core.bus, core.fleet,
                             confirm_timeout_s=10)
    yield core, sim, service
    await service.aclose()
    runner.cancel()
    await asyncio.gather(runner, return_exceptions=True)
    await sim.stop()
    await core.stop()


async def test_unlock_is_confirmed_by_report_and_audited(rig) -> None:
    core, sim, service = rig
    stages: list[Stage] = []
    seen_on_bus: list[Stage] = []
    core.bus.subscribe(ControlProgress, lambda e: seen_on_bus.append(e.outcome.stage))
    out = await service.execute(GANTRY, c.unlock_door(1, "front"),
                                on_stage=lambda o: stages.append(o.stage))
    assert out.stage is Stage.CONFIRMED, out.sentence
    assert stages == [Stage.SENT, Stage.ACCEPTED, Stage.CONFIRMED] == seen_on_bus
    assert sim.model.cabinets[1].doors[1].closed is False
    door = core.fleet.gantry(GANTRY).cabinets[1].cabinet.doors[0]
    assert door.front_door_closed.value == 0 and door.front_door_unlock_type.value == 2

    rows = await core.store.read(audit_entries, GANTRY)
    assert len(rows) == 1
    row = rows[0]
    assert row["operator"] == "Wang" and row["gantry_id"] == GANTRY and row["cabinet_id"] == 1
    assert row["command"] == "unlock-door"
    assert row["action"] == "unlock the front door of cabinet 1"
    assert row["request_body"] == out.result.request_body.decode()
    assert json.loads(row["request_body"])["cabinetControl"]["unlockDoorId"] == "1"
    assert json.loads(row["answer"]) == {"code": "1000", "msg": "成功"}
    assert row["answer_code"] == "1000"
    assert row["outcome"] == "confirmed by report" and row["finished_at"] >= row["ts"]
    assert "confirmed by report" in audit_csv(rows)


@pytest.mark.parametrize(("command", "check"), [
    (c.air_on_off(2, 1, run=False),
     lambda s: not s.model.cabinets[2].air_conditioners[0].working),
    (c.arm_doors(True), lambda s: s.model.armed),
    (c.rectifiers(1, on=False), lambda s: not s.model.cabinets[1].rectifiers_on),
    (c.battery_test(2, start=True), lambda s: s.model.cabinets[2].battery_test is not None),
    (c.power_mode(1), lambda s: s.model.power_mode == 1),
])
async def test_state_changes_are_confirmed(rig, command, check) -> None:
    core, sim, service = rig
    out = await service.execute(GANTRY, command)
    assert out.stage is Stage.CONFIRMED, out.sentence
    assert check(sim)


async def test_effect_without_report_field_stays_accepted(rig) -> None:
    core, sim, service = rig
    out = await service.execute(GANTRY, c.air_set_points(1, 0, cooling_c=27, heating_c=3))
    assert out.stage is Stage.ACCEPTED and not out.confirmable
    assert sim.model.cabinets[1].air_conditioners[1].cool_at == 27.0
    rows = await core.store.read(audit_entries, GANTRY)
    assert rows[0]["outcome"] == "accepted by device"


async def test_not_confirmed_when_no_report_shows_it(rig) -> None:
    core, sim, service = rig
    service.confirm_timeout_s = 0.5
    # A device that accepts but whose reports never change: stop the simulated gantry posting.
    sim.model.go_silent(3600)
    out = await service.execute(GANTRY, c.arm_doors(True))
    assert out.stage is Stage.NOT_CONFIRMED
    assert "no report within 0.5 s" in out.sentence
    rows = await core.store.read(audit_entries, GANTRY)
    assert rows[0]["outcome"] == "not confirmed"


async def test_refused_command_is_audited_as_failed(rig) -> None:
    core, sim, service = rig
    sim.model.cabinets[1].doors[2].closed = False  # already open: the device answers 1007
    out = await service.execute(GANTRY, c.unlock_door(1, "back"))
    assert out.stage is Stage.FAILED and out.result.code == "1007"
    rows = await core.store.read(audit_entries, GANTRY)
    assert rows[0]["outcome"] == "failed" and rows[0]["answer_code"] == "1007"
    assert rows[0]["sentence"] == out.sentence


async def test_unreachable_device_is_audited(rig) -> None:
    core, sim, service = rig
    await sim.stop()
    out = await service.execute(GANTRY, c.rectifiers(1, on=True))
    assert out.stage is Stage.FAILED and "could not be reached" in out.sentence
    rows = await core.store.read(audit_entries, GANTRY)
    assert rows[0]["answer_code"] is None and rows[0]["answer"].startswith("connection refused")


async def test_second_identical_request_while_pending_is_not_sent(rig) -> None:
    core, sim, service = rig
    cmd = c.arm_doors(True)
    first = asyncio.ensure_future(service.execute(GANTRY, cmd))
    await asyncio.sleep(0)
    assert service.is_pending(GANTRY, cmd)
    second = await service.execute(GANTRY, cmd)
    assert (await first) is second
    rows = await core.store.read(audit_entries, GANTRY)
    assert [r["command"] for r in rows] == ["arm"]


async def test_battery_result_read(rig) -> None:
    core, sim, service = rig
    out = await service.execute(GANTRY, c.battery_result(1))
    assert out.stage is Stage.ACCEPTED and out.result.battery.result_text == "no result"


async def test_default_address_is_the_monitoring_pc(rig) -> None:
    core, sim, service = rig
    settings = core.settings.model_copy(update={"gantries": {}, "auth_code": "abc"})
    t = control_target(settings, core.fleet, GANTRY)
    assert t.url == "http://127.0.0.1:3699/remotecontrol.do" and t.auth_code == "abc"
    settings = settings.model_copy(update={"gantries": {GANTRY: GantryEntry(
        control_url="https://10.1.1.1:443/remotecontrol.do", device_auth_code="dev")}})
    t = control_target(settings, core.fleet, GANTRY)
    assert (t.url, t.auth_code) == ("https://10.1.1.1:443/remotecontrol.do", "dev")
    with pytest.raises(NoControlAddress, match="No control address is known for gantry G9"):
        control_target(settings, core.fleet, "G9")
