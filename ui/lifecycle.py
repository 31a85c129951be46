"""The application's life cycle: one instance per data folder, the tray, a bounded quit.

- `SingleInstance`: a QLocalServer named after a hash of the data folder. A second start with the
  same folder connects, sends "show" and exits; the first raises its window.
- `TrayKeeper`: closing the window hides it to the system tray when the operator chose so
  (QSettings "ui/minimise_to_tray"; on by default only where a tray exists); "Quit" really quits.
- `shutdown`: stops the desktop app (receiver, clients, store) within a deadline and cancels
  whatever is still running, so the loop closes with no pending task, warning or traceback.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import signal
from collections.abc import Awaitable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QStyle, QSystemTrayIcon

log = logging.getLogger(__name__)
SHOW = b"show\n"
QUIT_DEADLINE_S = 5.0
TRAY_KEY = "ui/minimise_to_tray"


def instance_key(data_dir: Path) -> str:
    """The local socket / pipe name for a data folder (same folder, same name)."""
    norm = os.path.normcase(os.path.abspath(str(data_dir)))
    return "gantry-monitor-" + hashlib.sha256(norm.encode("utf-8")).hexdigest()[:20]


class SingleInstance(QObject):
    """Claim the data folder for this process, or hand over to the process that has it."""

    show_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.key = instance_key(data_dir)
        self.server: QLocalServer | None = None

    def notify_running(self, timeout_ms: int = 1000) -> bool:
        """True if another instance holds the folder (it was told to show its window)."""
        sock = QLocalSocket()
        sock.connectToServer(self.key)
        if not sock.waitForConnected(timeout_ms):
            return False
        sock.write(SHOW)
        sock.flush()
        sock.waitForBytesWritten(timeout_ms)
        sock.disconnectFromServer()
        if sock.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            sock.waitForDisconnected(timeout_ms)
        return True

    def claim(self) -> bool:
        """True: this process is the instance for the folder. False: another one is."""
        if self.notify_running():
            return False
        QLocalServer.removeServer(self.key)  # a socket file left by a crashed instance
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.key):
            # Lost a race with a simultaneous start, or no local sockets: run anyway.
            log.warning("single-instance server not listening: %s", server.errorString())
            return not self.notify_running()
        server.newConnection.connect(self._accept)
        self.server = server
        return True

    def _accept(self) -> None:
        assert self.server is not None
        while (sock := self.server.nextPendingConnection()) is not None:
            sock.readyRead.connect(lambda s=sock: self._read(s))
            sock.disconnected.connect(sock.deleteLater)
            if sock.bytesAvailable():
                self._read(sock)

    def _read(self, sock: QLocalSocket) -> None:
        data = bytes(sock.readAll().data())
        if SHOW.strip() in data:
            log.info("a second start asked this instance to show its window")
            self.show_requested.emit()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None


def bring_forward(window: QMainWindow) -> None:
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.showNormal() if window.isMinimized() else window.show()
    window.raise_()
    window.activateWindow()


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


def minimise_to_tray(qsettings: QSettings) -> bool:
    value = qsettings.value(TRAY_KEY, None)
    if value is None:
        return tray_available()
    return str(value).lower() in ("true", "1")


class TrayKeeper(QObject):
    """Hides the window to the tray on close (when chosen); the tray menu shows or quits."""

    def __init__(self, window: QMainWindow, qsettings: QSettings):
        super().__init__(window)
        self.window = window
        self.qsettings = qsettings
        self.tray: QSystemTrayIcon | None = None
        window.installEventFilter(self)
        if tray_available():
            icon = window.windowIcon()
            if icon.isNull():
                icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_ComputerIcon)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip(window.windowTitle())
            menu = QMenu(window)
            show = QAction(self.tr("Show Gantry Monitor"), menu)
            show.triggered.connect(lambda: bring_forward(window))
            quit_ = QAction(self.tr("Quit"), menu)
            quit_.triggered.connect(self.quit)
            menu.addAction(show)
            menu.addAction(quit_)
            self.tray.setContextMenu(menu)
            self.tray.activated.connect(self._activated)
            self.tray.show()

    @property
    def enabled(self) -> bool:
        return self.tray is not None and minimise_to_tray(self.qsettings)

    def quit(self) -> None:
        self.window.setProperty("quitting", True)
        self.window.close()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            bring_forward(self.window)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Close and self.enabled \
                and not self.window.property("quitting"):
            event.ignore()
            self.window.hide()
            return True  # the window's closeEvent never runs: the app keeps running
        return False

    def close(self) -> None:
        if self.tray is not None:
            self.tray.hide()
            self.tray = None


def quit_on_signals(window: QMainWindow) -> QTimer | None:
    """Ctrl-C / SIGTERM quit like File > Quit. Python runs signal handlers only when it gets
    control, so a short timer gives it control while Qt waits for events."""
    def handler(*_: Any) -> None:
        window.setProperty("quitting", True)
        QTimer.singleShot(0, window.close)

    try:
        signal.signal(signal.SIGINT, handler)
        if hasattr(signal, "SIGTERM"):
            signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread (embedded use)
        return None
    timer = QTimer(window)
    timer.setInterval(200)
    timer.timeout.connect(lambda: None)
    timer.start()
    return timer


async def shutdown(stop: Awaitable[None], deadline_s: float = QUIT_DEADLINE_S) -> bool:
    """Run `stop` (the app's orderly stop) within the deadline, then cancel every task still
    running on the loop and wait for them, so closing the loop leaves nothing behind.
    False if the orderly stop had to be cut short."""
    ok = True
    try:
        await asyncio.wait_for(stop, deadline_s)
    except TimeoutError:
        ok = False
        log.warning("stopping took longer than %.0f s: cancelling what is left", deadline_s)
    except Exception:
        ok = False
        log.exception("error while stopping")
    me = asyncio.current_task()
    left = [t for t in asyncio.all_tasks() if t is not me and not t.done()]
    for t in left:
        t.cancel()
    if left:
        await asyncio.wait(left, timeout=1.0)
    return ok
