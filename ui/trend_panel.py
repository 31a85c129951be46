"""The trend panel: any numeric reading of a gantry over an hour to a year (pyqtgraph).

Choose a gantry, a cabinet (or the computers) and metrics; each unit gets its own axis. Quick
ranges and a free range; pan and zoom with the mouse reload what becomes visible (debounced);
short ranges show raw reports, long ones hourly rollups (mean; the crosshair also reads min and
max), and the status line says which. Curves are created once and updated with setData. Data is
loaded with `await store.read(...)` off the GUI thread; the GUI thread only draws. New reports
(through the bridge) mark the panel dirty; a timer appends them while the range includes now.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import logging
import math
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import gantry_time
from app.fleet import Fleet
from app.history import Metric, Retention, Series
from app.history.catalogue import KIND_LABELS, WORD_UNITS, metrics_of_kind
from app.history.export import HeaderWords, table, write
from app.history.series import (
    PLAUSIBLE_MAX,
    PLAUSIBLE_MIN,
    AlarmSpan,
    DoorChange,
    SeriesData,
    Source,
    alarm_spans,
    choose_source,
    door_changes,
    extend,
    load,
)
from app.protocol import NoValue
from ui import style
from ui.text import reason_text
from ui.tree import computer_role

log = logging.getLogger(__name__)

Reader = Callable[..., Awaitable[Any]]
HOUR, DAY = 3600.0, 86400.0
QUICK_RANGES = (("1 h", HOUR), ("24 h", DAY), ("7 d", 7 * DAY), ("30 d", 30 * DAY),
                ("1 y", 365 * DAY))
RELOAD_MS = 250  # after the last pan / zoom step
LIVE_MS = 1000  # dirty -> appended
CHOICES_MS = 500  # a report -> its gantry / cabinet in the choices
NOTICE_S = 15.0  # how long a notice (export done, a unit too many) stays in the status line
HOURLY_LIVE_S = 60.0  # hourly rollups move on slowly: reload them at most this often
MAX_MARKERS = 300
# Series pens: calm, distinct hues kept away from alarm red and warning amber. Solid lines only:
# dashed pens cost the raster engine several times more per point (a year is 35 000 points), and
# the legend, the axis labels and the crosshair text name each series without colour.
PENS = ("#1f4e79", "#2e7d6b", "#6a4c93", "#3c3c3c", "#00838f", "#5d4037")
MAX_AXES = 4  # units shown at once: one left axis, three right
# Room for this many tick-label characters on a value axis, so a new range never changes an
# axis' width: a width change found while painting made Qt lay out and paint the chart twice
# more (about 100 ms after a year loaded).
AXIS_CHARS = 6
BACKGROUND = style.SURFACE.lighter(106)
VIEW_Z = -100  # pyqtgraph's z of a view box


def _opaque(pen: QPen, background: QColor) -> QPen:
    """The pen's colour already blended over the background: the raster engine draws an opaque
    line several times faster than a translucent one, and grid lines cross the whole plot."""
    c = pen.color()
    a = c.alphaF()
    out = QPen(pen)
    out.setColor(QColor.fromRgbF(c.redF() * a + background.redF() * (1 - a),
                                 c.greenF() * a + background.greenF() * (1 - a),
                                 c.blueF() * a + background.blueF() * (1 - a)))
    return out


class _OpaqueGrid:
    """Axis mixin: grid lines and ticks drawn opaque (pre-blended with the plot background),
    the panel stacks the axes behind the curves so an opaque grid never covers a line."""

    def generateDrawSpecs(self, p: Any) -> Any:
        specs = super().generateDrawSpecs(p)  # type: ignore[misc]
        if specs is None:
            return None
        axis_spec, ticks, texts = specs
        return axis_spec, [(_opaque(pen, BACKGROUND), a, b) for pen, a, b in ticks], texts


class GridAxis(_OpaqueGrid, pg.AxisItem):
    pass


def _ascii_format(fmt: str) -> tuple[str, list[str]]:
    """A strftime format without its non-ASCII words ("%m月" -> "%m\\x01", ["月"]): Python 3.11
    on Windows encodes the format to the ANSI code page, and "月" fails on a Western one."""
    words = re.findall(r"[^\x00-\x7f]+", fmt)
    for i, word in enumerate(words):
        fmt = fmt.replace(word, chr(1 + i), 1)
    return fmt, words


class GridDateAxis(_OpaqueGrid, pg.DateAxisItem):
    """Dates in the gantry's zone (None: the PC's). pyqtgraph takes one fixed offset; it is
    the zone's offset in the middle of the view, so daylight saving is right at least there."""

    zone: tzinfo | None = None

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        # pyqtgraph's day and month ticks are English ("Fri 04", "Jul"): the translation
        # gives formats of the operator's language. The levels are copied: pyqtgraph's own
        # are shared by every date axis.
        formats = {"%a %d": _t("%a %d"), "%b": _t("%b")}
        levels = {}
        for spacing, level in self.zoomLevels.items():
            mine = copy.copy(level)
            mine.tickSpecs = [copy.copy(spec) for spec in level.tickSpecs]
            for spec in mine.tickSpecs:
                spec.format, spec.words = _ascii_format(formats.get(spec.format, spec.format))
            levels[spacing] = mine
        self.zoomLevels = type(self.zoomLevels)(levels)

    def tickStrings(self, values: Any, scale: float, spacing: float) -> list[str]:
        strings = super().tickStrings(values, scale, spacing)
        spec = next((s for s in self.zoomLevel.tickSpecs if s.spacing == spacing), None)
        for i, word in enumerate(getattr(spec, "words", ())):
            strings = [t.replace(chr(1 + i), word) for t in strings]
        return strings

    def tickValues(self, minVal: float, maxVal: float, size: float) -> Any:
        if self.zone is None:
            self.utcOffset = None
        else:
            mid = min(max((minVal + maxVal) / 2, PLAUSIBLE_MIN), PLAUSIBLE_MAX)
            self.utcOffset = -gantry_time.offset_seconds(mid, self.zone)
        return super().tickValues(minVal, maxVal, size)


def _t(text: str) -> str:
    return QCoreApplication.translate("Trend", text)


def _wall(d: QDateTime) -> datetime:
    """The wall-clock time a date-time edit shows, as a naive datetime (its zone is ours).
    Whole minutes, as it shows them: the seconds a quick range left in it are not seen, and a
    free range from 22:00 must not start at 22:00:37, after the 22:00 report."""
    day, t = d.date(), d.time()
    return datetime(day.year(), day.month(), day.day(), t.hour(), t.minute())


def _qwall(wall: datetime) -> QDateTime:
    """A naive wall-clock time for a date-time edit to show as it is."""
    return QDateTime(QDate(wall.year, wall.month, wall.day),
                     QTime(wall.hour, wall.minute, wall.second))


def tick_chars(lo: float, hi: float) -> int:
    """About the longest tick label of a value axis over [lo, hi] (pyqtgraph prints ticks with
    the decimals their spacing needs, a few ticks per range)."""
    places = max(0, math.ceil(-math.log10(max(hi - lo, 1e-9) / 10)))
    return max(len(f"{lo:.{places}f}"), len(f"{hi:.{places}f}"))


def metric_label(m: Metric) -> str:
    return QCoreApplication.translate("Metric", m.label)


def unit_label(unit: str) -> str:
    return QCoreApplication.translate("Unit", unit) if unit in WORD_UNITS else unit


def device_label(s: Series, fleet: Fleet | None = None) -> str:
    """The device as the tree names it: a computer by its role ("Toll PC (primary) 1")."""
    if s.metric.kind == "computer" and fleet is not None:
        g = fleet.gantries.get(s.gantry_id)
        pc = next((c for c in g.computers if int(c.id) == s.device_id), None) if g else None
        if pc is not None:
            return computer_role(pc.is_monitor_computer.value, pc.is_main_computer.value,
                                 pc.id)
    kind = QCoreApplication.translate("Metric", KIND_LABELS[s.metric.kind])
    return kind if s.metric.kind == "thermohygrometer" else f"{kind} {s.device_id}"


def series_label(s: Series, fleet: Fleet | None = None) -> str:
    return f"{device_label(s, fleet)}: {metric_label(s.metric)} ({unit_label(s.metric.unit)})"


@dataclass
class Curve:
    """One series on the chart: created once, then only setData."""

    series: Series
    item: pg.PlotDataItem
    axis: int
    colour: str = PENS[0]  # its pen's, named in the key above the plot
    data: SeriesData | None = None


class TrendPanel(QWidget):
    loaded = Signal()  # a load finished and was drawn (tests, benchmark)

    def __init__(self, fleet: Fleet, reader: Reader | None = None, *,
                 clock: Callable[[], float] = time.time, retention: Retention | None = None,
                 zone_of: Callable[[str], tzinfo | None] = lambda _gantry: None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.fleet = fleet
        self.reader = reader
        self.zone_of = zone_of  # the zone of a gantry's clock: times read as the gantry's
        self.clock = clock
        self.retention = retention or Retention()
        self.gantry_id: str | None = None
        self.cabinet_id: int | None = 1  # None: the computers
        # Until the operator picks a gantry or cabinet, the first of each is shown, also when
        # it reports after the panel opened (a gantry's computers often report first).
        self._chosen_by_user = False
        self.curves: dict[str, Curve] = {}
        self.units: list[str] = []  # unit of each axis in use
        self.t0, self.t1 = clock() - DAY, clock()
        self.quick: float | None = DAY  # span of the quick range followed, None: free range
        self.source = Source.RAW
        self.dirty = False
        self.last_hourly_reload = 0.0
        self._generation = 0
        self._setting_range = False
        self._move_pending = False  # set_range's range not shown yet (it moves with its data)
        self._tasks: set[asyncio.Task[Any]] = set()
        self.marks: list[pg.GraphicsObject] = []
        self._marks_key: object = None  # what self.marks show
        self.alarm_note = ""
        self._notice: tuple[str, float] | None = None  # text, until (monotonic)
        # (gantry, cabinet) -> (metric key, device id) ticked there, for coming back
        self._ticked: dict[tuple[str | None, int | None], list[tuple[str, int]]] = {}
        self._build()

    # -- widgets -------------------------------------------------------------------------------

    def _build(self) -> None:
        self.gantries = QComboBox(self)
        self.gantries.setMinimumContentsLength(14)
        self.scope = QComboBox(self)
        self.scope.setMinimumContentsLength(8)
        self.range_buttons = QButtonGroup(self)
        self.range_buttons.setExclusive(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(_t("Gantry:"), self))
        bar.addWidget(self.gantries)
        bar.addWidget(self.scope)
        bar.addSpacing(12)
        for i, (name, span) in enumerate(QUICK_RANGES):
            b = QPushButton(_t(name), self)
            b.setCheckable(True)
            b.setMinimumWidth(44)
            self.range_buttons.addButton(b, i)
            b.clicked.connect(lambda _c, s=span: self.show_quick(s))
            bar.addWidget(b)
        self.range_buttons.button(1).setChecked(True)
        bar.addSpacing(12)
        self.from_edit = QDateTimeEdit(self)
        self.to_edit = QDateTimeEdit(self)
        for e in (self.from_edit, self.to_edit):
            e.setDisplayFormat("yyyy-MM-dd HH:mm")
            e.setCalendarPopup(True)
        self.apply_range = QPushButton(_t("Show"), self)
        self.apply_range.clicked.connect(self._free_range)
        # The free range goes on a second line so the panel fits a 1366-px window.
        range_bar = QHBoxLayout()
        range_bar.addWidget(QLabel(_t("From"), self))
        range_bar.addWidget(self.from_edit)
        range_bar.addWidget(QLabel(_t("to"), self))
        range_bar.addWidget(self.to_edit)
        range_bar.addWidget(self.apply_range)
        range_bar.addStretch(1)
        bar.addStretch(1)
        self.show_alarms = QCheckBox(_t("Alarms"), self)
        self.show_doors = QCheckBox(_t("Doors"), self)
        for c in (self.show_alarms, self.show_doors):
            c.setChecked(True)
            c.toggled.connect(lambda _on: self.reload())
            bar.addWidget(c)
        self.export_button = QPushButton(_t("Export…"), self)
        self.export_button.clicked.connect(self._export_clicked)
        bar.addWidget(self.export_button)

        self.metric_list = QListWidget(self)
        self.metric_list.setMinimumWidth(200)
        self.metric_list.itemChanged.connect(self._metric_toggled)

        self.plot = pg.PlotWidget(axisItems={"bottom": GridDateAxis(orientation="bottom"),
                                             "left": GridAxis("left"),
                                             "right": GridAxis("right")})
        self.plot.setBackground(BACKGROUND)
        self.item = self.plot.getPlotItem()
        self.item.showGrid(x=True, y=True, alpha=0.25)
        # The plot item hands its own settings to every curve added to it (the curves of
        # the other axes' view boxes set theirs in _add_curve).
        self.item.setDownsampling(auto=True, mode="peak")
        self.item.setClipToView(True)
        # Horizontal grid lines of the first unit only: a second set from another scale would
        # not line up with it (and would cost a paint of its own).
        self.item.getAxis("right").setGrid(False)
        # The key to the curves: a line above the plot, never a box over the data.
        self.key = QLabel(self)
        self.key.setObjectName("trendKey")
        self.key.setTextFormat(Qt.TextFormat.RichText)
        self.key.setWordWrap(True)
        for name in ("bottom", "left"):
            self.item.getAxis(name).setTextPen(style.TEXT)
            self.item.getAxis(name).setPen(style.FRAME)
        text_width = self.plot.fontMetrics().horizontalAdvance("8" * AXIS_CHARS)
        self.views: list[pg.ViewBox] = [self.item.getViewBox()]
        self.axes: list[pg.AxisItem] = [self.item.getAxis("left")]
        for i in range(1, MAX_AXES):
            # pyqtgraph's multi-axis recipe: a view box laid over the plot's own one.
            vb = pg.ViewBox()
            axis = self.item.getAxis("right") if i == 1 else GridAxis("right")
            if i > 1:
                self.item.layout.addItem(axis, 2, 2 + i)
            # A child of the plot item, stacked under the plot's own view box (which keeps
            # the mouse) and over the axes, so the grid lies under every curve.
            vb.setParentItem(self.item)
            vb.setZValue(VIEW_Z - 1)
            axis.linkToView(vb)
            axis.setTextPen(style.TEXT)
            axis.setPen(style.FRAME)
            vb.setXLink(self.item)
            axis.hide()
            self.views.append(vb)
            self.axes.append(axis)
        self.item.getViewBox().sigResized.connect(self._sync_views)
        self.item.getViewBox().sigResized.connect(self._place_door_labels)
        for axis in self.axes:
            # Labels that would stick out of the axis (at the plot's top edge) are left out
            # rather than cut in half.
            axis.setStyle(autoExpandTextSpace=False, tickTextWidth=text_width,
                          hideOverlappingLabels=True)
        for axis in (*self.axes, self.item.getAxis("bottom")):
            axis.setZValue(VIEW_Z - 2)  # behind the curves (pyqtgraph puts axes above them)
            axis.setFlag(axis.GraphicsItemFlag.ItemNegativeZStacksBehindParent)
        for vb in self.views:
            vb.setLimits(xMin=PLAUSIBLE_MIN, xMax=PLAUSIBLE_MAX, minXRange=60.0,
                         maxXRange=6 * 366 * DAY)
        self.item.getViewBox().sigXRangeChanged.connect(self._x_range_changed)
        # Crosshair: a vertical line and one readout line for all curves.
        self.cross = pg.InfiniteLine(angle=90, movable=False,
                                     pen=pg.mkPen(style.MUTED_TEXT, width=1,
                                                  style=Qt.PenStyle.DashLine))
        self.cross.setZValue(50)
        self.cross.hide()
        self.item.addItem(self.cross, ignoreBounds=True)
        self.readout = QLabel(" ", self)
        self.readout.setTextFormat(Qt.TextFormat.PlainText)
        self.readout.setWordWrap(True)
        # Room for two lines from the start (four series wrap): the plot must not jump in
        # height as the mouse moves.
        self.readout.setMinimumHeight(2 * self.readout.fontMetrics().lineSpacing() + 4)
        # A direct connection: pyqtgraph's SignalProxy keeps a parentless timer that can fire
        # into a deleted panel; reading a few searchsorted values per move is cheap anyway.
        self.plot.scene().sigMouseMoved.connect(self._mouse_moved)
        self.status = QLabel(self)
        self.status.setObjectName("trendStatus")

        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.key)
        rl.addWidget(self.plot, 1)
        rl.addWidget(self.readout)
        rl.addWidget(self.status)
        split = self.split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.metric_list)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([290, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addLayout(range_bar)
        layout.addWidget(split, 1)

        self.gantries.activated.connect(lambda _i: self._gantry_chosen())
        self.scope.activated.connect(lambda _i: self._scope_chosen())
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(RELOAD_MS)
        self._reload_timer.timeout.connect(self._view_moved)
        self._live_timer = QTimer(self)
        self._live_timer.setInterval(LIVE_MS)
        self._live_timer.timeout.connect(self._live_tick)
        self._live_timer.start()
        # New gantries and cabinets join the choices soon after their first report (not on
        # every report: at 100 reports/s that would be 100 list rebuilds a second).
        self._choices_timer = QTimer(self)
        self._choices_timer.setSingleShot(True)
        self._choices_timer.setInterval(CHOICES_MS)
        self._choices_timer.timeout.connect(self._refresh_after_reports)
        self._set_edits()
        self._show_x(self.t0, self.t1)  # the axis shows the range the edits show from the start
        self._label_axes()  # no curve yet: no value ticks
        self._status_text()

    def _sync_views(self) -> None:
        main = self.item.getViewBox()
        for vb in self.views[1:]:
            vb.setGeometry(main.geometry())  # both are children of the plot item
            vb.linkedViewChanged(main, vb.XAxis)

    # -- choosing what to show -----------------------------------------------------------------

    def refresh_choices(self) -> None:
        """Fill the gantry, cabinet and metric choices from the fleet (keeps the selection)."""
        ids = sorted(self.fleet.gantries)
        if [self.gantries.itemData(i) for i in range(self.gantries.count())] != ids:
            self.gantries.blockSignals(True)
            self.gantries.clear()
            for gid in ids:
                g = self.fleet.gantries[gid]
                self.gantries.addItem(f"{g.name} ({gid})" if g.name else gid, gid)
            self.gantries.blockSignals(False)
        if self.gantry_id is None and ids:
            self.gantry_id = ids[0]
        if self.gantry_id in ids:
            self.gantries.setCurrentIndex(ids.index(self.gantry_id))
        self._fill_scopes()
        self._status_text()  # "no gantry has reported yet" no longer, once one has

    def _fill_scopes(self) -> None:
        g = self.fleet.gantries.get(self.gantry_id or "")
        scopes: list[int | None] = sorted(g.cabinets) if g else []
        if g is None or g.computers or not scopes:
            scopes.append(None)
        if [self.scope.itemData(i) for i in range(self.scope.count())] != scopes:
            self.scope.clear()
            for cid in scopes:
                self.scope.addItem(_t("Computers") if cid is None
                                   else _t("Cabinet %1").replace("%1", str(cid)), cid)
        if scopes and (self.cabinet_id not in scopes or not self._chosen_by_user):
            self.cabinet_id = scopes[0]
        self.scope.setCurrentIndex(scopes.index(self.cabinet_id) if scopes else -1)
        self._fill_metrics()

    def _devices(self) -> list[tuple[str, int]]:
        """(kind, device id) of every trended device of the chosen cabinet / the computers."""
        g = self.fleet.gantries.get(self.gantry_id or "")
        if self.cabinet_id is None:
            ids = [int(c.id) for c in g.computers] if g and g.computers else [1]
            return [("computer", i) for i in ids]
        state = g.cabinets.get(self.cabinet_id) if g else None
        if state is None:
            return [(k, 1) for k in KIND_LABELS if k != "computer"]
        out = []
        for block in state.cabinet.devices():
            if metrics_of_kind(block.kind):
                out.append((block.kind, int(getattr(block, "id", 1))))
        order = list(KIND_LABELS)
        return sorted(out, key=lambda d: (order.index(d[0]), d[1]))

    def _fill_metrics(self) -> None:
        if self.gantry_id is None:
            return
        wanted: list[Series] = []
        for kind, dev in self._devices():
            for m in metrics_of_kind(kind):
                wanted.append(Series(self.gantry_id, m, self.cabinet_id, dev))
        shown = [self.metric_list.item(i).data(Qt.ItemDataRole.UserRole)
                 for i in range(self.metric_list.count())]
        if shown == wanted:
            return
        self.metric_list.blockSignals(True)
        self.metric_list.clear()
        for s in wanted:
            item = QListWidgetItem(series_label(s, self.fleet))
            item.setToolTip(series_label(s, self.fleet))
            item.setData(Qt.ItemDataRole.UserRole, s)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if s.key in self.curves
                               else Qt.CheckState.Unchecked)
            self.metric_list.addItem(item)
        self.metric_list.blockSignals(False)
        self._fit_metric_list()

    def _fit_metric_list(self) -> None:
        """Widen the metric list to its longest name (a clipped "Battery remaining capacity"
        reads like "Battery remaining capacity" of something else), up to a third of the panel."""
        lst = self.metric_list
        need = (lst.sizeHintForColumn(0) + 2 * lst.frameWidth()
                + lst.verticalScrollBar().sizeHint().width() + 4)
        left, right = self.split.sizes()
        total = left + right
        want = min(need, total // 3) if total > 0 else need
        if want > left:
            self.split.setSizes([want, total - want])

    def _gantry_chosen(self) -> None:
        gid = self.gantries.currentData()
        self._chosen_by_user = True
        if gid != self.gantry_id:
            self._remember_ticked()
            self.gantry_id = gid
            self._clear_curves()
            self._fill_scopes()
            self._restore_ticked()
            self.reload()

    def _scope_chosen(self) -> None:
        cid = self.scope.currentData()
        self._chosen_by_user = True
        if cid != self.cabinet_id:
            self._remember_ticked()
            self.cabinet_id = cid
            self._clear_curves()
            self._fill_metrics()
            self._restore_ticked()
            self.reload()

    def _remember_ticked(self) -> None:
        """What was ticked for this gantry and cabinet comes back when the operator returns
        to it (comparing a cabinet with the computers and back)."""
        self._ticked[(self.gantry_id, self.cabinet_id)] = [
            (c.series.metric.key, c.series.device_id) for c in self.curves.values()]

    def _restore_ticked(self) -> None:
        self._tick(self._ticked.get((self.gantry_id, self.cabinet_id), []))

    def _tick(self, keys: list[tuple[str, int]]) -> None:
        """Tick exactly these metrics ((metric key, device id)) in the list and chart them."""
        for i in range(self.metric_list.count()):
            item = self.metric_list.item(i)
            s: Series = item.data(Qt.ItemDataRole.UserRole)
            wanted = (s.metric.key, s.device_id) in keys
            self.metric_list.blockSignals(True)
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
            self.metric_list.blockSignals(False)
            if wanted and s.key not in self.curves:
                self._add_curve(s)

    def _metric_toggled(self, item: QListWidgetItem) -> None:
        s: Series = item.data(Qt.ItemDataRole.UserRole)
        on = item.checkState() == Qt.CheckState.Checked
        self._chosen_by_user = True  # what is charted stays, whatever reports next
        self._clear_reading()
        if on and s.key not in self.curves:
            self._add_curve(s)
        elif not on and s.key in self.curves:
            self._remove_curve(s.key)
        self.reload()

    def show_series(self, gantry_id: str, cabinet_id: int | None, keys: list[tuple[str, int]],
                    span: float | None = DAY) -> None:
        """Show these metrics ((metric key, device id)) of a cabinet (sparkline clicks)."""
        self._remember_ticked()
        self.gantry_id, self.cabinet_id = gantry_id, cabinet_id
        self._chosen_by_user = True
        self._clear_curves()
        self.refresh_choices()
        self._tick(keys)
        if span is not None:
            self.show_quick(span)
        else:
            self.reload()

    # -- curves and axes -----------------------------------------------------------------------

    def _add_curve(self, s: Series) -> None:
        unit = s.metric.unit
        if unit not in self.units:
            if len(self.units) >= MAX_AXES:
                self.say(_t("At most %1 different units at once.").replace(
                    "%1", str(MAX_AXES)))
                self._uncheck(s.key)
                return
            self.units.append(unit)
        axis = self.units.index(unit)
        # The first colour no curve shown has (after an untick, the count would repeat one).
        taken = {c.colour for c in self.curves.values()}
        colour = next((p for p in PENS if p not in taken), PENS[len(self.curves) % len(PENS)])
        pen = pg.mkPen(QColor(colour), width=1)
        # Auto "peak" downsampling keeps each bin's min and max. pyqtgraph's default factor (5
        # samples a pixel) halves nothing in peak mode (bins of 2 samples give 2 points); one
        # bin a pixel still draws every column's full min-max stroke, with 4x fewer points
        # (a year: ~1 700 instead of 8 700 per curve). A bin holding a gap's NaN stays a gap.
        item = pg.PlotDataItem([], [], pen=pen, connect="finite",
                               name=series_label(s, self.fleet),
                               autoDownsampleFactor=1.0)
        item.setDownsampling(auto=True, method="peak")
        item.setClipToView(True)
        if axis == 0:
            self.item.addItem(item)
        else:
            self.views[axis].addItem(item)
        self.curves[s.key] = Curve(s, item, axis, colour)
        self._label_axes()

    def _uncheck(self, key: str) -> None:
        for i in range(self.metric_list.count()):
            item = self.metric_list.item(i)
            if item.data(Qt.ItemDataRole.UserRole).key == key:
                self.metric_list.blockSignals(True)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.metric_list.blockSignals(False)

    def _remove_curve(self, key: str) -> None:
        c = self.curves.pop(key)
        if c.axis == 0:
            self.item.removeItem(c.item)
        else:
            self.views[c.axis].removeItem(c.item)
        used = {x.series.metric.unit for x in self.curves.values()}
        if c.series.metric.unit not in used:
            # Re-seat the remaining curves on compact axes.
            remaining = [x.series for x in self.curves.values()]
            data = {x.series.key: x.data for x in self.curves.values()}
            self._clear_curves()
            for s in remaining:
                self._add_curve(s)
                self.curves[s.key].data = data[s.key]
            self._draw()
        self._label_axes()

    def _clear_curves(self) -> None:
        for key in list(self.curves):
            c = self.curves.pop(key)
            if c.axis == 0:
                self.item.removeItem(c.item)
            else:
                self.views[c.axis].removeItem(c.item)
        self.units = []
        self._label_axes()
        self._clear_reading()

    def _clear_reading(self) -> None:
        """The crosshair's reading names the curves it read: gone with them."""
        self.cross.hide()
        self.readout.setText(" ")

    def _label_axes(self) -> None:
        self._update_key()
        for i, axis in enumerate(self.axes):
            if i < len(self.units):
                axis.setLabel(unit_label(self.units[i]))
                axis.setStyle(showValues=True)
                axis.show()
            elif i > 0:
                axis.hide()
            else:  # no curve: no values either (the last curve's, or pyqtgraph's 0.2-0.8)
                axis.setLabel("")
                axis.setStyle(showValues=False)

    def _update_key(self) -> None:
        """Each curve's colour and name (with its unit), in one wrapping line above the plot."""
        from html import escape

        entries = [f'<span style="color:{c.colour}">&#9473;&#9473;</span>&nbsp;'
                   f"{escape(series_label(c.series, self.fleet))}" for c in self.curves.values()]
        self.key.setText("&nbsp;&nbsp;&nbsp; ".join(entries))
        self.key.setVisible(bool(entries))

    # -- ranges --------------------------------------------------------------------------------

    def show_quick(self, span: float) -> None:
        now = self.clock()
        self.quick = span
        for i, (_n, s) in enumerate(QUICK_RANGES):
            if s == span:
                self.range_buttons.button(i).setChecked(True)
        self.set_range(now - span, now)

    @property
    def zone(self) -> tzinfo | None:
        """The chosen gantry's zone (None: the PC's): axis, crosshair, range and export."""
        return self.zone_of(self.gantry_id) if self.gantry_id else None

    def _free_range(self) -> None:
        t0 = gantry_time.epoch(_wall(self.from_edit.dateTime()), self.zone)
        t1 = gantry_time.epoch(_wall(self.to_edit.dateTime()), self.zone)
        if t1 <= t0:
            self.say(_t("The end of the range must be after its start."))
            return
        self._free()
        self._notice = None  # a complaint about an earlier range is settled
        self.set_range(float(t0), float(t1))

    def _free(self) -> None:
        self.quick = None
        self.range_buttons.setExclusive(False)
        for b in self.range_buttons.buttons():
            b.setChecked(False)
        self.range_buttons.setExclusive(True)

    def set_range(self, t0: float, t1: float) -> None:
        """Show [t0, t1]: the chart moves there when its data has arrived (painting the old
        curves stretched over the new range first cost two paints of nothing useful)."""
        t0, t1 = max(t0, PLAUSIBLE_MIN), min(t1, PLAUSIBLE_MAX)
        self.t0, self.t1 = t0, t1
        self._reload_timer.stop()  # an earlier pan's reload is superseded by this range
        self._set_edits()
        self._clear_reading()  # it would name a time no longer on the chart
        self._move_pending = True
        if self.reader is None or self.gantry_id is None:
            self._move_to(t0, t1)
        self.reload()

    def _move_to(self, t0: float, t1: float) -> None:
        self._move_pending = False
        self._show_x(t0, t1)

    def _show_x(self, t0: float, t1: float) -> None:
        self._setting_range = True
        try:
            self.item.setXRange(t0, t1, padding=0)
        finally:
            self._setting_range = False

    def _set_edits(self) -> None:
        self.from_edit.setDateTime(_qwall(gantry_time.local(int(self.t0), self.zone)))
        self.to_edit.setDateTime(_qwall(gantry_time.local(int(self.t1), self.zone)))

    def _x_range_changed(self, _vb: object, rng: tuple[float, float]) -> None:
        if self._setting_range:
            return
        # The user panned or zoomed: a free range from now on; reload when the mouse rests.
        self._move_pending = False  # what the user sees now wins over a range still loading
        self.t0, self.t1 = float(rng[0]), float(rng[1])
        if self.quick is not None and abs(self.t1 - self.clock()) > 0.02 * (self.t1 - self.t0):
            self._free()
        self._reload_timer.start()

    def _view_moved(self) -> None:
        self._set_edits()
        self.reload(keep_view=True)

    def includes_now(self) -> bool:
        return self.t1 >= self.clock() - max(60.0, 0.02 * (self.t1 - self.t0))

    # -- loading and drawing -------------------------------------------------------------------

    def reload(self, keep_view: bool = False) -> None:
        """Load the visible range for every curve (off the GUI thread), then draw."""
        self._generation += 1
        if self.quick is not None and not keep_view:
            # Following "now": a report that came since the window last slid is in the range
            # (a day's window slides every 7 minutes; its newest reports were left out).
            self.t1 = max(self.t1, self.clock())
            self.t0 = self.t1 - self.quick
        axis = self.item.getAxis("bottom")
        if isinstance(axis, GridDateAxis) and axis.zone != self.zone:
            axis.zone = self.zone
            axis.picture = None  # its tick labels are drawn again with the new zone
            axis.update()
            self._set_edits()
        if self.reader is None or self.gantry_id is None:
            self._status_text()
            return
        self._spawn(self._load(self._generation, keep_view))

    def _spawn(self, coro: Any) -> None:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _period(self) -> float:
        g = self.fleet.gantries.get(self.gantry_id or "")
        return float(g.period_s) if g and g.period_s else 600.0

    async def _load(self, generation: int, keep_view: bool) -> None:
        assert self.reader is not None and self.gantry_id is not None
        t0, t1 = self.t0, self.t1
        source = choose_source(t0, t1, self.clock(), self.retention.raw_keep_s)
        series = [c.series for c in self.curves.values()]
        try:
            # Curves and marks are read side by side on the store's reader threads.
            data, spans, doors = await asyncio.gather(
                self.reader(load, series, t0, t1, source, self._period()),
                self._alarm_spans(t0, t1), self._door_changes(t0, t1))
        except Exception:
            log.exception("loading the trend failed")
            if generation == self._generation and (self._move_pending or not keep_view):
                self._move_to(t0, t1)
            self.status.setText(_t("Could not read the history (see the log)."))
            return
        if generation != self._generation:
            return  # a newer request superseded this one
        move = self._move_pending or not keep_view
        self.source = source
        if source is Source.HOURLY:
            self.last_hourly_reload = time.monotonic()
        for d in data:
            c = self.curves.get(d.series.key)
            if c is not None:
                c.data = d
        if move:
            self._move_to(t0, t1)
        self._draw()
        self._draw_marks(spans, doors)
        if move:
            self._autoscale_y()
        self._settle()
        self._status_text()
        self.loaded.emit()

    def _settle(self) -> None:
        """Apply the view boxes' deferred range changes now. pyqtgraph does it at the start of
        the next paint; the curves then re-clip and re-downsample to the new view and ask for
        a second paint of the whole plot."""
        self.plot.scene().prepareForPaint()

    async def _alarm_spans(self, t0: float, t1: float) -> list[AlarmSpan]:
        self.alarm_note = ""
        if not self.show_alarms.isChecked() or self.reader is None:
            return []
        try:
            # The computers' chart: the gantry's and computers' alarms (cabinet 0), not the
            # cabinets' (a door alarm shaded over CPU usage explains nothing).
            cabinet = 0 if self.cabinet_id is None else self.cabinet_id
            return await self.reader(alarm_spans, self.gantry_id, cabinet, t0, t1)
        except Exception as e:  # a database without the alarms table (older schema)
            self.alarm_note = _t("alarms unavailable")
            log.info("no alarm spans: %s", e)
            return []

    async def _door_changes(self, t0: float, t1: float) -> list[DoorChange]:
        if not self.show_doors.isChecked() or self.cabinet_id is None or self.reader is None:
            return []
        return await self.reader(door_changes, self.gantry_id, self.cabinet_id, t0, t1)

    def _draw(self) -> None:
        for c in self.curves.values():
            if c.data is None:
                c.item.setData([], [])
            else:
                c.item.setData(c.data.t, c.data.y, connect="finite")

    def _autoscale_y(self, axes: set[int] | None = None) -> None:
        """Fit each value axis (or only `axes`) to its curves' values."""
        for i, vb in enumerate(self.views[: len(self.units)]):
            if axes is not None and i not in axes:
                continue
            ys = [c.data.y for c in self.curves.values()
                  if c.axis == i and c.data is not None and len(c.data.y)]
            finite = np.concatenate(ys) if ys else np.array([])
            finite = finite[np.isfinite(finite)]
            if len(finite):
                lo, hi = float(finite.min()), float(finite.max())
                pad = max((hi - lo) * 0.08, abs(hi) * 0.02, 0.5)
                vb.setYRange(lo - pad, hi + pad, padding=0)
                self._fit_tick_text(self.axes[i], lo - pad, hi + pad)

    def _fit_tick_text(self, axis: pg.AxisItem, lo: float, hi: float) -> None:
        """Widen an axis for long tick labels (large values) before it paints, never while."""
        chars = max(AXIS_CHARS, tick_chars(lo, hi))
        width = self.plot.fontMetrics().horizontalAdvance("8" * chars)
        if axis.style["tickTextWidth"] != width:
            axis.setStyle(tickTextWidth=width)

    def _draw_marks(self, spans: list[AlarmSpan], doors: list[DoorChange]) -> None:
        now = self.clock()
        # The same marks as drawn (a range switch over the same events) are kept: a labelled
        # line costs a few ms to make. An alarm still standing ends at "now", which moves.
        key = (spans, doors, now if any(s.end is None for s in spans) else None)
        if key == self._marks_key:
            return
        self._clear_marks()
        self._marks_key = key
        for s in spans[:MAX_MARKERS]:
            end = s.end if s.end is not None else now
            region = pg.LinearRegionItem((s.start, end), movable=False,
                                         brush=pg.mkBrush(198, 40, 40, 38),
                                         pen=pg.mkPen(198, 40, 40, 90))
            region.setZValue(-10)
            region.setToolTip(_t("Alarm %1").replace("%1", s.text_key))
            self.item.addItem(region, ignoreBounds=True)
            self.marks.append(region)
        door_pen = pg.mkPen(style.MUTED_TEXT, width=1, style=Qt.PenStyle.DotLine)
        right_part = self.t1 - 0.2 * (self.t1 - self.t0)
        for e in doors[:MAX_MARKERS]:
            which = _t("front door") if e.door == "front" else _t("back door")
            text = ("▲ " + _t("%1 opened") if e.opened else "▽ " + _t("%1 closed")).replace(
                "%1", which)
            # Openings on the top row, closings on the one below: an opening and its closing
            # minutes later must not print over each other. Near the right edge the text
            # reads leftwards from its line instead of running off the plot.
            anchor = (1, 0) if e.ts > right_part else (0, 0)
            line = pg.InfiniteLine(pos=e.ts, angle=90, movable=False, pen=door_pen, label=text,
                                   labelOpts={"color": style.MUTED_TEXT,
                                              # readable over the curves it crosses
                                              "fill": pg.mkBrush(255, 255, 255, 210),
                                              "anchors": [anchor, anchor]})
            line.setToolTip(text)
            line.opening = e.opened  # its label's row (_place_door_labels)
            self.item.addItem(line, ignoreBounds=True)
            self.marks.append(line)
        self._place_door_labels()

    def _place_door_labels(self) -> None:
        """Openings' labels a line of text below the top, closings' one more line down: rows
        in pixels, so that a short chart (the window's bottom area) keeps them apart too."""
        height = self.item.getViewBox().height()
        if height <= 0:
            return
        row = self.plot.fontMetrics().lineSpacing() + 2
        for m in self.marks:
            if isinstance(m, pg.InfiniteLine) and m.label is not None:
                below_top = 3 + (0 if getattr(m, "opening", True) else row)
                m.label.setPosition(max(0.0, 1 - below_top / height))

    def _clear_marks(self) -> None:
        for m in self.marks:
            self.item.removeItem(m)
            # Deleted here, on the GUI thread. A labelled line is a reference cycle in Python;
            # left to the cyclic collector it was destroyed on whichever thread allocated
            # next, often a store reader, and its text item's Qt timers stayed registered
            # with the GUI thread: "Timers cannot be stopped from another thread", then a
            # segfault when one fired (the crash once seen in a long UI run).
            m.deleteLater()
        self.marks = []
        self._marks_key = None

    def say(self, message: str, seconds: float = NOTICE_S) -> None:
        """A notice for the operator (export done, a unit too many): it stays in the status
        line for `seconds`, ahead of what the chart shows, however often that is redrawn."""
        self._notice = (message, time.monotonic() + seconds)
        self._status_text()
        # Gone when its time is up, also on a chart that is not redrawn meanwhile.
        QTimer.singleShot(int(seconds * 1000) + 50, self, self._status_text)

    def _status_text(self) -> None:
        notice = ""
        if self._notice is not None:
            if time.monotonic() < self._notice[1]:
                notice = self._notice[0] + " — "
            else:
                self._notice = None
        if self.gantry_id is None:
            self.status.setText(notice + _t("No gantry has reported yet."))
            return
        if not self.curves:
            self.status.setText(notice + _t("Tick one or more metrics on the left."))
            return
        points = sum(c.data.points for c in self.curves.values() if c.data is not None)
        if self.source is Source.RAW:
            what = _t("Showing raw reports (one point per report)")
        else:
            what = _t("Showing hourly rollups (mean per hour; the crosshair reads min / max)")
        text = f"{what} — {_t('%1 points').replace('%1', str(points))}"
        if points == 0:
            text += " — " + _t("no data in this range")
        if self.alarm_note:
            text += f" — {self.alarm_note}"
        if self.zone is not None:  # the PC's own zone goes without saying
            text += " — " + _t("times in %1").replace(
                "%1", gantry_time.describe(self.zone, self.t1))
        self.status.setText(notice + text)

    # -- crosshair -----------------------------------------------------------------------------

    def _mouse_moved(self, pos: Any) -> None:
        vb = self.item.getViewBox()
        # The data area only: over the axes the time read would lie outside the range.
        if not vb.sceneBoundingRect().contains(pos) or not self.curves:
            self.cross.hide()
            return
        x = vb.mapSceneToView(pos).x()
        self.cross.setPos(x)
        self.cross.show()
        self.readout.setText(self.read_at(x))

    def read_at(self, x: float) -> str:
        """Time and the value of every curve nearest to time x (crosshair text)."""
        if not (PLAUSIBLE_MIN <= x <= PLAUSIBLE_MAX):
            return ""
        if self.source is Source.HOURLY:  # the hour whose min / mean / max are read
            start = x - x % HOUR
            when = (gantry_time.local(start, self.zone).strftime("%Y-%m-%d %H:%M") + "–"
                    + gantry_time.local(start + HOUR, self.zone).strftime("%H:%M"))
        else:
            when = gantry_time.local(x, self.zone).strftime("%Y-%m-%d %H:%M")
        parts = [when]
        for c in self.curves.values():
            parts.append(f"{series_label(c.series, self.fleet)}: {self._value_at(c, x)}")
        return "  |  ".join(parts)

    def _value_at(self, c: Curve, x: float) -> str:
        d = c.data
        if d is None or not len(d.t):
            return "—"
        unit = unit_label(c.series.metric.unit)
        i = int(np.clip(np.searchsorted(d.t, x), 0, len(d.t) - 1))
        if i > 0 and abs(d.t[i - 1] - x) < abs(d.t[i] - x):
            i -= 1
        near = HOUR if d.source is Source.HOURLY else 2 * self._period()
        if abs(d.t[i] - x) > near:
            return _t("no report")
        if math.isnan(d.y[i]):
            for ts, reason in d.reasons:
                if abs(ts - x) <= near:
                    try:  # in words, as the schematic says it: "no data (NoData)"
                        return reason_text(NoValue(reason))
                    except ValueError:
                        return reason
            return _t("no report")
        if d.source is Source.HOURLY and d.lo is not None and d.hi is not None:
            return f"{d.y[i]:.4g} {unit} ({_t('min')} {d.lo[i]:.4g}, {_t('max')} {d.hi[i]:.4g})"
        return f"{d.y[i]:.4g} {unit}"

    # -- live ----------------------------------------------------------------------------------

    def mark_dirty(self, gantry_id: str, *_: object) -> None:
        """A report was stored (bridge signal): drawn on the next live tick if visible."""
        if gantry_id == self.gantry_id:
            self.dirty = True
        if self.gantry_id is None:
            self._refresh_after_reports()
        elif not self._choices_timer.isActive():
            self._choices_timer.start()

    def _refresh_after_reports(self) -> None:
        if self.reader is None:  # detached
            return
        before = (self.gantry_id, self.cabinet_id)
        self.refresh_choices()
        if (self.gantry_id, self.cabinet_id) != before:  # nothing was ticked: nothing lost
            self.reload()

    def _live_tick(self) -> None:
        if self.reader is None or not self.curves:
            return
        if self.quick is not None:
            # Following "now": slide the window, then fetch what arrived.
            now = self.clock()
            if now - self.t1 > 0.005 * self.quick:
                self.t0, self.t1 = now - self.quick, now
                self._show_x(self.t0, self.t1)
        if not self.dirty or not self.includes_now():
            return
        self.dirty = False
        if self.source is Source.HOURLY:
            if time.monotonic() - self.last_hourly_reload >= HOURLY_LIVE_S:
                self.reload(keep_view=True)
            return
        self._spawn(self._append(self._generation))

    async def _append(self, generation: int) -> None:
        assert self.reader is not None
        starts = [c.data.last_time() for c in self.curves.values() if c.data is not None]
        since = max([s for s in starts if s is not None], default=self.t0)
        series = [c.series for c in self.curves.values()]
        try:
            new = await self.reader(load, series, since + 1e-3, self.clock() + 60, Source.RAW,
                                    self._period())
        except Exception:
            log.exception("live trend update failed")
            return
        if generation != self._generation:
            return
        beyond: set[int] = set()  # axes a new value lies outside of: refitted to keep it in
        for d in new:  # sight (an operator's zoom on the values shown stays otherwise)
            c = self.curves.get(d.series.key)
            if c is not None and c.data is not None:
                c.data = extend(c.data, d, 2 * self._period())
                ys = d.y[np.isfinite(d.y)]
                lo, hi = self.views[c.axis].viewRange()[1]
                if len(ys) and (ys.min() < lo or ys.max() > hi):
                    beyond.add(c.axis)
        self._draw()
        if beyond:
            self._autoscale_y(beyond)
        self._status_text()
        self.loaded.emit()

    # -- export --------------------------------------------------------------------------------

    def _export_clicked(self) -> None:
        if not self.curves or self.reader is None:
            self.say(_t("Nothing to export: tick a metric first."))
            return
        path, _f = QFileDialog.getSaveFileName(
            self, _t("Export the chart"), f"trend-{self.gantry_id}.csv",
            _t("CSV (*.csv);;Excel workbook (*.xlsx)"))
        if path:
            self._spawn(self.export_to(path))

    async def export_to(self, path: str) -> int:
        """Write what the chart shows (series, range, raw or hourly) to CSV / XLSX."""
        assert self.reader is not None
        series = [c.series for c in self.curves.values()]
        header, rows = await self.reader(table, series, self.t0, self.t1, self.source,
                                         self.zone, self._header_words())
        try:
            await asyncio.to_thread(write, path, header, rows)
        except (OSError, ValueError) as e:
            self.say(_t("Could not write %1: %2").replace("%1", path).replace(
                "%2", str(e)))
            return 0
        self.say(_t("Exported %1 rows to %2").replace("%1", str(len(rows))).replace(
            "%2", path))
        return len(rows)

    def _header_words(self) -> HeaderWords:
        """The export's header in the operator's language, naming what the chart names."""
        def fmt(translated: str) -> str:
            return translated.replace("{", "{{").replace("}", "}}").replace(
                "%1", "{name}").replace("%2", "{unit}")

        def name(s: Series) -> str:
            where = "" if s.cabinet_id is None else _t("Cabinet %1").replace(
                "%1", str(s.cabinet_id)) + " "
            return f"{where}{device_label(s, self.fleet)}: {metric_label(s.metric)}"

        return HeaderWords(
            time=fmt(_t("Local time (%1)")).replace("{name}", "{zone}"),
            raw=fmt(_t("%1 (%2)")),
            hourly=(fmt(_t("%1 hourly min (%2)")), fmt(_t("%1 hourly mean (%2)")),
                    fmt(_t("%1 hourly max (%2)"))),
            name=name, unit=unit_label)

    def detach(self) -> None:
        """Stop loading and updating; the chart stays as drawn."""
        self._live_timer.stop()
        self._reload_timer.stop()
        self._choices_timer.stop()
        self.reader = None
        for t in list(self._tasks):
            t.cancel()
        with contextlib.suppress(RuntimeError, TypeError):
            self.plot.scene().sigMouseMoved.disconnect(self._mouse_moved)
        self._clear_curves()
        self._clear_marks()
        self.plot.close()


def plug_trend_panel(window: Any, core: Any, bridge: Any) -> TrendPanel:
    """Add the trend panel to the main window's bottom area, fed by the core's store."""
    panel = TrendPanel(core.fleet, core.store.read,
                       retention=Retention.from_settings(core.settings),
                       zone_of=lambda gantry: core.settings.gantry_zone(gantry), parent=window)
    window.add_panel(panel, QCoreApplication.translate("Trend", "Trends"), "bottom")
    bridge.message_stored.connect(panel.mark_dirty)
    panel.refresh_choices()
    return panel


def unplug_trend_panel(panel: TrendPanel, bridge: Any) -> None:
    """Undo plug_trend_panel before the window goes: no more bridge signals into the panel,
    its timers stopped and its loads cancelled."""
    with contextlib.suppress(RuntimeError, TypeError):
        bridge.message_stored.disconnect(panel.mark_dirty)
    panel.detach()
