"""The drawn elements of the cabinet schematic.

`Element` (PyDM style) owns everything about how a severity looks, including "no data" and
"offline"; each device class only turns its block into lines of text and the device's own alarm
words. Red and amber come from the alarm engine's open alarms for the element (`set_alarms`), so
the schematic, the tree's badges and the alarm list agree; the greys (no data, offline) come from
the readings. Only a scene with no alarm engine attached falls back to what the readings alone
suggest. Elements keep what they show (`lines`, `alerts`, `severity`, `acked`, `offline`) so
tests read the state, not pixels.
"""

from __future__ import annotations

import html
import math
import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from app.alarms.model import Alarm
from app.alarms.model import Severity as AlarmSeverity
from app.alarms.texts import alarm_text, state_text
from app.protocol import (
    AirConditioner,
    Block,
    Doors,
    Mains,
    NoValue,
    Reading,
    Rectifier,
    SmokeSensor,
    SurgeProtector,
    Thermohygrometer,
    Ups,
    WaterSensor,
)
from ui import style, text
from ui.style import Severity
from ui.text import fill

TITLE_H = 24.0
LINE_H = 18.5
PAD = 6.0
SPARK_H = 30.0  # the sparkline strip at the bottom of a trended element
SPARK_LABEL_W = 34.0
SPARK_COLOUR = "#1f4e79"  # the trend panel's first pen: calm, not an alarm colour


def _t(s: str) -> str:
    """Translate a string marked with QT_TRANSLATE_NOOP("Schematic", ...)."""
    return QCoreApplication.translate("Schematic", s)


# Tooltip labels of every reading, by field name.
FIELD_LABELS = {
    "status": QT_TRANSLATE_NOOP("Schematic", "Status"),
    "voltage": QT_TRANSLATE_NOOP("Schematic", "Voltage"),
    "current": QT_TRANSLATE_NOOP("Schematic", "Current"),
    "power": QT_TRANSLATE_NOOP("Schematic", "Power"),
    "frequency": QT_TRANSLATE_NOOP("Schematic", "Frequency"),
    "energy": QT_TRANSLATE_NOOP("Schematic", "Energy (cumulative)"),
    "warning_msg": QT_TRANSLATE_NOOP("Schematic", "Warnings"),
    "current_limiting": QT_TRANSLATE_NOOP("Schematic", "Current limiting"),
    "output_voltage": QT_TRANSLATE_NOOP("Schematic", "Output voltage"),
    "output_current": QT_TRANSLATE_NOOP("Schematic", "Output current"),
    "output_power": QT_TRANSLATE_NOOP("Schematic", "Output power"),
    "running_state": QT_TRANSLATE_NOOP("Schematic", "Running state"),
    "charge_voltage": QT_TRANSLATE_NOOP("Schematic", "Charge voltage"),
    "charge_current": QT_TRANSLATE_NOOP("Schematic", "Charge current"),
    "discharge_voltage": QT_TRANSLATE_NOOP("Schematic", "Discharge voltage"),
    "discharge_current": QT_TRANSLATE_NOOP("Schematic", "Discharge current"),
    "charge_percent": QT_TRANSLATE_NOOP("Schematic", "Battery charge"),
    "remaining_minutes": QT_TRANSLATE_NOOP("Schematic", "Remaining backup time"),
    "remaining_capacity": QT_TRANSLATE_NOOP("Schematic", "Remaining capacity"),
    "temperature": QT_TRANSLATE_NOOP("Schematic", "Temperature"),
    "humidity": QT_TRANSLATE_NOOP("Schematic", "Humidity"),
    "error_msg": QT_TRANSLATE_NOOP("Schematic", "Fault text"),
    "is_working": QT_TRANSLATE_NOOP("Schematic", "Running"),
    "work_mode": QT_TRANSLATE_NOOP("Schematic", "Mode"),
    "system_warning": QT_TRANSLATE_NOOP("Schematic", "System alarm"),
    "temperature_warning": QT_TRANSLATE_NOOP("Schematic", "Temperature alarm"),
    "is_warning": QT_TRANSLATE_NOOP("Schematic", "Alarm"),
    "warning_change_time": QT_TRANSLATE_NOOP("Schematic", "Alarm state changed"),
    "armed": QT_TRANSLATE_NOOP("Schematic", "Armed"),
    "lightning_count": QT_TRANSLATE_NOOP("Schematic", "Lightning strikes"),
}


def _field_label(name: str) -> str:
    if name in FIELD_LABELS:
        return _t(FIELD_LABELS[name])
    for door in ("front", "back"):
        if name.startswith(door + "_door_"):
            rest = name[len(door) + 6:]
            base = {"closed": QT_TRANSLATE_NOOP("Schematic", "Closed"),
                    "locked": QT_TRANSLATE_NOOP("Schematic", "Locked"),
                    "unlock_type": QT_TRANSLATE_NOOP("Schematic", "Unlock type"),
                    "unlock_card_id": QT_TRANSLATE_NOOP("Schematic", "Card"),
                    "open_illegally": QT_TRANSLATE_NOOP("Schematic", "Opened illegally"),
                    "change_time": QT_TRANSLATE_NOOP("Schematic", "State changed")}.get(rest, rest)
            which = QCoreApplication.translate("Schematic", "Front door") if door == "front" else QCoreApplication.translate("Schematic", "Back door")
            return f"{which}: {_t(base)}"
    return name


def alarm_look(a: Alarm) -> Severity:
    """An engine alarm on the HMI scale: high/critical red, lower amber; a failed reading is the
    "no data" grey the reading already shows (its LOW alarm must not paint it amber)."""
    if a.key.condition.startswith("get_failed:"):
        return Severity.NO_DATA
    return Severity.ALARM if a.severity >= AlarmSeverity.HIGH else Severity.WARNING


def _missing(r: Reading) -> bool:
    """A reading whose absence makes the picture incomplete (NotSupport is the hardware's)."""
    return r.reason in (NoValue.NO_DATA, NoValue.GET_FAILED)


class Element(QGraphicsItem):
    """A labelled box of values; the one place that styles severity, no data and offline."""

    def __init__(self, title: str, parent: QGraphicsItem | None = None):
        super().__init__(parent)
        self.title = title
        self.rect = QRectF(0, 0, 100, 60)
        self.lines: list[str] = []
        self.alerts: list[str] = []  # warningMsg / errorMsg texts and named alarm states
        self.severity = Severity.NO_DATA
        self.reading_severity = Severity.NO_DATA  # what the readings alone suggest
        self.alarms: list[Alarm] | None = None  # None: no alarm engine attached
        self.acked = False  # every alarm that colours it is acknowledged: drawn calmer
        self.language = "zh_CN"  # of the alarm texts in the tooltip
        self.offline = False
        self.reported_at = 0.0
        self.block: Block | None = None
        # Sparkline (elements with a `spark_metric`): the last 24 h as (t, y) with NaN = no
        # value or gap, over the window (t0, t1); None until loaded (ui.sparklines).
        self.spark: tuple[list[float], list[float], float, float] | None = None
        self._spark_runs: list[QPolygonF] = []
        self._spark_for: tuple[object, QRectF] | None = None
        self.setAcceptHoverEvents(True)

    spark_metric: str | None = None  # metric key of the sparkline (None: no sparkline)

    # -- model ---------------------------------------------------------------------------------

    def set_geometry(self, rect: QRectF) -> None:
        self.prepareGeometryChange()
        self.rect = QRectF(rect)
        self.update()

    def device_id(self) -> int:
        return int(getattr(self.block, "id", 1)) if self.block is not None else 1

    # -- sparkline -----------------------------------------------------------------------------

    def set_spark(self, spark: tuple[list[float], list[float], float, float] | None) -> None:
        """The last day of this element's metric: times, values (NaN = break), window."""
        if spark is not self.spark:
            self.spark = spark
            self._spark_for = None
            self.update()

    def spark_rect(self) -> QRectF | None:
        if self.spark_metric is None:
            return None
        r = self.rect
        return QRectF(r.left() + PAD, r.bottom() - PAD / 2 - SPARK_H, r.width() - 2 * PAD,
                      SPARK_H - 2)

    def spark_runs(self) -> list[list[tuple[float, float]]]:
        """The drawn line as runs of (t, value): a missing value or a gap ends a run."""
        runs: list[list[tuple[float, float]]] = [[]]
        for t, y in zip(*(self.spark[:2] if self.spark else ([], [])), strict=True):
            if math.isnan(y):
                if runs[-1]:
                    runs.append([])
            else:
                runs[-1].append((t, y))
        return [r for r in runs if r]

    def _spark_polygons(self, area: QRectF) -> list[QPolygonF]:
        """Runs in item coordinates; computed once per data and geometry."""
        if self._spark_for == (self.spark, area):
            return self._spark_runs
        runs = self.spark_runs()
        polys: list[QPolygonF] = []
        if runs and self.spark is not None:
            t0, t1 = self.spark[2], max(self.spark[3], self.spark[2] + 1)
            ys = [y for run in runs for _t, y in run]
            lo, hi = min(ys), max(ys)
            if hi - lo < 1e-9:
                lo, hi = lo - 1, hi + 1
            for run in runs:
                polys.append(QPolygonF([
                    QPointF(area.left() + (t - t0) / (t1 - t0) * area.width(),
                            area.bottom() - (y - lo) / (hi - lo) * area.height())
                    for t, y in run]))
        self._spark_runs, self._spark_for = polys, (self.spark, QRectF(area))
        return polys

    def paint_spark(self, painter: QPainter) -> None:
        box = self.spark_rect()
        if box is None:
            return
        painter.setPen(QPen(style.FRAME, 0.8))
        painter.setBrush(style.SURFACE.lighter(108))
        painter.drawRoundedRect(box, 3, 3)
        font = QFont(painter.font())
        font.setPixelSize(11)
        font.setBold(False)
        painter.setFont(font)
        painter.setPen(style.MUTED_TEXT)
        caption = QCoreApplication.translate("Schematic", "24 h")
        # As wide as the caption needs ("24 小时" is wider than "24 h").
        width = max(SPARK_LABEL_W, QFontMetricsF(font).horizontalAdvance(caption) + 4)
        label = QRectF(box.left() + 3, box.top(), width, box.height())
        painter.drawText(label, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         caption)
        area = box.adjusted(width + 4, 4, -4, -4)
        if self.spark is None:
            return  # not read yet
        polys = self._spark_polygons(area)
        if not polys:
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter,
                             QCoreApplication.translate("Schematic", "no values in 24 h"))
            return
        pen = QPen(QColor(SPARK_COLOUR), 1.3)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for poly in polys:
            if poly.size() == 1:  # a lone value between gaps: a dot, not nothing
                painter.drawEllipse(poly.at(0), 1.2, 1.2)
            else:
                painter.drawPolyline(poly)

    def mousePressEvent(self, event) -> None:
        box = self.spark_rect()
        if box is not None and box.contains(event.pos()) \
                and event.button() == Qt.MouseButton.LeftButton:
            event.accept()  # the release opens the trend
            return
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        box = self.spark_rect()
        scene = self.scene()
        if box is not None and box.contains(event.pos()) and scene is not None \
                and hasattr(scene, "sparkline_clicked"):
            scene.sparkline_clicked.emit(self.spark_metric, self.device_id())
            return
        super().mouseReleaseEvent(event)

    def hoverMoveEvent(self, event) -> None:
        box = self.spark_rect()
        if box is not None and box.contains(event.pos()):
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            self.unsetCursor()
        super().hoverMoveEvent(event)

    def set_block(self, block: Block | None, reported_at: float) -> None:
        """Show a device block (None: this cabinet did not report the device)."""
        self.block, self.reported_at = block, reported_at
        if block is None:
            self.lines, self.alerts = [QCoreApplication.translate("Schematic", "not reported")], []
            self.reading_severity = Severity.NO_DATA
        else:
            self.lines, self.alerts, self.reading_severity = self.describe(block)
        self._settle()

    def set_alarms(self, alarms: list[Alarm] | None, language: str = "zh_CN") -> None:
        """The engine's open, unshelved alarms of this element (None: no engine, readings)."""
        self.alarms, self.language = alarms, language
        self._settle()

    def _settle(self) -> None:
        grey = Severity.NO_DATA if self.block is None or self.incomplete(self.block) \
            else Severity.NORMAL
        if self.alarms is None:
            self.severity, self.acked = max(self.reading_severity, grey), False
        else:
            standing = [a for a in self.alarms if a.standing]
            self.severity = max([grey, *(alarm_look(a) for a in standing)])
            colouring = [a for a in standing if alarm_look(a) is self.severity]
            self.acked = self.severity >= Severity.WARNING and all(a.acked for a in colouring)
        self.setToolTip(self.tooltip())
        self.update()

    def set_offline(self, offline: bool) -> None:
        if offline != self.offline:
            self.offline = offline
            self.setToolTip(self.tooltip())
            self.update()

    def describe(self, block: Block) -> tuple[list[str], list[str], Severity]:
        """Lines to show, alarm texts, severity; overridden per device."""
        raise NotImplementedError

    def incomplete(self, block: Block) -> bool:
        """A value the element stands for is missing (texts, cards and times don't count)."""
        return any(_missing(r) for name, r in block.readings().items()
                   if not name.endswith(("_msg", "_card_id", "change_time")))

    def tag(self) -> str:
        """The state word in the title: offline, no data, warning or alarm; a tick when the
        alarms behind it are acknowledged (the calmer look also reads without colour)."""
        if self.offline:
            return style.offline_tag()
        tag = style.severity_tag(self.severity)
        return f"✓ {tag}" if tag and self.acked else tag

    def shown_text(self) -> str:
        """Everything the element shows, as one string (tests, accessibility)."""
        return "\n".join([self.title, self.tag(), *self.lines, *self.alerts])

    def tooltip(self) -> str:
        rows = [f"<b>{html.escape(self.title)}</b>"]
        if self.offline:
            offline = QCoreApplication.translate("Schematic", "Gantry offline: last known values")
            rows.append(f"<i>{html.escape(offline)}</i>")
        for a in self.alarms or []:
            rows.append(html.escape(fill(QCoreApplication.translate("Schematic", "Alarm: %1 (%2)"),
                                         alarm_text(a, self.language),
                                         state_text(a, self.language))))
        if self.block is not None:
            for name, r in self.block.readings().items():
                value = text.status_text(r) if name == "status" else text.text_value(r)
                rows.append(f"{html.escape(_field_label(name))}: {html.escape(value)}")
        if self.spark_metric is not None:
            rows.append(html.escape(QCoreApplication.translate(
                "Schematic", "Line at the bottom: the last 24 h; click it to open the trend")))
        if self.reported_at:
            when = text.clock_time(self.reported_at)
            ago = text.age(time.time() - self.reported_at)
            rows.append(html.escape(QCoreApplication.translate("Schematic", "Reported %1 (%2)").replace("%1", when).replace("%2", ago)))
        return "<br>".join(rows)

    # -- drawing -------------------------------------------------------------------------------

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-2, -2, 2, 2)

    def effective(self) -> tuple[Severity, bool]:
        return self.severity, self.offline

    def frame_pen(self) -> QPen:
        severity, offline = self.effective()
        if offline or severity is Severity.NO_DATA:
            pen = QPen(style.NO_DATA, 1.5, Qt.PenStyle.DashLine)
        elif severity >= Severity.WARNING:
            pen = QPen(style.severity_colour(severity), 3.0)
        else:
            pen = QPen(style.FRAME, 1.2)
        return pen

    def fill(self):
        severity, offline = self.effective()
        if offline:
            return style.OFFLINE_FILL
        return style.SURFACE if self.acked else style.severity_fill(severity)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self.frame_pen())
        painter.setBrush(QBrush(self.fill()))
        painter.drawRoundedRect(self.rect, 4, 4)
        self.paint_title(painter)
        spark = SPARK_H if self.spark_metric is not None else 0.0
        self.paint_body(painter, self.rect.adjusted(PAD, TITLE_H + 2, -PAD, -PAD / 2 - spark))
        self.paint_spark(painter)

    def paint_title(self, painter: QPainter) -> None:
        severity, offline = self.effective()
        r = self.rect.adjusted(PAD, 2, -PAD, 0)
        r.setHeight(TITLE_H)
        tag = self.tag()
        font = QFont(painter.font())
        font.setPixelSize(14)
        font.setBold(True)
        painter.setFont(font)
        fm = QFontMetricsF(font)
        tag_w = fm.horizontalAdvance(tag) + 8 if tag else 0.0
        if tag:
            colour = style.NO_DATA if offline else style.severity_colour(severity)
            tag_rect = QRectF(r.right() - tag_w, r.top() + 3, tag_w, TITLE_H - 6)
            if self.acked and not offline:  # acknowledged: outlined, not a solid block
                painter.setPen(QPen(colour, 1.5))
                painter.setBrush(style.SURFACE)
                painter.drawRoundedRect(tag_rect, 3, 3)
                painter.setPen(colour)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(tag_rect, 3, 3)
                painter.setPen(style.SURFACE)
            painter.drawText(tag_rect, Qt.AlignmentFlag.AlignCenter, tag)
        painter.setPen(style.TEXT)
        title = fm.elidedText(self.title, Qt.TextElideMode.ElideRight, r.width() - tag_w - 4)
        painter.drawText(r, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)

    def paint_body(self, painter: QPainter, r: QRectF) -> None:
        self.paint_lines(painter, r, self.lines, self.alerts)

    def paint_lines(self, painter: QPainter, r: QRectF, lines: list[str],
                    alerts: list[str]) -> None:
        font = QFont(painter.font())
        font.setPixelSize(13)
        font.setBold(False)
        painter.setFont(font)
        fm = QFontMetricsF(font)
        y = r.top()
        # The device's own alarm words: in the element's alarm colour while it is in alarm.
        alert_colour = (style.NO_DATA if self.offline else style.severity_colour(self.severity)
                        if self.severity >= Severity.WARNING else style.TEXT)
        for i, line in enumerate([*lines, *alerts]):
            if y + LINE_H > r.bottom() + 2:
                break
            is_alert = i >= len(lines)
            painter.setPen(alert_colour if is_alert else style.TEXT)
            shown = ("▲ " + line) if is_alert else line  # shape, not only colour
            shown = fm.elidedText(shown, Qt.TextElideMode.ElideRight, r.width())
            painter.drawText(QRectF(r.left(), y, r.width(), LINE_H),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
            y += LINE_H

    def wanted_height(self) -> float:
        spark = SPARK_H if self.spark_metric is not None else 0.0
        return TITLE_H + 4 + LINE_H * max(1, len(self.lines) + len(self.alerts)) + PAD + spark


def _status(r: Reading, alerts: list[str]) -> Severity:
    """status 0 = abnormal (§7): an alarm, also said in words."""
    if r.present and r.value == 0:
        alerts.append(QCoreApplication.translate("Schematic", "status abnormal"))
        return Severity.ALARM
    return Severity.NORMAL


def _warn_texts(r: Reading, alerts: list[str]) -> Severity:
    found = text.warnings(r)
    alerts.extend(found)
    return Severity.ALARM if found else Severity.NORMAL


# -- device elements ------------------------------------------------------------------------------

class MainsElement(Element):
    def describe(self, b: Mains):  # type: ignore[override]
        alerts: list[str] = []
        sev = max(_status(b.status, alerts), _warn_texts(b.warning_msg, alerts))
        lines = [f"{text.number(b.voltage, 'V')}   {text.number(b.current, 'A')}",
                 f"{text.number(b.power, 'kW', 2)}   {text.number(b.frequency, 'Hz')}",
                 fill(QCoreApplication.translate("Schematic", "Energy %1"),
                      text.number(b.energy, "kWh"))]
        return lines, alerts, sev


class RectifierElement(Element):
    def describe(self, b: Rectifier):  # type: ignore[override]
        alerts: list[str] = []
        sev = max(_status(b.status, alerts), _warn_texts(b.warning_msg, alerts))
        limiting = text.choice(b.current_limiting, {0: QCoreApplication.translate("Schematic", "not limiting"), 1: QCoreApplication.translate("Schematic", "limiting")})
        if b.current_limiting.value == 1:
            sev = max(sev, Severity.WARNING)
        lines = [f"{text.number(b.output_voltage, 'V')}   {text.number(b.output_current, 'A')}",
                 f"{text.number(b.output_power, 'kW', 2)}   {limiting}"]
        return lines, alerts, sev


UPS_STATES = {
    1: QT_TRANSLATE_NOOP("Schematic", "float charging"),
    2: QT_TRANSLATE_NOOP("Schematic", "equalising charge"),
    3: QT_TRANSLATE_NOOP("Schematic", "discharging"),
    4: QT_TRANSLATE_NOOP("Schematic", "charging"),
    5: QT_TRANSLATE_NOOP("Schematic", "testing"),
}


class UpsElement(Element):
    spark_metric = "ups.charge_percent"

    def describe(self, b: Ups):  # type: ignore[override]
        alerts: list[str] = []
        sev = max(_status(b.status, alerts), _warn_texts(b.warning_msg, alerts))
        state = text.choice(b.running_state, {k: _t(v) for k, v in UPS_STATES.items()})
        if b.running_state.value in (3, 5):  # on battery: the backup time is running out
            sev = max(sev, Severity.WARNING)
        lines = [
            fill(QCoreApplication.translate("Schematic", "State: %1"), state),
            fill(QCoreApplication.translate("Schematic", "Charge %1   Backup %2"),
                 text.number(b.charge_percent, "%", 0),
                 text.number(b.remaining_minutes, QCoreApplication.translate("Schematic", "min"),
                             0)),
            fill(QCoreApplication.translate("Schematic", "Battery %1   %2"),
                 text.number(b.temperature, "°C"), text.number(b.remaining_capacity, "Ah")),
            fill(QCoreApplication.translate("Schematic", "Charge %1 %2   Discharge %3 %4"),
                 text.number(b.charge_voltage, "V"), text.number(b.charge_current, "A"),
                 text.number(b.discharge_voltage, "V"), text.number(b.discharge_current, "A")),
        ]
        return lines, alerts, sev


AIR_MODES = {
    0: QT_TRANSLATE_NOOP("Schematic", "ventilation"),
    1: QT_TRANSLATE_NOOP("Schematic", "cooling"),
    2: QT_TRANSLATE_NOOP("Schematic", "heating"),
}


class AirConditionerElement(Element):
    def describe(self, b: AirConditioner):  # type: ignore[override]
        alerts: list[str] = []
        sev = max(_status(b.status, alerts), _warn_texts(b.error_msg, alerts))
        if b.system_warning.present and b.system_warning.value == 0:
            alerts.append(QCoreApplication.translate("Schematic", "system alarm"))
            sev = Severity.ALARM
        if b.temperature_warning.present and b.temperature_warning.value == 0:
            alerts.append(QCoreApplication.translate("Schematic", "temperature alarm"))
            sev = Severity.ALARM
        running = text.choice(b.is_working, {0: QCoreApplication.translate("Schematic", "standby"), 1: QCoreApplication.translate("Schematic", "running")})
        mode = text.choice(b.work_mode, {k: _t(v) for k, v in AIR_MODES.items()})
        return [running, fill(QCoreApplication.translate("Schematic", "Mode: %1"), mode)], alerts, sev


class ThermohygrometerElement(Element):
    spark_metric = "thermohygrometer.temperature"

    def describe(self, b: Thermohygrometer):  # type: ignore[override]
        alerts: list[str] = []
        sev = _status(b.status, alerts)
        return [text.number(b.temperature, "°C"), text.number(b.humidity, "%RH")], alerts, sev


class _AlarmSensorElement(Element):
    """Water and smoke sensors: alarm or not, and when that last changed."""

    alarm_word = ""
    quiet_word = ""

    def describe(self, b: WaterSensor | SmokeSensor):  # type: ignore[override]
        alerts: list[str] = []
        sev = _status(b.status, alerts)
        state = text.choice(b.is_warning, {0: _t(self.quiet_word), 1: _t(self.alarm_word)})
        if b.is_warning.value == 1:
            alerts.append(_t(self.alarm_word))
            sev = Severity.ALARM
            lines = [QCoreApplication.translate("Schematic", "Changed:"),
                     text.device_time(b.warning_change_time)]
        else:
            lines = [state, QCoreApplication.translate("Schematic", "Changed:"),
                     text.device_time(b.warning_change_time)]
        return lines, alerts, sev


class WaterSensorElement(_AlarmSensorElement):
    alarm_word = QT_TRANSLATE_NOOP("Schematic", "WATER DETECTED")
    quiet_word = QT_TRANSLATE_NOOP("Schematic", "dry")


class SmokeSensorElement(_AlarmSensorElement):
    alarm_word = QT_TRANSLATE_NOOP("Schematic", "SMOKE DETECTED")
    quiet_word = QT_TRANSLATE_NOOP("Schematic", "no smoke")


class SurgeProtectorElement(Element):
    def describe(self, b: SurgeProtector):  # type: ignore[override]
        alerts: list[str] = []
        sev = _status(b.status, alerts)
        lines = [text.status_text(b.status),
                 fill(QCoreApplication.translate("Schematic", "Strikes %1"),
                      text.number(b.lightning_count))]
        return lines, alerts, sev


class AccessElement(Element):
    """The door controller: armed state and its own status."""

    def describe(self, b: Doors):  # type: ignore[override]
        alerts: list[str] = []
        sev = _status(b.status, alerts)
        armed = text.choice(b.armed, {0: QCoreApplication.translate("Schematic", "disarmed"), 1: QCoreApplication.translate("Schematic", "armed")})
        return [armed], alerts, sev

    def incomplete(self, block: Block) -> bool:
        return _missing(block.status) or _missing(block.armed)  # type: ignore[attr-defined]


UNLOCK_TYPES = {
    0: QT_TRANSLATE_NOOP("Schematic", "lock closed"),
    1: QT_TRANSLATE_NOOP("Schematic", "card"),
    2: QT_TRANSLATE_NOOP("Schematic", "remote command"),
    3: QT_TRANSLATE_NOOP("Schematic", "key"),
}


class DoorElement(Element):
    """One door, drawn as a leaf that is shut in its frame or swung open."""

    def __init__(self, title: str, which: str, parent: QGraphicsItem | None = None):
        super().__init__(title, parent)
        self.which = which  # "front" | "back"
        self.is_open: bool | None = None
        self.locked: bool | None = None
        self.illegal = False

    def _r(self, b: Doors, name: str) -> Reading:
        return getattr(b, f"{self.which}_door_{name}")

    def describe(self, b: Doors):  # type: ignore[override]
        closed, locked = self._r(b, "closed"), self._r(b, "locked")
        self.is_open = None if not closed.present else closed.value == 0
        self.locked = None if not locked.present else locked.value == 1
        self.illegal = self._r(b, "open_illegally").value == 1
        alerts: list[str] = []
        sev = Severity.NORMAL
        if self.is_open:
            sev = Severity.WARNING
        if self.illegal:
            alerts.append(QCoreApplication.translate("Schematic", "OPENED ILLEGALLY"))
            sev = Severity.ALARM
        state = (text.reason_text(closed.reason) if closed.reason else
                 QCoreApplication.translate("Schematic", "OPEN") if self.is_open else QCoreApplication.translate("Schematic", "closed"))
        lock = text.choice(locked, {0: QCoreApplication.translate("Schematic", "unlocked"), 1: QCoreApplication.translate("Schematic", "locked")})
        how = text.choice(self._r(b, "unlock_type"), {k: _t(v) for k, v in UNLOCK_TYPES.items()})
        card = text.text_value(self._r(b, "unlock_card_id"))
        lines = [state, lock, fill(QCoreApplication.translate("Schematic", "Unlock: %1"), how),
                 fill(QCoreApplication.translate("Schematic", "Card: %1"), card),
                 QCoreApplication.translate("Schematic", "Changed:"),
                 text.device_time(self._r(b, "change_time"))]
        return lines, alerts, sev

    def incomplete(self, block: Block) -> bool:
        return _missing(self._r(block, "closed")) or _missing(self._r(block, "locked"))  # type: ignore[arg-type]

    def set_block(self, block: Block | None, reported_at: float) -> None:
        if block is None:
            self.is_open = self.locked = None
            self.illegal = False
        super().set_block(block, reported_at)

    def paint_body(self, painter: QPainter, r: QRectF) -> None:
        # The door picture on top, the words below it.
        pic_h = min(150.0, r.height() * 0.42)
        pic = QRectF(r.left() + r.width() * 0.2, r.top() + 4, r.width() * 0.6, pic_h - 8)
        severity, offline = self.effective()
        colour = style.NO_DATA if offline else (
            style.severity_colour(severity) if severity >= Severity.WARNING else style.FRAME)
        painter.setPen(QPen(style.FRAME, 2))
        painter.setBrush(style.BACKGROUND)
        painter.drawRect(pic)  # the door frame (opening in the cabinet)
        painter.setPen(QPen(colour, 2))
        if self.is_open is None:
            painter.setPen(QPen(style.NO_DATA, 1.5, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(pic.adjusted(4, 4, -4, -4))
            painter.drawText(pic, Qt.AlignmentFlag.AlignCenter, "?")
        elif self.is_open:
            # Leaf swung out on its hinge: a narrow parallelogram leaving the frame empty.
            hinge_x = pic.left() if self.which == "front" else pic.right()
            out = -pic.width() * 0.35 if self.which == "front" else pic.width() * 0.35
            leaf = QPolygonF([QPointF(hinge_x, pic.top()), QPointF(hinge_x + out, pic.top() + 12),
                              QPointF(hinge_x + out, pic.bottom() - 12),
                              QPointF(hinge_x, pic.bottom())])
            painter.setBrush(self.fill())
            painter.drawPolygon(leaf)
        else:
            painter.setBrush(style.SURFACE)
            painter.drawRect(pic.adjusted(3, 3, -3, -3))
            hx = pic.right() - 10 if self.which == "front" else pic.left() + 10
            painter.drawLine(QPointF(hx, pic.center().y() - 10), QPointF(hx, pic.center().y() + 10))
            if self.locked:
                # A small padlock under the handle.
                lock = QRectF(hx - 5, pic.center().y() + 16, 10, 8)
                painter.drawRect(lock)
                painter.drawArc(QRectF(hx - 3.5, lock.top() - 6, 7, 10), 0, 180 * 16)
        self.paint_lines(painter, r.adjusted(0, pic_h, 0, 0), self.lines, self.alerts)

    def wanted_height(self) -> float:
        return super().wanted_height() + 150
