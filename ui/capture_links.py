"""Capture thumbnails for table rows: door alarms and door openings in the event log (issue 8).

`CaptureThumbs` finds a row's door event (`app.media.links`), loads the capture's poster off the
GUI thread and keeps the pixmap; it listens for `CaptureStored`, so a row whose capture arrives
later gains its thumbnail without polling. Models ask `alarm_pixmap` / `event_pixmap` (None until
known) and repaint on `changed`; a double-click asks `open_capture`, which emits
`open_requested(record)` for the media viewer.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPixmap

from app.alarms.model import Alarm
from app.events_log import LoggedEvent
from app.media import library as lib
from app.media.events import CaptureStored
from app.media.links import DoorEventKey, alarm_door_key, event_door_key, is_door_alarm
from app.media.thumbs import poster

log = logging.getLogger(__name__)
SIZE = 64


class CaptureThumbs(QObject):
    changed = Signal()  # a thumbnail appeared: repaint
    open_requested = Signal(object)  # CaptureRecord

    def __init__(self, core: Any, parent: QObject | None = None, size: int = SIZE):
        super().__init__(parent)
        self.core, self.size = core, size
        self.alarm_keys: dict[int, DoorEventKey | None] = {}  # alarm id -> its door event
        self.records: dict[DoorEventKey, lib.CaptureRecord] = {}
        self.pixmaps: dict[DoorEventKey, QPixmap] = {}
        self._asked: set[DoorEventKey] = set()
        self._tasks: set[asyncio.Task] = set()
        self._unsubscribe = core.bus.subscribe(CaptureStored, self._stored)

    def close(self) -> None:
        self._unsubscribe()
        for t in self._tasks:
            t.cancel()

    # -- what the models ask ---------------------------------------------------------------------
    def alarm_pixmap(self, alarm: Alarm) -> QPixmap | None:
        if not is_door_alarm(alarm):
            return None
        if alarm.id not in self.alarm_keys:
            self.alarm_keys[alarm.id] = None  # resolving
            self._spawn(self._resolve(alarm))
            return None
        key = self.alarm_keys[alarm.id]
        return self._pixmap(key) if key else None

    def event_pixmap(self, e: LoggedEvent) -> QPixmap | None:
        key = event_door_key(e)
        return self._pixmap(key) if key else None

    def alarm_record(self, alarm: Alarm) -> lib.CaptureRecord | None:
        key = self.alarm_keys.get(alarm.id)
        return self.records.get(key) if key else None

    def event_record(self, e: LoggedEvent) -> lib.CaptureRecord | None:
        key = event_door_key(e)
        return self.records.get(key) if key else None

    def open_capture(self, record: lib.CaptureRecord | None) -> bool:
        if record is None:
            return False
        self.open_requested.emit(record)
        return True

    # -- loading ---------------------------------------------------------------------------------
    def _pixmap(self, key: DoorEventKey) -> QPixmap | None:
        if key not in self._asked:
            self._asked.add(key)
            self._spawn(self._load(key))
        return self.pixmaps.get(key)

    def _spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        task.add_done_callback(lambda t: t.cancelled() or t.exception() and log.warning(
            "capture thumbnail: %s", t.exception()))

    async def _resolve(self, alarm: Alarm) -> None:
        key = await self.core.store.read(alarm_door_key, alarm)
        self.alarm_keys[alarm.id] = key
        if key is not None:
            self._pixmap(key)

    async def _load(self, key: DoorEventKey) -> None:
        records = await self.core.store.read(lib.captures_for_event, *key)
        if not records:
            return  # none yet: CaptureStored brings it
        record = records[0]  # the photo first
        data = await asyncio.to_thread(poster, record.file(self.core.data_dir), record.kind,
                                       self.size)
        pm = QPixmap()
        if not data or not pm.loadFromData(data):
            return
        self.records[key], self.pixmaps[key] = record, pm
        self.changed.emit()

    def _stored(self, event: CaptureStored) -> None:
        c = event.capture
        key = (c.gantry_id, c.cabinet_id, c.door_time)
        if key in self._asked and key not in self.pixmaps:
            self._spawn(self._load(key))
