"""Door openings seen in consecutive cabinet reports.

The fetcher keeps its own last state of every door (the fleet applies the same report first, so
its state is already the new one when the fetcher hears of it). A door opens when a report shows
it open and the previous one showed it closed, or unknown; or when it is still open but with a
new change time (it closed and opened again between two reports).
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from app.protocol import CabinetStatusUpdate, Doors, Reading

SIDES = ("front", "back")


@dataclass(frozen=True)
class DoorState:
    closed: int | None
    change_time: str | None


@dataclass(frozen=True)
class DoorOpening:
    gantry_id: str
    cabinet_id: int
    door: str  # front | back (with the controller number when a cabinet has several)
    door_time: str  # the door's change time as the device reported it
    received_at: float
    message_id: int


DoorKey = tuple[str, int, int, str]  # gantry, cabinet, door controller, side


def _value(r: Reading) -> int | str | None:
    return r.value if r.present else None  # type: ignore[return-value]


def door_name(side: str, controller: int) -> str:
    return side if controller == 1 else f"{side} {controller}"


class DoorWatch:
    def __init__(self) -> None:
        self.states: dict[DoorKey, DoorState] = {}

    def seed(self, db: sqlite_utils.Database) -> None:
        """The newest stored door report of every cabinet (call at start)."""
        rows = db.execute(
            "SELECT gantry_id, cabinet_id, device_id, front_door_closed, front_door_change_time,"
            " back_door_closed, back_door_change_time FROM doors_history WHERE rowid IN"
            " (SELECT max(rowid) FROM doors_history GROUP BY gantry_id, cabinet_id, device_id)"
        ).fetchall()
        for gid, cab, dev, fc, ft, bc, bt in rows:
            self.states[(gid, cab, dev, "front")] = DoorState(fc, ft)
            self.states[(gid, cab, dev, "back")] = DoorState(bc, bt)

    def apply(self, message: object, received_at: float, message_id: int) -> list[DoorOpening]:
        if not isinstance(message, CabinetStatusUpdate):
            return []
        out: list[DoorOpening] = []
        cabinet = message.cabinet
        for block in cabinet.doors:
            out += self._apply_block(message.gantry_id, cabinet.id, block, received_at,
                                     message_id)
        return out

    def _apply_block(self, gantry_id: str, cabinet_id: int, block: Doors, received_at: float,
                     message_id: int) -> list[DoorOpening]:
        out = []
        for side in SIDES:
            closed = _value(getattr(block, f"{side}_door_closed"))
            change = _value(getattr(block, f"{side}_door_change_time"))
            if closed is None:
                continue  # no reading: keep what we knew
            key = (gantry_id, cabinet_id, block.id, side)
            prev = self.states.get(key)
            self.states[key] = DoorState(int(closed), str(change) if change else None)
            if int(closed) != 0:
                continue
            opened = (prev is None or prev.closed != 0
                      or (change is not None and prev.change_time != change))
            if opened and change:
                out.append(DoorOpening(gantry_id, cabinet_id, door_name(side, block.id),
                                       str(change), received_at, message_id))
        return out
