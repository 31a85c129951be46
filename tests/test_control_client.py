"""The control client against the simulated gantry over 127.0.0.1: every §8 command, the device's
answer and the simulator's changed state."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import date, timedelta

import pytest

from app.control import ControlClient
from app.control import commands as c
from app.simulator.gantry import SimulatedGantry
from app.simulator.model import COMPUTERS, GantryConfig, UpsState

GANTRY = "G000211001002110010"


@pytest.fixture
async def sim() -> AsyncIterator[SimulatedGantry]:
    config = GantryConfig(gantry_id=GANTRY, seed=7, server_url="http://127.0.0.1:9/monitor.do")
    async with SimulatedGantry(config, control_port=0, captures=False) as g:
        g.model.pending.clear()  # ignore the boot posts: only what a command asks for
        yield g


@pytest.fixture
async def client(sim: SimulatedGantry) -> AsyncIterator[ControlClient]:
    async with ControlClient(sim.control_url, GANTRY, "123456", timeout_s=5) as cl:
        yield cl


async def test_body_is_signed_and_sent_as_encoded(client: ControlClient) -> None:
    r = await client.unlock_door(1, "front")
    assert r.ok, r.sentence
    doc = json.loads(r.request_body)
    assert doc["method"] == "cabinetControl"
    assert doc["cabinetControl"] == {"cmd": "2", "cabinetId": "1", "unlockDoorId": "1"}
    assert doc["gantryId"] == GANTRY and doc["version"] == "1001"
    assert r.code == "1000" and r.message == "成功"


async def test_unlock_door(client: ControlClient, sim: SimulatedGantry) -> None:
    r = await client.unlock_door(2, "back")
    assert r.ok and r.code == "1000"
    door = sim.model.cabinets[2].doors[2]
    assert door.closed is False and int(door.unlock_type) == 2  # remote command
    assert sim.model.cabinets[2].doors[1].closed is True
    # A second unlock while it is open: the device cannot, and says so (1007).
    again = await client.unlock_door(2, "back")
    assert not again.ok and again.code == "1007" and again.failure is None
    assert "refused" in again.sentence and "1007" in again.sentence


async def test_air_conditioner_on_and_standby(client: ControlClient, sim: SimulatedGantry) -> None:
    r = await client.air_on_off(1, 2, run=False)
    assert r.ok
    airs = {a.id: a for a in sim.model.cabinets[1].air_conditioners}
    assert airs[2].control == "standby" and airs[2].working is False
    assert airs[1].control == "auto"
    r = await client.air_on_off(1, 0, run=True)
    assert r.ok
    assert all(a.control == "run" and a.working for a in sim.model.cabinets[1].air_conditioners)


async def test_air_set_points(client: ControlClient, sim: SimulatedGantry) -> None:
    r = await client.air_set_points(2, 1, cooling_c=28, heating_c=5.5)
    assert r.ok
    assert json.loads(r.request_body)["cabinetControl"]["autoRefrigerationTemp"] == "28"
    airs = {a.id: a for a in sim.model.cabinets[2].air_conditioners}
    assert (airs[1].cool_at, airs[1].heat_at) == (28.0, 5.5)
    assert (airs[2].cool_at, airs[2].heat_at) == (30.0, 5.0)


async def test_power_mode(client: ControlClient, sim: SimulatedGantry) -> None:
    r = await client.power_mode(1)
    assert r.ok and sim.model.power_mode == 1
    assert not any(a.working for cab in sim.model.cabinets.values() for a in cab.air_conditioners)
    assert (await client.power_mode(0)).ok and sim.model.power_mode == 0


async def test_arm_and_disarm(client: ControlClient, sim: SimulatedGantry) -> None:
    assert (await client.arm_doors(True)).ok and sim.model.armed is True
    assert (await client.arm_doors(False)).ok and sim.model.armed is False


async def test_card_whitelist(client: ControlClient, sim: SimulatedGantry) -> None:
    exp = date.today() + timedelta(days=30)
    r = await client.card_whitelist([c.CardEntry("A001", exp), c.CardEntry(" B002 ", exp)])
    assert r.ok
    assert sim.model.cards == {"A001": exp.isoformat(), "B002": exp.isoformat()}
    sent = json.loads(r.request_body)["cabinetControl"]["cardInfos"]
    assert sent == [{"cardId": "A001", "expireDate": exp.isoformat()},
                    {"cardId": "B002", "expireDate": exp.isoformat()}]


async def test_rectifiers_off_and_on(client: ControlClient, sim: SimulatedGantry) -> None:
    assert (await client.rectifiers(1, on=False)).ok
    assert sim.model.cabinets[1].rectifiers_on is False
    assert sim.model.cabinets[2].rectifiers_on is True
    assert (await client.rectifiers(1, on=True)).ok
    assert sim.model.cabinets[1].rectifiers_on is True


async def test_battery_test_and_result(client: ControlClient, sim: SimulatedGantry) -> None:
    none_yet = await client.battery_result(1)
    assert none_yet.ok and none_yet.battery is not None
    assert none_yet.battery.result == 1 and none_yet.battery.result_text == "no result"
    assert not none_yet.battery.has_result

    assert (await client.battery_test(1, start=True)).ok
    assert sim.model.cabinets[1].ups_state is UpsState.TESTING
    # Starting it again while it runs: the device refuses.
    assert (await client.battery_test(1, start=True)).code == "1007"
    sim.model.advance(1800)  # half an hour of discharge
    assert (await client.battery_test(1, start=False)).ok
    assert sim.model.cabinets[1].battery_test is None

    r = await client.battery_result(1)
    assert r.ok and r.battery is not None
    b = r.battery
    assert b.result == 2 and b.result_text == "battery normal"
    assert b.end_course == 4 and b.end_course_text == "stopped manually"
    assert b.discharge_hours == pytest.approx(0.5, abs=0.01)
    assert b.efficiency_percent == pytest.approx(92.0)
    assert "Result: battery normal" in b.lines()
    assert r.sentence == "Battery test result: battery normal."


async def test_update_now_cabinet_and_computers(client: ControlClient,
                                                sim: SimulatedGantry) -> None:
    assert (await client.update_now(2)).ok
    assert sim.model.pending == {2}
    sim.model.pending.clear()
    r = await client.update_now(computer=True)
    assert r.ok and json.loads(r.request_body)["method"] == "computerControl"
    assert sim.model.pending == {COMPUTERS}


async def test_set_server_and_frequency(client: ControlClient, sim: SimulatedGantry) -> None:
    assert (await client.set_server("192.168.1.10:8080/monitor.do")).ok
    assert sim.model.server_url == "http://192.168.1.10:8080/monitor.do"
    assert (await client.set_frequency(300, computer=True)).ok
    assert sim.model.period_s == 300.0
    assert (await client.set_frequency(120)).ok
    assert sim.model.period_s == 120.0


async def test_reboot(client: ControlClient, sim: SimulatedGantry) -> None:
    r = await client.reboot("192.168.1.50", 502)
    assert r.ok
    assert json.loads(r.request_body)["cabinetControl"] == {
        "cmd": "1", "rebootIp": "192.168.1.50", "rebootPort": "502"}
    assert sim.model.rebooting is True
    # While it reboots it cannot carry out commands.
    busy = await client.arm_doors(True)
    assert busy.code == "1007" and sim.model.armed is False


async def test_wrong_auth_code_answers_1001(sim: SimulatedGantry) -> None:
    async with ControlClient(sim.control_url, GANTRY, "wrong") as cl:
        r = await cl.arm_doors(True)
    assert r.code == "1001" and not r.ok and r.failure is None
    assert "not authorised" in r.sentence
    assert sim.model.armed is False


async def test_out_of_range_device_ids_refused_by_device(client: ControlClient,
                                                         sim: SimulatedGantry) -> None:
    # Cabinet 2 exists for our validation; a one-cabinet gantry answers 1002 for it.
    sim.model.cabinets.pop(2)
    r = await client.rectifiers(2, on=False)
    assert r.code == "1002" and "bad parameters" in r.sentence


def test_in_flight_key_ignores_time_not_content(client: ControlClient) -> None:
    k1 = client._key(c.unlock_door(1, "front"))
    assert k1 != client._key(c.unlock_door(1, "back"))
    assert client._key(c.unlock_door(1, 1)) == k1
