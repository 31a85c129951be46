"""Bus events of the alarm engine."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Alarm

RAISED = "raised"
RERAISED = "reraised"  # back in alarm after clearing, before anyone acknowledged
CLEARED = "cleared"
ACKED = "acked"
SHELVED = "shelved"
UNSHELVED = "unshelved"
CLOSED = "closed"  # closed by another process (e.g. `gantry-monitor ack` while serving)


@dataclass(frozen=True)
class AlarmChanged:
    change: str
    alarm: Alarm

    @property
    def is_new(self) -> bool:
        """A fresh annunciation: the alarm (again) asks for attention."""
        return self.change in (RAISED, RERAISED)
