"""The alarm view: active alarms (worst first), acknowledge / shelve, history and event search,
CSV export. Also `install_alarm_ui`, which plugs the view, the notifier and the tree badges into
the main window.
"""

from __future__ import annotations

import asyncio
import csv
import getpass
import logging
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, QModelIndex, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.alarms import records
from app.alarms.engine import AlarmEngine
from app.alarms.model import Alarm, AlarmState, Severity
from app.alarms.texts import severity_text
from app.events_log import LoggedEvent, events
from ui.alarm_bridge import AlarmBridge
from ui.alarm_model import AlarmTableModel, EventTableModel
from ui.alarm_notifier import AlarmNotifier
from ui.capture_links import CaptureThumbs

log = logging.getLogger(__name__)
REFRESH_MS = 300  # bursts of alarms redraw at most this often
Reader = Callable[..., Awaitable[Any]]

STATE_FILTERS = ("all", "unacknowledged", "acknowledged", "cleared", "shelved")


def _bar(parent: QWidget) -> QToolBar:
    bar = QToolBar(parent)
    bar.setMovable(False)
    return bar


def _table(model: Any, parent: QWidget) -> QTableView:
    t = QTableView(parent)
    t.setModel(model)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    t.setAlternatingRowColors(True)
    t.verticalHeader().hide()
    t.horizontalHeader().setStretchLastSection(True)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return t


class AlarmView(QWidget):
    def __init__(self, engine: AlarmEngine, reader: Reader | None = None,
                 language: str = "zh_CN", clock: Callable[[], float] = time.time,
                 notifier: AlarmNotifier | None = None, operator: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.engine = engine
        self.reader = reader
        self.language = language
        self.clock = clock
        self.notifier = notifier
        self.operator = operator or getpass.getuser()
        self.dirty = True
        self._tasks: set[asyncio.Task] = set()

        self.tabs = QTabWidget(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tabs)
        self._active_tab()
        self._history_tab()
        self._timer = QTimer(self, interval=REFRESH_MS, timeout=self.refresh_if_dirty)
        self._timer.start()
        self.refresh()

    # -- active alarms -------------------------------------------------------------------------
    def _active_tab(self) -> None:
        page = QWidget(self)
        self.gantry_filter = QComboBox(page)
        self.severity_filter = QComboBox(page)
        self.severity_filter.addItem(self.tr("All severities"), 0)
        for s in sorted(Severity, reverse=True):
            self.severity_filter.addItem(self.tr("≥ %1").replace(
                "%1", severity_text(s, self.language)), int(s))
        self.state_filter = QComboBox(page)
        names = {"all": self.tr("All states"), "unacknowledged": self.tr("Unacknowledged"),
                 "acknowledged": self.tr("Acknowledged"), "cleared": self.tr("Cleared"),
                 "shelved": self.tr("Shelved")}
        for key in STATE_FILTERS:
            self.state_filter.addItem(names[key], key)
        for combo in (self.gantry_filter, self.severity_filter, self.state_filter):
            combo.currentIndexChanged.connect(self.mark_dirty)
        self.ack_button = QPushButton(self.tr("Acknowledge…"), page)
        self.ack_button.clicked.connect(self.ack_selected)
        self.shelve_button = QPushButton(self.tr("Shelve…"), page)
        self.shelve_button.clicked.connect(self.shelve_selected)
        self.mute_button = QPushButton(self.tr("Mute sound 15 min"), page)
        self.mute_button.clicked.connect(self.mute)
        self.summary = QLabel(page)
        # Tool bars fold what does not fit behind a » button: the panel must fit beside the tree.
        bar = _bar(page)
        for w in (QLabel(self.tr("Gantry"), page), self.gantry_filter,
                  QLabel(self.tr("Severity"), page), self.severity_filter,
                  QLabel(self.tr("State"), page), self.state_filter):
            bar.addWidget(w)
        actions = _bar(page)
        actions.addWidget(self.summary)
        for w in (self.ack_button, self.shelve_button, self.mute_button):
            actions.addWidget(w)
        self.model = AlarmTableModel(self.language, self)
        self.table = _table(self.model, page)
        v = QVBoxLayout(page)
        v.addWidget(bar)
        v.addWidget(actions)
        v.addWidget(self.table)
        self.tabs.addTab(page, self.tr("Active alarms"))

    def mark_dirty(self, *_: object) -> None:
        self.dirty = True

    def refresh_if_dirty(self) -> None:
        if self.dirty:
            self.refresh()

    def visible_alarms(self) -> list[Alarm]:
        now = self.clock()
        state = self.state_filter.currentData()
        gantry = self.gantry_filter.currentData()
        minimum = self.severity_filter.currentData() or 0
        out = []
        for a in self.engine.active(gantry, include_shelved=(state == "shelved")):
            if a.severity < minimum:
                continue
            if state == "shelved" and not a.shelved(now):
                continue
            if state in ("unacknowledged", "acknowledged", "cleared") and a.state.value != state:
                continue
            out.append(a)
        return out

    def refresh(self) -> None:
        self.dirty = False
        self._fill_gantries()
        selected = set(self.selected_ids())
        alarms = self.visible_alarms()
        self.model.set_alarms(alarms, self.clock())
        sel = self.table.selectionModel()
        for row, a in enumerate(alarms):
            if a.id in selected:
                sel.select(self.model.index(row, 0), sel.SelectionFlag.Select
                           | sel.SelectionFlag.Rows)
        every = self.engine.active(include_shelved=True)
        unacked = sum(1 for a in every if a.state is AlarmState.UNACKED)
        self.summary.setText(self.tr("%1 open, %2 unacknowledged").replace(
            "%1", str(len(every))).replace("%2", str(unacked)))
        for col, width in ((0, 24), (1, 90), (2, 130), (3, 150), (4, 170), (5, 150), (6, 320)):
            self.table.setColumnWidth(col, width)

    def _fill_gantries(self) -> None:
        ids = sorted({*self.engine.fleet.gantries, *(a.key.gantry_id
                                                     for a in self.engine.alarms.values())})
        have = [self.gantry_filter.itemData(i) for i in range(1, self.gantry_filter.count())]
        if have == ids and self.gantry_filter.count():
            return
        current = self.gantry_filter.currentData()
        self.gantry_filter.blockSignals(True)
        self.gantry_filter.clear()
        self.gantry_filter.addItem(self.tr("All gantries"), None)
        for g in ids:
            self.gantry_filter.addItem(g, g)
        i = self.gantry_filter.findData(current)
        self.gantry_filter.setCurrentIndex(max(i, 0))
        self.gantry_filter.blockSignals(False)

    def selected_ids(self) -> list[int]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.alarms[r].id for r in sorted(rows) if r < len(self.model.alarms)]

    # -- commands ------------------------------------------------------------------------------
    def _spawn(self, coro: Awaitable[Any]) -> asyncio.Task:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        task.add_done_callback(lambda t: t.cancelled() or t.exception() and log.error(
            "alarm command failed: %s", t.exception()))
        return task

    def acknowledge(self, ids: list[int], note: str = "") -> asyncio.Task:
        return self._spawn(self.engine.acknowledge(ids, self.operator, note))

    def shelve(self, ids: list[int], seconds: float, note: str = "") -> asyncio.Task:
        return self._spawn(self.engine.shelve(ids, seconds, self.operator, note))

    def ack_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        note, ok = QInputDialog.getText(
            self, self.tr("Acknowledge"),
            self.tr("Acknowledge %n alarm(s). Note (optional):", "", len(ids)))
        if ok:
            self.acknowledge(ids, note)

    def shelve_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        choices = {self.tr("15 minutes"): 900, self.tr("1 hour"): 3600,
                   self.tr("8 hours"): 8 * 3600, self.tr("24 hours"): 86400}
        label, ok = QInputDialog.getItem(self, self.tr("Shelve"),
                                         self.tr("Hide the selected alarms for:"),
                                         list(choices), 1, False)
        if ok:
            self.shelve(ids, choices[label])

    def mute(self) -> None:
        if self.notifier is not None:
            self.notifier.mute_for(15 * 60)
            self.mute_button.setText(self.tr("Muted until %1").replace(
                "%1", time.strftime("%H:%M", time.localtime(self.notifier.muted_until))))

    # -- history and events --------------------------------------------------------------------
    def _history_tab(self) -> None:
        page = QWidget(self)
        now = QDateTime.currentDateTime()
        self.t0 = QDateTimeEdit(now.addDays(-1), page, calendarPopup=True)
        self.t1 = QDateTimeEdit(now.addSecs(3600), page, calendarPopup=True)
        for w in (self.t0, self.t1):
            w.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.history_gantry = QLineEdit(page, placeholderText=self.tr("all gantries"))
        search = QPushButton(self.tr("Search"), page)
        search.clicked.connect(lambda: self._spawn(self.search()))
        export_alarms = QPushButton(self.tr("Export alarms (CSV)…"), page)
        export_alarms.clicked.connect(lambda: self._export_dialog(self.export_alarms_csv))
        export_events = QPushButton(self.tr("Export events (CSV)…"), page)
        export_events.clicked.connect(lambda: self._export_dialog(self.export_events_csv))
        bar = _bar(page)
        for w in (QLabel(self.tr("From"), page), self.t0, QLabel(self.tr("to"), page), self.t1):
            bar.addWidget(w)
        second = _bar(page)
        for w in (QLabel(self.tr("Gantry"), page), self.history_gantry, search):
            second.addWidget(w)
        second.addWidget(export_alarms)
        second.addWidget(export_events)
        self.history_model = AlarmTableModel(self.language, self)
        self.history_table = _table(self.history_model, page)
        self.event_model = EventTableModel(self.language, self)
        self.event_table = _table(self.event_model, page)
        split = QSplitter(Qt.Orientation.Vertical, page)
        split.addWidget(self.history_table)
        split.addWidget(self.event_table)
        v = QVBoxLayout(page)
        v.addWidget(bar)
        v.addWidget(second)
        v.addWidget(split)
        self.tabs.addTab(page, self.tr("History and events"))

    def set_range(self, t0: float, t1: float) -> None:
        self.t0.setDateTime(QDateTime.fromSecsSinceEpoch(int(t0)))
        self.t1.setDateTime(QDateTime.fromSecsSinceEpoch(int(t1) + 60))

    async def search(self) -> tuple[list[Alarm], list[LoggedEvent]]:
        """Alarms and events of the chosen gantry (or all) in the chosen range, off the GUI."""
        if self.reader is None:
            return [], []
        t0 = self.t0.dateTime().toSecsSinceEpoch()
        t1 = self.t1.dateTime().toSecsSinceEpoch()
        gantry = self.history_gantry.text().strip() or None
        alarms = await self.reader(records.alarm_history, gantry, t0, t1)
        logged = await self.reader(events, gantry, t0, t1)
        self.history_model.set_alarms(alarms, self.clock())
        self.event_model.set_events(logged)
        for col, width in ((0, 24), (1, 90), (2, 130), (3, 150), (4, 170), (5, 150), (6, 320)):
            self.history_table.setColumnWidth(col, width)
        self.event_table.setColumnWidth(0, 150)
        self.event_table.setColumnWidth(1, 170)
        self.event_table.setColumnWidth(3, 320)
        return alarms, logged

    # -- capture thumbnails --------------------------------------------------------------------
    def set_thumbnails(self, thumbs: CaptureThumbs) -> None:
        """Door alarms and door openings show their capture; double-click opens it."""
        self.thumbs = thumbs
        for model, table in ((self.model, self.table), (self.history_model, self.history_table),
                             (self.event_model, self.event_table)):
            model.thumbs = thumbs
            table.setIconSize(QSize(thumbs.size, thumbs.size * 3 // 4))
            table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.doubleClicked.connect(self._open_capture)
        thumbs.changed.connect(self._thumbs_changed)

    def _thumbs_changed(self) -> None:
        for model in (self.model, self.history_model, self.event_model):
            rows = model.rowCount()
            if rows:
                col = model.THUMB_COLUMN
                model.dataChanged.emit(model.index(0, col), model.index(rows - 1, col),
                                       [Qt.ItemDataRole.DecorationRole])

    def _open_capture(self, index: QModelIndex) -> bool:
        thumbs = getattr(self, "thumbs", None)
        model = index.model()
        if thumbs is None or not index.isValid():
            return False
        if model is self.event_model:
            return thumbs.open_capture(thumbs.event_record(model.events[index.row()]))
        return thumbs.open_capture(thumbs.alarm_record(model.alarms[index.row()]))

    def _export_dialog(self, export: Callable[[Path], int]) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), "alarms.csv",
                                              self.tr("CSV files (*.csv)"))
        if path:
            export(Path(path))

    def export_alarms_csv(self, path: Path) -> int:
        """The history table as shown (UTF-8 with BOM so Excel reads Chinese), row count."""
        return _write_csv(path, self.history_model, [self.history_model.headerData(
            c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "Unacknowledged"
            for c in range(self.history_model.columnCount())],
            [[str(a.id)] + [self.history_model.cell(a, c) for c in range(
                self.history_model.columnCount())] for a in self.history_model.alarms])

    def export_events_csv(self, path: Path) -> int:
        m = self.event_model
        return _write_csv(path, m, [m.headerData(c, Qt.Orientation.Horizontal,
                                                 Qt.ItemDataRole.DisplayRole)
                                    for c in range(m.columnCount())],
                          [[m.cell(e, c) for c in range(m.columnCount())] for e in m.events],
                          with_id=False)


def _write_csv(path: Path, model: Any, header: list[str], rows: list[list[str]],
               with_id: bool = True) -> int:
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow((["#"] if with_id else []) + header)
        w.writerows(rows)
    return len(rows)


class AlarmUi(QObject):
    """The alarm side of the window: bridge, notifier, view, tree badges."""

    def __init__(self, core: Any, window: Any, language: str = "zh_CN",
                 clock: Callable[[], float] = time.time):
        super().__init__(window)
        self.bridge = AlarmBridge(core.bus, self)
        self.notifier = AlarmNotifier(language, clock, parent=self)
        self.view = AlarmView(core.alarms, core.store.read, language, clock, self.notifier,
                              core.settings.operator_name)
        # Found by the media viewer when it plugs in (ui.media_viewer.plug_media_viewer).
        self.thumbs = CaptureThumbs(core, window)
        self.view.set_thumbnails(self.thumbs)
        self.bridge.alarm_changed.connect(self.view.mark_dirty)
        self.bridge.alarm_changed.connect(self.notifier.on_alarm_changed)
        self.bridge.alarm_changed.connect(lambda _c, a: window.mark_dirty(a.key.gantry_id))
        window.add_panel(self.view, self.view.tr("Alarms"), "bottom")
        window.tree.set_alarm_counter(core.alarms.count)
        # The schematic's red/amber: the same open alarms as the badges and this list; a change
        # marks the gantry dirty (above), and its redraw asks for them again.
        window.schematic.scene.set_alarm_source(
            lambda cabinet_id: [a for a in core.alarms.active(window.gantry_id)
                                if a.key.cabinet_id == cabinet_id] if window.gantry_id else [],
            language)

    def close(self) -> None:
        self.thumbs.close()
        self.bridge.close()
        self.notifier.popup.close()


def install_alarm_ui(core: Any, window: Any, language: str = "zh_CN",
                     clock: Callable[[], float] = time.time) -> AlarmUi:
    return AlarmUi(core, window, language, clock)
