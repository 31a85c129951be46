"""Receiver + simulated gantry over 127.0.0.1: scenarios land in the stored history, and every
§8 control command sent with a plain httpx request changes the gantry's next report as received."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from app.core import Core
from app.simulator import GantryConfig, SimulatedGantry, apply_scenario
from app.store import queries
from tests.conftest import make_settings
from tests.test_simulator_server import GID, Clock, latest_cabinet, send


@pytest.fixture
async def core(tmp_path: Path) -> AsyncIterator[Core]:
    """The real core with rate limit and clock check off: these tests squeeze many minutes of
    device life (on a clock they move) into a second of real time."""
    c = Core(make_settings(tmp_path / "data", rate_per_s=0, skew_tolerance_s=0))
    await c.start()
    yield c
    await c.stop()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def gantry(core: Core, clock: Clock) -> AsyncIterator[SimulatedGantry]:
    config = GantryConfig(gantry_id=GID, seed=11, period_s=600, server_url=core.receiver.url,
                          door_open_s=30)
    async with SimulatedGantry(config, clock=clock, control_port=0) as g:
        await g.tick()
        yield g


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=10, trust_env=False) as c:
        yield c


async def run_for(g: SimulatedGantry, clock: Clock, seconds: int, step: int = 5) -> None:
    for _ in range(0, seconds, step):
        clock.advance(step)
        await g.tick()


async def control(http, g: SimulatedGantry, method: str, **fields: str | list) -> dict:
    r = await send(http, g, method, fields)
    answer = r.json()
    await g.tick()  # the device acts on what the command left pending (updateNow, door events)
    return answer


async def test_demo_scenario_door_event_and_alarm_reach_the_store(core, gantry, clock):
    apply_scenario(gantry.model, "demo")
    await run_for(gantry, clock, 130)
    events = core.store.read_sync(queries.door_events, GID, 1)
    assert [(e.door, e.opened, e.unlock_type) for e in events] == [("front", True, 3),
                                                                   ("front", False, 0)]
    # The water leak was raised and cleared, each posted at once.
    history = water_warnings(core, 1)
    assert 1 in history and history[-1] == 0
    assert gantry.stats.counts.keys() == {"1000"}


def water_warnings(core: Core, cabinet_id: int) -> list[int]:
    """The water-leak sensor's stored history, oldest first."""
    return core.store.read_sync(lambda db: [r[0] for r in db.execute(
        "SELECT is_warning FROM water_sensor_history WHERE gantry_id = ? AND cabinet_id = ?"
        " ORDER BY message_id", [GID, cabinet_id])])


async def test_every_control_command_changes_the_next_report(core, gantry, clock, http):
    ok = {"code": "1000", "msg": "成功"}
    fleet = core.fleet.gantries[GID]

    # updateNow posts at once.
    before = core.store.read_sync(queries.message_count, GID)
    assert await control(http, gantry, "computerControl", updateNow="1") == ok
    assert core.store.read_sync(queries.message_count, GID) == before + 1
    assert await control(http, gantry, "cabinetControl", updateNow="1", cabinetId="2") == ok
    assert core.store.read_sync(queries.message_count, GID) == before + 2

    # setFrequency: the next periodic post comes after the new period.
    assert await control(http, gantry, "computerControl", setFrequency="20") == ok
    n = core.store.read_sync(queries.message_count, GID)
    await run_for(gantry, clock, 20, step=10)
    assert core.store.read_sync(queries.message_count, GID) == n + 3

    # cmd 2: the door opens by remote command (unlock type 2) and is reported at once.
    assert await control(http, gantry, "cabinetControl", cmd="2", cabinetId="1",
                         unlockDoorId="2") == ok
    door = latest_cabinet(core).doors[0]
    assert (door.back_door_closed.value, door.back_door_unlock_type.value) == (0, 2)
    await run_for(gantry, clock, 30)
    assert latest_cabinet(core).doors[0].back_door_closed.value == 1

    # cmd 3: air conditioners to standby, then air conditioner 1 running.
    assert await control(http, gantry, "cabinetControl", cmd="3", cabinetId="1", airId="0",
                         airOperate="2", updateNow="1") == ok
    assert [a.is_working.value for a in latest_cabinet(core).air_conditioners] == [0, 0]
    assert await control(http, gantry, "cabinetControl", cmd="3", cabinetId="1", airId="1",
                         airOperate="1", updateNow="1") == ok
    assert [a.is_working.value for a in latest_cabinet(core).air_conditioners] == [1, 0]

    # cmd 4: a low cooling set-point makes the automatic one cool; one in standby stays off.
    assert await control(http, gantry, "cabinetControl", cmd="4", cabinetId="1", airId="0",
                         autoRefrigerationTemp="10", autoHeatingTemp="0", updateNow="1") == ok
    assert [(a.is_working.value, a.work_mode.value)
            for a in latest_cabinet(core).air_conditioners] == [(1, 1), (0, 0)]
    assert await control(http, gantry, "cabinetControl", cmd="3", cabinetId="1", airId="2",
                         airOperate="1", updateNow="1") == ok
    assert [(a.is_working.value, a.work_mode.value)
            for a in latest_cabinet(core).air_conditioners] == [(1, 1), (1, 1)]

    # cmd 5 level 1: air conditioners off, and the mains load drops. The load is measured on
    # the model's next step, so let one pass with both units running before taking it.
    await run_for(gantry, clock, 10)
    assert await control(http, gantry, "cabinetControl", updateNow="1", cabinetId="1") == ok
    power = latest_cabinet(core).mains[0].power.value
    assert await control(http, gantry, "cabinetControl", cmd="5", mode="1") == ok
    cab = latest_cabinet(core)
    assert [a.is_working.value for a in cab.air_conditioners] == [0, 0]
    await run_for(gantry, clock, 10)
    assert await control(http, gantry, "cabinetControl", updateNow="1", cabinetId="1") == ok
    assert latest_cabinet(core).mains[0].power.value < power - 1.0
    assert await control(http, gantry, "cabinetControl", cmd="5", mode="0") == ok

    # cmd 6 arm, cmd 7 whitelist: a listed card opens the door (type 1 + card id), legally
    # only by remote command when armed.
    assert await control(http, gantry, "cabinetControl", cmd="6", isDoorDefend="1",
                         updateNow="1") == ok
    assert latest_cabinet(core).doors[0].armed.value == 1
    assert await control(http, gantry, "cabinetControl", cmd="7", cardInfos=[
        {"cardId": "CARD42", "expireDate": "2099-12-31"}]) == ok
    assert gantry.model.swipe_card(2, 1, "CARD42")
    await gantry.tick()
    door = latest_cabinet(core, 2).doors[0]
    assert (door.front_door_unlock_type.value, door.front_door_unlock_card_id.value) == (1,
                                                                                         "CARD42")
    assert door.front_door_open_illegally.value == 1  # armed: only a remote command is legal
    assert await control(http, gantry, "cabinetControl", cmd="6", isDoorDefend="0",
                         updateNow="1") == ok
    assert latest_cabinet(core).doors[0].armed.value == 0

    # cmd 8: rectifiers off and on.
    assert await control(http, gantry, "cabinetControl", cmd="8", cabinetId="1", onOff="0",
                         updateNow="1") == ok
    assert latest_cabinet(core).rectifiers[0].output_voltage.value == 0
    assert await control(http, gantry, "cabinetControl", cmd="8", cabinetId="1", onOff="1",
                         updateNow="1") == ok
    assert latest_cabinet(core).rectifiers[0].output_voltage.value > 50

    # cmd 9: battery test -> UPS state 5 and charge dropping; cmd 10 reports it.
    charge = latest_cabinet(core).ups[0].charge_percent.value
    assert await control(http, gantry, "cabinetControl", cmd="9", cabinetId="1",
                         testStartStop="1", updateNow="1") == ok
    assert latest_cabinet(core).ups[0].running_state.value == 5
    await run_for(gantry, clock, 900, step=60)
    assert await control(http, gantry, "cabinetControl", updateNow="1", cabinetId="1") == ok
    assert latest_cabinet(core).ups[0].charge_percent.value < charge
    answer = await control(http, gantry, "cabinetControl", cmd="10", cabinetId="1")
    assert answer["batterysTestResult"]["testResult"] == "1"  # running: no result yet
    assert await control(http, gantry, "cabinetControl", cmd="9", cabinetId="1",
                         testStartStop="0", updateNow="1") == ok
    assert latest_cabinet(core).ups[0].running_state.value in (1, 4)
    answer = await control(http, gantry, "cabinetControl", cmd="10", cabinetId="1")
    result = answer["batterysTestResult"]
    assert answer["code"] == "1000"
    assert result["testEndCourse"] == "4" and result["testResult"] == "2"
    assert float(result["dischargeTime"]) == pytest.approx(900 / 3600, abs=0.02)

    # setServer: posts go elsewhere (here: nowhere), so the receiver hears nothing more.
    n = core.store.read_sync(queries.message_count, GID)
    port = core.receiver.url.split(":")[2].split("/")[0]
    assert await control(http, gantry, "computerControl",
                         setServer=f"127.0.0.1:{port}/monitor.do") == ok
    assert gantry.model.server_url == core.receiver.url
    assert await control(http, gantry, "computerControl", setServer="127.0.0.1:9/monitor.do",
                         updateNow="1") == ok
    assert core.store.read_sync(queries.message_count, GID) == n
    assert gantry.stats.last_code == "error ConnectError"
    assert await control(http, gantry, "computerControl", setServer=core.receiver.url) == ok

    # cmd 1: reboot -> silent for a while (commands refused), then it reports again.
    assert await control(http, gantry, "cabinetControl", cmd="1", rebootIp="127.0.0.1",
                         rebootPort="9") == ok
    n = core.store.read_sync(queries.message_count, GID)
    await run_for(gantry, clock, 30)
    assert core.store.read_sync(queries.message_count, GID) == n
    assert (await control(http, gantry, "computerControl", updateNow="1"))["code"] == "1007"
    await run_for(gantry, clock, 35)
    assert core.store.read_sync(queries.message_count, GID) >= n + 3
    assert fleet.monitor_ip() == "127.0.0.1"
