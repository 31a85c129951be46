"""Desktop entry point: `gantry-monitor` and `gantry-monitor --demo` (called by app.cli).

One asyncio loop runs on the Qt event loop through qasync, in the main thread; the core
(receiver, store, fleet) starts on it. A receiver or store that cannot start is shown in red in
the status bar and the window stays open.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

import qasync
from pyqtgraph.util.garbage_collector import GarbageCollector
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from app.cli import settings_from_args
from app.config import (
    ConfigError,
    Settings,
    default_config_path,
    load_settings,
)
from app.core import Core
from app.datadir import check_data_dir
from app.logs import setup_file_log
from app.receiver import ReceiverError
from app.store import StoreError
from ui import about, i18n, lifecycle, settings_dialog
from ui.alarm_view import install_alarm_ui
from ui.bridge import Bridge
from ui.control_panel import ControlPanel, plug_control_panel
from ui.demo import Demo, demo_data_dir, demo_settings
from ui.main_window import MainWindow
from ui.media_viewer import MediaViewer, plug_media_viewer
from ui.sparklines import Sparklines, install_sparklines
from ui.status import receiver_problem_text
from ui.trend_panel import TrendPanel, plug_trend_panel, unplug_trend_panel

log = logging.getLogger(__name__)
ORGANISATION = APPLICATION = "GantryMonitor"


def _zones(s: Settings) -> tuple[str, dict[str, str]]:
    """The time zone settings: the global one and each gantry's own."""
    return s.time_zone, {g: e.time_zone for g, e in s.gantries.items()}


class DesktopApp:
    """The core, the bus-to-Qt bridge, the window and (with --demo) the simulated gantry."""

    def __init__(self, settings: Settings, data_dir: Path | None = None, *,
                 demo: Demo | None = None, qsettings: QSettings | None = None,
                 language: str = i18n.DEFAULT_LANGUAGE, clock: Callable[[], float] = time.time,
                 config_path: Path | None = None):
        self.core = Core(settings, data_dir)
        self.config_path = config_path  # where File > Settings saves (None: not saved)
        self.qsettings = qsettings or QSettings()
        self.demo = demo
        self.bridge = Bridge(self.core.bus)
        self.window = MainWindow(self.core.fleet, qsettings, clock=clock, language=language)
        self.bridge.message_stored.connect(self.window.mark_dirty)
        self.bridge.request_rejected.connect(lambda *_: self.window.comm_log.mark_dirty())
        self.bridge.receiver_state.connect(self._receiver_state)
        self.alarm_ui = install_alarm_ui(self.core, self.window, language, clock)
        self.control: ControlPanel | None = None  # plugged in once the core runs
        self.media: MediaViewer | None = None  # door-open captures (issue 8), idem
        self.trends: TrendPanel | None = None  # trends (issue 5), idem
        self.sparklines: Sparklines | None = None  # the schematic's 24 h lines, idem
        self.started = False
        self.error = ""
        self.receiver_down_box: QMessageBox | None = None  # shown while the port is taken
        self.tasks: set[asyncio.Task] = set()
        self.window.settings_requested.connect(self.open_settings)
        self.window.diagnostics_requested.connect(self.copy_diagnostics)
        self.window.about_requested.connect(lambda: about.show_about(self.window))
        self.window.set_warning(settings_dialog.test_code_warning(settings))

    # -- File > Settings, Help -----------------------------------------------------------------

    def open_settings(self) -> settings_dialog.SettingsDialog:
        dialog = settings_dialog.SettingsDialog(self.core.settings, self.config_path,
                                                self.qsettings, self.window)
        dialog.accepted_settings.connect(self._settings_saved)
        dialog.setModal(True)
        dialog.open()  # not exec(): the receiver keeps running under the dialog
        self.settings_dialog = dialog
        return dialog

    def _settings_saved(self, settings: Settings) -> None:
        task = asyncio.ensure_future(self.apply_settings(settings))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def apply_settings(self, settings: Settings) -> str:
        """Use saved settings now; returns "" or the one sentence why the receiver is down."""
        old = self.core.settings
        error = ""
        try:
            await self.core.apply_settings(settings)
        except ReceiverError as e:
            error = receiver_problem_text(e.problem, e.params, str(e))
            log.error("receiver did not restart: %s", e)
            self.window.status.set_receiver(False, "", error)
        else:
            if self.core.running:  # receiving now: the warning is past
                if self.receiver_down_box is not None:
                    self.receiver_down_box.close()
                    self.receiver_down_box = None
                self.error = ""
        if self.control is not None:
            self.control.pin = settings.control_pin
            self.control.service.settings = settings
        self.window.set_warning(settings_dialog.test_code_warning(settings))
        notes = settings_dialog.restart_notes(old, settings)
        if notes:
            self.window.status.showMessage(" ".join(notes), 15000)
        self.window.refresh(force=True)
        if self.trends is not None and _zones(old) != _zones(settings):
            self.trends.reload(keep_view=True)  # its axis and range read the new zone
        return error

    def diagnostics_text(self) -> str:
        return about.diagnostics(self.core.settings, self.core.data_dir,
                                 about.receiver_text(self.core), self.started, self.error)

    def copy_diagnostics(self) -> None:
        about.copy_diagnostics(self.diagnostics_text())
        self.window.status.showMessage(QCoreApplication.translate(
            "About", "Diagnostics copied to the clipboard (auth codes and PIN masked)."), 8000)

    def _receiver_down(self, why: str) -> None:
        """Say it where a duty operator cannot miss it: no reports come in meanwhile."""
        self.window.status.set_receiver(False, "", why)
        box = QMessageBox(QMessageBox.Icon.Warning,
                          QCoreApplication.translate("MainWindow", "Not receiving reports"),
                          why, QMessageBox.StandardButton.Ok, self.window)
        box.setInformativeText(QCoreApplication.translate(
            "MainWindow", "No gantry's reports reach this workstation until this is put"
            " right. Close the other program, or choose another port in File > Settings:"
            " receiving starts as soon as the settings are saved. History, trends and"
            " control work meanwhile."))
        box.setModal(False)
        box.open()
        self.receiver_down_box = box

    def _receiver_state(self, listening: bool, url: str, error: str) -> None:
        r = self.core.receiver
        where = f"{r.scheme}://{self.core.settings.host}:{r.port}/monitor.do" if listening else url
        self.window.status.set_receiver(listening, where, error)

    async def start(self) -> bool:
        """Start the core (and the demo gantry); False, with the reason shown, if it can't.

        A receiver that cannot listen (its port taken) leaves the rest running, says why in a
        message box, and starts as soon as the settings dialog saves a port that works."""
        try:
            await self.core.start(stay_up_without_receiver=True)
        except StoreError as e:
            self.error = str(e)
            self.window.status.set_receiver(False, "", self.error)
            log.error("cannot start: %s", e)
            return False
        except ReceiverError as e:
            self.error = str(e)
            log.error("receiver not running: %s", e)
            self._receiver_down(receiver_problem_text(e.problem, e.params, str(e)))
        self.started = True
        self.control = plug_control_panel(self.window, self.core)
        self.media = plug_media_viewer(self.window, self.core)
        self.trends = plug_trend_panel(self.window, self.core, self.bridge)
        self.sparklines = install_sparklines(self.window, self.trends, self.core.store.read,
                                             self.bridge)
        self.window.comm_log.set_reader(self.core.store.read)
        self.window.status.reader = self.core.store.read
        self.window.status.refresh_counts()
        self.window.refresh(force=True)
        if self.demo is not None:
            await self.demo.start(self.core)
        return True

    async def stop(self) -> None:
        for task in list(self.tasks):
            task.cancel()
        if self.demo is not None:
            await self.demo.stop()
        self.window.comm_log.set_reader(None)
        self.window.status.reader = None
        if self.control is not None:
            await self.control.service.aclose()
        if self.media is not None:
            self.media.detach()
        # Signals and timers into the trend widgets end here, before the window can go.
        if self.sparklines is not None:
            self.sparklines.detach()
        if self.trends is not None:
            unplug_trend_panel(self.trends, self.bridge)
        await self.core.stop()
        self.bridge.close()
        self.alarm_ui.close()
        if self.demo is not None:
            self.demo.cleanup()


def run(args: argparse.Namespace) -> int:
    """Open the window; returns the exit code once it is closed."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setQuitOnLastWindowClosed(False)  # we stop the core first, then leave the loop
    named = getattr(args, "config", None)
    config_path = named or default_config_path()
    try:
        base = load_settings(config_path, named=named is not None)
    except ConfigError as e:  # a window-only install has no console to say it on
        _tell(str(e))
        raise
    qsettings = QSettings()
    language = i18n.normalise(qsettings.value("ui/language", base.language))
    demo = None
    if getattr(args, "demo", False):
        data_dir = demo_data_dir()
        settings = demo_settings(data_dir, base)
        demo = Demo(data_dir)
        config_path = data_dir / "settings.toml"  # the demo never touches the real settings
        # nor the real window layout: its own QSettings, keeping the chosen language.
        qsettings = QSettings(str(data_dir / "ui.ini"), QSettings.Format.IniFormat)
        qsettings.setValue("ui/language", language)
    else:
        settings = settings_from_args(args)
    data_dir = settings.resolved_data_dir()
    try:
        check_data_dir(data_dir)
    except ConfigError as e:
        _tell(str(e))
        raise
    setup_file_log(data_dir)
    instance = lifecycle.SingleInstance(data_dir)
    if not instance.claim():
        print(f"Gantry Monitor is already running for {data_dir}; its window was brought "
              "forward.", flush=True)
        return 0
    i18n.install(app, language)  # only once this process is the one that opens a window
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    # Collect cycles on this (the GUI) thread only: a Qt object collected on a store thread
    # leaves its timers registered, and the next one to fire crashes the process.
    collector = GarbageCollector(interval=0.25)
    try:
        with loop:
            return loop.run_until_complete(
                _main(settings, demo, qsettings, language, instance, config_path))
    finally:
        collector.timer.stop()
        instance.close()
        asyncio.set_event_loop(None)


def _tell(message: str) -> None:
    """A start-up refusal: on stderr (by the caller) and, with a screen, in a message box."""
    if QApplication.platformName() not in ("offscreen", "minimal"):
        QMessageBox.critical(None, QCoreApplication.translate("MainWindow", "Gantry Monitor"),
                             message)


async def _main(settings: Settings, demo: Demo | None, qsettings: QSettings, language: str,
                instance: lifecycle.SingleInstance | None = None,
                config_path: Path | None = None) -> int:
    desktop = DesktopApp(settings, demo=demo, qsettings=qsettings, language=language,
                         config_path=config_path)
    window = desktop.window
    if demo is not None:
        window.setWindowTitle(window.windowTitle() + " — " + QCoreApplication.translate(
            "Demo", "demo (simulated gantry, data discarded on exit)"))
    closed = asyncio.Event()
    window.closed.connect(closed.set)
    if instance is not None:
        instance.show_requested.connect(lambda: lifecycle.bring_forward(window))
    tray = lifecycle.TrayKeeper(window, qsettings)
    lifecycle.quit_on_signals(window)
    window.show()
    await desktop.start()
    gc.freeze()  # start-up's long-lived objects stay out of every later full collection
    await closed.wait()
    tray.close()
    await lifecycle.shutdown(desktop.stop())
    log.info("stopped")
    return 0
