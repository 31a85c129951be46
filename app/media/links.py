"""Which door event (gantry, cabinet, door change time) an alarm or a logged event is about.

A capture is linked to its door event by the door's change time as the device reported it
(`library.CaptureRecord.door_time`); the event log keeps that time with each door opening, so a
door alarm finds its capture through the opening it was raised for.
"""

from __future__ import annotations

import json

import sqlite_utils

from app.alarms.model import Alarm
from app.events_log import DOOR_OPENED, LoggedEvent
from app.protocol.values import device_time

DoorEventKey = tuple[str, int, str]  # gantry, cabinet, door change time
# Door alarm conditions that a capture explains: illegal opening, opened while armed, open long.
DOOR_ALARM_SUFFIXES = ("_illegal", "_armed", "_open_long")
_SLACK_S = 1.0  # the opening is logged in the same commit as the alarm it raises


def is_door_alarm(alarm: Alarm) -> bool:
    return alarm.key.kind == "doors" and alarm.key.condition.endswith(DOOR_ALARM_SUFFIXES)


def _valid(change_time: object) -> str | None:
    if not isinstance(change_time, str):
        return None
    try:
        device_time(change_time)
    except ValueError:
        return None  # "NoData" and the like: no time to ask the device for
    return change_time


def event_door_key(e: LoggedEvent) -> DoorEventKey | None:
    """A door opening's key (None for other events or an opening without a change time)."""
    if e.kind != DOOR_OPENED or not e.cabinet_id:
        return None
    t = _valid(e.params.get("change_time"))
    return (e.gantry_id, e.cabinet_id, t) if t else None


def alarm_door_key(db: sqlite_utils.Database, alarm: Alarm) -> DoorEventKey | None:
    """The door opening a door alarm was raised for: the newest logged opening of that door of
    that cabinet at or before the alarm was (last) raised."""
    if not is_door_alarm(alarm):
        return None
    k = alarm.key
    side = k.condition.rsplit("_", 1)[0].removesuffix("_open")  # front_door / back_door
    raised = max(alarm.raised_at, alarm.last_raised_at or 0.0)
    rows = db.execute(
        "SELECT params FROM event_log WHERE gantry_id = ? AND cabinet_id = ? AND kind = ?"
        " AND ts <= ? ORDER BY ts DESC, id DESC LIMIT 50",
        [k.gantry_id, k.cabinet_id, DOOR_OPENED, raised + _SLACK_S]).fetchall()
    for (params,) in rows:
        p = json.loads(params or "{}")
        if p.get("door") == side and (t := _valid(p.get("change_time"))):
            return k.gantry_id, k.cabinet_id, t
    return None
