"""The one adapter from the app's event bus to Qt signals (DESIGN.md "How data flows", step 3).

Bus handlers run on the asyncio loop, which qasync runs on the Qt main thread, so signals are
emitted directly; widgets never subscribe to the bus themselves.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Signal

from app.bus import EventBus
from app.events import MessageStored, ReceiverState, RequestRejected
from ui.status import receiver_problem_text


class Bridge(QObject):
    message_stored = Signal(str, float)  # gantry id, receive time
    request_rejected = Signal(str, str)  # code, reason
    receiver_state = Signal(bool, str, str)  # listening, url, error (in the UI's language)

    def __init__(self, bus: EventBus, parent: QObject | None = None):
        super().__init__(parent)
        self.last_commit = 0.0  # perf_counter of the newest MessageStored (latency benchmark)
        self._unsubscribe = [
            bus.subscribe(MessageStored, self._stored),
            bus.subscribe(RequestRejected, self._rejected),
            bus.subscribe(ReceiverState, self._receiver),
        ]

    def close(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe = []

    def _stored(self, e: MessageStored) -> None:
        self.last_commit = time.perf_counter()
        self.message_stored.emit(e.message.gantry_id, e.received_at)

    def _rejected(self, e: RequestRejected) -> None:
        self.request_rejected.emit(e.code, e.reason)

    def _receiver(self, e: ReceiverState) -> None:
        self.receiver_state.emit(e.listening, e.url,
                                 receiver_problem_text(e.problem, dict(e.params), e.error))
