"""In-process life cycle pieces: close-to-tray, Help > Copy diagnostics (secrets masked, last
errors), the single-instance hand-over between two claimants of one data folder."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMainWindow

from app.logs import close_file_log, setup_file_log
from tests.conftest import make_settings
from ui import lifecycle
from ui.about import MASK, diagnostics
from ui.lifecycle import SingleInstance, TrayKeeper, instance_key


class Window(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.close_events = 0  # the real closeEvent (what stops the app in MainWindow)

    def closeEvent(self, event) -> None:  # noqa: ANN001
        self.close_events += 1
        super().closeEvent(event)


def test_close_hides_to_the_tray_when_chosen_and_quit_really_closes(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(lifecycle, "tray_available", lambda: True)
    qs = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = Window()
    qtbot.addWidget(window)
    keeper = TrayKeeper(window, qs)
    window.show()
    assert keeper.enabled  # default on where a tray exists
    window.close()
    assert window.isHidden() and window.close_events == 0  # hidden, still running

    qs.setValue(lifecycle.TRAY_KEY, False)  # the operator turned it off: close is close
    window.show()
    assert not keeper.enabled
    window.close()
    assert window.isHidden() and window.close_events == 1

    qs.setValue(lifecycle.TRAY_KEY, True)
    window.show()
    keeper.quit()  # tray menu "Quit" closes for good even with the option on
    assert window.close_events == 2 and window.property("quitting")
    keeper.close()


def test_without_a_tray_closing_quits(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(lifecycle, "tray_available", lambda: False)
    qs = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    assert not lifecycle.minimise_to_tray(qs)
    window = QMainWindow()
    qtbot.addWidget(window)
    keeper = TrayKeeper(window, qs)
    assert keeper.tray is None and not keeper.enabled


def test_diagnostics_mask_secrets_and_carry_versions_and_last_errors(tmp_path: Path):
    settings = make_settings(tmp_path, auth_code="global-secret", control_pin="9876",
                             gantries={"G1": {"name": "North", "auth_code": "recv-secret",
                                              "device_auth_code": "dev-secret"}})
    setup_file_log(tmp_path)
    try:
        logging.getLogger("gantry_monitor.test").error("the receiver fell over")
        for h in logging.getLogger().handlers:
            h.flush()
        text = diagnostics(settings, tmp_path, "listening on http://127.0.0.1:8080/monitor.do",
                           True)
    finally:
        close_file_log(tmp_path)
    for secret in ("global-secret", "9876", "recv-secret", "dev-secret"):
        assert secret not in text
    assert text.count(MASK) == 4
    for word in ("Python:", "Qt:", "PySide6:", "Gantry Monitor:", "OS:", str(tmp_path),
                 "listening on http://127.0.0.1:8080", 'name = "North"',
                 "the receiver fell over"):
        assert word in text, word


def test_copy_diagnostics_puts_them_on_the_clipboard(desktop):
    desktop.copy_diagnostics()
    text = QApplication.clipboard().text()
    assert text.startswith("Gantry Monitor diagnostics") and "listening on http" in text
    assert "123456" not in text  # the auth code, even the test one, is masked


def test_the_second_claimant_of_a_data_folder_hands_over(qtbot, tmp_path: Path):
    first = SingleInstance(tmp_path / "data")
    assert first.claim()
    try:
        shown = []
        first.show_requested.connect(lambda: shown.append(True))
        second = SingleInstance(tmp_path / "data")
        assert not second.claim()  # told the first one, which shows its window
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
        other = SingleInstance(tmp_path / "other-data")
        assert other.key != first.key and other.claim()
        other.close()
    finally:
        first.close()
    assert instance_key(tmp_path / "data") == instance_key(tmp_path / "data" / ".." / "data")
