"""The main window: gantry tree on the left, schematic / computers / log in the centre.

Live updates PyDM style: bus events (through `Bridge`) only mark gantries dirty; a short timer
redraws what is dirty, so a burst of messages costs one redraw per tick and never blocks.

Other panels plug in with one line: `window.add_panel(widget, title, area)` with area
"center" (a tab beside the schematic), "right" (next to the schematic, e.g. control) or
"bottom" (under it, e.g. alarms, trends, media).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.fleet import Fleet, GantryState
from ui import style, text
from ui.commlog import CommLogView
from ui.computers import ComputersView
from ui.schematic import CabinetScene, CabinetView
from ui.status import StatusBar
from ui.tree import GantryTree

REFRESH_MS = 50  # dirty -> drawn: well inside the 200 ms budget
AGE_MS = 1000  # online/offline and "x s ago" texts
COUNTS_MS = 5000  # last hour's request counts
LANGUAGES = (("zh_CN", "中文（简体）"), ("en", "English"))


class SchematicPage(QWidget):
    """The cabinet schematic with a cabinet selector and the report time above it."""

    cabinet_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.scene = CabinetScene(self)
        self.view = CabinetView(self.scene, self)
        self.cabinets = QComboBox(self)
        self.cabinets.setMinimumContentsLength(8)
        self.info = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Cabinet:"), self))
        bar.addWidget(self.cabinets)
        bar.addWidget(self.info, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.cabinets.activated.connect(
            lambda i: self.cabinet_chosen.emit(int(self.cabinets.itemData(i))))

    def show_gantry(self, g: GantryState | None, cabinet_id: int | None, online: bool) -> None:
        ids = sorted(g.cabinets) if g else []
        if [self.cabinets.itemData(i) for i in range(self.cabinets.count())] != ids:
            self.cabinets.clear()
            for cid in ids:
                self.cabinets.addItem(self.tr("Cabinet %1").replace("%1", str(cid)), cid)
        if cabinet_id in ids:
            self.cabinets.setCurrentIndex(ids.index(cabinet_id))
        state = g.cabinets.get(cabinet_id) if g and cabinet_id is not None else None
        if g is None:
            self.info.setText(self.tr("No gantry selected."))
        elif state is None:
            self.info.setText(self.tr("%1: no cabinet report received yet.").replace(
                "%1", g.name or g.gantry_id))
        else:
            info = self.tr("%1 — reported %2 (%3)").replace("%1", g.name or g.gantry_id).replace(
                "%2", text.clock_time(state.reported_at)).replace(
                "%3", text.age(time.time() - state.reported_at))
            if not online:
                info = "○ " + self.tr("OFFLINE") + " — " + info
            self.info.setText(info)
        title = self.tr("Cabinet %1").replace("%1", str(cabinet_id)) if cabinet_id else ""
        self.scene.show_cabinet(state, title, online)


class MainWindow(QMainWindow):
    language_chosen = Signal(str)
    closed = Signal()
    settings_requested = Signal()  # File > Settings (ui.settings_dialog)
    diagnostics_requested = Signal()  # Help > Copy diagnostics (ui.about)
    about_requested = Signal()

    def __init__(self, fleet: Fleet, settings: QSettings | None = None,
                 clock: Callable[[], float] = time.time, language: str = "zh_CN"):
        super().__init__()
        self.fleet = fleet
        self.clock = clock
        self.settings = settings or QSettings()
        self.language = language
        self.gantry_id: str | None = None
        self.cabinet_id: int | None = None
        self.dirty: set[str] = set()
        self.shown_online: bool | None = None
        self.after_refresh: list[Callable[[], None]] = []  # hooks (latency benchmark)
        self._splitters_restored = False
        self.setWindowTitle(self.tr("Gantry Monitor"))
        self.setStyleSheet(style.STYLE_SHEET)

        self.tree = GantryTree(self, clock=clock)
        self.schematic = SchematicPage(self)
        self.computers = ComputersView(self)
        self.comm_log = CommLogView(self)
        self.centre_tabs = QTabWidget(self)
        self.centre_tabs.addTab(self.schematic, self.tr("Cabinet schematic"))
        self.centre_tabs.addTab(self.computers, self.tr("Computers"))
        self.centre_tabs.addTab(self.comm_log, self.tr("Communication log"))
        self.right_tabs = QTabWidget(self)
        self.bottom_tabs = QTabWidget(self)
        self.right_tabs.hide()
        self.bottom_tabs.hide()

        self.top_split = QSplitter(Qt.Orientation.Horizontal)
        self.top_split.addWidget(self.centre_tabs)
        self.top_split.addWidget(self.right_tabs)
        self.top_split.setStretchFactor(0, 3)
        self.top_split.setStretchFactor(1, 1)
        self.centre_split = QSplitter(Qt.Orientation.Vertical)
        self.centre_split.addWidget(self.top_split)
        self.centre_split.addWidget(self.bottom_tabs)
        self.centre_split.setStretchFactor(0, 3)
        self.centre_split.setStretchFactor(1, 1)
        self.main_split = QSplitter(Qt.Orientation.Horizontal)
        self.main_split.setObjectName("central")
        self.main_split.addWidget(self.tree)
        self.main_split.addWidget(self.centre_split)
        self.main_split.setStretchFactor(0, 0)
        self.main_split.setStretchFactor(1, 1)
        # The tree keeps room for names and states; the schematic scales into what is left.
        self.tree.setMinimumWidth(250)
        self.main_split.setSizes([385, 1000])
        # A warning above everything while the spec's test auth code is in use (set_warning).
        self.banner = QLabel(self)
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel#banner { background: #f3d27a; color: #000;"
                                  " padding: 4px 8px; border-bottom: 1px solid #b08a1e; }")
        self.banner.hide()
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.main_split, 1)
        self.setCentralWidget(central)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self._menus()

        self.tree.selected.connect(self._on_tree_selected)
        self.schematic.cabinet_chosen.connect(self._on_cabinet_chosen)
        self.centre_tabs.currentChanged.connect(lambda _i: self.comm_log.refresh_if_dirty())
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._refresh_timer.start()
        self._age_timer = QTimer(self)
        self._age_timer.setInterval(AGE_MS)
        self._age_timer.timeout.connect(self.tick)
        self._age_timer.start()
        self._counts_timer = QTimer(self)
        self._counts_timer.setInterval(COUNTS_MS)
        self._counts_timer.timeout.connect(self.status.refresh_counts)
        self._counts_timer.start()
        self.restore_layout()
        self.refresh(force=True)

    # -- plugging in other panels --------------------------------------------------------------

    def add_panel(self, widget: QWidget, title: str, area: str = "bottom") -> None:
        """Add another engineer's panel: area "center", "right" or "bottom"."""
        tabs = {"center": self.centre_tabs, "right": self.right_tabs,
                "bottom": self.bottom_tabs}.get(area)
        if tabs is None:
            raise ValueError(f"unknown panel area {area!r}: center, right or bottom")
        first = tabs.count() == 0
        tabs.addTab(widget, title)
        tabs.show()
        split = self.top_split if tabs is self.right_tabs else self.centre_split
        name = "top_split" if split is self.top_split else "centre_split"
        if first and tabs is not self.centre_tabs and self.settings.value(f"window/{name}") is None:
            # Until the operator moves it: most of the room stays with the schematic.
            total = sum(split.sizes()) or (split.width() if split is self.top_split
                                           else split.height())
            share = 0.3 if tabs is self.right_tabs else 0.32
            split.setSizes([int(total * (1 - share)), int(total * share)])

    # -- menus ---------------------------------------------------------------------------------

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        settings_action = QAction(self.tr("&Settings…"), self)
        settings_action.triggered.connect(self.settings_requested)
        file_menu.addAction(settings_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut("Ctrl+Q")
        quit_action.triggered.connect(self.quit)
        file_menu.addAction(quit_action)
        view = self.menuBar().addMenu(self.tr("&View"))
        lang_menu = view.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, name in LANGUAGES:
            a = QAction(name, self, checkable=True)
            a.setChecked(code == self.language)
            a.triggered.connect(lambda _on, c=code: self._choose_language(c))
            group.addAction(a)
            lang_menu.addAction(a)
        self.language_actions = group
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        diag = QAction(self.tr("Copy &diagnostics"), self)
        diag.triggered.connect(self.diagnostics_requested)
        help_menu.addAction(diag)
        about = QAction(self.tr("&About Gantry Monitor"), self)
        about.triggered.connect(self.about_requested)
        help_menu.addAction(about)

    def quit(self) -> None:
        """File > Quit: close for good (closing the window may only hide it to the tray)."""
        self.setProperty("quitting", True)
        self.close()

    def set_warning(self, message: str) -> None:
        """The banner above the window; an empty message hides it."""
        self.banner.setText("⚠ " + message if message else "")
        self.banner.setVisible(bool(message))

    def _choose_language(self, code: str) -> None:
        if code == self.language:
            return
        self.settings.setValue("ui/language", code)
        self.language_chosen.emit(code)
        QMessageBox.information(self, self.tr("Language"), self.tr(
            "The language will change the next time Gantry Monitor starts."))

    # -- selection -----------------------------------------------------------------------------

    def _on_tree_selected(self, kind: str, gantry_id: str, n: int | None) -> None:
        self.gantry_id = gantry_id
        if kind == "cabinet":
            self.cabinet_id = n
            self.centre_tabs.setCurrentWidget(self.schematic)
        elif kind == "computer":
            self.centre_tabs.setCurrentWidget(self.computers)
        g = self.fleet.gantries.get(gantry_id)
        if g and self.cabinet_id not in g.cabinets:
            self.cabinet_id = min(g.cabinets) if g.cabinets else None
        self.refresh(force=True)

    def _on_cabinet_chosen(self, cabinet_id: int) -> None:
        if self.gantry_id:
            self.tree.select(("cabinet", self.gantry_id, cabinet_id))

    def select(self, gantry_id: str, cabinet_id: int | None = None) -> None:
        key = ("cabinet", gantry_id, cabinet_id) if cabinet_id else ("gantry", gantry_id, None)
        self.tree.refresh(self.fleet)
        self.tree.select(key)

    # -- live updates --------------------------------------------------------------------------

    def mark_dirty(self, gantry_id: str, *_: object) -> None:
        self.dirty.add(gantry_id)
        self.comm_log.mark_dirty()

    def refresh(self, force: bool = False) -> None:
        """Redraw what changed since the last tick (the refresh timer calls this)."""
        if not self.dirty and not force:
            self.comm_log.refresh_if_dirty()
            return
        dirty, self.dirty = self.dirty, set()
        new_gantry = any(("gantry", gid, None) not in self.tree.items for gid in dirty)
        self.tree.refresh(self.fleet)
        if self.gantry_id is None and self.fleet.gantries:
            first = min(self.fleet.gantries)
            self.select(first, min(self.fleet.gantries[first].cabinets, default=None))
            return  # selecting redraws
        if force or self.gantry_id in dirty or new_gantry:
            self._draw_selected()
        self.status.set_online(self.fleet, self.clock())
        self.comm_log.refresh_if_dirty()
        for hook in self.after_refresh:
            hook()

    def _draw_selected(self) -> None:
        g = self.fleet.gantries.get(self.gantry_id) if self.gantry_id else None
        if g is not None and self.cabinet_id not in g.cabinets and g.cabinets:
            self.cabinet_id = min(g.cabinets)
        online = g.online(self.clock()) if g else False
        self.shown_online = online
        self.schematic.show_gantry(g, self.cabinet_id, online)
        self.computers.show_gantry(g, online)

    def tick(self) -> None:
        """Once a second: online/offline and ages move on without any message."""
        self.tree.refresh(self.fleet)
        self.status.set_online(self.fleet, self.clock())
        g = self.fleet.gantries.get(self.gantry_id) if self.gantry_id else None
        online = g.online(self.clock()) if g else False
        if online != self.shown_online:
            self._draw_selected()
        elif g is not None:
            self.schematic.show_gantry(g, self.cabinet_id, online)  # "x s ago" text

    # -- layout memory -------------------------------------------------------------------------

    def restore_layout(self) -> None:
        """Window geometry now; splitter positions once shown at that size (see showEvent)."""
        if self.settings.value("window/geometry") is not None:
            self.restoreGeometry(self.settings.value("window/geometry"))
        elif (screen := self.screen()) is not None:
            # First run: most of the screen, so the schematic is readable at once.
            area = screen.availableGeometry()
            self.resize(int(area.width() * 0.9), int(area.height() * 0.9))

    def _restore_splitters(self) -> None:
        restored = False
        for name in ("main_split", "centre_split", "top_split"):
            state = self.settings.value(f"window/{name}")
            if state is not None:
                restored = getattr(self, name).restoreState(state) or restored
        if not restored:  # first run: the schematic gets most of the room
            total = self.main_split.width()
            self.main_split.setSizes([max(250, int(total * 0.22)), total - max(250, int(total * 0.22))])
            w, h = self.centre_split.width(), self.centre_split.height()
            self.centre_split.setSizes([int(h * 0.68), int(h * 0.32)])
            self.top_split.setSizes([int(w * 0.7), int(w * 0.3)])

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._splitters_restored:
            self._splitters_restored = True
            QTimer.singleShot(0, self._restore_splitters)  # after the first layout pass

    def save_layout(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        for name in ("main_split", "centre_split", "top_split"):
            s.setValue(f"window/{name}", getattr(self, name).saveState())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        for t in (self._refresh_timer, self._age_timer, self._counts_timer):
            t.stop()
        super().closeEvent(event)
        self.closed.emit()
