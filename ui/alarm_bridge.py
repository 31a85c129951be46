"""Alarm and event-log bus events as Qt signals (the alarm side of ui/bridge.py's adapter)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.alarms.events import AlarmChanged
from app.bus import EventBus
from app.events_log import EventLogged


class AlarmBridge(QObject):
    alarm_changed = Signal(str, object)  # change ("raised", "acked", ...), Alarm
    event_logged = Signal(object)  # LoggedEvent

    def __init__(self, bus: EventBus, parent: QObject | None = None):
        super().__init__(parent)
        self._unsubscribe = [
            bus.subscribe(AlarmChanged, lambda e: self.alarm_changed.emit(e.change, e.alarm)),
            bus.subscribe(EventLogged, lambda e: self.event_logged.emit(e.event)),
        ]

    def close(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []
