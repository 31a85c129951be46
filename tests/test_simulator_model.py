"""The simulated gantry's state: evolution over injected time, faults, scenarios, its reports."""

from __future__ import annotations

import time

import pytest

from app.protocol import NoValue, ReceivePolicy, parse, signed_headers
from app.protocol.values import NO_DATA
from app.simulator import FAULTS, SCENARIOS, GantryConfig, GantryModel, apply_scenario, inject
from app.simulator.model import BACK_DOOR, COMPUTERS, FRONT_DOOR, UnlockType, UpsState
from app.simulator.reports import cabinet_update, computer_update, wire_body

START = 1_750_000_000.0


def model(**kw) -> GantryModel:
    kw.setdefault("seed", 7)
    return GantryModel(GantryConfig(**kw), start=START)


def received(m: GantryModel, message):
    """The message as the receiver's parser reads it back (the simulator's faithfulness)."""
    body = wire_body(m, message)
    result = parse(body, signed_headers(body, "123456"), ReceivePolicy(skew_tolerance_s=0), m.now)
    assert not hasattr(result, "code"), result
    return result


def test_config_limits():
    with pytest.raises(ValueError):
        GantryConfig(cabinets=3)
    with pytest.raises(ValueError):
        GantryConfig(computers=0)
    m = model(cabinets=1, computers=1)
    assert list(m.cabinets) == [1]
    assert [(c.monitor, c.main) for c in m.computers] == [(True, False)]
    m3 = model(computers=3)
    assert [(c.monitor, c.main) for c in m3.computers] == [(False, True), (False, False),
                                                           (True, False)]


def test_same_seed_same_story():
    a, b = model(seed=3), model(seed=3)
    a.advance(3 * 3600)
    b.advance(3 * 3600)
    assert a.cabinets[1].temperature == b.cabinets[1].temperature
    assert a.computers[0].cpu == b.computers[0].cpu


def test_boot_posts_everything_then_the_period():
    m = model(period_s=60)
    assert m.due_posts() == [COMPUTERS, 1, 2]
    m.advance(30)
    assert m.due_posts() == []
    m.advance(31)
    assert m.due_posts() == [COMPUTERS, 1, 2]
    m.set_period(10)
    m.advance(9)
    assert m.due_posts() == []
    m.advance(2)
    assert m.due_posts() == [COMPUTERS, 1, 2]


def test_energy_grows_and_disks_fill():
    m = model()
    c = m.cabinets[1]
    e0, disk0 = c.energy_kwh, m.computers[0].data_disk
    m.advance(6 * 3600)
    assert c.energy_kwh > e0 + 6 * 0.8  # at least the base load for six hours
    assert m.computers[0].data_disk > disk0


def test_temperature_follows_the_day_and_air_conditioners_hold_the_set_point():
    m = model(cabinets=1)
    temps = []
    for _ in range(48):
        m.advance(1800)
        temps.append(m.cabinets[1].temperature)
    assert max(temps) - min(temps) > 3.0  # a day cycle, not a constant
    c = m.cabinets[1]
    for a in c.air_conditioners:
        a.cool_at = 15.0
    m.advance(3600)
    assert all(a.working and a.mode == 1 for a in c.air_conditioners)
    assert c.temperature < 25.0


def test_mains_failure_discharges_the_ups_and_restores():
    m = model()
    m.advance(600)
    m.due_posts()
    c = m.cabinets[1]
    assert c.ups_state in (UpsState.FLOAT, UpsState.CHARGING)
    inject(m, "mains-failure")
    events = m.advance(60)
    assert [e.detail for e in events if e.kind == "alarm-raised"] == ["mains-failure"]
    assert 1 in m.due_posts()  # an alarm starts: posted at once
    charge = c.ups_charge
    m.advance(1800)
    assert c.ups_state is UpsState.DISCHARGING
    assert c.ups_charge == pytest.approx(charge - 100 / 240 * 30, abs=0.5)
    assert not any(a.working for a in c.air_conditioners)  # no mains, no cooling
    cab = received(m, cabinet_update(m, 1)).message.cabinet
    assert cab.mains[0].status.value == 0 and cab.mains[0].voltage.value == 0
    assert cab.ups[0].running_state.value == 3
    assert cab.ups[0].remaining_minutes.value == int(c.ups_charge / 100 * 240)
    inject(m, "mains-failure", active=False)
    events = m.advance(600)
    assert [e.detail for e in events if e.kind == "alarm-cleared"] == ["mains-failure"]
    assert c.ups_state is UpsState.CHARGING


@pytest.mark.parametrize("fault,alarm", [
    ("rectifier-fault", "rectifier-fault"),
    ("air-conditioner-fault", "air-conditioner-fault"),
    ("water-leak", "water-leak"),
    ("smoke", "smoke"),
    ("illegal-door", "illegal-door-opening"),
    ("sensor-get-failed", "sensor-failure"),
])
def test_each_alarm_fault_raises_and_clears(fault, alarm):
    m = model()
    m.advance(60)
    m.due_posts()
    inject(m, fault)
    raised = m.advance(1)
    assert alarm in [e.detail for e in raised if e.kind == "alarm-raised"]
    assert 1 in m.due_posts()
    inject(m, fault, active=False)
    cleared = m.advance(1)
    assert alarm in [e.detail for e in cleared if e.kind == "alarm-cleared"]


def test_high_temperature_fault_heats_the_cabinet_past_the_threshold():
    m = model(cabinets=1)
    inject(m, "high-temperature")
    events = m.advance(2 * 3600)
    assert "high-temperature" in [e.detail for e in events if e.kind == "alarm-raised"]
    cab = received(m, cabinet_update(m, 1)).message.cabinet
    assert cab.thermohygrometer.temperature.value >= 38.0
    assert {a.temperature_warning.value for a in cab.air_conditioners} == {0}


def test_fault_reports_read_back():
    m = model()
    for name in ("rectifier-fault", "air-conditioner-fault", "water-leak", "smoke",
                 "sensor-get-failed", "sensor-not-supported"):
        inject(m, name)
    m.advance(10)
    cab = received(m, cabinet_update(m, 1)).message.cabinet
    assert cab.rectifiers[0].status.value == 0 and cab.rectifiers[0].output_voltage.value == 0
    assert cab.air_conditioners[0].system_warning.value == 0
    assert cab.air_conditioners[0].is_working.value == 0
    assert cab.water_sensor.is_warning.value == 1 and cab.smoke_sensor.is_warning.value == 1
    assert cab.thermohygrometer.temperature.reason is NoValue.GET_FAILED
    assert cab.thermohygrometer.humidity.reason is NoValue.GET_FAILED
    assert cab.surge_protectors[0].lightning_count.reason is NoValue.NOT_SUPPORTED
    pcs = received(m, computer_update(m)).message.computers
    assert all(pc.cpu_temperature.reason is NoValue.NOT_SUPPORTED for pc in pcs)
    other = received(m, cabinet_update(m, 2)).message.cabinet
    assert other.water_sensor.is_warning.value == 0  # faults are per cabinet


def test_doors_open_close_and_illegal_only_when_armed():
    m = model(door_open_s=60)
    m.due_posts()
    assert m.open_door(1, FRONT_DOOR, UnlockType.KEY)
    assert not m.cabinets[1].doors[FRONT_DOOR].illegal
    assert m.due_posts() == [1]
    cab = received(m, cabinet_update(m, 1)).message.cabinet
    d = cab.doors[0]
    assert (d.front_door_closed.value, d.front_door_unlock_type.value) == (0, 3)
    assert d.back_door_closed.value == 1
    events = m.advance(61)  # closes by itself
    assert [e.kind for e in events] == ["door-closed"]
    assert m.due_posts() == [1]
    m.armed = True
    m.open_door(1, BACK_DOOR, UnlockType.KEY)
    assert m.cabinets[1].doors[BACK_DOOR].illegal
    m.advance(1)
    m.close_door(1, BACK_DOOR)
    m.open_door(1, BACK_DOOR, UnlockType.REMOTE)
    assert not m.cabinets[1].doors[BACK_DOOR].illegal  # the remote command is the legal way in


def test_card_whitelist():
    m = model()
    today = time.strftime("%Y-%m-%d", time.localtime(START))
    m.cards = {"A1": "2099-12-31", "OLD": "2000-01-01"}
    assert not m.swipe_card(1, FRONT_DOOR, "NOPE")
    assert not m.swipe_card(1, FRONT_DOOR, "OLD")
    assert m.swipe_card(1, FRONT_DOOR, "A1")
    d = received(m, cabinet_update(m, 1)).message.cabinet.doors[0]
    assert (d.front_door_unlock_type.value, d.front_door_unlock_card_id.value) == (1, "A1")
    assert d.back_door_unlock_card_id == NO_DATA
    assert today  # the expiry compares with the device's date


def test_lightning_strikes_are_rare_and_post_at_once():
    m = model(lightning_per_day=24.0)  # about one an hour per protector, to see some
    before = sum(m.cabinets[1].lightning_counts)
    events = m.advance(10 * 3600)
    strikes = [e for e in events if e.kind == "lightning" and e.cabinet_id == 1]
    assert 5 <= len(strikes) <= 60
    assert sum(m.cabinets[1].lightning_counts) == before + len(strikes)
    quiet = model(lightning_per_day=0.2)
    assert len([e for e in quiet.advance(3600) if e.kind == "lightning"]) <= 1


def test_silence_clock_skew_wrong_auth_older_firmware():
    m = model(period_s=60)
    m.due_posts()
    inject(m, "silent")
    m.advance(600)
    assert m.due_posts() == []
    inject(m, "silent", active=False)
    assert m.due_posts() == [COMPUTERS, 1, 2]
    inject(m, "clock-skew")
    assert cabinet_update(m, 1).timestamp == int(m.now) + 3600
    inject(m, "wrong-auth")
    assert m.wrong_auth
    inject(m, "older-firmware")
    r = received(m, cabinet_update(m, 1))
    assert "gateMagneticSensor" in r.legacy and "method cabinStatusUpdate" in r.legacy
    assert r.message.cabinet.doors[0].front_door_closed.value == 1
    r = received(m, computer_update(m))
    assert r.legacy == ("method ComputerStatusUpdate",)


def test_reboot_goes_silent_then_comes_back():
    m = model(period_s=10, reboot_s=60)
    m.due_posts()
    m.reboot(m.now)
    m.advance(30)
    assert m.rebooting and m.due_posts() == []
    events = m.advance(31)
    assert [e.kind for e in events] == ["back-online"]
    assert m.due_posts() == [COMPUTERS, 1, 2]


def test_demo_scenario_opens_a_door_and_raises_then_clears_an_alarm():
    m = model()
    apply_scenario(m, "demo")
    events = m.advance(300)
    kinds = [(e.kind, e.detail) for e in events]
    assert ("door-opened", "front") in kinds and ("door-closed", "front") in kinds
    assert ("alarm-raised", "water-leak") in kinds and ("alarm-cleared", "water-leak") in kinds
    assert kinds.index(("alarm-raised", "water-leak")) < kinds.index(("alarm-cleared",
                                                                        "water-leak"))


def test_every_scenario_and_fault_runs():
    for name in SCENARIOS:
        m = model()
        apply_scenario(m, name)
        m.advance(900)
        for cab in m.cabinets:
            received(m, cabinet_update(m, cab))
    for name in FAULTS:
        m = model()
        inject(m, name)
        m.advance(30)
        inject(m, name, active=False)
        m.advance(30)
    with pytest.raises(KeyError):
        inject(model(), "no-such-fault")


def test_monitor_pc_reports_its_control_address():
    m = model(monitor_ip="127.0.0.5")
    pcs = received(m, computer_update(m)).message.computers
    monitor = [pc for pc in pcs if pc.is_monitor_computer.value == 1]
    assert [pc.ip.value for pc in monitor] == ["127.0.0.5"]
