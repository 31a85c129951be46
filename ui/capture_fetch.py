"""Fetch a door-open capture by hand (issue 8): for a recent door opening or any time typed.

The dialog asks the core's own fetcher (`core.captures.fetch_event`, the same call as
`gantry-monitor fetch-capture`), on the qasync loop, so the window never waits; it says what is
going on in one sentence. A capture that arrives is announced on the bus (`CaptureStored`) and
appears in the viewer's gallery like an automatic one.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.media.fetcher import FetchReport
from app.store.queries import DoorEvent, door_events
from ui.text import fill

log = logging.getLogger(__name__)
TIME_FORMAT = "yyyy-MM-dd HH:mm:ss.zzz"  # what the device is asked for (§8.4 doorOpenTime)
RECENT_S = 30 * 86400  # door openings offered in the list


class FetchCaptureDialog(QDialog):
    """Gantry fixed, cabinet chosen; a recent door opening or a typed time; Fetch."""

    fetched = Signal(object)  # FetchReport

    def __init__(self, core: Any, gantry_id: str, cabinet_id: int = 1,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.core, self.gantry_id = core, gantry_id
        self.task: asyncio.Task[FetchReport] | None = None
        self.report: FetchReport | None = None
        self.setWindowTitle(self.tr("Fetch capture"))
        self.cabinet = QSpinBox(self)
        self.cabinet.setRange(1, 99)
        self.cabinet.setValue(max(cabinet_id, 1))
        self.event = QComboBox(self)
        self.event.setMinimumContentsLength(48)
        self.time = QDateTimeEdit(QDateTime.currentDateTime(), self)
        self.time.setDisplayFormat(TIME_FORMAT)
        self.time.setCalendarPopup(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setMinimumWidth(420)
        self.fetch_button = QPushButton(self.tr("Fetch"), self)
        self.fetch_button.setDefault(True)
        close = QPushButton(self.tr("Close"), self)
        form = QFormLayout()
        form.addRow(self.tr("Gantry"), QLabel(gantry_id, self))
        form.addRow(self.tr("Cabinet"), self.cabinet)
        form.addRow(self.tr("Door event"), self.event)
        form.addRow(self.tr("Door-open time"), self.time)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.fetch_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.cabinet.valueChanged.connect(lambda _v: self.load_events())
        self.event.currentIndexChanged.connect(self._event_chosen)
        self.fetch_button.clicked.connect(self.start_fetch)
        close.clicked.connect(self.reject)
        self.status.setText(self.tr("Choose a door opening, or type the time the door opened."))
        self._loading: asyncio.Task | None = None
        self.load_events()

    # -- door openings ---------------------------------------------------------------------------
    def load_events(self) -> asyncio.Task:
        self._loading = asyncio.ensure_future(self._load(self.cabinet.value()))
        return self._loading

    async def _load(self, cabinet_id: int) -> None:
        now = time.time()
        found = await self.core.store.read(door_events, self.gantry_id, cabinet_id,
                                           now - RECENT_S, now + 86400)
        if cabinet_id != self.cabinet.value():
            return
        self.show_events([e for e in found if e.opened and e.change_time][::-1])

    def show_events(self, openings: list[DoorEvent]) -> None:
        """Newest first; the first entry stands for "the time typed below"."""
        self.event.blockSignals(True)
        self.event.clear()
        self.event.addItem(self.tr("Any time (type it below)"), None)
        doors = {"front": self.tr("front door"), "back": self.tr("back door")}
        for e in openings:
            label = fill(self.tr("%1 %2 opened"), str(e.change_time)[:19],
                         doors.get(e.door, e.door))
            if e.card_id:
                label += " · " + fill(self.tr("card %1"), str(e.card_id))
            if e.illegal:
                label += " · " + self.tr("illegally")
            self.event.addItem(label, (str(e.change_time), e.door))
        self.event.blockSignals(False)
        if openings:
            self.event.setCurrentIndex(1)
            self._event_chosen(1)

    def _event_chosen(self, index: int) -> None:
        data = self.event.itemData(index)
        if data:
            t = QDateTime.fromString(data[0][:23], TIME_FORMAT)
            if not t.isValid():
                t = QDateTime.fromString(data[0][:19], "yyyy-MM-dd HH:mm:ss")
            if t.isValid():
                self.time.setDateTime(t)

    def door_time(self) -> tuple[str, str]:
        """(door time as the device is asked, door) for the chosen event or the typed time."""
        data = self.event.currentData()
        typed = self.time.dateTime().toString(TIME_FORMAT)
        if data and QDateTime.fromString(data[0][:23], TIME_FORMAT).toString(TIME_FORMAT) == typed:
            return data[0], data[1]  # exactly what the device reported for that opening
        return typed, ""

    # -- fetching --------------------------------------------------------------------------------
    def start_fetch(self) -> asyncio.Task[FetchReport] | None:
        if self.task is not None and not self.task.done():
            return None
        cabinet_id = self.cabinet.value()
        door_time, door = self.door_time()
        self.fetch_button.setEnabled(False)
        self.status.setText(fill(self.tr("Asking %1 for the capture of cabinet %2 at %3…"),
                                 self.gantry_id, str(cabinet_id), door_time))
        self.task = asyncio.ensure_future(self.core.captures.fetch_event(
            self.gantry_id, cabinet_id, door_time, door=door, retry_s=0))
        self.task.add_done_callback(self._done)
        return self.task

    def _done(self, task: asyncio.Task[FetchReport]) -> None:
        self.fetch_button.setEnabled(True)
        if task.cancelled():
            return
        if (e := task.exception()) is not None:
            log.error("manual capture fetch failed: %s", e)
            self.status.setText(fill(self.tr("The fetch failed: %1"), str(e)))
            return
        report = self.report = task.result()
        self.status.setText(self.sentence(report))
        self.fetched.emit(report)

    def sentence(self, report: FetchReport) -> str:
        if report.captures:
            kinds = ", ".join(self.tr("video") if c.kind == "video" else self.tr("photo")
                              for c in report.captures)
            return fill(self.tr("Stored %1 capture(s) (%2); they are in the gallery."),
                        str(len(report.captures)), kinds)
        if report.repeats:
            return self.tr("Already stored: this capture is in the gallery.")
        reason = report.last.sentence if report.last is not None else report.fetch.sentence
        return fill(self.tr("No capture: %1"), reason)
