"""Alarm engine through the real receiver: post reports, assert the alarm list after each step."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from app.alarms import records
from app.alarms.events import AlarmChanged
from app.alarms.model import AlarmState, Severity
from app.alarms.texts import EN, ZH, alarm_text, source_text
from app.core import Core
from app.events_log import DOOR_CLOSED, DOOR_OPENED, GANTRY_OFFLINE, GANTRY_ONLINE, events
from app.store import Store
from tests.conftest import Poster, example, make_settings

GID = "G000211001002110010"


class Clock:
    def __init__(self) -> None:
        self.t = time.time()

    def __call__(self) -> float:
        return self.t


def cabinet(mutate: Callable[[dict], None] | None = None, now: float | None = None) -> dict:
    doc = example("cabinetStatusUpdate", now)
    if mutate is not None:
        mutate(doc["cabinetStatus"])
    return doc


def power_loss(c: dict) -> None:
    c["ups"][0]["runningState"] = "3"
    c["elec"][0]["warningMsg"] = "输入欠压,A相缺相"


async def send(core: Core, poster: Poster, doc: dict) -> None:
    assert await poster.code(doc) == "1000"
    await core.alarms.wait_idle()


def listing(core: Core) -> dict[str, str]:
    """condition source -> state of every open alarm."""
    return {f"{a.key.kind}{a.key.device_id}:{a.key.condition}": a.state.value
            for a in core.alarms.active(include_shelved=True)}


def stored(core: Core) -> list:
    return core.store.read_sync(records.alarm_history)


@pytest.fixture
async def clocked(tmp_path: Path):
    """A core whose receiver and alarm engine read a clock the test moves."""
    clock = Clock()
    c = Core(make_settings(tmp_path / "data", alarms={"watchdog_s": 0.02}))
    c.receiver.clock = clock
    c.alarms.clock = clock
    await c.start()
    p = Poster(c.receiver.url)
    yield c, p, clock
    await p.client.aclose()
    await c.stop()


async def test_raise_no_duplicate_clear_then_ack(core, poster):
    await send(core, poster, cabinet())
    assert listing(core) == {}
    await send(core, poster, cabinet(power_loss))
    expected = {"ups1:discharging": "unacknowledged", "mains1:warning:输入欠压": "unacknowledged",
                "mains1:warning:A相缺相": "unacknowledged"}
    assert listing(core) == expected
    ups = next(a for a in core.alarms.active() if a.key.kind == "ups")
    assert ups.severity is Severity.CRITICAL and ups.raised_value == "3"
    assert alarm_text(ups, ZH) == "UPS放电：市电中断"
    assert alarm_text(ups, EN) == "UPS discharging: mains power lost"
    assert source_text(ups.key, EN) == "Cabinet 1 · UPS 1"
    # The same report again: nothing new, in memory or in the store.
    await send(core, poster, cabinet(power_loss))
    assert listing(core) == expected
    assert len(stored(core)) == 3
    # Back to normal: cleared but still listed until acknowledged.
    await send(core, poster, cabinet())
    assert set(listing(core).values()) == {"cleared"}
    ups = core.alarms.alarms[ups.id]
    assert ups.cleared_value == "1" and ups.cleared_at is not None
    acked = await core.alarms.acknowledge([a.id for a in core.alarms.active()], "li", "fuse ok")
    assert len(acked) == 3 and all(a.state is AlarmState.CLOSED for a in acked)
    assert listing(core) == {}
    rows = stored(core)
    assert len(rows) == 3 and {(r.acked_by, r.ack_note, r.closed) for r in rows} == {
        ("li", "fuse ok", True)}


async def test_ack_before_clear(core, poster):
    await send(core, poster, cabinet(lambda c: c["waterloggingSensor"].update(isWarning="1")))
    [water] = core.alarms.active()
    assert water.severity is Severity.CRITICAL
    await core.alarms.acknowledge([water.id], "wang", "mopping")
    assert listing(core) == {"water_sensor1:water": "acknowledged"}
    # A second acknowledgement changes nothing (who/when stay the first).
    assert await core.alarms.acknowledge([water.id], "zhao") == []
    await send(core, poster, cabinet())
    assert listing(core) == {}
    [row] = stored(core)
    assert row.state is AlarmState.CLOSED and row.acked_by == "wang"
    actions = [a["action"] for a in core.store.read_sync(records.alarm_actions, row.id)]
    assert actions == ["raised", "acknowledged", "cleared"]


async def test_back_in_alarm_before_ack_is_the_same_alarm(core, poster):
    smoke = cabinet(lambda c: c["smokeSensor"].update(isWarning="1"))
    await send(core, poster, smoke)
    await send(core, poster, cabinet())
    await send(core, poster, smoke)
    [a] = core.alarms.active()
    assert a.state is AlarmState.UNACKED and a.raise_count == 2 and len(stored(core)) == 1
    await core.alarms.acknowledge([a.id], "li")
    await send(core, poster, cabinet())
    await send(core, poster, smoke)  # after closing: a new alarm
    [b] = core.alarms.active()
    assert b.id != a.id and len(stored(core)) == 2


async def test_threshold_deadband(core, poster):
    def temp(v: str) -> dict:
        return cabinet(lambda c: c["thermohygrometer"].update(temperature=v))

    await send(core, poster, temp("50"))  # on the limit: not above it
    assert listing(core) == {}
    await send(core, poster, temp("50.5"))
    assert listing(core) == {"thermohygrometer1:temperature_high": "unacknowledged"}
    for v in ("49.9", "50.1", "48.5"):  # within the 2 °C deadband: no flapping
        await send(core, poster, temp(v))
        assert listing(core) == {"thermohygrometer1:temperature_high": "unacknowledged"}
    await send(core, poster, temp("47.9"))
    assert listing(core) == {"thermohygrometer1:temperature_high": "cleared"}
    [a] = core.alarms.active()
    assert a.raised_value == "50.5" and a.cleared_value == "47.9"
    assert alarm_text(a, EN) == "Cabinet temperature 50.5 °C, above 50 °C"
    assert len(stored(core)) == 1


async def test_device_rules(core, poster):
    def faults(c: dict) -> None:
        c["rectifier"][0].update(currentLimiting="1", warningMsg="模块故障")
        c["ups"][0].update(surplusTime="20", powerRate="25")
        c["airConditioners"][1].update(systemWarning="0", temperatureWarning="0",
                                       errorMsg="压缩机故障，风机故障")
        c["thermohygrometer"].update(humidity="95")
        c["thunderSpd"][0].update(lightningCount="3")
        c["doors"].update(status="0")
        c["elec"][0].update(voltage="GetFailed")

    await send(core, poster, cabinet())
    await send(core, poster, cabinet(faults))
    assert listing(core) == {
        "rectifier1:current_limiting": "unacknowledged",
        "rectifier1:warning:模块故障": "unacknowledged",
        "ups1:low_runtime": "unacknowledged",
        "ups1:low_charge": "unacknowledged",
        "air_conditioner2:system_warning": "unacknowledged",
        "air_conditioner2:temperature_warning": "unacknowledged",
        "air_conditioner2:error:压缩机故障": "unacknowledged",
        "air_conditioner2:error:风机故障": "unacknowledged",
        "thermohygrometer1:humidity_high": "unacknowledged",
        "surge_protector1:strike": "unacknowledged",
        "doors1:status": "unacknowledged",
        "mains1:get_failed:voltage": "unacknowledged",
    }
    strike = next(a for a in core.alarms.active() if a.key.condition == "strike")
    assert strike.params == {"count": 3, "delta": 2}
    # The same counts again: the strike alarm clears, the rest stand.
    await send(core, poster, cabinet(faults))
    assert listing(core)["surge_protector1:strike"] == "cleared"
    assert sum(s == "unacknowledged" for s in listing(core).values()) == 11


async def test_computer_thresholds(core, poster):
    await send(core, poster, example("computerStatusUpdate"))  # the spec's disks are 99.99 % full
    assert listing(core) == {
        f"computer{i}:{c}": "unacknowledged" for i in (1, 2)
        for c in ("sys_disk_usage_high", "data_disk_usage_high", "memory_usage_high")}
    doc = example("computerStatusUpdate")
    for pc in doc["computerStatus"]:
        pc.update(sysDiskUsage="50", dataDiskUsage="50", memoryUsage="40", cpuTemperature="85")
    await send(core, poster, doc)
    states = listing(core)
    assert states["computer1:cpu_temperature_high"] == "unacknowledged"
    assert states["computer2:sys_disk_usage_high"] == "cleared"


async def test_doors_events_and_alarms(clocked):
    core, poster, clock = clocked

    def door(**fields: str) -> Callable[[dict], None]:
        return lambda c: c["doors"].update(**fields)

    await send(core, poster, cabinet(now=clock.t))
    t0 = clock.t
    await send(core, poster, cabinet(door(frontDoorClosed="0", frontDoorUnlockType="1",
                                          frontDoorUnlockCardId="8800123"), now=clock.t))
    assert listing(core) == {}
    clock.t += 601  # open longer than the default 10 minutes: the watchdog raises it
    await core.alarms.tick()
    assert listing(core) == {"doors1:front_door_open_long": "unacknowledged"}
    # Armed, the back door opened with a key; and opened illegally.
    await send(core, poster, cabinet(door(frontDoorClosed="0", frontDoorUnlockType="1",
                                          defendMode="1", backDoorClosed="0",
                                          backDoorUnlockType="3", backDoorOpenIllegally="1"),
                                     now=clock.t))
    assert listing(core) == {"doors1:front_door_open_long": "unacknowledged",
                             "doors1:front_door_armed": "unacknowledged",
                             "doors1:back_door_armed": "unacknowledged",
                             "doors1:back_door_illegal": "unacknowledged"}
    await send(core, poster, cabinet(door(defendMode="1"), now=clock.t))
    assert set(listing(core).values()) == {"cleared"}
    log = core.store.read_sync(events, GID, t0 - 1, clock.t + 1)
    got = [(e.kind, e.params.get("door"), e.params.get("how"), e.actor) for e in reversed(log)]
    assert got == [
        ("gantry_appeared", None, None, ""),
        (DOOR_OPENED, "front_door", "card", "8800123"),
        ("armed", None, None, ""),
        (DOOR_OPENED, "back_door", "key", ""),
        (DOOR_CLOSED, "front_door", None, ""),
        (DOOR_CLOSED, "back_door", None, ""),
    ]
    assert core.store.read_sync(events, "OTHER", 0, 1e12) == []


async def test_offline_watchdog(clocked):
    core, poster, clock = clocked
    seen: list[AlarmChanged] = []
    core.bus.subscribe(AlarmChanged, seen.append)
    await send(core, poster, cabinet(now=clock.t))
    await send(core, poster, example("computerStatusUpdate", clock.t))
    computer_alarms = len(listing(core))
    clock.t += 1000  # 2 x 600 s not yet passed
    await asyncio.sleep(0.1)
    assert "gantry0:offline" not in listing(core)
    clock.t += 201  # silent 1201 s: the running watchdog raises it with nothing arriving
    for _ in range(100):
        if "gantry0:offline" in listing(core):
            break
        await asyncio.sleep(0.02)
    assert listing(core)["gantry0:offline"] == "unacknowledged"
    assert len(listing(core)) == computer_alarms + 1  # not one per computer as well
    offline = [e for e in seen if e.alarm.key.condition == "offline"]
    assert [e.change for e in offline] == ["raised"]
    # Cabinet reports come back, the computers stay silent.
    await send(core, poster, cabinet(now=clock.t))
    await core.alarms.tick()
    states = listing(core)
    assert states["gantry0:offline"] == "cleared"
    assert states["computer1:offline"] == states["computer2:offline"] == "unacknowledged"
    kinds = [e.kind for e in reversed(core.store.read_sync(events, GID))]
    assert kinds == ["gantry_appeared", GANTRY_OFFLINE, GANTRY_ONLINE]


async def test_shelving_expires(clocked):
    core, poster, clock = clocked
    await send(core, poster, cabinet(power_loss, now=clock.t))
    ups = next(a for a in core.alarms.active() if a.key.kind == "ups")
    await core.alarms.shelve([ups.id], 60, "li", "known outage")
    assert ups.id not in {a.id for a in core.alarms.active()}
    assert ups.id in {a.id for a in core.alarms.active(include_shelved=True)}
    assert (GID, None) in core.alarms.badges() and core.alarms.badges()[(GID, None)].count == 2
    clock.t += 30
    await core.alarms.tick()
    assert ups.id not in {a.id for a in core.alarms.active()}
    clock.t += 31
    await core.alarms.tick()
    back = core.alarms.alarms[ups.id]
    assert back.shelved_until is None and back in core.alarms.active()
    assert core.alarms.badges()[(GID, 1)].count == 3


async def test_restart_neither_loses_nor_duplicates(tmp_path: Path):
    data = tmp_path / "data"
    core = Core(make_settings(data))
    await core.start()
    poster = Poster(core.receiver.url)
    await send(core, poster, cabinet(power_loss))
    await send(core, poster, cabinet(lambda c: (power_loss(c), c["smokeSensor"].update(
        isWarning="1"))))
    smoke = next(a for a in core.alarms.active() if a.key.kind == "smoke_sensor")
    await core.alarms.acknowledge([smoke.id], "li", "checking")
    before = {a.id: a for a in core.alarms.active()}
    await poster.client.aclose()
    await core.stop()

    core = Core(make_settings(data))
    await core.start()
    poster = Poster(core.receiver.url)
    try:
        assert {a.id: a for a in core.alarms.active()} == before
        await send(core, poster, cabinet(power_loss))  # same faults, smoke gone
        assert len(stored(core)) == 4
        states = listing(core)
        assert "smoke_sensor1:smoke" not in states  # acknowledged before, cleared now: closed
        assert states["ups1:discharging"] == "unacknowledged"
        # Door memory survived too: a closed door reported again is not a new event.
        assert [e.kind for e in core.store.read_sync(events, GID)] == ["gantry_appeared"]
    finally:
        await poster.client.aclose()
        await core.stop()


async def test_ack_from_another_process_is_kept(core, poster, tmp_path: Path):
    """`gantry-monitor ack` writes through its own store while the engine runs."""
    await send(core, poster, cabinet(power_loss))
    ups = next(a for a in core.alarms.active() if a.key.kind == "ups")
    other = Store(core.data_dir).open()
    try:
        await other.write(lambda conn: records.acknowledge(conn, [ups.id], "night", "cli", 1.0))
    finally:
        other.close()
    await core.alarms.tick()  # the engine re-reads open alarms each watchdog round
    assert core.alarms.alarms[ups.id].acked_by == "night"
    await send(core, poster, cabinet())
    assert ups.id not in core.alarms.alarms
    row = core.store.read_sync(records.get_alarm, ups.id)
    assert row.closed and row.acked_by == "night" and row.ack_note == "cli"


def test_badges_unit():
    from app.alarms.model import Alarm, AlarmKey, badges

    def a(i: int, cab: int, sev: Severity, acked: bool = False, shelved: float | None = None):
        return Alarm(i, AlarmKey("G", cab, "ups", 1, f"c{i}"), sev, "status", {}, 1.0,
                     acked_at=2.0 if acked else None, shelved_until=shelved)

    got = badges([a(1, 1, Severity.LOW), a(2, 2, Severity.CRITICAL, acked=True),
                  a(3, 0, Severity.MEDIUM), a(4, 1, Severity.HIGH, shelved=100.0)], now=50.0)
    assert got[("G", None)].count == 3 and got[("G", None)].severity is Severity.CRITICAL
    assert got[("G", None)].unacked == 2
    assert got[("G", 1)].count == 1 and got[("G", 1)].severity is Severity.LOW
    assert ("G", 0) not in got




async def test_cli_alarms_and_ack(core, poster, capsys):
    from app.cli import main

    await send(core, poster, cabinet(power_loss))
    ups = next(a for a in core.alarms.active() if a.key.kind == "ups")
    data = ["--data-dir", str(core.data_dir)]
    # While the core runs (as `serve` would): the ack goes in through its own store.
    assert await asyncio.to_thread(main, ["ack", str(ups.id), "--note", "发电机已启动",
                                          "--by", "li", *data]) == 0
    assert f"Acknowledged alarm #{ups.id}" in capsys.readouterr().out
    assert await asyncio.to_thread(main, ["ack", str(ups.id), *data]) == 1
    assert "already acknowledged by li" in capsys.readouterr().err
    assert await asyncio.to_thread(main, ["ack", "999", *data]) == 1
    assert "no alarm #999" in capsys.readouterr().err
    await core.alarms.tick()
    await send(core, poster, cabinet())  # clears: the acknowledged one closes, the ack is kept
    assert await asyncio.to_thread(main, ["alarms", "--json", "--gantry", GID, *data]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {(a["device"], a["state"]) for a in listed} == {("mains", "cleared")}
    assert await asyncio.to_thread(main, ["alarms", "--all", "--json", *data]) == 0
    history = {a["id"]: a for a in json.loads(capsys.readouterr().out)}
    assert history[ups.id]["state"] == "closed"
    assert history[ups.id]["acknowledged_by"] == "li"
    assert history[ups.id]["note"] == "发电机已启动"
    assert history[ups.id]["text"] == "UPS放电：市电中断"
    assert await asyncio.to_thread(main, ["alarms", *data]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 2 and "已恢复未确认" in out and GID in out
    assert "产生于" in out and "恢复于" in out and "raised" not in out  # one language a line
