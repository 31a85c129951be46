"""The capture fetcher: part of the core, in `serve` and in the window alike.

On every stored report it looks for doors that changed to open; for each opening it waits a
moment, then asks the cabinet's device for the capture at the door's change time. The device
answers one file per request (a photo, a video): it keeps asking until the device repeats a file
it already sent, says 1009 after at least one file, or the per-event limit is reached. A 1009
before any file means "not ready yet": it asks again with back-off for `retry_s` (default five
minutes). Each step of an event's fetch is kept in `capture_fetches` and published on the bus.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from pathlib import Path

import httpx

from app.bus import EventBus
from app.config import Settings
from app.control.service import ControlTarget, NoControlAddress, control_target
from app.events import MessageStored
from app.fleet import Fleet
from app.store import Store

from . import library as lib
from .client import RETRYABLE, MediaClient, Outcome, Received
from .doors import DoorOpening, DoorWatch
from .events import CaptureFetchChanged, CaptureStored
from .settings import MediaSettings

log = logging.getLogger(__name__)
EventKey = tuple[str, int, str]  # gantry, cabinet, door time


@dataclass(frozen=True)
class FetchReport:
    """What came of fetching one door event."""

    fetch: lib.FetchRecord
    captures: tuple[lib.CaptureRecord, ...]
    last: Received | None
    repeats: tuple[lib.CaptureRecord, ...] = ()  # files sent again that were already stored

    @property
    def ok(self) -> bool:
        return bool(self.captures)


class CaptureFetcher:
    def __init__(self, settings: Settings, store: Store, bus: EventBus | None, fleet: Fleet | None,
                 data_dir: Path, *, http: httpx.AsyncClient | None = None,
                 clock: Callable[[], float] = time.time,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.settings, self.store, self.bus, self.fleet = settings, store, bus, fleet
        self.data_dir = Path(data_dir)
        self.clock, self.sleep = clock, sleep
        self.doors = DoorWatch()
        self._http = http
        self._own_http = False
        self._tasks: dict[EventKey, asyncio.Task[FetchReport]] = {}
        self._unsubscribe: Callable[[], None] | None = None

    @property
    def media(self) -> MediaSettings:
        return self.settings.media

    # -- life cycle -------------------------------------------------------------------------------
    async def start(self) -> None:
        await self.store.read(self.doors.seed)
        if self.bus is not None:
            self._unsubscribe = self.bus.subscribe(MessageStored, self.on_message)
        with contextlib.suppress(Exception):  # a full disk must not stop the receiver
            await self.apply_retention()

    async def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        tasks = list(self._tasks.values())
        for t in tasks:
            t.cancel()
        for t in tasks:
            with contextlib.suppress(BaseException):
                await t
        if self._own_http and self._http is not None:
            await self._http.aclose()
            self._http = None

    def pending(self) -> list[EventKey]:
        return list(self._tasks)

    async def wait_idle(self) -> None:
        """Until every running fetch has finished (tests)."""
        while self._tasks:
            await asyncio.gather(*self._tasks.values(), return_exceptions=True)

    # -- door openings ------------------------------------------------------------------------------
    def on_message(self, event: MessageStored) -> None:
        for opening in self.doors.apply(event.message, event.received_at, event.message_id):
            if self.media.auto_fetch:
                self.schedule(opening)

    def schedule(self, opening: DoorOpening) -> asyncio.Task[FetchReport] | None:
        key = (opening.gantry_id, opening.cabinet_id, opening.door_time)
        if key in self._tasks:
            return None
        log.info("%s cabinet %s: %s door opened at %s; fetching its capture", opening.gantry_id,
                 opening.cabinet_id, opening.door, opening.door_time)
        task = asyncio.ensure_future(self.fetch_event(
            opening.gantry_id, opening.cabinet_id, opening.door_time, door=opening.door,
            event_ts=opening.received_at, delay_s=self.media.first_delay_s))
        self._tasks[key] = task
        task.add_done_callback(lambda _t: self._tasks.pop(key, None))
        return task

    # -- fetching ---------------------------------------------------------------------------------
    def _client(self, gantry_id: str, target: ControlTarget) -> MediaClient:
        if self._http is None:
            from app.control.client import make_http_client

            self._http = make_http_client(self.media.timeout_s)
            self._own_http = True
        return MediaClient(target.url, gantry_id, target.auth_code, self.media.timeout_s,
                           http=self._http, clock=self.clock)

    async def fetch_event(self, gantry_id: str, cabinet_id: int, door_time: str, *,
                          door: str = "", event_ts: float | None = None, delay_s: float = 0.0,
                          retry_s: float | None = None, target: ControlTarget | None = None
                          ) -> FetchReport:
        """Fetch every file the device has for this door event; retry 1009 for `retry_s`."""
        retry_s = self.media.retry_s if retry_s is None else retry_s
        fetch = lib.FetchRecord(None, gantry_id, cabinet_id, door, door_time, self.clock(),
                                "waiting")
        fetch = await self._save(fetch)
        if delay_s > 0:
            await self.sleep(delay_s)
        deadline = self.clock() + retry_s
        backoff = self.media.backoff_first_s
        captures: list[lib.CaptureRecord] = []
        repeats: list[lib.CaptureRecord] = []
        last: Received | None = None
        folder = lib.capture_folder(self.data_dir, gantry_id, door_time)
        while True:
            fetch = await self._save(replace(fetch, state="fetching", attempts=fetch.attempts + 1))
            try:
                where = target or control_target(self.settings, self.fleet, gantry_id)
            except NoControlAddress as e:
                last = Received(Outcome.TRANSPORT, str(e), "")
            else:
                last = await self._client(gantry_id, where).fetch(cabinet_id, door_time, folder)
            if last.ok:
                rec = await self._keep(last, gantry_id, cabinet_id, door, door_time, event_ts)
                if rec is None:  # the device repeats a file it already sent: that is all it has
                    known = await self.store.read(lib.capture_by_md5, gantry_id, cabinet_id,
                                                  last.md5)
                    if known is not None and known.id not in {c.id for c in captures}:
                        repeats.append(known)
                    break
                captures.append(rec)
                if len(captures) >= self.media.max_files_per_event:
                    break
                continue  # ask again: the next answer may be the video
            if captures or last.outcome not in RETRYABLE:
                break
            if last.outcome is Outcome.MD5_MISMATCH:
                log.warning("%s cabinet %s at %s: %s", gantry_id, cabinet_id, door_time,
                            last.sentence)
            if self.clock() + backoff > deadline:
                break
            fetch = await self._save(replace(fetch, state="retrying", sentence=last.sentence))
            await self.sleep(backoff)
            backoff = min(backoff * 2, self.media.backoff_max_s)
        fetch = await self._save(replace(
            fetch, state="done" if captures or repeats else "failed", files=len(captures),
            sentence=_summary(captures, repeats, last), finished_at=self.clock()))
        if captures:
            with contextlib.suppress(Exception):
                await self.apply_retention()
        return FetchReport(fetch, tuple(captures), last, tuple(repeats))

    async def _save(self, fetch: lib.FetchRecord) -> lib.FetchRecord:
        fetch_id = await self.store.write(lambda conn: lib.save_fetch(conn, fetch))
        fetch = replace(fetch, id=fetch_id)
        if self.bus is not None:
            self.bus.publish(CaptureFetchChanged(fetch))
        return fetch

    async def _keep(self, got: Received, gantry_id: str, cabinet_id: int, door: str,
                    door_time: str, event_ts: float | None) -> lib.CaptureRecord | None:
        """Record a verified file; None (and the file removed) when it is a repeat."""
        assert got.path is not None
        rec = lib.CaptureRecord(
            None, gantry_id, cabinet_id, door, door_time,
            lib.door_ts(door_time, self.settings.gantry_zone(gantry_id)), event_ts,
            self.clock(), got.kind, got.content_type, got.file_name,
            lib.relative(self.data_dir, got.path), got.size, got.md5)
        capture_id = await self.store.write(lambda conn: lib.insert_capture(conn, rec))
        if capture_id is None:
            await asyncio.to_thread(got.path.unlink, missing_ok=True)
            return None
        rec = replace(rec, id=capture_id)
        log.info("%s cabinet %s: stored %s", gantry_id, cabinet_id, rec.path)
        if self.bus is not None:
            self.bus.publish(CaptureStored(rec))
        return rec

    # -- keep and retention -----------------------------------------------------------------------
    async def set_keep(self, gantry_id: str, cabinet_id: int, door_time: str, keep: bool) -> int:
        return await self.store.write(
            lambda conn: lib.set_keep(conn, gantry_id, cabinet_id, door_time, keep))

    async def apply_retention(self) -> int:
        """Delete captures past the age / total-size limits (never kept ones); returns how many."""
        m = self.media
        victims = await self.store.read(lib.retention_victims, self.clock(), m.keep_days,
                                        int(m.max_total_mib * 1024 * 1024))
        if not victims:
            return 0
        gone = set(await self.store.write(
            lambda conn: lib.delete_captures(conn, [v[0] for v in victims])))
        for capture_id, path in victims:
            if capture_id in gone:
                with contextlib.suppress(OSError):
                    await asyncio.to_thread((self.data_dir / path).unlink, missing_ok=True)
        log.info("capture retention removed %d file(s)", len(gone))
        return len(gone)


def _summary(captures: list[lib.CaptureRecord], repeats: list[lib.CaptureRecord],
             last: Received | None) -> str:
    if captures:
        kinds = ", ".join(f"{c.kind} {c.file_name}" for c in captures)
        return f"Stored {len(captures)} capture(s): {kinds}."
    if repeats:
        return "Already stored: " + ", ".join(c.file_name for c in repeats) + "."
    return last.sentence if last is not None else "Not fetched."
