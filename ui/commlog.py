"""The communication log: recent requests with code and reason; a selected one's raw JSON.

Reads go through the store's reader threads (`await store.read(...)`), never the GUI thread.
"""

from __future__ import annotations

import asyncio
import json
import logging
import zlib
from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.protocol import ResultCode, logged_payload
from app.store import queries
from ui import style, text

log = logging.getLogger(__name__)
Reader = Callable[..., Awaitable[Any]]  # Store.read
ROWS = 500


def code_text(code: str) -> str:
    try:
        return f"{code} {ResultCode(code).text}"
    except ValueError:
        return code  # HTTP status codes (413) and the like


class CommLogView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.reader: Reader | None = None
        self.rows: list[dict[str, Any]] = []
        self.dirty = True
        self._loading: asyncio.Future | None = None
        self.rejected_only = QCheckBox(self.tr("Rejected requests only"), self)
        self.summary = QLabel(self)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Gantry"), self.tr("Peer"),
                                              self.tr("Method"), self.tr("Code"),
                                              self.tr("Reason")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.body = QPlainTextEdit(self)
        self.body.setReadOnly(True)
        self.body.setPlaceholderText(self.tr("Select a request to see its raw JSON body."))
        self.body.setFont(QFont("monospace"))
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.body)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.splitter = split
        top = QHBoxLayout()
        top.addWidget(self.rejected_only)
        top.addStretch(1)
        top.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split)
        self.rejected_only.toggled.connect(lambda _on: self.mark_dirty())
        self.table.currentCellChanged.connect(lambda row, *_: self._show_body(row))

    def set_reader(self, reader: Reader | None) -> None:
        self.reader = reader
        self.mark_dirty()

    def mark_dirty(self) -> None:
        self.dirty = True

    def refresh_if_dirty(self) -> None:
        """Called from the window's timer: one query at a time, only while visible."""
        if not self.dirty or self.reader is None or not self.isVisible():
            return
        if self._loading is not None and not self._loading.done():
            return
        self.dirty = False
        self._loading = asyncio.ensure_future(self.load())

    async def load(self) -> None:
        if self.reader is None:
            return
        try:
            rows = await self.reader(queries.comm_log, 0, ROWS, None,
                                     self.rejected_only.isChecked())
        except Exception as e:  # a closed store at shutdown, a locked file: say it, keep going
            log.warning("communication log query failed: %s", e)
            return
        self._fill(rows)

    def _fill(self, rows: list[dict[str, Any]]) -> None:
        selected = self.selected_id()
        self.rows = rows
        self.table.setUpdatesEnabled(False)
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            ok = r["code"] == ResultCode.OK.value
            cells = [text.clock_time(r["ts"]), r["gantry_id"] or "-", r["peer"] or "-",
                     r["method"] or "-", ("✓ " if ok else "✗ ") + code_text(r["code"]),
                     r["reason"] or ""]
            for col, value in enumerate(cells):
                item = self.table.item(i, col)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(i, col, item)
                item.setText(value)
                item.setForeground(QBrush(style.TEXT if ok else style.ALARM))
        self.table.setUpdatesEnabled(True)
        n_bad = sum(1 for r in rows if r["code"] != ResultCode.OK.value)
        self.summary.setText(self.tr("%1 requests shown, %2 rejected").replace(
            "%1", str(len(rows))).replace("%2", str(n_bad)))
        if selected is not None:
            for i, r in enumerate(rows):
                if r["id"] == selected:
                    self.table.selectRow(i)
                    break

    def selected_id(self) -> int | None:
        row = self.table.currentRow()
        return self.rows[row]["id"] if 0 <= row < len(self.rows) else None

    def _show_body(self, row: int) -> None:
        if not 0 <= row < len(self.rows) or self.reader is None:
            return
        asyncio.ensure_future(self._load_body(self.rows[row]["id"]))

    async def _load_body(self, log_id: int) -> None:
        assert self.reader is not None
        try:
            body = await self.reader(queries.comm_log_body, log_id)
        except Exception as e:
            self.body.setPlainText(self.tr("Cannot read the request: %1").replace("%1", str(e)))
            return
        if log_id != self.selected_id():
            return  # the operator moved on while it loaded
        self.body.setPlainText(raw_text(body) if body else self.tr("(empty body)"))


SHOW_LIMIT = 64 * 1024  # bytes of a body shown: one line of 256 KB took 3.7 s to lay out


def raw_text(body: bytes) -> str:
    """The body as received, indented when it is JSON (only re-laid out, never interpreted);
    a gzip body (PROTOCOL.md §2) is shown unpacked. Anyone who reaches the port can have a
    body logged, so no more than SHOW_LIMIT bytes are unpacked or shown."""
    try:
        body = logged_payload(body, SHOW_LIMIT)
    except (ValueError, zlib.error) as e:  # not valid gzip, or too big: its bytes say nothing
        return QCoreApplication.translate(
            "CommLogView", "(a gzip body of %1 bytes, not unpacked: %2)").replace(
            "%1", str(len(body))).replace("%2", str(e))
    if len(body) > SHOW_LIMIT:
        rest = len(body) - SHOW_LIMIT
        s = body[:SHOW_LIMIT].decode("utf-8", errors="replace")
        more = QCoreApplication.translate("CommLogView", "… (%1 more bytes not shown)")
        return s + "\n" + more.replace("%1", str(rest))
    s = body.decode("utf-8", errors="replace")
    try:
        s = json.dumps(json.loads(s), ensure_ascii=False, indent=2)
    except ValueError:
        pass
    return s
