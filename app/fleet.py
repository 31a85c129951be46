"""The in-memory latest state of every gantry, cabinet and computer.

Fed by `MessageStored` events after each commit, and rebuilt from the store at start by re-reading
each gantry's newest stored bodies, so the live view and the stored history never disagree.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from app.bus import EventBus
from app.events import MessageStored
from app.protocol import Block, Cabinet, CabinetStatusUpdate, Computer, parse_stored
from app.store import Store, queries

log = logging.getLogger(__name__)
DEFAULT_PERIOD_S = 600.0


@dataclass
class CabinetState:
    cabinet: Cabinet
    reported_at: float


@dataclass
class GantryState:
    gantry_id: str
    name: str = ""
    last_heard: float = 0.0
    peer: str = ""
    period_s: float = DEFAULT_PERIOD_S
    computers: list[Computer] = field(default_factory=list)
    computers_reported_at: float = 0.0
    cabinets: dict[int, CabinetState] = field(default_factory=dict)

    def online(self, now: float | None = None) -> bool:
        """Online while a report came within twice the reporting period."""
        now = time.time() if now is None else now
        return self.last_heard > 0 and now - self.last_heard <= 2 * self.period_s

    def monitor_ip(self) -> str | None:
        """IP of the monitoring PC: the default control address (PROTOCOL.md §6 decision)."""
        for c in self.computers:
            if c.is_monitor_computer.value == 1 and c.ip.present and c.ip.value:
                return str(c.ip.value)
        return None

    def apply(self, event: MessageStored) -> None:
        m = event.message
        if event.received_at >= self.last_heard:
            self.last_heard = event.received_at
            self.peer = event.peer
        if isinstance(m, CabinetStatusUpdate):
            prev = self.cabinets.get(m.cabinet.id)
            if prev is None or prev.reported_at <= event.received_at:
                self.cabinets[m.cabinet.id] = CabinetState(m.cabinet, event.received_at)
        elif event.received_at >= self.computers_reported_at:
            self.computers = list(m.computers)
            self.computers_reported_at = event.received_at


class Fleet:
    def __init__(self, bus: EventBus | None = None):
        self.gantries: dict[str, GantryState] = {}
        if bus is not None:
            bus.subscribe(MessageStored, self.apply)

    def gantry(self, gantry_id: str) -> GantryState:
        if gantry_id not in self.gantries:
            self.gantries[gantry_id] = GantryState(gantry_id)
        return self.gantries[gantry_id]

    def apply(self, event: MessageStored) -> None:
        self.gantry(event.message.gantry_id).apply(event)

    def seed(self, store: Store) -> None:
        """Rebuild from the store (at start)."""
        for row in store.read_sync(queries.gantries):
            state = load_gantry(store, row["gantry_id"])
            if state is not None:
                state.name = row.get("name") or ""
                self.gantries[state.gantry_id] = state


def load_gantry(store: Store, gantry_id: str) -> GantryState | None:
    """A gantry's latest state as stored, or None when nothing was ever accepted from it."""
    bodies = store.read_sync(queries.latest_bodies, gantry_id)
    if not bodies:
        return None
    state = GantryState(gantry_id)
    for b in bodies:
        # One unreadable body costs that part of the state until the next report, never the
        # start of the receiver or the window.
        try:
            message = parse_stored(b.body)
        except Exception as e:
            log.warning("gantry %s: the stored %s report of %s cannot be read again (%s);"
                        " its state waits for the next report", gantry_id, b.kind,
                        datetime.fromtimestamp(b.received_at).isoformat(timespec="seconds"),
                        e)
            continue
        state.apply(MessageStored(message, b.received_at, b.peer, 0))
    return state


# -- JSON view (the `latest` command, diagnostics) ---------------------------------------------

def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts).astimezone().isoformat(timespec="seconds")


def block_json(block: Block) -> dict[str, Any]:
    """A device block: each reading's value (None when absent) and a map of no-value reasons."""
    out: dict[str, Any] = {}
    if "id" in type(block).model_fields:
        out["id"] = block.id  # type: ignore[attr-defined]
    no_value: dict[str, str] = {}
    for name, r in block.readings().items():
        out[name] = r.value
        if r.reason is not None:
            no_value[name] = r.reason.value
    out["no_value"] = no_value
    return out


def cabinet_json(state: CabinetState) -> dict[str, Any]:
    c = state.cabinet
    out: dict[str, Any] = {"id": c.id, "reported_at": _iso(state.reported_at)}
    for name, _ in Cabinet.LIST_BLOCKS:
        out[name] = [block_json(b) for b in getattr(c, name)]
    for name, _ in Cabinet.SINGLE_BLOCKS:
        b = getattr(c, name)
        out[name] = block_json(b) if b is not None else None
    return out


def gantry_json(state: GantryState) -> dict[str, Any]:
    return {
        "gantry_id": state.gantry_id,
        "name": state.name,
        "last_heard": _iso(state.last_heard) if state.last_heard else None,
        "last_heard_unix": state.last_heard,
        "peer": state.peer,
        "computers_reported_at": (_iso(state.computers_reported_at)
                                  if state.computers_reported_at else None),
        "computers": [block_json(c) for c in state.computers],
        "cabinets": [cabinet_json(state.cabinets[k]) for k in sorted(state.cabinets)],
    }
