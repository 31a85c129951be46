"""Dialogs of the control panel: confirmation (with optional PIN), card whitelist editor,
battery-test report. All are shown with `open()` and awaited, so the asyncio loop keeps running.
"""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.control import BatteryReport, CardEntry, InvalidCommand
from app.control.cards import read_cards_csv, write_cards_csv


def _tr(text: str) -> str:
    return QCoreApplication.translate("Control", text)


async def ask(dialog: QDialog) -> bool:
    """Show a dialog window-modally and wait for it without blocking the loop."""
    done: asyncio.Future[int] = asyncio.get_running_loop().create_future()
    dialog.finished.connect(lambda r: done.done() or done.set_result(r))
    dialog.open()
    return await done == QDialog.DialogCode.Accepted


class ConfirmDialog(QDialog):
    """States gantry, cabinet and action in plain words; asks for the PIN when one is set."""

    def __init__(self, title: str, message: str, pin: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._pin = pin
        self.message = QLabel(message, self)
        self.message.setWordWrap(True)
        self.message.setMinimumWidth(360)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        self.pin_edit: QLineEdit | None = None
        self.error = QLabel("", self)
        self.error.setObjectName("controlError")
        self.error.setStyleSheet("color: #c62828;")
        if pin:
            form = QFormLayout()
            self.pin_edit = QLineEdit(self)
            self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
            form.addRow(_tr("Operator PIN:"), self.pin_edit)
            layout.addLayout(form)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(_tr("Send command"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(_tr("Cancel"),
                                                    QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setDefault(True)  # Enter must not send a command by accident
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _check(self) -> None:
        if self.pin_edit is not None and self.pin_edit.text() != self._pin:
            self.error.setText(_tr("Wrong PIN: the command was not sent."))
            self.pin_edit.clear()
            return
        self.accept()


class CardWhitelistDialog(QDialog):
    """Card id + expiry date table; import/export CSV; returns the cards on accept."""

    def __init__(self, cards: list[CardEntry] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_tr("Access-card whitelist"))
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([_tr("Card id"), _tr("Expires")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 200)
        self.error = QLabel("", self)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        add = QPushButton(_tr("Add card"), self)
        remove = QPushButton(_tr("Remove card"), self)
        self.import_button = QPushButton(_tr("Import CSV…"), self)
        self.export_button = QPushButton(_tr("Export CSV…"), self)
        add.clicked.connect(lambda: self.add_card(CardEntry("", date.today().replace(
            year=date.today().year + 1))))
        remove.clicked.connect(self._remove)
        self.import_button.clicked.connect(self._import)
        self.export_button.clicked.connect(self._export)
        row = QHBoxLayout()
        for b in (add, remove, self.import_button, self.export_button):
            row.addWidget(b)
        row.addStretch(1)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(_tr("Send to device…"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(_tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_tr("The device replaces its whole list with this one."), self))
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(480, 420)
        self.result_cards: list[CardEntry] = []
        for c in cards or []:
            self.add_card(c)

    def add_card(self, card: CardEntry) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setItem(r, 0, QTableWidgetItem(card.card_id))
        edit = QDateEdit(QDate(card.expires.year, card.expires.month, card.expires.day), self)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        self.table.setCellWidget(r, 1, edit)

    def cards(self) -> list[CardEntry]:
        out = []
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            d = self.table.cellWidget(r, 1).date()  # type: ignore[union-attr]
            out.append(CardEntry(item.text() if item else "", date(d.year(), d.month(), d.day())))
        return out

    def _remove(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for r in rows or ([self.table.rowCount() - 1] if self.table.rowCount() else []):
            self.table.removeRow(r)

    def import_csv(self, path: Path) -> bool:
        try:
            cards = read_cards_csv(path)
        except InvalidCommand as e:
            self.error.setText(_tr("Not imported: %1").replace("%1", str(e)))
            return False
        self.table.setRowCount(0)
        for c in cards:
            self.add_card(c)
        self.error.setText("")
        return True

    def export_csv(self, path: Path) -> bool:
        try:
            write_cards_csv(path, self.cards())
        except OSError as e:
            self.error.setText(_tr("Not exported: %1").replace("%1", str(e)))
            return False
        return True

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, _tr("Import card list"), "",
                                              _tr("CSV files (*.csv)"))
        if path:
            self.import_csv(Path(path))

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, _tr("Export card list"), "cards.csv",
                                              _tr("CSV files (*.csv)"))
        if path:
            self.export_csv(Path(path))

    def _check(self) -> None:
        from app.control.commands import card_whitelist

        try:
            self.result_cards = list(card_whitelist(self.cards()).cards)
        except InvalidCommand as e:
            self.error.setText(_tr("Not sent: %1").replace("%1", str(e)))
            return
        self.accept()


TEST_RESULTS = {1: "no result", 2: "battery normal", 3: "slightly abnormal",
                4: "seriously abnormal"}
END_COURSES = {1: "end voltage reached", 2: "test time reached", 3: "stopped by alarm",
               4: "stopped manually", 5: "stopped by fault alarm", 6: "battery charge too low",
               7: "battery temperature too low", 255: "other"}


def battery_words(table: dict[int, str], value: int | None) -> str:
    if value is None:
        return _tr("not reported")
    if value in table:
        return _tr(table[value])
    return _tr("unknown (%1)").replace("%1", str(value))


class BatteryReportDialog(QDialog):
    def __init__(self, where: str, report: BatteryReport, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_tr("Battery test result"))
        layout = QVBoxLayout(self)
        head = QLabel(where, self)
        head.setStyleSheet("font-weight: bold;")
        layout.addWidget(head)
        verdict = battery_words(TEST_RESULTS, report.result)
        self.verdict = QLabel(_tr("Result: %1").replace("%1", verdict), self)
        abnormal = report.result in (3, 4)
        self.verdict.setStyleSheet("font-size: 14pt; font-weight: bold;" + (
            " color: #c62828;" if report.result == 4 else " color: #b26a00;" if abnormal else ""))
        layout.addWidget(self.verdict)
        form = QFormLayout()

        def num(v: float | None, unit: str) -> str:
            return _tr("not reported") if v is None else f"{v:g} {unit}"

        rows = [
            (_tr("Test started"), report.start_time or _tr("not reported")),
            (_tr("Efficiency"), num(report.efficiency_percent, "%")),
            (_tr("Discharge time"), num(report.discharge_hours, "h")),
            (_tr("End-of-discharge voltage"), num(report.end_voltage, "V")),
            (_tr("Average discharge current"), num(report.average_current, "A")),
            (_tr("Discharged capacity"), num(report.discharged_ah, "Ah")),
            (_tr("Battery temperature"), num(report.temperature_c, "°C")),
            (_tr("How the test ended"), battery_words(END_COURSES, report.end_course)),
        ]
        self.values: dict[str, str] = {}
        for label, value in rows:
            v = QLabel(value, self)
            v.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label + ":", v)
            self.values[label] = value
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
