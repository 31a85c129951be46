"""The alarm engine: rules over each accepted report, a watchdog for silence, the life cycle.

Everything that changes alarms (reports, watchdog ticks, acknowledgements, shelving) goes through
one queue and one worker task, so decisions are made in order and the in-memory list of open
alarms always matches what was committed. Writes go through `store.write`; each write decides
from the database row, so an acknowledgement made by another process is never undone, and every
tick re-reads the open alarms to pick such changes up.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import tzinfo
from typing import TYPE_CHECKING, Any

from app import gantry_time
from app.bus import EventBus
from app.events import MessageStored
from app.events_log import (
    ARMED,
    DISARMED,
    DOOR_CLOSED,
    DOOR_OPENED,
    GANTRY_APPEARED,
    GANTRY_OFFLINE,
    GANTRY_ONLINE,
    UNLOCK_HOW,
    EventLogged,
    LoggedEvent,
    insert_events,
)
from app.fleet import Fleet
from app.protocol import Cabinet, CabinetStatusUpdate
from app.protocol.values import device_time
from app.store import Store

from . import records
from .events import CLOSED, AlarmChanged
from .model import Alarm, AlarmKey, Badge, Condition, Severity, badges, sort_key
from .rules import (
    DOOR_SIDES,
    OFFLINE,
    Context,
    cabinet_conditions,
    computer_conditions,
    computer_offline,
    gantry_offline,
)
from .settings import AlarmSettings, Thresholds

if TYPE_CHECKING:
    from app.config import Settings

log = logging.getLogger(__name__)

DoorKey = tuple[str, int, int, str]  # gantry, cabinet, door controller, side
_OLDEST_CHANGE_S = 7 * 86400  # a door change time older than this is not believed
# Per door side: closed, change time, unlock type, card id (named once, read every report).
_DOOR_READINGS = {side: (f"{side}_closed", f"{side}_change_time", f"{side}_unlock_type",
                         f"{side}_unlock_card_id") for side in DOOR_SIDES}


class AlarmEngine:
    def __init__(self, store: Store, bus: EventBus, fleet: Fleet, settings: Settings | None = None,
                 clock: Callable[[], float] = time.time):
        self.store = store
        self.bus = bus
        self.fleet = fleet
        self.clock = clock
        self.alarm_settings: AlarmSettings = (getattr(settings, "alarms", None)
                                              or AlarmSettings())
        # The zone each gantry's device times are in (Core.apply_settings replaces it).
        self.zone_of: Callable[[str], tzinfo | None] = (
            settings.gantry_zone if settings is not None else lambda _gantry: None)
        self.alarms: dict[int, Alarm] = {}  # open alarms (not closed) by id
        self._by_source: dict[str, int] = {}
        self._queue: asyncio.Queue[tuple[Callable[[], Awaitable[Any]], asyncio.Future | None]]
        self._queue = asyncio.Queue()
        self._worker: asyncio.Task | None = None
        self._watchdog: asyncio.Task | None = None
        # Memory of earlier reports (seeded from the fleet at start).
        self._heard: dict[str, float] = {}
        self._computer_seen: dict[tuple[str, int], float] = {}
        self._strikes: dict[tuple[str, int], dict[int, int]] = {}
        self._door_closed: dict[DoorKey, int] = {}
        self._open_since: dict[DoorKey, float] = {}
        self._armed: dict[tuple[str, int, int], int] = {}
        bus.subscribe(MessageStored, self._on_message)

    # -- life cycle ----------------------------------------------------------------------------
    async def start(self, watchdog: bool = True) -> None:
        """Rebuild from the store (open alarms) and the fleet (last reports); start the worker."""
        for a in self.store.read_sync(records.open_alarms):
            self._keep(a)
        for g, state in self.fleet.gantries.items():
            if state.last_heard:
                self._heard[g] = state.last_heard
            for pc in state.computers:
                self._computer_seen[(g, pc.id)] = state.computers_reported_at
            for cab in state.cabinets.values():
                self._remember_cabinet(g, cab.cabinet, cab.reported_at, [])
        self._worker = asyncio.create_task(self._work(), name="alarm-engine")
        if watchdog:
            self._watchdog = asyncio.create_task(self._watch(), name="alarm-watchdog")

    async def stop(self) -> None:
        if self._watchdog is not None:
            self._watchdog.cancel()
            await asyncio.gather(self._watchdog, return_exceptions=True)
            self._watchdog = None
        if self._worker is not None:
            await self._queue.join()
            self._worker.cancel()
            await asyncio.gather(self._worker, return_exceptions=True)
            self._worker = None

    async def wait_idle(self) -> None:
        """Resolves once every report and command queued before it has been handled (tests)."""
        await self._queue.join()

    def thresholds(self, gantry_id: str) -> Thresholds:
        return self.alarm_settings.for_gantry(gantry_id)

    # -- what the UI and CLI read --------------------------------------------------------------
    def active(self, gantry_id: str | None = None, include_shelved: bool = False) -> list[Alarm]:
        """Open alarms (not both acknowledged and cleared), worst first, then newest first."""
        now = self.clock()
        out = [a for a in self.alarms.values()
               if (gantry_id is None or a.key.gantry_id == gantry_id)
               and (include_shelved or not a.shelved(now))]
        return sorted(out, key=sort_key)

    def badges(self) -> dict[tuple[str, int | None], Badge]:
        """Per gantry ((id, None)) and per cabinet ((id, n)): open alarm count and worst severity."""
        return badges(list(self.alarms.values()), self.clock())

    def count(self, gantry_id: str, cabinet_id: int | None = None,
              computer_id: int | None = None) -> int:
        """Open, unshelved alarms of a gantry, one of its cabinets or computers (tree badges)."""
        now = self.clock()
        n = 0
        for a in self.alarms.values():
            k = a.key
            if k.gantry_id != gantry_id or a.shelved(now):
                continue
            if cabinet_id is not None and k.cabinet_id != cabinet_id:
                continue
            if computer_id is not None and (k.kind != "computer" or k.device_id != computer_id):
                continue
            n += 1
        return n

    def standing(self, key: AlarmKey) -> bool:
        alarm_id = self._by_source.get(key.source_key)
        return alarm_id is not None and self.alarms[alarm_id].standing

    # -- commands (UI) -------------------------------------------------------------------------
    async def acknowledge(self, ids: list[int], by: str, note: str = "") -> list[Alarm]:
        """Acknowledge alarms; returns those that were acknowledged now."""
        async def run() -> list[Alarm]:
            now = self.clock()
            changes = await self.store.write(
                lambda conn: records.acknowledge(conn, list(ids), by, note, now))
            return self._publish(changes)
        return await self._call(run)

    async def shelve(self, ids: list[int], seconds: float, by: str, note: str = ""
                     ) -> list[Alarm]:
        """Hide alarms from the active list and from attention for `seconds`."""
        async def run() -> list[Alarm]:
            now = self.clock()
            changes = await self.store.write(
                lambda conn: records.shelve(conn, list(ids), now + seconds, by, note, now))
            return self._publish(changes)
        return await self._call(run)

    async def tick(self) -> None:
        """One watchdog round now (the watchdog task calls this every `watchdog_s`)."""
        await self._call(self._tick)

    # -- the worker ----------------------------------------------------------------------------
    def _on_message(self, event: MessageStored) -> None:
        self._queue.put_nowait((lambda: self._report(event), None))

    async def _call(self, fn: Callable[[], Awaitable[Any]]) -> Any:
        fut: asyncio.Future = asyncio.get_running_loop().create_future()
        self._queue.put_nowait((fn, fut))
        return await fut

    async def _work(self) -> None:
        while True:
            fn, fut = await self._queue.get()
            try:
                result = await fn()
            except Exception as e:
                if fut is None:
                    log.exception("alarm engine: handling a report failed")
                elif not fut.done():
                    fut.set_exception(e)
            else:
                if fut is not None and not fut.done():
                    fut.set_result(result)
            finally:
                self._queue.task_done()

    async def _watch(self) -> None:
        while True:
            await asyncio.sleep(self.alarm_settings.watchdog_s)
            try:
                await self.tick()
            except Exception:
                log.exception("alarm watchdog round failed")

    # -- reports -------------------------------------------------------------------------------
    async def _report(self, event: MessageStored) -> None:
        m = event.message
        g = m.gantry_id
        now = event.received_at
        ctx = Context(now, self.thresholds(g), self.standing)
        logged: list[LoggedEvent] = []
        clears: list[tuple[AlarmKey, str]] = []
        if not self._heard.get(g):
            logged.append(LoggedEvent(now, g, GANTRY_APPEARED))
        self._heard[g] = max(self._heard.get(g, 0.0), now)
        offline = AlarmKey(g, 0, "gantry", 0, OFFLINE)
        if self.standing(offline):
            clears.append((offline, "online"))
            logged.append(LoggedEvent(now, g, GANTRY_ONLINE))
        if isinstance(m, CabinetStatusUpdate):
            cab = m.cabinet
            ctx.previous_strikes = dict(self._strikes.get((g, cab.id), {}))
            self._remember_cabinet(g, cab, now, logged)
            ctx.open_since = {(d, side): t for (gg, c, d, side), t in self._open_since.items()
                              if gg == g and c == cab.id}
            found = cabinet_conditions(g, cab, ctx)

            def in_scope(k: AlarmKey) -> bool:
                return k.gantry_id == g and k.cabinet_id == cab.id
        else:
            for pc in m.computers:
                self._computer_seen[(g, pc.id)] = now
                key = AlarmKey(g, 0, "computer", pc.id, OFFLINE)
                if self.standing(key):
                    clears.append((key, "online"))
            found = computer_conditions(g, list(m.computers), ctx)

            def in_scope(k: AlarmKey) -> bool:
                return (k.gantry_id == g and k.cabinet_id == 0 and k.kind == "computer"
                        and k.condition != OFFLINE)
        keys = {c.key for c in found}
        for a in self.alarms.values():
            if a.standing and in_scope(a.key) and a.key not in keys:
                clears.append((a.key, ctx.value_of(a.key)))
        raises = [c for c in found if not self.standing(c.key)]
        await self._commit(raises, clears, logged, now)

    def _remember_cabinet(self, g: str, cab: Cabinet, now: float, logged: list[LoggedEvent]
                          ) -> None:
        """Door, arming and strike-count memory; door/arming transitions go to `logged`."""
        self._strikes[(g, cab.id)] = {
            s.id: int(s.lightning_count.value)  # type: ignore[arg-type]
            for s in cab.surge_protectors if s.lightning_count.present}
        for d in cab.doors:
            if d.armed.present:
                prev_armed = self._armed.get((g, cab.id, d.id))
                armed = int(d.armed.value)  # type: ignore[arg-type]
                if prev_armed is not None and prev_armed != armed:
                    logged.append(LoggedEvent(now, g, ARMED if armed else DISARMED, cab.id, d.id))
                self._armed[(g, cab.id, d.id)] = armed
            for side, names in _DOOR_READINGS.items():
                closed = getattr(d, names[0])
                if closed.reason is not None:
                    continue
                key: DoorKey = (g, cab.id, d.id, side)
                prev = self._door_closed.get(key)
                if closed.value == prev:
                    continue  # no change: nothing to remember or log (the usual report)
                change = getattr(d, names[1])
                if closed.value == 0 and prev != 0:
                    self._open_since[key] = _since(change.value if change.present else None,
                                                   now, self.zone_of(g))
                    how = getattr(d, names[2])
                    card = getattr(d, names[3])
                    how_word = UNLOCK_HOW.get(how.value, "unknown")  # type: ignore[arg-type]
                    logged.append(LoggedEvent(
                        now, g, DOOR_OPENED, cab.id, d.id,
                        str(card.value) if how_word == "card" and card.present else "",
                        {"door": side, "how": how_word, "change_time": str(change)}))
                elif closed.value != 0:
                    self._open_since.pop(key, None)
                    if prev == 0:
                        logged.append(LoggedEvent(now, g, DOOR_CLOSED, cab.id, d.id, "",
                                                  {"door": side, "change_time": str(change)}))
                self._door_closed[key] = int(closed.value)  # type: ignore[arg-type]

    # -- the watchdog --------------------------------------------------------------------------
    async def _tick(self) -> None:
        now = self.clock()
        raises: list[Condition] = []
        logged: list[LoggedEvent] = []
        for g, state in self.fleet.gantries.items():
            heard = max(state.last_heard, self._heard.get(g, 0.0))
            if heard <= 0:
                continue
            silent = now - heard
            limit = 2 * state.period_s
            if silent > limit:
                cond = gantry_offline(g, silent)
                if not self.standing(cond.key):
                    raises.append(cond)
                    logged.append(LoggedEvent(now, g, GANTRY_OFFLINE, params={
                        "minutes": int(silent // 60)}))
            else:
                # A silent computer on a gantry that still reports (the gantry alarm covers both).
                for (gg, pc_id), seen in self._computer_seen.items():
                    if gg == g and now - seen > limit:
                        cond = computer_offline(g, pc_id, now - seen)
                        if not self.standing(cond.key):
                            raises.append(cond)
            max_open = self.thresholds(g).door_open_max_s
            for (gg, cab_id, door_id, side), since in self._open_since.items():
                if gg != g or now - since <= max_open:
                    continue
                key = AlarmKey(g, cab_id, "doors", door_id, f"{side}_open_long")
                if not self.standing(key):
                    raises.append(Condition(key, Severity.MEDIUM, "door_open_too_long",
                                            {"door": side, "minutes": _minutes(max_open)},
                                            _minutes(now - since)))
        if raises or logged:
            await self._commit(raises, [], logged, now)
        changes = await self.store.write(lambda conn: records.unshelve_expired(conn, now))
        self._publish(changes)
        await self._refresh()

    async def _refresh(self) -> None:
        """Pick up changes made by another process (an `ack` from the command line)."""
        rows = {a.id: a for a in await self.store.read(records.open_alarms)}
        for alarm_id, mine in list(self.alarms.items()):
            theirs = rows.get(alarm_id)
            if theirs is None:
                closed = await self.store.read(records.get_alarm, alarm_id)
                if closed is not None and closed.closed:
                    self._drop(mine)
                    self.bus.publish(AlarmChanged(CLOSED, closed))
            elif theirs != mine:
                self._keep(theirs)
                change = "acked" if theirs.acked and not mine.acked else "updated"
                self.bus.publish(AlarmChanged(change, theirs))

    # -- committing ----------------------------------------------------------------------------
    async def _commit(self, raises: list[Condition], clears: list[tuple[AlarmKey, str]],
                      logged: list[LoggedEvent], now: float) -> None:
        if not raises and not clears and not logged:
            return

        def task(conn: Any) -> tuple[list[records.Change], list[LoggedEvent]]:
            return records.apply(conn, raises, clears, now), insert_events(conn, logged)

        changes, saved = await self.store.write(task)
        self._publish(changes)
        for e in saved:
            self.bus.publish(EventLogged(e))

    def _publish(self, changes: list[records.Change]) -> list[Alarm]:
        out = []
        for change, alarm in changes:
            if alarm.closed:
                self._drop(alarm)
            else:
                self._keep(alarm)
            out.append(alarm)
            self.bus.publish(AlarmChanged(change, alarm))
        return out

    def _keep(self, a: Alarm) -> None:
        self.alarms[a.id] = a
        self._by_source[a.key.source_key] = a.id

    def _drop(self, a: Alarm) -> None:
        self.alarms.pop(a.id, None)
        if self._by_source.get(a.key.source_key) == a.id:
            del self._by_source[a.key.source_key]


def _since(change_time: object, now: float, tz: tzinfo | None) -> float:
    """When a door opened: its reported change time (gantry local time, in zone `tz`) when
    believable, else now."""
    if isinstance(change_time, str):
        try:
            t = gantry_time.epoch(device_time(change_time), tz)
        except ValueError:
            return now
        if now - _OLDEST_CHANGE_S <= t <= now:
            return t
    return now


def _minutes(seconds: float) -> str:
    return str(int(seconds // 60))
