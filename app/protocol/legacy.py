"""Older field names and shapes still sent by field devices (PROTOCOL.md §9), normalised on input."""

from __future__ import annotations

from typing import Any

_METHODS = {
    "cabinstatusupdate": "cabinetStatusUpdate",
    "cabinetstatusupdate": "cabinetStatusUpdate",
    "computerstatusupdate": "computerStatusUpdate",
}

_DOOR_RENAMES = {
    "frontDoorStatus": "frontDoorClosed",
    "backDoorStatus": "backDoorClosed",
    "denfendMode": "defendMode",
    "frontDoorKnobClosed": "frontDoorLocked",
    "backDoorKnobClosed": "backDoorLocked",
}

# Blocks that were once a single object and are arrays now, and whose items gained ids later.
_ARRAY_BLOCKS = ("elec", "rectifier", "ups", "airConditioners", "thunderSpd")


def normalise_method(method: str) -> str:
    """Older spellings (`cabinStatusUpdate`, capital first letter) to the current name."""
    return _METHODS.get(method.lower(), method[:1].lower() + method[1:])


def _number_items(items: list[Any], notes: list[str], where: str) -> list[Any]:
    out = []
    for pos, item in enumerate(items):
        if isinstance(item, dict) and "id" not in item:
            item = {**item, "id": str(pos + 1)}
            notes.append(f"{where}[{pos}] without id")
        out.append(item)
    return out


def normalise_cabinet(cabinet: dict[str, Any], notes: list[str]) -> dict[str, Any]:
    c = dict(cabinet)
    if "gateMagneticSensor" in c and "doors" not in c:
        c["doors"] = c.pop("gateMagneticSensor")
        notes.append("gateMagneticSensor")
    for name in _ARRAY_BLOCKS:
        block = c.get(name)
        if isinstance(block, dict):
            block = [block]
            notes.append(f"{name} as object")
        if isinstance(block, list):
            c[name] = _number_items(block, notes, name)
    doors = c.get("doors")
    if isinstance(doors, (dict, list)):
        controllers = [doors] if isinstance(doors, dict) else doors
        renamed = []
        for d in controllers:
            if isinstance(d, dict):
                for old, new in _DOOR_RENAMES.items():
                    if old in d and new not in d:
                        d = {**d, new: d[old]}
                        notes.append(old)
            renamed.append(d)
        c["doors"] = _number_items(renamed, notes, "doors") if isinstance(doors, list) else renamed
    return c


def normalise_computers(computers: Any, notes: list[str]) -> Any:
    if isinstance(computers, dict):
        computers = [computers]
        notes.append("computerStatus as object")
    if isinstance(computers, list):
        return _number_items(computers, notes, "computerStatus")
    return computers
