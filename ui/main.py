"""Desktop entry point: `gantry-monitor` and `gantry-monitor --demo` (called by app.cli).

One asyncio loop runs on the Qt event loop through qasync, in the main thread; the core
(receiver, store, fleet) starts on it. A receiver or store that cannot start is shown in red in
the status bar and the window stays open.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

import qasync
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication

from app.config import Settings, load_settings, update_settings
from app.core import Core
from app.receiver import ReceiverError
from app.store import StoreError
from ui import i18n
from ui.alarm_view import install_alarm_ui
from ui.bridge import Bridge
from ui.control_panel import ControlPanel, plug_control_panel
from ui.demo import Demo, demo_data_dir, demo_settings
from ui.main_window import MainWindow
from ui.media_viewer import MediaViewer, plug_media_viewer

log = logging.getLogger(__name__)
ORGANISATION = APPLICATION = "GantryMonitor"


class DesktopApp:
    """The core, the bus-to-Qt bridge, the window and (with --demo) the simulated gantry."""

    def __init__(self, settings: Settings, data_dir: Path | None = None, *,
                 demo: Demo | None = None, qsettings: QSettings | None = None,
                 language: str = i18n.DEFAULT_LANGUAGE, clock: Callable[[], float] = time.time):
        self.core = Core(settings, data_dir)
        self.demo = demo
        self.bridge = Bridge(self.core.bus)
        self.window = MainWindow(self.core.fleet, qsettings, clock=clock, language=language)
        self.bridge.message_stored.connect(self.window.mark_dirty)
        self.bridge.request_rejected.connect(lambda *_: self.window.comm_log.mark_dirty())
        self.bridge.receiver_state.connect(self._receiver_state)
        self.alarm_ui = install_alarm_ui(self.core, self.window, language, clock)
        self.control: ControlPanel | None = None  # plugged in once the core runs
        self.media: MediaViewer | None = None  # door-open captures (issue 8), idem
        self.started = False
        self.error = ""

    def _receiver_state(self, listening: bool, url: str, error: str) -> None:
        r = self.core.receiver
        where = f"{r.scheme}://{self.core.settings.host}:{r.port}/monitor.do" if listening else url
        self.window.status.set_receiver(listening, where, error)

    async def start(self) -> bool:
        """Start the core (and the demo gantry); False, with the reason shown, if it can't."""
        try:
            await self.core.start()
        except (ReceiverError, StoreError) as e:
            self.error = str(e)
            self.window.status.set_receiver(False, "", self.error)
            log.error("cannot start: %s", e)
            return False
        self.started = True
        self.control = plug_control_panel(self.window, self.core)
        self.media = plug_media_viewer(self.window, self.core)
        self.window.comm_log.set_reader(self.core.store.read)
        self.window.status.reader = self.core.store.read
        self.window.status.refresh_counts()
        self.window.refresh(force=True)
        if self.demo is not None:
            await self.demo.start(self.core)
        return True

    async def stop(self) -> None:
        if self.demo is not None:
            await self.demo.stop()
        self.window.comm_log.set_reader(None)
        self.window.status.reader = None
        if self.control is not None:
            await self.control.service.aclose()
        if self.media is not None:
            self.media.detach()
        await self.core.stop()
        self.bridge.close()
        self.alarm_ui.close()
        if self.demo is not None:
            self.demo.cleanup()


def _settings(args: argparse.Namespace) -> Settings:
    settings = load_settings(getattr(args, "config", None))
    changes: dict[str, object] = {}
    for opt in ("host", "port"):
        if getattr(args, opt, None) is not None:
            changes[opt] = getattr(args, opt)
    if getattr(args, "data_dir", None):
        changes["data_dir"] = str(args.data_dir)
    return update_settings(settings, **changes) if changes else settings


def run(args: argparse.Namespace) -> int:
    """Open the window; returns the exit code once it is closed."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setQuitOnLastWindowClosed(False)  # we stop the core first, then leave the loop
    base = load_settings(getattr(args, "config", None))
    qsettings = QSettings()
    language = i18n.normalise(qsettings.value("ui/language", base.language))
    i18n.install(app, language)
    demo = None
    if getattr(args, "demo", False):
        data_dir = demo_data_dir()
        settings = demo_settings(data_dir, base)
        demo = Demo(data_dir)
    else:
        settings = _settings(args)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        return loop.run_until_complete(_main(settings, demo, qsettings, language))


async def _main(settings: Settings, demo: Demo | None, qsettings: QSettings,
                language: str) -> int:
    desktop = DesktopApp(settings, demo=demo, qsettings=qsettings, language=language)
    window = desktop.window
    if demo is not None:
        window.setWindowTitle(window.windowTitle() + " — " + QCoreApplication.translate(
            "Demo", "demo (simulated gantry, data discarded on exit)"))
    closed = asyncio.Event()
    window.closed.connect(closed.set)
    try:
        signal.signal(signal.SIGINT, lambda *_: window.close())
    except ValueError:  # not the main thread (embedded use)
        pass
    window.show()
    await desktop.start()
    await closed.wait()
    await desktop.stop()
    return 0
