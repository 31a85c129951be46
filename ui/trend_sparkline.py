"""Sparklines on the schematic: the last 24 h of the cabinet temperature and of each UPS's
charge, drawn in a corner of their elements; a click opens the full trend.

The schematic belongs to its own module; the sparklines attach themselves as child items of
the thermohygrometer and UPS elements (after each window refresh, and once a second for layout
changes), so the schematic code needs no change. Data comes from `await store.read(...)`.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
from collections.abc import Awaitable, Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QStyleOptionGraphicsItem, QWidget

from app.history import Series, metric
from app.history.series import Source, load
from ui import style

log = logging.getLogger(__name__)

WIDTH, HEIGHT = 120.0, 30.0
SPAN_S = 86400.0
RELOAD_S = 30.0  # new reports are folded in at most this often
TARGETS = (("thermohygrometer", "thermohygrometer.temperature"), ("ups", "ups.charge_percent"))


def _t(text: str) -> str:
    return QCoreApplication.translate("Trend", text)


class Sparkline(QGraphicsObject):
    """A small line of one series' last day; click to open the trend."""

    clicked = Signal()

    def __init__(self, key: str, device_id: int, parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self.key, self.device_id = key, device_id
        self.t = np.array([])
        self.y = np.array([])
        self.setZValue(5)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setToolTip(_t("Last 24 h — click to open the trend"))

    def set_values(self, t: np.ndarray, y: np.ndarray) -> None:
        self.t, self.y = t, y
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, WIDTH, HEIGHT)

    def path(self) -> QPainterPath:
        """The line in item coordinates, broken wherever a value is missing."""
        p = QPainterPath()
        finite = np.isfinite(self.y)
        if not finite.any() or len(self.t) < 2:
            return p
        t0, t1 = float(self.t[0]), max(float(self.t[-1]), float(self.t[0]) + 1)
        lo, hi = float(np.nanmin(self.y)), float(np.nanmax(self.y))
        if hi - lo < 1e-9:
            lo, hi = lo - 1, hi + 1
        pen_down = False
        for x, y in zip(self.t, self.y, strict=True):
            if math.isnan(y):
                pen_down = False
                continue
            pt = QPointF(2 + (x - t0) / (t1 - t0) * (WIDTH - 4),
                         HEIGHT - 3 - (y - lo) / (hi - lo) * (HEIGHT - 6))
            if pen_down:
                p.lineTo(pt)
            else:
                p.moveTo(pt)
                pen_down = True
        return p

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(style.FRAME, 0.8))
        painter.setBrush(QColor(255, 255, 255, 150))
        painter.drawRoundedRect(self.boundingRect().adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
        path = self.path()
        if path.isEmpty():
            painter.setPen(style.MUTED_TEXT)
            f = painter.font()
            f.setPixelSize(10)
            painter.setFont(f)
            painter.drawText(self.boundingRect(), Qt.AlignmentFlag.AlignCenter, _t("no 24 h data"))
            return
        painter.setPen(QPen(QColor("#1f4e79"), 1.4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)

    def mousePressEvent(self, event: Any) -> None:
        event.accept()

    def mouseReleaseEvent(self, event: Any) -> None:
        if self.boundingRect().contains(event.pos()):
            self.clicked.emit()


class Sparklines(QObject):
    """Keeps a sparkline on each target element of the shown cabinet and its data fresh."""

    opened = Signal(str, object, str, int)  # gantry, cabinet, metric key, device id

    def __init__(self, window: Any, reader: Callable[..., Awaitable[Any]],
                 clock: Callable[[], float] = time.time):
        super().__init__(window)
        self.window = window
        self.reader: Callable[..., Awaitable[Any]] | None = reader
        self.clock = clock
        self.lines: dict[int, Sparkline] = {}  # id(element) -> its sparkline
        self.shown: tuple[str | None, int | None] = (None, None)
        self.dirty = True
        self.last_load = 0.0
        self._task: asyncio.Task[Any] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.update)
        self._timer.start()
        window.after_refresh.append(self.update)

    def targets(self) -> list[tuple[Any, str, int]]:
        scene = self.window.schematic.scene
        out = [(scene.thermohygrometer, TARGETS[0][1], 1)]
        c = scene.state.cabinet if scene.state is not None else None
        for i, e in enumerate(scene.ups):
            dev = int(c.ups[i].id) if c is not None and i < len(c.ups) else i + 1
            out.append((e, TARGETS[1][1], dev))
        return out

    def update(self) -> None:
        """Attach, place and (when due) reload; cheap enough for every refresh."""
        if self.reader is None:
            return
        for element, key, dev in self.targets():
            line = self.lines.get(id(element))
            if line is None or line.parentItem() is not element:
                line = Sparkline(key, dev, element)
                line.clicked.connect(lambda ln=line: self._clicked(ln))
                self.lines[id(element)] = line
            line.device_id = dev
            r = element.rect
            line.setPos(r.right() - WIDTH - 6, r.bottom() - HEIGHT - 5)
            line.setVisible(element.block is not None and r.height() >= HEIGHT + 30)
        shown = (self.window.gantry_id, self.window.cabinet_id)
        due = self.dirty and time.monotonic() - self.last_load >= RELOAD_S
        if (shown != self.shown or due) and shown[0] is not None and shown[1] is not None:
            if self._task is None or self._task.done():
                self.shown = shown
                self._task = asyncio.ensure_future(self._load(*shown))

    def mark_dirty(self, gantry_id: str, *_: object) -> None:
        if gantry_id == self.shown[0]:
            self.dirty = True

    async def _load(self, gantry_id: str, cabinet_id: int) -> None:
        if self.reader is None:
            return
        self.dirty, self.last_load = False, time.monotonic()
        targets = self.targets()
        series = [Series(gantry_id, metric(key), cabinet_id, dev) for _e, key, dev in targets]
        now = self.clock()
        try:
            data = await self.reader(load, series, now - SPAN_S, now, Source.RAW,
                                     self._period(gantry_id))
        except Exception:
            log.exception("sparkline data")
            return
        if (self.window.gantry_id, self.window.cabinet_id) != (gantry_id, cabinet_id):
            return
        for (element, _k, _d), d in zip(targets, data, strict=True):
            line = self.lines.get(id(element))
            if line is not None:
                line.set_values(d.t, d.y)

    def _period(self, gantry_id: str) -> float:
        g = self.window.fleet.gantries.get(gantry_id)
        return float(g.period_s) if g and g.period_s else 600.0

    def _clicked(self, line: Sparkline) -> None:
        gid, cid = self.shown
        if gid is not None:
            self.opened.emit(gid, cid, line.key, line.device_id)

    def detach(self) -> None:
        self._timer.stop()
        self.reader = None
        if self.update in self.window.after_refresh:
            self.window.after_refresh.remove(self.update)


def install_sparklines(window: Any, panel: Any, reader: Callable[..., Awaitable[Any]],
                       bridge: Any) -> Sparklines:
    """Sparklines on the window's schematic that open `panel` (the trend panel) on click."""
    sparks = Sparklines(window, reader)
    bridge.message_stored.connect(sparks.mark_dirty)

    def open_trend(gantry_id: str, cabinet_id: int | None, key: str, device_id: int) -> None:
        tabs = window.bottom_tabs
        tabs.setCurrentWidget(panel)
        tabs.show()
        panel.show_series(gantry_id, cabinet_id, [(key, device_id)])

    sparks.opened.connect(open_trend)
    return sparks
