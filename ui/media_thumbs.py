"""Thumbnails of a door event's capture, for the event log, the alarm list and the schematic.

    thumb = CaptureThumbnail(core, parent)
    thumb.show_event(gantry_id, cabinet_id, door_time)   # the door's change time
    thumb.clicked.connect(lambda path, kind: viewer.open_file(path, kind))

It shows "no capture yet" until the fetcher stores one for that event, then the photo (else the
video's first frame), without polling: it listens for `CaptureStored` on the core's bus.
`capture_pixmap(record, data_dir)` is the bare function for a table cell or a delegate.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from app.media import library as lib
from app.media.events import CaptureStored
from app.media.thumbs import poster

SIZE = 96


def capture_pixmap(record: lib.CaptureRecord, data_dir: Path, size: int = SIZE) -> QPixmap:
    """The capture's thumbnail (decodes the file: call off the GUI thread's hot path)."""
    pm = QPixmap()
    data = poster(record.file(data_dir), record.kind, size)
    if data:
        pm.loadFromData(data)
    return pm


class CaptureThumbnail(QLabel):
    clicked = Signal(object, str)  # path, kind

    def __init__(self, core: Any, parent: QWidget | None = None, size: int = SIZE):
        super().__init__(parent)
        self.core, self.size_px = core, size
        self.door_event: tuple[str, int, str] | None = None
        self.record: lib.CaptureRecord | None = None
        self.setFixedSize(size, size * 3 // 4 + 4)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setFrameShape(QLabel.Shape.Box)
        self._unsubscribe = core.bus.subscribe(CaptureStored, self._stored)
        self.destroyed.connect(lambda *_: self._unsubscribe())

    def show_event(self, gantry_id: str, cabinet_id: int, door_time: str) -> None:
        self.door_event = (gantry_id, cabinet_id, door_time)
        self.record = None
        self.setPixmap(QPixmap())
        self.setText(self.tr("no capture yet"))
        asyncio.ensure_future(self._load())

    def _stored(self, event: CaptureStored) -> None:
        c = event.capture
        if self.door_event == (c.gantry_id, c.cabinet_id, c.door_time) and self.record is None:
            asyncio.ensure_future(self._load())

    async def _load(self) -> None:
        if self.door_event is None:
            return
        wanted = self.door_event
        records = await self.core.store.read(lib.captures_for_event, *wanted)
        if not records or self.door_event != wanted:
            return
        record = records[0]  # the photo first
        data = await asyncio.to_thread(poster, record.file(self.core.data_dir), record.kind,
                                       self.size_px)
        if self.door_event != wanted:
            return
        self.record = record
        if data:
            pm = QPixmap()
            pm.loadFromData(data)
            self.setPixmap(pm)
            self.setToolTip(self.tr("%n capture(s): click to view", "", len(records)))
        else:
            self.setText(self.tr("capture cannot be shown"))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.record is not None and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.record.file(self.core.data_dir), self.record.kind)
        super().mouseReleaseEvent(event)
