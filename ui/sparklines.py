"""Sparklines on the schematic: the last 24 h of the cabinet temperature and of each UPS's
charge, painted by their elements (`Element.spark`); a click opens the trend panel.

This controller only reads: after a window refresh it gives the shown elements the data it
holds and reads what is missing or stale with `await store.read(...)` (off the GUI thread).
New reports make a series stale; it is read again at most every `MIN_INTERVAL_S` seconds.
Many points (a 5 s period gives 17 000 a day) are reduced to two values (min, max) per
bucket of 6 minutes (a few pixels); a bucket without any value is a break, so every gap or
run of missing values longer than a bucket stays visible (shorter ones are below a pixel).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QTimer

from app.history import Series, metric
from app.history.series import Source, load
from ui.schematic.elements import Element

log = logging.getLogger(__name__)

SPAN_S = 86400.0
MIN_INTERVAL_S = 30.0  # a stale series is read again at most this often
MAX_POINTS = 480  # more than this is bucketed (the strip is a few hundred pixels wide)
BUCKETS = 240

Key = tuple[str, int, str, int]  # gantry, cabinet, metric key, device id
Spark = tuple[list[float], list[float], float, float]  # t, y (NaN = break), window t0, t1


def reduce(t: np.ndarray, y: np.ndarray, t0: float, t1: float) -> tuple[list[float], list[float]]:
    """At most two points (min then max, in time order) per bucket; a bucket without a value
    is a break (NaN), never a zero."""
    if len(t) <= MAX_POINTS:
        return t.tolist(), y.tolist()
    edges = np.linspace(t0, t1, BUCKETS + 1)
    idx = np.clip(np.searchsorted(edges, t, side="right") - 1, 0, BUCKETS - 1)
    out_t: list[float] = []
    out_y: list[float] = []
    for b in range(BUCKETS):
        sel = idx == b
        if not sel.any():  # no report at all in this bucket: a break
            out_t.append(float(edges[b]))
            out_y.append(float("nan"))
            continue
        bt, by = t[sel], y[sel]
        if np.isnan(by).all():
            out_t.append(float(bt[0]))
            out_y.append(float("nan"))
            continue
        i, j = int(np.nanargmin(by)), int(np.nanargmax(by))
        for k in sorted({i, j}):
            out_t.append(float(bt[k]))
            out_y.append(float(by[k]))
    return out_t, out_y


class Sparklines(QObject):
    """Keeps the shown cabinet's sparklines filled and opens the trend on a click."""

    def __init__(self, window: Any, reader: Callable[..., Awaitable[Any]],
                 open_trend: Callable[[str, int, str, int], None], bridge: Any = None):
        super().__init__(window)
        self.bridge = bridge
        self.window = window
        self.scene = window.schematic.scene
        self.reader: Callable[..., Awaitable[Any]] | None = reader
        self.open_trend = open_trend
        self.clock: Callable[[], float] = window.clock
        self.data: dict[Key, Spark] = {}
        self.read_at: dict[Key, float] = {}  # window clock of the last read of each series
        self.stale: set[Key] = set()
        self._task: asyncio.Task[Any] | None = None
        self._later = QTimer(self)  # a stale series whose interval has not passed yet
        self._later.setSingleShot(True)
        self._later.timeout.connect(self.update)
        window.after_refresh.append(self.update)
        self.scene.sparkline_clicked.connect(self._clicked)
        if bridge is not None:
            bridge.message_stored.connect(self.mark_dirty)

    def targets(self) -> list[tuple[Element, Key]]:
        gid, cid = self.window.gantry_id, self.window.cabinet_id
        if gid is None or cid is None:
            return []
        return [(e, (gid, cid, e.spark_metric, e.device_id()))
                for e in self.scene.spark_elements()]

    def update(self) -> None:
        """Give the elements what is held; read what is missing or stale and due."""
        if self.reader is None:
            return
        now = self.clock()
        due: list[Key] = []
        wait = None
        for element, key in self.targets():
            element.set_spark(self.data.get(key))
            if key not in self.read_at:
                due.append(key)
            elif key in self.stale:
                left = self.read_at[key] + MIN_INTERVAL_S - now
                if left <= 0:
                    due.append(key)
                else:
                    wait = left if wait is None else min(wait, left)
        if due and (self._task is None or self._task.done()):
            self._task = asyncio.ensure_future(self._read(due, now))
        elif due:
            wait = 1.0  # a read is running: look again shortly
        if wait is not None and not self._later.isActive():
            self._later.start(int(wait * 1000) + 50)

    def mark_dirty(self, gantry_id: str, *_: object) -> None:
        """A report was stored (bridge): that gantry's series are stale."""
        self.stale.update(k for k in self.read_at if k[0] == gantry_id)

    async def _read(self, keys: list[Key], now: float) -> None:
        for key in keys:
            self.read_at[key] = now
            self.stale.discard(key)
        gid = keys[0][0]
        keys = [k for k in keys if k[0] == gid]
        series = [Series(k[0], metric(k[2]), k[1], k[3]) for k in keys]
        t0 = now - SPAN_S
        try:
            data = await self.reader(load, series, t0, now, Source.RAW, self._period(gid)) \
                if self.reader is not None else []
        except Exception:
            log.exception("reading the sparklines failed")
            return
        for key, d in zip(keys, data, strict=False):
            self.data[key] = (*reduce(d.t, d.y, t0, now), t0, now)
        if self.reader is not None:
            self.update()

    def _period(self, gantry_id: str) -> float:
        g = self.window.fleet.gantries.get(gantry_id)
        return float(g.period_s) if g and g.period_s else 600.0

    def _clicked(self, key: str, device_id: int) -> None:
        gid, cid = self.window.gantry_id, self.window.cabinet_id
        if gid is not None and cid is not None:
            self.open_trend(gid, cid, key, device_id)

    def detach(self) -> None:
        """Stop reading and drop every connection (before the window goes)."""
        self.reader = None
        self._later.stop()
        if self._task is not None:
            self._task.cancel()
        if self.update in self.window.after_refresh:
            self.window.after_refresh.remove(self.update)
        with contextlib.suppress(RuntimeError, TypeError):
            self.scene.sparkline_clicked.disconnect(self._clicked)
        if self.bridge is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self.bridge.message_stored.disconnect(self.mark_dirty)
            self.bridge = None


def install_sparklines(window: Any, panel: Any, reader: Callable[..., Awaitable[Any]],
                       bridge: Any) -> Sparklines:
    """Sparklines on the window's schematic; a click shows that metric's last 24 h in `panel`
    (the trend panel), with its tab brought forward."""

    def open_trend(gantry_id: str, cabinet_id: int, key: str, device_id: int) -> None:
        tabs = window.bottom_tabs
        tabs.setCurrentWidget(panel)
        tabs.show()
        panel.show_series(gantry_id, cabinet_id, [(key, device_id)], span=SPAN_S)

    return Sparklines(window, reader, open_trend, bridge)
