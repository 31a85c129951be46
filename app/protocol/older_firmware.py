"""Rewrite a current wire dict into older firmware's names and shapes (PROTOCOL.md §9).

The inverse of `legacy.py`, for the simulator's fault injection: a gantry that still runs old
firmware. It mixes the old spellings the field still sends (roughly firmware 0.2x): `cabinStatusUpdate`,
capitalised `ComputerStatusUpdate`, `gateMagneticSensor` with `frontDoorStatus` / `…KnobClosed` /
`denfendMode` and without unlock type/card, `elec`/`rectifier`/`ups` as one object without `id`,
and no `thunderSpd`.
"""

from __future__ import annotations

import copy
from typing import Any

_OLD_METHODS = {
    "cabinetStatusUpdate": "cabinStatusUpdate",
    "computerStatusUpdate": "ComputerStatusUpdate",
}

_OLD_DOOR_NAMES = {
    "frontDoorClosed": "frontDoorStatus",
    "backDoorClosed": "backDoorStatus",
    "defendMode": "denfendMode",
    "frontDoorLocked": "frontDoorKnobClosed",
    "backDoorLocked": "backDoorKnobClosed",
}

# Added in 0.25, after these names were current.
_LATER_DOOR_FIELDS = ("frontDoorUnlockType", "frontDoorUnlockCardId",
                      "backDoorUnlockType", "backDoorUnlockCardId")


def _first_without_id(items: Any) -> Any:
    if isinstance(items, list) and items:
        item = dict(items[0])
        item.pop("id", None)
        return item
    return items


def _old_doors(door: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for name, value in door.items():
        if name in _LATER_DOOR_FIELDS or name == "id":
            continue
        out[_OLD_DOOR_NAMES.get(name, name)] = value
    return out


def to_older_firmware(wire: dict[str, Any]) -> dict[str, Any]:
    """A copy of a status message's wire dict as older firmware would send it."""
    out = copy.deepcopy(wire)
    method = out.get("method")
    if isinstance(method, str):
        out["method"] = _OLD_METHODS.get(method, method)
    cabinet = out.get("cabinetStatus")
    if isinstance(cabinet, dict):
        for name in ("elec", "rectifier", "ups"):
            if name in cabinet:
                cabinet[name] = _first_without_id(cabinet[name])
        cabinet.pop("thunderSpd", None)
        doors = cabinet.pop("doors", None)
        if isinstance(doors, list):
            doors = doors[0] if doors else None
        if isinstance(doors, dict):
            cabinet["gateMagneticSensor"] = _old_doors(doors)
    return out
