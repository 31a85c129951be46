"""The status bar: where the receiver listens (or, in red, why not), gantries online, last hour."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from app.fleet import Fleet
from app.protocol import ResultCode
from app.store import queries

log = logging.getLogger(__name__)
Reader = Callable[..., Awaitable[Any]]


def _t(text: str) -> str:
    return QCoreApplication.translate("StatusBar", text)


def receiver_problem_text(problem: str, params: dict[str, str], fallback: str) -> str:
    """Why the receiver is not running, in the operator's language (receiver.ReceiverError);
    a problem without a text of its own reads as the receiver's English sentence."""
    texts = {
        "port_in_use": (_t("Port %1 is already in use by another program (%2)."),
                        ("port", "where")),
        "no_permission": (_t("No permission to listen on %1; choose a port above 1024."),
                          ("where",)),
        "cannot_listen": (_t("Cannot listen on %1: %2."), ("where", "detail")),
        "tls_no_key": (_t("A TLS certificate is set but no key file: set the key file too."),
                       ()),
        "tls_cannot_load": (_t("Cannot load the TLS certificate or key (%1): %2"),
                            ("cert", "detail")),
        "disk_failed": (_t("Writing to the disk failed (%1): nothing more is stored until"
                           " a restart."), ("detail",)),
        "stopped": (_t("stopped"), ()),
    }
    if problem not in texts:
        return fallback
    text, names = texts[problem]
    for i, name in enumerate(names, 1):
        text = text.replace(f"%{i}", params.get(name, ""))
    return text


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.receiver = QLabel(self.tr("Receiver starting…"), self)
        self.online = QLabel(self)
        self.traffic = QLabel(self)
        self.addWidget(self.receiver, 1)
        self.addPermanentWidget(self.online)
        self.addPermanentWidget(self.traffic)
        self.reader: Reader | None = None
        self.counts: dict[str, int] = {}
        self._loading: asyncio.Future | None = None

    def set_receiver(self, listening: bool, where: str, error: str) -> None:
        if listening:
            self.receiver.setObjectName("")
            self.receiver.setText(self.tr("Receiving on %1").replace("%1", where))
        else:
            self.receiver.setObjectName("receiverError")
            self.receiver.setText("✗ " + self.tr("Receiver not running: %1").replace(
                "%1", error or self.tr("stopped")))
        # Re-apply the style sheet: the error look hangs on the object name.
        self.receiver.setStyleSheet("color: #c62828; font-weight: bold;" if not listening else "")

    def set_online(self, fleet: Fleet, now: float) -> None:
        total = len(fleet.gantries)
        up = sum(1 for g in fleet.gantries.values() if g.online(now))
        self.online.setText(self.tr("Gantries online: %1 / %2").replace("%1", str(up)).replace(
            "%2", str(total)))

    def refresh_counts(self) -> None:
        """Ask the store for the last hour's answers (off the GUI thread), one query at a time."""
        if self.reader is None or (self._loading is not None and not self._loading.done()):
            return
        self._loading = asyncio.ensure_future(self._load_counts())

    async def _load_counts(self) -> None:
        assert self.reader is not None
        try:
            counts = await self.reader(queries.request_counts, time.time() - 3600)
        except Exception as e:
            log.warning("request count query failed: %s", e)
            return
        self.show_counts(counts)

    def show_counts(self, counts: dict[str, int]) -> None:
        self.counts = counts
        ok = counts.get(ResultCode.OK.value, 0)
        bad = sum(n for code, n in counts.items() if code != ResultCode.OK.value)
        self.traffic.setText(self.tr("Last hour: %1 accepted, %2 rejected").replace(
            "%1", str(ok)).replace("%2", str(bad)))
