"""The gantry's industrial PCs: role, CPU, memory, disks, network, temperature, IP."""

from __future__ import annotations

import time

from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.fleet import GantryState
from app.protocol import Computer, Reading
from ui import style, text
from ui.tree import computer_role


def _usage_of(usage: Reading, size: Reading) -> str:
    """"45.2% of 931.5 GB": usage and size, each with its own no-value reason."""
    return f"{text.number(usage, '%')} / {text.human_kib(size)}"


class ComputersView(QWidget):
    COLUMNS = 9

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.header = QLabel(self)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Computer"), self.tr("IP"), self.tr("CPU"), self.tr("CPU temperature"),
            self.tr("Memory (used / size)"), self.tr("System disk (used / size)"),
            self.tr("Data disk (used / size)"), self.tr("Network"), self.tr("State")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.table)
        self.show_gantry(None)

    def show_gantry(self, g: GantryState | None, online: bool = False) -> None:
        if g is None or not g.computers:
            self.header.setText(self.tr("No computer report received yet."))
            self.table.setRowCount(0)
            return
        when = text.clock_time(g.computers_reported_at)
        ago = text.age(time.time() - g.computers_reported_at)
        head = self.tr("Gantry %1 — computers reported %2 (%3)").replace(
            "%1", g.name or g.gantry_id).replace("%2", when).replace("%3", ago)
        if not online:
            head += " — " + self.tr("gantry offline: last known values")
        self.header.setText(head)
        self.table.setRowCount(len(g.computers))
        for row, pc in enumerate(g.computers):
            self._row(row, pc, online)

    def _row(self, row: int, pc: Computer, online: bool) -> None:
        cells = [
            computer_role(pc.is_monitor_computer.value, pc.is_main_computer.value, pc.id),
            text.text_value(pc.ip),
            text.number(pc.cpu_usage, "%"),
            text.number(pc.cpu_temperature, "°C"),
            _usage_of(pc.memory_usage, pc.memory_size),
            _usage_of(pc.sys_disk_usage, pc.sys_disk_size),
            _usage_of(pc.data_disk_usage, pc.data_disk_size),
            text.number(pc.net_usage, "%"),
            self.tr("online") if online else "○ " + self.tr("offline"),
        ]
        for col, value in enumerate(cells):
            item = self.table.item(row, col)
            if item is None:
                item = QTableWidgetItem()
                self.table.setItem(row, col, item)
            item.setText(value)
            item.setForeground(QBrush(style.TEXT if online else style.MUTED_TEXT))

    def cell(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text() if item else ""
