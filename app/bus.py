"""A small in-process event bus: plain Python, called on the event loop's thread."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from typing import Any, TypeVar

log = logging.getLogger(__name__)
E = TypeVar("E")


class EventBus:
    def __init__(self) -> None:
        self._subscribers: dict[type, list[Callable[[Any], None]]] = defaultdict(list)

    def subscribe(self, event_type: type[E], handler: Callable[[E], None]) -> Callable[[], None]:
        """Call `handler(event)` for each published event of that type; returns an unsubscribe."""
        self._subscribers[event_type].append(handler)
        return lambda: self._subscribers[event_type].remove(handler)

    def publish(self, event: object) -> None:
        for handler in list(self._subscribers.get(type(event), ())):
            try:
                handler(event)
            except Exception:  # one broken subscriber must not stop the others or the receiver
                log.exception("event handler %r failed on %s", handler, type(event).__name__)
