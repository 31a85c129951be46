"""Attention for new alarms: a sound and a notification, coalesced per gantry.

A flood (a whole gantry losing power) raises many alarms at once; they are collected for a short
window and announced as one notification per gantry, with one sound. The sound can be muted for
a time. Notifications go to the system tray when there is one, and always to our own small popup
(a frameless tool window that shows even when the main window is minimised).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QLabel, QSystemTrayIcon, QVBoxLayout, QWidget

from app.alarms.model import ATTENTION, Alarm, Severity
from app.alarms.texts import alarm_text, severity_text, source_text
from ui.alarm_sound import sound_file

WINDOW_MS = 1500  # alarms within this window after the first are announced together
POPUP_MS = 15000
MAX_LINES = 6
SOUND_GAP_S = 10.0  # one sound per situation: no replay while a flood is still arriving


@dataclass(frozen=True)
class Notification:
    gantry_id: str
    title: str
    body: str
    severity: Severity
    count: int


class AlarmPopup(QWidget):
    """Our own notification: the newest coalesced notifications, bottom-right of the screen."""

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # draw the red frame
        self.setObjectName("alarmPopup")
        self.setStyleSheet("#alarmPopup { background: #f2f2f2; border: 2px solid #c62828; }"
                           " QLabel#title { font-weight: bold; color: #c62828; }")
        self.setMinimumWidth(380)
        self.lay = QVBoxLayout(self)
        self.labels: list[QLabel] = []
        self._hide = QTimer(self, singleShot=True, interval=POPUP_MS, timeout=self.hide)

    def show_notifications(self, items: list[Notification]) -> None:
        for lab in self.labels:
            lab.deleteLater()
        self.labels = []
        for n in items[:MAX_LINES]:
            t = QLabel(n.title, self, objectName="title")
            b = QLabel(n.body, self, wordWrap=True)
            self.lay.addWidget(t)
            self.lay.addWidget(b)
            self.labels += [t, b]
        if len(items) > MAX_LINES:
            more = QLabel(self.tr("… and %n more gantries", "", len(items) - MAX_LINES), self)
            self.lay.addWidget(more)
            self.labels.append(more)
        self.adjustSize()
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            self.move(area.right() - self.width() - 16, area.bottom() - self.height() - 16)
        self.show()
        self._hide.start()


class AlarmNotifier(QObject):
    notified = Signal(object)  # Notification, one per gantry per window

    def __init__(self, language: str = "zh_CN", clock: Callable[[], float] = time.time,
                 tray: QSystemTrayIcon | None = None, window_ms: int = WINDOW_MS,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.language = language
        self.clock = clock
        self.muted_until = 0.0
        self.sounds_played = 0
        self._last_sound = -1e9
        self.history: list[Notification] = []
        self._pending: dict[str, list[Alarm]] = {}
        self._flush = QTimer(self, singleShot=True, interval=window_ms, timeout=self.flush)
        self.tray = tray
        if tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(QIcon.fromTheme("dialog-warning"), self)
            self.tray.show()
        self.popup = AlarmPopup()
        self._sound = None
        try:
            from PySide6.QtMultimedia import QSoundEffect

            self._sound = QSoundEffect(self)
            self._sound.setSource(QUrl.fromLocalFile(str(sound_file())))
        except ImportError:  # a build without QtMultimedia: notifications still show
            self._sound = None

    # -- input -------------------------------------------------------------------------------
    def on_alarm_changed(self, change: str, alarm: Alarm) -> None:
        if change not in ("raised", "reraised") or alarm.severity < ATTENTION:
            return
        if alarm.shelved(self.clock()):
            return
        self._pending.setdefault(alarm.key.gantry_id, []).append(alarm)
        if not self._flush.isActive():
            self._flush.start()

    def mute_for(self, seconds: float) -> None:
        self.muted_until = self.clock() + seconds

    @property
    def muted(self) -> bool:
        return self.clock() < self.muted_until

    # -- output ------------------------------------------------------------------------------
    def flush(self) -> None:
        pending, self._pending = self._pending, {}
        items = [self._summary(g, alarms) for g, alarms in sorted(pending.items())]
        if not items:
            return
        items.sort(key=lambda n: -n.severity)
        for n in items:
            self.history.append(n)
            if self.tray is not None:
                icon = QSystemTrayIcon.MessageIcon.Critical
                self.tray.showMessage(n.title, n.body, icon, POPUP_MS)
            self.notified.emit(n)
        self.popup.show_notifications(items)
        now = self.clock()
        if not self.muted and self._sound is not None and now - self._last_sound > SOUND_GAP_S:
            self._sound.play()
            self._last_sound = now
            self.sounds_played += 1

    def _summary(self, gantry_id: str, alarms: list[Alarm]) -> Notification:
        lang = self.language
        worst = max(alarms, key=lambda a: (a.severity, -a.id))
        head = f"{severity_text(worst.severity, lang)} · {gantry_id}"
        first = f"{source_text(worst.key, lang)}: {alarm_text(worst, lang)}"
        if len(alarms) == 1:
            return Notification(gantry_id, head, first, worst.severity, 1)
        more = (f"另有{len(alarms) - 1}条新报警" if lang.startswith("zh")
                else f"and {len(alarms) - 1} more new alarms")
        return Notification(gantry_id, f"{head} ({len(alarms)})", f"{first}\n{more}",
                            worst.severity, len(alarms))
