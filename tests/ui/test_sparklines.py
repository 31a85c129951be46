"""Sparklines on the schematic and the trend panel in the desktop window: reports posted through
the real receiver end up in the thermohygrometer's and the UPS's 24 h lines (a NoData report is
a break, never a zero), new reports are read again at most every 30 s, and a click on the line
opens the trend panel's tab on that metric over 24 h."""

from __future__ import annotations

import asyncio
import time

import numpy as np
from PySide6.QtCore import QPoint, Qt

from app.history.series import DAY
from tests.conftest import example
from tests.history_year import fill
from tests.ui.conftest import GANTRY, wait_until
from tests.ui.shots import save_shot
from ui.sparklines import BUCKETS, MIN_INTERVAL_S, reduce

TEMPERATURE_KEY = f"{GANTRY}/cabinet1/thermohygrometer.temperature/1"


def report(temperature: str) -> dict:
    doc = example("cabinetStatusUpdate")
    doc["cabinetStatus"]["thermohygrometer"]["temperature"] = temperature
    return doc


def runs_values(element) -> list[list[float]]:
    return [[y for _t, y in run] for run in element.spark_runs()]


def test_many_points_are_bucketed_and_long_gaps_stay_breaks() -> None:
    t0 = 1_750_000_000.0
    t = t0 + np.arange(0, DAY, 5.0)
    y = 20 + np.sin(t / 3000.0)
    y[::37] = np.nan  # single failed reads: below a pixel
    y[(t > t0 + 3600) & (t < t0 + 3 * 3600)] = np.nan  # two hours without a value
    rt, ry = reduce(t, y, t0, t0 + DAY)
    rt, ry = np.array(rt), np.array(ry)
    assert len(rt) <= 2 * BUCKETS and np.all(np.diff(rt) >= 0)
    in_gap = (rt > t0 + 3700) & (rt < t0 + 3 * 3600 - 100)
    assert in_gap.any() and np.isnan(ry[in_gap]).all()
    finite = ry[np.isfinite(ry)]
    assert finite.min() >= 19 and finite.max() <= 21  # no zeros; extremes kept
    assert np.isfinite(ry[rt > t0 + 4 * 3600]).all()  # sporadic failures don't break the line


def test_desktop_window_has_the_trend_tab(desktop) -> None:
    tabs = desktop.window.bottom_tabs
    i = tabs.indexOf(desktop.trends)
    assert i >= 0 and tabs.tabText(i) == "Trends"
    assert tabs.isVisibleTo(desktop.window)


def test_sparklines_hold_the_reports_and_open_the_trend(run, desktop, poster, clock, qtbot
                                                        ) -> None:
    window = desktop.window
    scene = window.schematic.scene
    th = scene.thermohygrometer

    async def first() -> None:
        assert await poster.code(report("21.5")) == "1000"
        await wait_until(lambda: th.spark is not None and th.spark_runs() != [])

    run(first())
    assert runs_values(th) == [[21.5]]
    assert [[y for _t, y in r] for r in scene.ups[0].spark_runs()] == [[99.0]]  # powerRate

    async def more() -> None:
        for value in ("22", "NoData", "23.5"):
            assert await poster.code(report(value)) == "1000"
        await wait_until(lambda: th.lines[0] == "23.5°C")
        await asyncio.sleep(0.3)

    run(more())
    # Read again at most every 30 s: the line still holds the first read.
    assert runs_values(th) == [[21.5]]
    clock.offset += MIN_INTERVAL_S + 1
    window.refresh(force=True)
    run(wait_until(lambda: len(th.spark_runs()) == 2))
    assert runs_values(th) == [[21.5, 22.0], [23.5]]
    t, y = th.spark[0], th.spark[1]
    assert len(t) == 4 and np.isnan(y[2]) and 0.0 not in y  # NoData: a break, not a zero
    assert th.spark[3] - th.spark[2] == DAY and th.spark[2] <= t[0] <= t[-1] <= th.spark[3]

    # A click on the line opens the trend panel's tab on that metric, over the last 24 h.
    panel = desktop.trends
    window.centre_tabs.setCurrentWidget(window.schematic)
    loaded = []
    panel.loaded.connect(lambda: loaded.append(1))
    view = window.schematic.view
    centre = view.mapFromScene(th.mapToScene(th.spark_rect().center()))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(centre))
    run(wait_until(lambda: bool(loaded), 10))
    assert window.bottom_tabs.currentWidget() is panel
    assert list(panel.curves) == [TEMPERATURE_KEY]
    assert panel.quick == DAY and panel.range_buttons.checkedId() == 1  # "24 h"
    checked = [panel.metric_list.item(i).data(Qt.ItemDataRole.UserRole).key
               for i in range(panel.metric_list.count())
               if panel.metric_list.item(i).checkState() == Qt.CheckState.Checked]
    assert checked == [TEMPERATURE_KEY]
    y = panel.curves[TEMPERATURE_KEY].data.y
    assert y[np.isfinite(y)].tolist() == [21.5, 22.0, 23.5] and np.isnan(y).sum() == 1


def test_a_click_beside_the_line_opens_nothing(run, desktop, poster, qtbot) -> None:
    window = desktop.window
    th = window.schematic.scene.thermohygrometer
    run(poster.code(report("20")))
    run(wait_until(lambda: th.spark is not None))
    window.bottom_tabs.setCurrentIndex(0)
    before = window.bottom_tabs.currentWidget()
    view = window.schematic.view
    inside = view.mapFromScene(th.rect.center().x(), th.rect.top() + 30)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=inside)
    assert window.bottom_tabs.currentWidget() is before
    assert not desktop.trends.curves


def test_screenshots_of_a_day_on_the_schematic_and_the_trend_tab(run, desktop, poster,
                                                                 qtbot) -> None:
    window = desktop.window
    th = window.schematic.scene.thermohygrometer
    now = time.time()
    # A day of 10-minute reports (as configured for real gantries), with the generator's
    # failed reads and no values for the third hour.
    desktop.core.fleet.gantries[GANTRY].period_s = 600.0
    times = [now - DAY + 60 + i * 600.0 for i in range(144)]
    run(fill(desktop.core.store, [t for t in times if not now - 21 * 3600 < t < now - 20 * 3600]))
    run(poster.code(example("cabinetStatusUpdate")))
    run(wait_until(lambda: th.spark is not None and len(th.spark[0]) > 100))
    ups = window.schematic.scene.ups[0]
    assert all(y != 0 for run_ in ups.spark_runs() for _t, y in run_)
    assert len(th.spark_runs()) >= 2  # the missing hour (and failed reads) break the line
    save_shot(window.schematic, "schematic_sparklines.png")
    view = window.schematic.view
    loaded = []
    desktop.trends.loaded.connect(lambda: loaded.append(1))
    centre = view.mapFromScene(ups.mapToScene(ups.spark_rect().center()))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(centre))
    run(wait_until(lambda: bool(loaded), 10))
    assert list(desktop.trends.curves) == [f"{GANTRY}/cabinet1/ups.charge_percent/1"]
    save_shot(window, "window_trend_tab.png")


def test_trend_tab_follows_the_first_reports_until_the_operator_chooses(run, desktop, poster
                                                                         ) -> None:
    """Opened before anything reports: the axis shows the range its edits show; the computers'
    report picks the gantry, a cabinet reporting later joins the choices (and is shown, as
    nothing was ticked yet); a ticked metric is drawn with its axis fitted to its values."""
    panel = desktop.trends
    window = desktop.window
    window.bottom_tabs.setCurrentWidget(panel)
    x0, x1 = panel.item.getViewBox().viewRange()[0]
    assert abs(x0 - panel.t0) < 1 and abs(x1 - panel.t1) < 1

    run(poster.code(example("computerStatusUpdate")))
    run(wait_until(lambda: panel.status.text() == "Tick one or more metrics on the left."))
    assert panel.gantry_id == GANTRY and panel.cabinet_id is None
    run(poster.code(report("21.5")))
    run(wait_until(lambda: panel.scope.count() == 2))
    assert panel.cabinet_id == 1 and panel.scope.currentText() == "Cabinet 1"

    loaded: list[int] = []
    panel.loaded.connect(lambda: loaded.append(1))
    item = next(panel.metric_list.item(i) for i in range(panel.metric_list.count())
                if panel.metric_list.item(i).data(Qt.ItemDataRole.UserRole).key
                == TEMPERATURE_KEY)
    item.setCheckState(Qt.CheckState.Checked)
    run(wait_until(lambda: bool(loaded)))
    lo, hi = panel.views[0].viewRange()[1]
    assert lo < 21.5 < hi and hi - lo < 5
    assert panel.curves[TEMPERATURE_KEY].data.y.tolist() == [21.5]
    x0, x1 = panel.item.getViewBox().viewRange()[0]
    assert x0 < panel.curves[TEMPERATURE_KEY].data.t[0] < x1
    # A live value beyond the axis moves the axis so the line stays in sight.
    loaded.clear()
    run(poster.code(report("35")))
    run(wait_until(lambda: loaded and len(panel.curves[TEMPERATURE_KEY].data.y) == 2, 5))
    lo, hi = panel.views[0].viewRange()[1]
    assert lo < 21.5 < 35 < hi
    # The operator's own zoom on the values stays while new values fall inside it.
    panel.views[0].setYRange(30, 40, padding=0)
    loaded.clear()
    run(poster.code(report("36")))
    run(wait_until(lambda: loaded and len(panel.curves[TEMPERATURE_KEY].data.y) == 3, 5))
    assert panel.views[0].viewRange()[1] == [30, 40]
    # Chosen now: more cabinets or computers reporting never move the chart.
    doc = report("22")
    doc["cabinetStatus"]["id"] = "2"
    run(poster.code(doc))
    run(wait_until(lambda: panel.scope.count() == 3))
    assert panel.cabinet_id == 1 and list(panel.curves) == [TEMPERATURE_KEY]
    save_shot(window, "trend_tab_after_first_reports.png")
