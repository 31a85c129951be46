"""Confirmation by evidence: does a report that arrived after the command show its effect?

Each state-changing command maps to a test on a cabinet report (`expectation`). Commands whose
effect no report field shows (set-points, whitelist, reboot, reporting settings, power mode 0)
have none: the best they get is "accepted by device".
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from app.bus import EventBus
from app.events import MessageStored
from app.protocol import Cabinet, CabinetStatusUpdate, Reading

from .commands import Command, ControlKind

Check = Callable[[Cabinet], bool]


def _is(r: Reading, value: int) -> bool:
    return r.present and r.value == value


def _door_unlocked(door: int) -> Check:
    prefix = "front_door" if door == 1 else "back_door"

    def check(c: Cabinet) -> bool:
        return any(_is(getattr(d, f"{prefix}_locked"), 0) or _is(getattr(d, f"{prefix}_closed"), 0)
                   for d in c.doors)
    return check


def _air_working(air_id: int, working: bool) -> Check:
    def check(c: Cabinet) -> bool:
        airs = [a for a in c.air_conditioners if air_id == 0 or a.id == air_id]
        return bool(airs) and all(_is(a.is_working, int(working)) for a in airs)
    return check


def _armed(armed: bool) -> Check:
    return lambda c: bool(c.doors) and all(_is(d.armed, int(armed)) for d in c.doors)


def _rectifiers(on: bool) -> Check:
    def check(c: Cabinet) -> bool:
        if not c.rectifiers:
            return False
        volts = [r.output_voltage for r in c.rectifiers]
        if not all(v.present for v in volts):
            return False
        # Switched off: no output voltage. On: output voltage back.
        return all((float(v.value) > 1.0) == on for v in volts)  # type: ignore[arg-type]
    return check


UPS_TESTING = 5


def _battery_testing(start: bool) -> Check:
    def check(c: Cabinet) -> bool:
        states = [u.running_state for u in c.ups]
        return bool(states) and all(s.present for s in states) and (
            any(s.value == UPS_TESTING for s in states) == start)
    return check


def expectation(command: Command) -> Check | None:
    """How a cabinet report shows that the command took effect, or None when none can."""
    k = command.kind
    if k is ControlKind.UNLOCK_DOOR and command.door:
        return _door_unlocked(command.door)
    if k is ControlKind.AIR_ON_OFF and command.run is not None:
        return _air_working(command.air_id or 0, command.run)
    if k is ControlKind.POWER_MODE and command.mode:
        return _air_working(0, False)  # every saving level switches the air conditioners off
    if k is ControlKind.ARM_DOORS and command.armed is not None:
        return _armed(command.armed)
    if k is ControlKind.RECTIFIERS and command.on is not None:
        return _rectifiers(command.on)
    if k is ControlKind.BATTERY_TEST and command.start is not None:
        return _battery_testing(command.start)
    return None


class ReportWatcher:
    """Waits for a stored cabinet report of one gantry (and cabinet) that passes a check.

    Subscribe before asking the device to report, so a fast answer is not missed.
    """

    def __init__(self, bus: EventBus, gantry_id: str, cabinet_id: int | None, check: Check):
        self.gantry_id, self.cabinet_id, self.check = gantry_id, cabinet_id, check
        self.reports_seen = 0
        self._found: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self._unsubscribe = bus.subscribe(MessageStored, self._on_stored)

    def _on_stored(self, event: MessageStored) -> None:
        m = event.message
        if self._found.done() or m.gantry_id != self.gantry_id:
            return
        if not isinstance(m, CabinetStatusUpdate):
            return
        if self.cabinet_id is not None and m.cabinet.id != self.cabinet_id:
            return
        self.reports_seen += 1
        if self.check(m.cabinet):
            self._found.set_result(event.received_at)

    async def wait(self, timeout_s: float) -> bool:
        try:
            await asyncio.wait_for(asyncio.shield(self._found), timeout_s)
            return True
        except TimeoutError:
            return False

    def close(self) -> None:
        self._unsubscribe()
        if not self._found.done():
            self._found.cancel()
