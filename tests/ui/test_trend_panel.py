"""The trend panel over a generated year: each quick range reads the right table, gaps and
no-value reports are NaN (never 0), curves are created once, live append, marks, export,
crosshair; sparklines on the schematic open the trend.

Pictures of the panel with a day and a year of data: `tests/perf/bench_trend.py --shots DIR`.
"""

from __future__ import annotations

import asyncio
import gc
import os
import time
from datetime import datetime
from html import escape
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import pyqtgraph as pg  # noqa: E402
import pytest  # noqa: E402
import shiboken6  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from app.bus import EventBus  # noqa: E402
from app.fleet import Fleet  # noqa: E402
from app.history.series import Source  # noqa: E402
from app.store import Store  # noqa: E402
from tests.history_year import (  # noqa: E402
    DAY,
    DOOR_OPEN,
    GANTRY,
    GAPS,
    HOUR,
    NOW,
    data_dir_with_year,
    expected,
    fill,
    year_master,  # noqa: F401  (session fixture)
)
from tests.test_history import rolled_master  # noqa: E402, F401  (module fixture)
from tests.ui.conftest import wait_until  # noqa: E402
from tests.ui.shots import save_shot  # noqa: E402
from ui.trend_panel import (  # noqa: E402
    QUICK_RANGES,
    RELOAD_MS,
    TrendPanel,
    _t,
    series_label,
    tick_chars,
)

KEYS = [("thermohygrometer.temperature", 1), ("ups.charge_percent", 1), ("mains.voltage", 1),
        ("ups.temperature", 1)]
SOURCES = {"1 h": Source.RAW, "24 h": Source.RAW, "7 d": Source.HOURLY, "30 d": Source.HOURLY,
           "1 y": Source.HOURLY}


_PANELS: list[TrendPanel] = []


class Clock:
    def __init__(self, t: float) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


@pytest.fixture(autouse=True)
def _collect_on_gui_thread():
    """Torn down after the test's qasync loop is closed: its Qt objects (timers still
    registered) are collected here, on the GUI thread. Left to Python's cyclic collector they
    could be destroyed on a store reader thread of a later test ("Timers cannot be stopped
    from another thread"), and a dangling timer then crashes the run."""
    yield
    gc.collect()


@pytest.fixture
def year_panel(run, qtbot, rolled_master: Path, tmp_path: Path):  # noqa: F811
    store = Store(data_dir_with_year(rolled_master, tmp_path / "data")).open()
    fleet = Fleet(EventBus())
    fleet.seed(store)
    clock = Clock(NOW)
    panel = TrendPanel(fleet, store.read, clock=clock)
    # Kept: a parentless panel left to Python's cyclic collector could be destroyed on a
    # store reader thread, its Qt timers left dangling (see TrendPanel._clear_marks).
    _PANELS.append(panel)
    panel.resize(1366, 560)
    panel.show()
    panel.refresh_choices()
    yield panel, store, clock
    panel.detach()
    panel.hide()
    store.close()


def shown(panel: TrendPanel, run, action) -> None:
    """Do `action` and wait until the panel has loaded and drawn."""
    done = []
    panel.loaded.connect(lambda: done.append(1))
    action()
    run(wait_until(lambda: bool(done), 15))


def test_each_quick_range_reads_its_table_without_fake_zeros(year_panel, run, qtbot) -> None:
    panel, _store, _clock = year_panel
    shown(panel, run, lambda: panel.show_series(GANTRY, 1, KEYS, span=HOUR))
    items = {k: c.item for k, c in panel.curves.items()}
    assert len(items) == 4
    # Units on separate axes: °C (temperature and battery temperature), %, V.
    assert sorted(panel.units) == sorted(["°C", "%", "V"])
    assert [a.isVisible() for a in panel.axes] == [True, True, True, False]
    # Axis widths as the data is handed over, before Qt paints: painting must not change
    # them (a change found while painting made Qt lay out and paint the chart twice more).
    widths: list[list[float]] = []
    panel.loaded.connect(lambda: widths.append([a.width() for a in panel.axes]))
    for i, (name, span) in enumerate(QUICK_RANGES):
        shown(panel, run, lambda i=i: qtbot.mouseClick(panel.range_buttons.button(i),
                                                       Qt.MouseButton.LeftButton))
        panel.plot.grab()
        assert [a.width() for a in panel.axes] == widths[-1], name
        assert panel.source is SOURCES[name], name
        assert (panel.t0, panel.t1) == (NOW - span, NOW)
        # The status line says which table it shows (in whatever language is installed).
        raw_words = _t("Showing raw reports (one point per report)")
        hourly_words = _t("Showing hourly rollups (mean per hour; the crosshair reads min / max)")
        assert (raw_words in panel.status.text()) == (SOURCES[name] is Source.RAW)
        assert (hourly_words in panel.status.text()) == (SOURCES[name] is Source.HOURLY)
        for key, c in panel.curves.items():
            assert c.item is items[key]  # created once, updated with setData
            x, y = c.item.xData, c.item.yData
            assert len(x) == len(c.data.t) and c.data.points > 0
            finite = y[np.isfinite(y)]
            assert len(finite) and not np.any(finite == 0), (name, key)
            assert np.all((x >= NOW - span - HOUR) & (x <= NOW + HOUR))
            assert c.item.opts["connect"] == "finite"
        if name == "1 y":
            # Every curve, on any axis, draws about two points a pixel (each bin's min and
            # max), and the three missing days are still a break in what is drawn.
            a, b = GAPS[0]
            for key, c in panel.curves.items():
                dx, dy = c.item.curve.xData, c.item.curve.yData
                assert len(dx) < len(c.data.t) / 3, key
                ok = np.isfinite(dy)
                across = ok[:-1] & ok[1:] & (dx[:-1] < a) & (dx[1:] > b)
                assert not across.any() and not ok[(dx > a - DAY) & (dx < b + DAY)].all(), key
        temp = panel.curves[f"{GANTRY}/cabinet1/thermohygrometer.temperature/1"].data
        if name in ("24 h", "7 d", "30 d", "1 y"):
            # The two missing hours of the last day break the line.
            gap = (temp.t > NOW - 10 * HOUR) & (temp.t < NOW - 8 * HOUR)
            assert gap.any() and np.isnan(temp.y[gap]).all(), name
        if SOURCES[name] is Source.RAW:
            want = [v for t, v in expected()["thermohygrometer.temperature"]
                    if NOW - span <= t <= NOW]
            assert temp.points == len(want)
            assert int(np.isnan(temp.y).sum()) >= sum(v is None for v in want)


def test_crosshair_marks_live_append_and_export(year_panel, run, tmp_path: Path) -> None:
    panel, store, clock = year_panel
    shown(panel, run, lambda: panel.show_series(GANTRY, 1, KEYS[:2], span=DAY))
    temp = next(iter(panel.curves.values()))
    # A report that came without a value reads as its reason, never as a number.
    failed = next(t for t, v in expected()["thermohygrometer.temperature"]
                  if v is None and t > NOW - DAY)
    assert "GetFailed" in panel.read_at(failed)
    ok_t, ok_v = next((t, v) for t, v in expected()["thermohygrometer.temperature"]
                      if v is not None and t > NOW - DAY)
    assert f"{ok_v:.4g} °C" in panel.read_at(ok_t)
    assert _t("no report") in panel.read_at(NOW - 9 * HOUR)  # inside the missing hours
    # The crosshair reads where the mouse is; a new range clears the reading of the old one.
    panel._mouse_moved(panel.item.sceneBoundingRect().center())
    assert panel.readout.text().strip() and panel.cross.isVisible()
    # 7 days: hourly values read with their min and max; the door opening is marked.
    shown(panel, run, lambda: panel.show_quick(7 * DAY))
    assert not panel.readout.text().strip() and not panel.cross.isVisible()
    assert _t("min") in panel.read_at(NOW - 3 * DAY + 1800)
    labels = [m.label.toPlainText() for m in panel.marks if isinstance(m, pg.InfiniteLine)]
    front = _t("front door")
    assert "▲ " + _t("%1 opened").replace("%1", front) in labels
    assert "▽ " + _t("%1 closed").replace("%1", front) in labels
    door_lines = [m for m in panel.marks if isinstance(m, pg.InfiniteLine)]
    assert {m.value() for m in door_lines} == {DOOR_OPEN[0], DOOR_OPEN[1]}
    # 30 days hold the same events: the marks are kept, not made again; without doors, gone.
    shown(panel, run, lambda: panel.show_quick(30 * DAY))
    assert [m for m in panel.marks if isinstance(m, pg.InfiniteLine)] == door_lines
    shown(panel, run, lambda: panel.show_doors.setChecked(False))
    assert not [m for m in panel.marks if isinstance(m, pg.InfiniteLine)]
    # Removed marks are deleted on the GUI thread, never left to Python's cyclic collector
    # (which may run on a store reader thread: Qt timers then dangle and crash the app).
    run(wait_until(lambda: not any(shiboken6.isValid(m) for m in door_lines), 5))
    shown(panel, run, lambda: panel.show_doors.setChecked(True))
    # Live: a new report while the range includes now is appended to the same curve objects.
    shown(panel, run, lambda: panel.show_quick(DAY))
    before, item = temp.data.points, temp.item
    run(fill(store, [NOW + 600]))
    clock.t = NOW + 600
    panel.mark_dirty(GANTRY)
    run(wait_until(lambda: temp.data.points == before + 1, 10))
    assert temp.item is item
    assert temp.item.xData[-1] == NOW + 600
    assert panel.t1 == NOW + 600  # the window follows now
    # Export what the chart shows.
    rows = run(panel.export_to(str(tmp_path / "chart.csv")))
    # The window slid by one period: the report at NOW - 24 h left it, the new one came in.
    assert rows == before
    text = (tmp_path / "chart.csv").read_text(encoding="utf-8-sig").splitlines()
    assert "(°C)" in text[0] and "(%)" in text[0] and len(text) == rows + 1


def test_free_range_and_zoom_switch_tables(year_panel, run) -> None:
    panel, _store, _clock = year_panel
    shown(panel, run, lambda: panel.show_series(GANTRY, 1, KEYS[:1], span=365 * DAY))
    assert panel.source is Source.HOURLY
    # Zooming in to six hours (as the mouse wheel does) reloads raw reports when it rests.
    shown(panel, run, lambda: panel.item.setXRange(NOW - 20 * HOUR, NOW - 14 * HOUR,
                                                   padding=0))
    assert panel.source is Source.RAW and panel.quick is None
    assert not any(b.isChecked() for b in panel.range_buttons.buttons())
    c = next(iter(panel.curves.values()))
    assert c.data.points == sum(1 for t, _ in expected()["thermohygrometer.temperature"]
                                if NOW - 20 * HOUR <= t <= NOW - 14 * HOUR)
    # An implausible range is clamped to plausible dates, never passed to the axis.
    shown(panel, run, lambda: panel.set_range(-1e12, 1e13))
    assert panel.t0 > 9e8 and panel.t1 < 4.2e9
    panel.grab()  # the date axis draws such a range without failing


def test_quick_range_chosen_right_after_a_pan_is_shown(year_panel, run) -> None:
    panel, _store, _clock = year_panel
    shown(panel, run, lambda: panel.show_series(GANTRY, 1, KEYS[:2], span=DAY))
    vb = panel.item.getViewBox()
    vb.translateBy(x=-2 * HOUR)  # a pan: its reload waits until the mouse rests
    assert panel.quick is None and panel._reload_timer.isActive()
    time.sleep(1.5 * RELOAD_MS / 1000)  # the pan's reload is due, not yet run
    # "1 y" now: the chart moves to the year with the year's data; the pan's reload must not
    # supersede that load and leave the day's view over hourly rollups.
    shown(panel, run, lambda: panel.show_quick(365 * DAY))
    run(asyncio.sleep(2 * RELOAD_MS / 1000))
    x0, x1 = vb.viewRange()[0]
    assert abs(x0 - (NOW - 365 * DAY)) < HOUR and abs(x1 - NOW) < HOUR
    assert panel.source is Source.HOURLY and (panel.t0, panel.t1) == (NOW - 365 * DAY, NOW)
    assert not panel._reload_timer.isActive()


def test_times_read_in_the_gantry_zone(year_panel, run, tmp_path: Path) -> None:
    """A gantry whose clock is in another zone than the PC: axis, crosshair, range edits,
    status and export all read as the gantry's clock (PROTOCOL.md §5)."""
    panel, _store, _clock = year_panel
    zone = ZoneInfo("Asia/Kathmandu")  # UTC+05:45: no test machine is set to it
    panel.zone_of = lambda gantry: zone if gantry == GANTRY else None
    shown(panel, run, lambda: panel.show_series(GANTRY, 1, KEYS[:1], span=DAY))
    axis = panel.item.getAxis("bottom")
    assert axis.zone is zone
    levels = axis.tickValues(panel.t0, panel.t1, 1200)
    spacing, values = levels[-1]
    spec = next(s for s in axis.zoomLevel.tickSpecs if s.spacing == spacing)
    assert axis.tickStrings(values, 1, spacing) == [
        datetime.fromtimestamp(v, zone).strftime(spec.format) for v in values]
    x = NOW - 5 * HOUR
    assert panel.read_at(x).startswith(
        datetime.fromtimestamp(x, zone).strftime("%Y-%m-%d %H:%M"))
    start = datetime.fromtimestamp(panel.t0, zone)
    assert panel.from_edit.dateTime().toString("yyyy-MM-dd HH:mm") == start.strftime(
        "%Y-%m-%d %H:%M")
    assert "Asia/Kathmandu, UTC+05:45" in panel.status.text()
    save_shot(panel, "trend_day_gantry_zone.png")
    # The free range typed in the gantry's time is that time.
    panel.from_edit.setDateTime(panel.from_edit.dateTime().addSecs(-3600))
    shown(panel, run, panel._free_range)
    assert abs(panel.t0 - (NOW - DAY - 3600)) < 60
    rows = run(panel.export_to(str(tmp_path / "zone.csv")))
    text = (tmp_path / "zone.csv").read_text(encoding="utf-8-sig").splitlines()
    assert "Asia/Kathmandu, UTC+05:45" in text[0] and rows == len(text) - 1


def test_value_axis_widens_for_long_tick_labels_before_painting(qtbot) -> None:
    panel = TrendPanel(Fleet(EventBus()))
    _PANELS.append(panel)
    assert tick_chars(212.0, 229.0) == 3  # "229"
    assert tick_chars(0.52, 0.58) == 5  # "0.580": the spacing needs three decimals
    axis = panel.axes[0]
    normal = axis.style["tickTextWidth"]
    panel._fit_tick_text(axis, 1_000_000.0, 1_200_000.0)  # "1200000"
    assert axis.style["tickTextWidth"] > normal
    panel._fit_tick_text(axis, 10.0, 30.0)
    assert axis.style["tickTextWidth"] == normal


def test_key_above_the_plot_names_each_curve_in_its_own_colour(year_panel, run) -> None:
    """The key is a line above the plot (never a box over the data), and a curve ticked after
    another was unticked never takes a colour still on the chart."""
    panel, _store, _clock = year_panel
    shown(panel, run, lambda: panel.show_series(GANTRY, 1, KEYS[:3], span=DAY))
    first = next(iter(panel.curves))
    for i in range(panel.metric_list.count()):
        item = panel.metric_list.item(i)
        key = item.data(Qt.ItemDataRole.UserRole).key
        if key == first:
            item.setCheckState(Qt.CheckState.Unchecked)
    unticked = [panel.metric_list.item(i) for i in range(panel.metric_list.count())
                if panel.metric_list.item(i).data(Qt.ItemDataRole.UserRole).key
                not in (first, *panel.curves)]
    shown(panel, run, lambda: unticked[0].setCheckState(Qt.CheckState.Checked))
    assert first not in panel.curves and len(panel.curves) == 3
    colours = [c.colour for c in panel.curves.values()]
    assert len(set(colours)) == 3
    assert [c.item.opts["pen"].color().name() for c in panel.curves.values()] == colours
    key = panel.key.text()
    for c in panel.curves.values():
        assert f'color:{c.colour}' in key and escape(series_label(c.series)) in key
    # Above the plot, not on it.
    assert panel.key.geometry().bottom() <= panel.plot.geometry().top()
    save_shot(panel, "trend_key_day.png")


def test_date_ticks_read_in_the_operators_language(qapp) -> None:
    """pyqtgraph writes day and month ticks in English ("Fri 04", "Jul"); in Chinese they are
    "12-04" and "07月", and an English axis made afterwards is English still."""
    from pyqtgraph.graphicsItems.DateAxisItem import DAY_SPACING, MONTH_SPACING

    from ui import i18n
    from ui.trend_panel import GridDateAxis

    def ticks(axis: GridDateAxis, level: float, spacing: float, ts: float) -> str:
        # pyqtgraph's levels by the widest tick distance they serve: inf is "1 y" (years and
        # months), 6 h is "24 h" (days and hours).
        axis.utcOffset = 0
        axis.zoomLevel = axis.zoomLevels[level]
        return axis.tickStrings([ts], 1, spacing)[0]

    day = datetime(2026, 12, 4, tzinfo=ZoneInfo("UTC")).timestamp()
    july = datetime(2026, 7, 1, tzinfo=ZoneInfo("UTC")).timestamp()
    translators = i18n.install(qapp, "zh_CN")
    try:
        chinese = GridDateAxis(orientation="bottom")
    finally:
        i18n.uninstall(qapp, translators)
    english = GridDateAxis(orientation="bottom")
    year, hours = float("inf"), 6 * 3600
    assert ticks(chinese, hours, DAY_SPACING, day) == "12-04"
    assert ticks(chinese, year, MONTH_SPACING, july) == "07月"
    # What reaches strftime is ASCII: Python 3.11 on Windows encodes the format to the ANSI
    # code page, where "月" fails and pyqtgraph then prints an empty tick.
    assert all(spec.format.isascii() for level in chinese.zoomLevels.values()
               for spec in level.tickSpecs)
    assert ticks(english, hours, DAY_SPACING, day) == "Fri 04"
    assert ticks(english, year, MONTH_SPACING, july) == "Jul"


def test_what_the_operator_is_told_stays_true(year_panel, run, qapp, tmp_path: Path) -> None:
    """Findings of an operator's trial: each of these read wrong or vanished before."""
    from PySide6.QtCore import QDate, QDateTime, QTime

    from ui import i18n
    from ui.trend_panel import MAX_AXES

    panel, _store, _clock = year_panel
    shown(panel, run, lambda: panel.show_series(GANTRY, 1, KEYS[:1], span=DAY))
    # A free range reads the whole minutes its edits show, not seconds left from "now".
    start = datetime.fromtimestamp(NOW - 5 * HOUR)
    panel.from_edit.setDateTime(QDateTime(QDate(start.year, start.month, start.day),
                                          QTime(start.hour, 0, 37)))
    panel.to_edit.setDateTime(QDateTime(QDate(start.year, start.month, start.day),
                                        QTime(start.hour + 2 if start.hour < 22 else 23, 0)))
    shown(panel, run, panel._free_range)
    assert panel.t0 == datetime(start.year, start.month, start.day, start.hour).timestamp()
    # A notice stays ahead of the status line while the chart redraws.
    panel.say("notice for the operator")
    panel._status_text()
    assert panel.status.text().startswith("notice for the operator — ")
    # A unit too many is refused with a sentence that stays.
    units_keys = ["thermohygrometer.temperature", "mains.voltage", "ups.charge_percent",
                  "mains.frequency", "mains.power"]
    for i in range(panel.metric_list.count()):
        item = panel.metric_list.item(i)
        if item.data(Qt.ItemDataRole.UserRole).metric.key in units_keys[1:]:
            item.setCheckState(Qt.CheckState.Checked)
    assert len(panel.units) == MAX_AXES
    run(asyncio.sleep(0.3))
    assert _t("At most %1 different units at once.").replace("%1", str(MAX_AXES)) \
        in panel.status.text()
    # Unticking clears the reading that named it; over the axes nothing is read.
    panel._mouse_moved(panel.item.getViewBox().sceneBoundingRect().center())
    assert panel.readout.text().strip()
    first = next(panel.metric_list.item(i) for i in range(panel.metric_list.count())
                 if panel.metric_list.item(i).checkState() == Qt.CheckState.Checked)
    first.setCheckState(Qt.CheckState.Unchecked)
    assert not panel.readout.text().strip()
    right_axis = panel.axes[1].sceneBoundingRect().center()
    panel._mouse_moved(right_axis)
    assert not panel.cross.isVisible() and not panel.readout.text().strip()
    # Hourly values read as the hour they summarise.
    shown(panel, run, lambda: panel.show_quick(7 * DAY))
    hour = NOW - 3 * DAY
    reading = panel.read_at(hour + 1234)
    assert reading.startswith(datetime.fromtimestamp(hour).strftime("%Y-%m-%d %H:%M") + "–"
                              + datetime.fromtimestamp(hour + HOUR).strftime("%H:%M"))
    # The export's header is in the operator's language, as the chart names things.
    translators = i18n.install(qapp, "zh_CN")
    try:
        run(panel.export_to(str(tmp_path / "zh.csv")))
    finally:
        i18n.uninstall(qapp, translators)
    header = (tmp_path / "zh.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith('当地时间（') and "机柜 1 市电输入 1: 市电电压 每小时平均值（V）" in header


def test_the_computers_chart_shades_only_gantry_and_computer_alarms(year_panel, run) -> None:
    panel, store, _clock = year_panel
    for cabinet, text_key in ((1, "door_open"), (0, "computer_offline")):
        run(store.write(lambda c, cab=cabinet, k=text_key: c.execute(
            "INSERT INTO alarms (source_key, gantry_id, cabinet_id, kind, device_id, condition,"
            " severity, text_key, params, raised_at, last_raised_at, cleared_at, closed)"
            " VALUES (?, ?, ?, 'x', 1, 'c', 3, ?, '{}', ?, ?, ?, 1)",
            [k, GANTRY, cab, k, NOW - 5 * HOUR, NOW - 5 * HOUR, NOW - 4 * HOUR])))
    from app.events import MessageStored
    from app.protocol import encode_body, parse_stored
    from tests.conftest import example

    computers = parse_stored(encode_body(example("computerStatusUpdate")))
    panel.fleet.gantries[GANTRY].apply(MessageStored(computers, NOW, "", 0))
    shown(panel, run, lambda: panel.show_series(GANTRY, None, [("computer.cpu_usage", 1)]))
    assert panel.cabinet_id is None
    regions = [m for m in panel.marks if isinstance(m, pg.LinearRegionItem)]
    assert [r.toolTip() for r in regions] == [_t("Alarm %1").replace("%1", "computer_offline")]
    shown(panel, run, lambda: panel.show_series(GANTRY, 1, KEYS[:1]))
    regions = [m for m in panel.marks if isinstance(m, pg.LinearRegionItem)]
    assert len(regions) == 2  # a cabinet's chart: its own and the gantry's


def test_ticked_metrics_come_back_with_their_cabinet(year_panel, run) -> None:
    from app.events import MessageStored
    from app.protocol import encode_body, parse_stored
    from tests.conftest import example

    panel, _store, _clock = year_panel
    computers = parse_stored(encode_body(example("computerStatusUpdate")))
    panel.fleet.gantries[GANTRY].apply(MessageStored(computers, NOW, "", 0))
    panel.refresh_choices()
    shown(panel, run, lambda: panel.show_series(GANTRY, 1, KEYS[:2]))
    before = sorted(panel.curves)
    for cabinet in (None, 1):  # to the computers and back, as the operator picks them
        panel.scope.setCurrentIndex(panel.scope.findData(cabinet))
        shown(panel, run, panel._scope_chosen)
        if cabinet is None:
            assert not panel.curves
    assert sorted(panel.curves) == before
