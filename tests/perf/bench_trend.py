"""Trend benchmark: "1 y" chosen -> chart drawn for 4 series, one pan step redrawn, and the
store's size per report; each next to a baseline measured in the same run.

    QT_QPA_PLATFORM=offscreen uv run python tests/perf/bench_trend.py [--shots DIR]

Uses the generated year of 10-minute reports (tests/history_year.py; built once into
.pytest_cache, about a minute). Baselines: drawing the same number of points from pre-made
numpy arrays in a plain pyqtgraph plot (no store, no query), and panning that plot.
Targets (issue 5): under 300 ms to draw a year, under 30 ms a pan step.

What a "1 y" round measures: the click, the four series read from SQLite on the store's reader
thread (no cache in the application: every round runs the full query), setData and one paint.
Not cold: after the first round the file is in the OS cache, as it is for a user who looked
at the chart before; the first round is printed on its own. The door marks of the year are the
same as the day's (one opening 30 h ago), so the panel keeps them instead of remaking them
(a few ms), as it does for a user switching ranges over the same events.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import pyqtgraph as pg  # noqa: E402
import qasync  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.bus import EventBus  # noqa: E402
from app.fleet import Fleet  # noqa: E402
from app.history import HistoryService  # noqa: E402
from app.store import Store  # noqa: E402
from tests.history_year import (  # noqa: E402
    DAY,
    DOOR_OPEN,
    GANTRY,
    NOW,
    data_dir_with_year,
    master_copy,
    report_times,
)
from ui.trend_panel import QUICK_RANGES, TrendPanel  # noqa: E402

KEYS = [("thermohygrometer.temperature", 1), ("ups.charge_percent", 1), ("mains.voltage", 1),
        ("ups.temperature", 1)]
ROUNDS = 7


async def until_loaded(panel: TrendPanel, action) -> None:
    done = asyncio.Event()
    panel.loaded.connect(done.set)
    action()
    await asyncio.wait_for(done.wait(), 30)
    panel.loaded.disconnect(done.set)


def ms(xs: list[float]) -> str:
    return f"{statistics.median(xs) * 1000:7.1f} ms (min {min(xs) * 1000:.1f})"


async def bench(master: Path, shots: Path | None) -> None:
    reports = len(report_times())
    raw_size = master.stat().st_size
    data = data_dir_with_year(master, Path(tempfile.mkdtemp(prefix="bench-trend-")))
    store = Store(data).open()
    t = time.perf_counter()
    folded = await HistoryService(store).catch_up()
    roll_s = time.perf_counter() - t
    await store.wait_idle()
    rolled_size = store.path.stat().st_size + (store.path.with_name(store.path.name + "-wal")
                                               .stat().st_size if store.path.with_name(
                                                   store.path.name + "-wal").exists() else 0)
    fleet = Fleet(EventBus())
    fleet.seed(store)
    panel = TrendPanel(fleet, store.read, clock=lambda: NOW)
    panel.resize(1366, 560)
    panel.show()
    panel.refresh_choices()
    await until_loaded(panel, lambda: panel.show_series(GANTRY, 1, KEYS, span=DAY))
    year_button = panel.range_buttons.button([s for _n, s in QUICK_RANGES].index(365 * DAY))
    day_button = panel.range_buttons.button(1)

    # "1 y" clicked -> data read (reader thread) -> setData -> the widget painted.
    year_ms = []
    for _ in range(ROUNDS):
        await until_loaded(panel, day_button.click)
        panel.plot.grab()
        t = time.perf_counter()
        await until_loaded(panel, year_button.click)
        panel.plot.grab()  # forces the paint
        year_ms.append(time.perf_counter() - t)
    points = sum(c.data.points for c in panel.curves.values())
    arrays = [(c.data.t.copy(), c.data.y.copy()) for c in panel.curves.values()]
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
        await asyncio.sleep(0.2)
        panel.grab().save(str(shots / "trend_year.png"))

    # A pan step: the view moves by 2 % of the range and is repainted (the reload of newly
    # visible data is debounced until the mouse rests, so it is not part of a step).
    vb = panel.item.getViewBox()
    pan_ms = []
    for i in range(30):
        t = time.perf_counter()
        vb.translateBy(x=(-1 if i % 2 else 1) * 0.02 * 365 * DAY)
        panel.plot.grab()
        pan_ms.append(time.perf_counter() - t)

    # Baseline: the same points from pre-made arrays in a plain plot of the same size.
    base = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
    base.resize(panel.plot.size())
    base.show()
    curves = [base.plot([], [], connect="finite") for _ in arrays]
    base.grab()
    base_ms = []
    for _ in range(ROUNDS):
        for c in curves:
            c.setData([], [])
        base.grab()
        t = time.perf_counter()
        for c, (x, y) in zip(curves, arrays, strict=True):
            c.setData(x, y, connect="finite")
        base.grab()
        base_ms.append(time.perf_counter() - t)
    base_pan = []
    for i in range(30):
        t = time.perf_counter()
        base.getViewBox().translateBy(x=(-1 if i % 2 else 1) * 0.02 * 365 * DAY)
        base.grab()
        base_pan.append(time.perf_counter() - t)

    if shots:
        await until_loaded(panel, day_button.click)
        await asyncio.sleep(0.2)
        panel.grab().save(str(shots / "trend_day.png"))
        # The window's bottom area is short: door labels near the right edge, on their rows.
        panel.resize(1060, 300)
        panel._free()
        await until_loaded(panel, lambda: panel.set_range(DOOR_OPEN[1] - 6 * 3600,
                                                          DOOR_OPEN[1] + 1800))
        await asyncio.sleep(0.2)
        panel.grab().save(str(shots / "trend_doors_short.png"))

    print(f"year of 10-minute reports: {reports} cabinet reports, rollups caught up: "
          f"{folded} rows in {roll_s:.1f} s ({folded / roll_s:,.0f} rows/s)")
    print(f"choose '1 y' -> drawn, 4 series, {points} hourly points: {ms(year_ms)}"
          f"   baseline (setData + paint, pre-made arrays): {ms(base_ms)}"
          f"   ratio {statistics.median(year_ms) / statistics.median(base_ms):.1f}x"
          f"   target < 300 ms   (first round {year_ms[0] * 1000:.1f} ms)")
    print(f"pan step (2 % of a year) redrawn: {ms(pan_ms)}   baseline plain plot: "
          f"{ms(base_pan)}   target < 30 ms")
    print(f"store size per report: {raw_size / reports:,.0f} B raw history only, "
          f"{rolled_size / reports:,.0f} B with hourly rollups (file {rolled_size / 1e6:.1f} MB)")
    panel.detach()
    base.close()
    store.close()


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--shots", type=Path, help="also save trend_day.png / trend_year.png here")
    args = p.parse_args()
    # Built (about 100 s) before the Qt event loop runs: the build runs its own asyncio loop.
    master = master_copy(ROOT / ".pytest_cache" / "d" / "history_year")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(bench(master, args.shots))
    return 0


if __name__ == "__main__":
    sys.exit(main())
