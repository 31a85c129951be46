"""Rules: which alarm conditions a report shows. Pure functions, no I/O, no clock of their own.

Each function returns every condition that is abnormal *now* for the scope the report covers
(one cabinet, or the computers of a gantry); the engine raises what is new and clears what is gone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter, itemgetter

from app.protocol import Block, Cabinet, Computer, NoValue, Reading

from .model import AlarmKey, Condition, Severity
from .settings import Thresholds

DOOR_SIDES = ("front_door", "back_door")
UNLOCK_REMOTE = 2
UPS_DISCHARGING = 3

# Conditions the watchdog owns (silence), not evaluated from report contents.
OFFLINE = "offline"


@dataclass
class Context:
    """What the rules need beyond the report: memory of earlier reports, and the time."""

    now: float
    limits: Thresholds
    # Is this source in alarm now? (for deadbands: hold an alarm until back by the deadband)
    standing: Callable[[AlarmKey], bool] = lambda key: False
    # surge protector id -> strike count of the previous report of this cabinet
    previous_strikes: dict[int, int] = field(default_factory=dict)
    # (door controller id, side) -> time the door was first known open
    open_since: dict[tuple[int, str], float] = field(default_factory=dict)
    # Filled by the rules: each evaluated device, for the value an alarm shows when it clears.
    devices: dict[tuple[str, int], Block] = field(default_factory=dict)

    def value_of(self, key: AlarmKey) -> str:
        """The value a source shows now, as text ("" when this report did not cover it).

        Worked out only for the few alarms that clear, not for every reading of every report."""
        block = self.devices.get((key.kind, key.device_id))
        if block is None:
            return ""
        prefix, _, name = key.condition.partition(":")
        name = name if prefix == "get_failed" else _WATCHED.get(key.condition, "")
        if name not in type(block).model_fields:
            return ""
        r = getattr(block, name)
        v = _num(r) if key.condition in _NUMERIC else None
        return str(r) if v is None else _fmt(v)


# The reading each condition watches (its value is what a clearing alarm shows).
_WATCHED: dict[str, str] = {
    "status": "status", "current_limiting": "current_limiting", "discharging": "running_state",
    "low_runtime": "remaining_minutes", "low_charge": "charge_percent",
    "system_warning": "system_warning", "temperature_warning": "temperature_warning",
    "temperature_high": "temperature", "humidity_high": "humidity", "water": "is_warning",
    "smoke": "is_warning", "strike": "lightning_count", "cpu_temperature_high": "cpu_temperature",
    "sys_disk_usage_high": "sys_disk_usage", "data_disk_usage_high": "data_disk_usage",
    "memory_usage_high": "memory_usage",
    **{f"{side}_{what}": f"{side}_{field}" for side in ("front_door", "back_door")
       for what, field in (("illegal", "open_illegally"), ("armed", "closed"),
                           ("open_long", "closed"))},
}
# Conditions on a measured value: shown formatted (1 decimal), like when they were raised.
_NUMERIC = frozenset({"low_runtime", "low_charge", "temperature_high", "humidity_high",
                      "cpu_temperature_high", "sys_disk_usage_high", "data_disk_usage_high",
                      "memory_usage_high"})


@cache
def _readings_of(model: type[Block]) -> Callable[[Block], tuple[Reading, ...]]:
    fields = model.reading_fields()
    return attrgetter(*fields) if len(fields) > 1 else (lambda b: (getattr(b, fields[0]),))


def split_texts(r: Reading) -> list[str]:
    """The comma-separated texts of a warningMsg / errorMsg (ASCII or full-width commas)."""
    if r.reason is not None or not r.value:
        return []
    out: list[str] = []
    for t in re.split(r"[,，;；]", str(r.value)):
        t = t.strip()
        if t and t not in out:
            out.append(t)
    return out


_REASON = itemgetter(1)  # Reading.reason, without the attribute lookup
# Enum members looked up once: `Severity.HIGH` costs a slow class lookup on Python 3.11, and the
# rules name severities for every device of every report.
LOW, MEDIUM, HIGH, CRITICAL = Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL
_GET_FAILED = NoValue.GET_FAILED
# Door readings and conditions by side, named once.
_DOOR = {side: {"closed": f"{side}_closed", "illegally": f"{side}_open_illegally",
                "unlock_type": f"{side}_unlock_type", "illegal": f"{side}_illegal",
                "armed": f"{side}_armed", "open_long": f"{side}_open_long"}
         for side in DOOR_SIDES}


def _num(r: Reading) -> float | None:
    return float(r.value) if r.present and r.value is not None else None  # type: ignore[arg-type]


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:.1f}"


class _Collector:
    def __init__(self, gantry_id: str, cabinet_id: int, ctx: Context):
        self.gantry_id = gantry_id
        self.cabinet_id = cabinet_id
        self.ctx = ctx
        self.out: list[Condition] = []

    def key(self, kind: str, device_id: int, condition: str) -> AlarmKey:
        return AlarmKey(self.gantry_id, self.cabinet_id, kind, device_id, condition)

    def add(self, kind: str, device_id: int, condition: str, severity: Severity, text_key: str,
            value: str = "", **params: object) -> None:
        self.out.append(Condition(self.key(kind, device_id, condition), severity, text_key,
                                  dict(params), value))

    def flag(self, kind: str, device_id: int, condition: str, r: Reading, alarm_value: int,
             severity: Severity, text_key: str, **params: object) -> None:
        """An alarm while a 0/1 reading equals `alarm_value`."""
        if r.reason is None and r.value == alarm_value:
            self.add(kind, device_id, condition, severity, text_key, str(r), **params)

    def above(self, kind: str, device_id: int, condition: str, r: Reading, limit: float,
              deadband: float, severity: Severity, text_key: str, **params: object) -> None:
        """Raise above `limit`; hold until below `limit - deadband`; hold on a missing value."""
        v = _num(r)
        if v is not None and v <= limit - deadband:
            return  # normal whatever the alarm's state: the usual case, decided without it
        key = self.key(kind, device_id, condition)
        if v is None:
            if self.ctx.standing(key):
                self.out.append(Condition(key, severity, text_key, {**params, "value": "?",
                                                                      "limit": _fmt(limit)}))
            return
        if v > limit or self.ctx.standing(key):
            self.out.append(Condition(key, severity, text_key,
                                      {**params, "value": _fmt(v), "limit": _fmt(limit)}, _fmt(v)))

    def below(self, kind: str, device_id: int, condition: str, r: Reading, limit: float,
              deadband: float, severity: Severity, text_key: str) -> None:
        """Raise below `limit`; hold until above `limit + deadband`; hold on a missing value."""
        v = _num(r)
        if v is not None and v >= limit + deadband:
            return
        key = self.key(kind, device_id, condition)
        if v is None:
            if self.ctx.standing(key):
                self.out.append(Condition(key, severity, text_key,
                                          {"value": "?", "limit": _fmt(limit)}))
            return
        if v < limit or self.ctx.standing(key):
            self.out.append(Condition(key, severity, text_key,
                                      {"value": _fmt(v), "limit": _fmt(limit)}, _fmt(v)))

    def common(self, block: Block, device_id: int, status_severity: Severity) -> None:
        """Status 0 and readings that failed, for any device."""
        kind = block.kind
        status = getattr(block, "status", None)
        if status is not None and status.reason is None and status.value == 0:
            self.add(kind, device_id, "status", status_severity, "status", str(status))
        self.ctx.devices[(kind, device_id)] = block
        # This runs for every device of every report: look for a failed reading in C first.
        readings = _readings_of(type(block))(block)
        if _GET_FAILED not in map(_REASON, readings):
            return
        for name, r in zip(block.reading_fields(), readings, strict=True):
            if r.reason is _GET_FAILED:
                self.add(kind, device_id, f"get_failed:{name}", LOW, "get_failed",
                         _GET_FAILED.value, field=name)

    def texts(self, block: Block, device_id: int, r: Reading, prefix: str, severity: Severity,
              text_key: str) -> None:
        if not r.value:  # no warnings (the usual case) or no value
            return
        for t in split_texts(r):
            self.add(block.kind, device_id, f"{prefix}:{t}", severity, text_key, t, text=t)


def cabinet_conditions(gantry_id: str, cabinet: Cabinet, ctx: Context) -> list[Condition]:
    c = _Collector(gantry_id, cabinet.id, ctx)
    lim = ctx.limits
    for m in cabinet.mains:
        c.common(m, m.id, HIGH)
        c.texts(m, m.id, m.warning_msg, "warning", HIGH, "device_warning")
    for rect in cabinet.rectifiers:
        c.common(rect, rect.id, MEDIUM)
        c.texts(rect, rect.id, rect.warning_msg, "warning", MEDIUM, "device_warning")
        c.flag(rect.kind, rect.id, "current_limiting", rect.current_limiting, 1,
               MEDIUM, "rectifier_current_limiting")
    for u in cabinet.ups:
        c.common(u, u.id, HIGH)
        c.texts(u, u.id, u.warning_msg, "warning", HIGH, "device_warning")
        c.flag(u.kind, u.id, "discharging", u.running_state, UPS_DISCHARGING, CRITICAL,
               "ups_discharging")
        c.below(u.kind, u.id, "low_runtime", u.remaining_minutes, lim.ups_remaining_minutes_low,
                lim.minutes_deadband, HIGH, "ups_low_runtime")
        c.below(u.kind, u.id, "low_charge", u.charge_percent, lim.ups_charge_low,
                lim.percent_deadband, HIGH, "ups_low_charge")
    for ac in cabinet.air_conditioners:
        c.common(ac, ac.id, MEDIUM)
        c.texts(ac, ac.id, ac.error_msg, "error", MEDIUM, "device_error")
        c.flag(ac.kind, ac.id, "system_warning", ac.system_warning, 0, MEDIUM,
               "ac_system_warning")
        c.flag(ac.kind, ac.id, "temperature_warning", ac.temperature_warning, 0, MEDIUM,
               "ac_temperature_warning")
    if (th := cabinet.thermohygrometer) is not None:
        c.common(th, 1, MEDIUM)
        c.above(th.kind, 1, "temperature_high", th.temperature, lim.cabinet_temperature_high,
                lim.temperature_deadband, HIGH, "cabinet_temperature_high")
        c.above(th.kind, 1, "humidity_high", th.humidity, lim.cabinet_humidity_high,
                lim.humidity_deadband, MEDIUM, "cabinet_humidity_high")
    if (ws := cabinet.water_sensor) is not None:
        c.common(ws, 1, MEDIUM)
        c.flag(ws.kind, 1, "water", ws.is_warning, 1, CRITICAL, "water_leak")
    if (sm := cabinet.smoke_sensor) is not None:
        c.common(sm, 1, MEDIUM)
        c.flag(sm.kind, 1, "smoke", sm.is_warning, 1, CRITICAL, "smoke")
    for d in cabinet.doors:
        c.common(d, d.id, MEDIUM)
        for side, names in _DOOR.items():
            closed = getattr(d, names["closed"])
            illegally = getattr(d, names["illegally"])
            if illegally.reason is None and illegally.value == 1:
                c.add(d.kind, d.id, names["illegal"], HIGH, "door_open_illegally", str(illegally),
                      door=side)
            if closed.value != 0:
                continue
            if d.armed.value == 1 and getattr(d, names["unlock_type"]).value != UNLOCK_REMOTE:
                c.add(d.kind, d.id, names["armed"], HIGH, "door_open_armed", "open", door=side)
            since = ctx.open_since.get((d.id, side))
            if since is not None and ctx.now - since > lim.door_open_max_s:
                c.add(d.kind, d.id, names["open_long"], MEDIUM, "door_open_too_long",
                      _fmt((ctx.now - since) / 60), door=side,
                      minutes=_fmt(lim.door_open_max_s / 60))
    for s in cabinet.surge_protectors:
        c.common(s, s.id, MEDIUM)
        count = s.lightning_count.value if s.lightning_count.present else None
        before = ctx.previous_strikes.get(s.id)
        if count is not None and before is not None and int(count) > before:
            c.add(s.kind, s.id, "strike", MEDIUM, "surge_strike", str(count),
                  count=int(count), delta=int(count) - before)
        elif count is None and ctx.standing(c.key(s.kind, s.id, "strike")):
            # No count this time: cannot say the strikes stopped; keep the alarm.
            c.add(s.kind, s.id, "strike", MEDIUM, "surge_strike", "?", count="?",
                  delta="?")
    return c.out


def computer_conditions(gantry_id: str, computers: list[Computer], ctx: Context
                        ) -> list[Condition]:
    c = _Collector(gantry_id, 0, ctx)
    lim = ctx.limits
    for pc in computers:
        c.common(pc, pc.id, MEDIUM)
        c.above(pc.kind, pc.id, "cpu_temperature_high", pc.cpu_temperature,
                lim.cpu_temperature_high, lim.temperature_deadband, MEDIUM,
                "cpu_temperature_high")
        for disk in ("sys_disk", "data_disk"):
            c.above(pc.kind, pc.id, f"{disk}_usage_high", getattr(pc, f"{disk}_usage"),
                    lim.disk_usage_high, lim.percent_deadband, LOW, "disk_usage_high",
                    disk=disk)
        c.above(pc.kind, pc.id, "memory_usage_high", pc.memory_usage, lim.memory_usage_high,
                lim.percent_deadband, LOW, "memory_usage_high")
    return c.out


def gantry_offline(gantry_id: str, silent_s: float) -> Condition:
    return Condition(AlarmKey(gantry_id, 0, "gantry", 0, OFFLINE), CRITICAL,
                     "gantry_offline", {"minutes": _fmt(silent_s // 60)}, f"{int(silent_s)} s")


def computer_offline(gantry_id: str, computer_id: int, silent_s: float) -> Condition:
    return Condition(AlarmKey(gantry_id, 0, "computer", computer_id, OFFLINE), HIGH,
                     "computer_offline", {"minutes": _fmt(silent_s // 60)}, f"{int(silent_s)} s")
