"""Table models for alarms and logged events; severity look shared with ui/style.py."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from app.alarms.model import Alarm, AlarmState, Severity
from app.alarms.texts import alarm_text, severity_text, source_text, state_text
from app.events_log import LoggedEvent, event_text
from ui import style

if TYPE_CHECKING:
    from ui.capture_links import CaptureThumbs


def ui_severity(s: Severity) -> style.Severity:
    """Our four alarm priorities on the HMI's colour scale: red for high/critical, amber else."""
    return style.Severity.ALARM if s >= Severity.HIGH else style.Severity.WARNING


def when(ts: float | None) -> str:
    return datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M:%S") if ts else ""


def _t(text: str) -> str:
    return QCoreApplication.translate("AlarmTable", text)


# Shapes that carry severity without colour: more corners, more urgent.
SHAPES = {Severity.CRITICAL: "◆", Severity.HIGH: "▲", Severity.MEDIUM: "■", Severity.LOW: "●"}


class AlarmTableModel(QAbstractTableModel):
    COLUMNS = ("", "Severity", "State", "Raised", "Gantry", "Source", "Alarm", "Value",
               "Acknowledged", "Cleared")
    THUMB_COLUMN = 6  # the alarm's text

    def __init__(self, language: str = "zh_CN", parent: Any = None):
        super().__init__(parent)
        self.language = language
        self.alarms: list[Alarm] = []
        self.now = 0.0
        self.thumbs: CaptureThumbs | None = None  # door alarms' capture beside their text

    def set_alarms(self, alarms: list[Alarm], now: float) -> None:
        self.beginResetModel()
        self.alarms = list(alarms)
        self.now = now
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.alarms)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _t(self.COLUMNS[section]) if self.COLUMNS[section] else ""
        return None

    def cell(self, a: Alarm, col: int) -> str:
        lang = self.language
        if col == 0:  # unacknowledged: a mark that reads without colour
            return "!" if not a.acked else ""
        if col == 1:
            return f"{SHAPES[a.severity]} {severity_text(a.severity, lang)}"
        if col == 2:
            s = state_text(a, lang)
            if a.shelved(self.now):
                s += " · " + _t("shelved until %1").replace("%1", when(a.shelved_until)[11:])
            return s
        if col == 3:
            return when(a.last_raised_at or a.raised_at)
        if col == 4:
            return a.key.gantry_id
        if col == 5:
            return source_text(a.key, lang)
        if col == 6:
            return alarm_text(a, lang) + (f" (×{a.raise_count})" if a.raise_count > 1 else "")
        if col == 7:
            return a.raised_value
        if col == 8:
            if not a.acked:
                return ""
            return f"{when(a.acked_at)} {a.acked_by}" + (f": {a.ack_note}" if a.ack_note else "")
        if col == 9:
            return f"{when(a.cleared_at)} {a.cleared_value}".strip() if a.cleared_at else ""
        return ""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        a = self.alarms[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(a, col)
        if role == Qt.ItemDataRole.ForegroundRole and col in (0, 1):
            return QBrush(style.severity_colour(ui_severity(a.severity)))
        if role == Qt.ItemDataRole.BackgroundRole and a.state is AlarmState.UNACKED:
            return QBrush(style.severity_fill(ui_severity(a.severity)))
        if role == Qt.ItemDataRole.FontRole and not a.acked:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.UserRole:
            return a.id
        if col == self.THUMB_COLUMN and self.thumbs is not None:
            if role == Qt.ItemDataRole.DecorationRole:
                return self.thumbs.alarm_pixmap(a)
            if role == Qt.ItemDataRole.ToolTipRole and self.thumbs.alarm_record(a) is not None:
                return _t("Double-click to view the door-open capture")
        return None


class EventTableModel(QAbstractTableModel):
    COLUMNS = ("Time", "Gantry", "Cabinet", "Event", "Who / how")
    THUMB_COLUMN = 3  # the event's text

    def __init__(self, language: str = "zh_CN", parent: Any = None):
        super().__init__(parent)
        self.language = language
        self.events: list[LoggedEvent] = []
        self.thumbs: CaptureThumbs | None = None  # door openings' capture beside their text

    def set_events(self, events: list[LoggedEvent]) -> None:
        self.beginResetModel()
        self.events = list(events)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.events)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _t(self.COLUMNS[section])
        return None

    def cell(self, e: LoggedEvent, col: int) -> str:
        if col == 0:
            return when(e.ts)
        if col == 1:
            return e.gantry_id
        if col == 2:
            return str(e.cabinet_id) if e.cabinet_id else ""
        if col == 3:
            return event_text(LoggedEvent(**{**e.__dict__, "actor": ""}), self.language)
        return e.actor

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        e = self.events[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(e, index.column())
        if index.column() == self.THUMB_COLUMN and self.thumbs is not None:
            if role == Qt.ItemDataRole.DecorationRole:
                return self.thumbs.event_pixmap(e)
            if role == Qt.ItemDataRole.ToolTipRole and self.thumbs.event_record(e) is not None:
                return _t("Double-click to view the door-open capture")
        return None
