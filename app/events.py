"""Events published in-process after something happened (DESIGN.md "How data flows", step 3)."""

from __future__ import annotations

from dataclasses import dataclass

from app.protocol import StatusMessage


@dataclass(frozen=True)
class MessageStored:
    """An accepted status message, committed to the store."""

    message: StatusMessage
    received_at: float
    peer: str
    message_id: int


@dataclass(frozen=True)
class RequestRejected:
    gantry_id: str | None
    method: str | None
    code: str
    reason: str
    peer: str
    received_at: float


@dataclass(frozen=True)
class ReceiverState:
    """Where the receiver listens, or why it cannot."""

    listening: bool
    url: str
    error: str = ""  # one English sentence (logs, headless)
    problem: str = ""  # what kind of trouble, for the window to say in its language:
    params: tuple[tuple[str, str], ...] = ()  # see receiver.ReceiverError
