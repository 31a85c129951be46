"""Fault injection and named scenarios for a simulated gantry.

A fault has a name, a start and (mostly) a clear; `inject(model, name)` applies one now, and a
scenario is a timetable of such steps relative to the gantry's start, run by the model's clock.
The same names work from tests, the CLI (`--scenario`, `--fault NAME[@SECONDS]`) and the demo.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.protocol import NoValue

from .model import FRONT_DOOR, GantryModel, UnlockType

Apply = Callable[[GantryModel, int, float], None]  # model, cabinet id, time

SKEW_S = 3600.0  # far beyond the receiver's default 300 s tolerance
STAY_OPEN_S = 1e9  # a door opened by a fault stays open until the fault is cleared


@dataclass(frozen=True)
class Fault:
    description: str
    start: Apply
    clear: Apply | None = None


def _set(attr: str, on: object, off: object) -> tuple[Apply, Apply]:
    def start(m: GantryModel, cab: int, t: float) -> None:
        setattr(m.cabinets[cab], attr, on)

    def clear(m: GantryModel, cab: int, t: float) -> None:
        setattr(m.cabinets[cab], attr, off)

    return start, clear


def _sensor(flag: str, change: str, on: bool) -> Apply:
    def apply(m: GantryModel, cab: int, t: float) -> None:
        c = m.cabinets[cab]
        if getattr(c, flag) != on:
            setattr(c, flag, on)
            setattr(c, change, t)

    return apply


def _air_fault(on: bool) -> Apply:
    def apply(m: GantryModel, cab: int, t: float) -> None:
        c = m.cabinets[cab]
        c.air_conditioners[0].faulty = on
        m.thermostat(c)

    return apply


def _open_by_key(armed: bool) -> Apply:
    def apply(m: GantryModel, cab: int, t: float) -> None:
        if armed:
            m.armed = True
        m.open_door(cab, FRONT_DOOR, UnlockType.KEY, t, stay_open_s=STAY_OPEN_S)

    return apply


def _close(m: GantryModel, cab: int, t: float) -> None:
    m.close_door(cab, FRONT_DOOR, t)


def _sensor_failure(kind: str, name: str | None, reason: NoValue) -> tuple[Apply, Apply]:
    def start(m: GantryModel, cab: int, t: float) -> None:
        m.cabinets[cab].sensor_failures[(kind, name)] = reason

    def clear(m: GantryModel, cab: int, t: float) -> None:
        m.cabinets[cab].sensor_failures.pop((kind, name), None)

    return start, clear


def _not_supported_start(m: GantryModel, cab: int, t: float) -> None:
    m.cabinets[cab].sensor_failures[("surge_protector", "lightning_count")] = NoValue.NOT_SUPPORTED
    m.computer_failures["cpu_temperature"] = NoValue.NOT_SUPPORTED


def _not_supported_clear(m: GantryModel, cab: int, t: float) -> None:
    m.cabinets[cab].sensor_failures.pop(("surge_protector", "lightning_count"), None)
    m.computer_failures.pop("cpu_temperature", None)


def _silent(on: bool) -> Apply:
    def apply(m: GantryModel, cab: int, t: float) -> None:
        m.silent_until = t + 1e12 if on else t
        if not on:
            m.pending.update(["computers", *m.cabinets])  # back: report at once

    return apply


def _gantry_flag(attr: str, on: object, off: object) -> tuple[Apply, Apply]:
    def start(m: GantryModel, cab: int, t: float) -> None:
        setattr(m, attr, on)

    def clear(m: GantryModel, cab: int, t: float) -> None:
        setattr(m, attr, off)

    return start, clear


FAULTS: dict[str, Fault] = {
    "mains-failure": Fault("mains lost: the UPS discharges", *_set("mains_ok", False, True)),
    "rectifier-fault": Fault("rectifier module fault", *_set("rectifier_fault", True, False)),
    "air-conditioner-fault": Fault("air conditioner 1 fault", _air_fault(True), _air_fault(False)),
    "high-temperature": Fault("a heat source the air conditioners cannot beat",
                              *_set("overheating", True, False)),
    "water-leak": Fault("water-leak sensor alarm", _sensor("water", "water_change", True),
                        _sensor("water", "water_change", False)),
    "smoke": Fault("smoke sensor alarm", _sensor("smoke", "smoke_change", True),
                   _sensor("smoke", "smoke_change", False)),
    "door-open": Fault("front door opened with a key", _open_by_key(False), _close),
    "illegal-door": Fault("doors armed, front door opened with a key", _open_by_key(True), _close),
    "sensor-get-failed": Fault("thermohygrometer readings GetFailed",
                               *_sensor_failure("thermohygrometer", None, NoValue.GET_FAILED)),
    "sensor-not-supported": Fault("surge counter and CPU temperature NotSupport",
                                  _not_supported_start, _not_supported_clear),
    "silent": Fault("the gantry stops posting", _silent(True), _silent(False)),
    "clock-skew": Fault(f"device clock {SKEW_S:g} s ahead", *_gantry_flag("clock_skew_s", SKEW_S, 0.0)),
    "wrong-auth": Fault("posts with a wrong auth code", *_gantry_flag("wrong_auth", True, False)),
    "older-firmware": Fault("older firmware's field names (PROTOCOL.md §9)",
                            *_gantry_flag("older_firmware", True, False)),
}


def inject(model: GantryModel, name: str, active: bool = True, cabinet: int = 1,
           now: float | None = None) -> None:
    """Start (or clear) a named fault now."""
    fault = FAULTS.get(name)
    if fault is None:
        raise KeyError(f"unknown fault {name!r}; known: {', '.join(FAULTS)}")
    if cabinet not in model.cabinets:
        raise KeyError(f"cabinet {cabinet} does not exist")
    action = fault.start if active else fault.clear
    if action is not None:
        action(model, cabinet, model.now if now is None else now)


def schedule_fault(model: GantryModel, at_s: float, name: str, active: bool = True,
                   cabinet: int = 1) -> None:
    """Inject a fault `at_s` seconds after the gantry's start."""
    if name not in FAULTS:
        raise KeyError(f"unknown fault {name!r}; known: {', '.join(FAULTS)}")
    model.schedule(model.start + at_s,
                   lambda m, t: inject(m, name, active, cabinet, t))


# name -> (description, [(seconds after start, fault, start?)])
SCENARIOS: dict[str, tuple[str, list[tuple[float, str, bool]]]] = {
    "quiet": ("normal operation, no faults", []),
    "demo": ("a door opens and closes, a water leak is raised and cleared, mains fails briefly", [
        (20, "door-open", True), (50, "door-open", False),
        (60, "water-leak", True), (120, "water-leak", False),
        (150, "mains-failure", True), (270, "mains-failure", False),
    ]),
    "mains-failure": ("mains lost after 10 s for 30 minutes", [
        (10, "mains-failure", True), (1810, "mains-failure", False),
    ]),
    "alarms": ("every cabinet alarm in turn, one minute each", [
        (60 * i + d, name, d == 0)
        for i, name in enumerate(["mains-failure", "rectifier-fault", "air-conditioner-fault",
                                  "water-leak", "smoke", "illegal-door", "sensor-get-failed"])
        for d in (0, 50)
    ]),
    "illegal-door": ("doors armed, a door opened with a key after 10 s", [(10, "illegal-door", True)]),
    "silent": ("goes silent after 30 s for five minutes", [
        (30, "silent", True), (330, "silent", False),
    ]),
    "clock-skew": ("device clock an hour ahead", [(0, "clock-skew", True)]),
    "wrong-auth": ("posts with a wrong auth code", [(0, "wrong-auth", True)]),
    "older-firmware": ("older firmware's field names", [(0, "older-firmware", True)]),
}


def apply_scenario(model: GantryModel, name: str) -> None:
    if name not in SCENARIOS:
        raise KeyError(f"unknown scenario {name!r}; known: {', '.join(SCENARIOS)}")
    for at_s, fault, active in SCENARIOS[name][1]:
        schedule_fault(model, at_s, fault, active)
