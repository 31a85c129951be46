"""Remote control of field devices (PROTOCOL.md §8): commands, client, confirmation, audit."""

from .battery import BatteryReport
from .client import DEFAULT_TIMEOUT_S, ControlClient, ControlResult, FailureKind
from .commands import CardEntry, Command, ControlKind, InvalidCommand
from .service import (
    ControlOutcome,
    ControlProgress,
    ControlService,
    ControlTarget,
    NoControlAddress,
    Stage,
    control_target,
)

__all__ = [
    "DEFAULT_TIMEOUT_S",
    "BatteryReport",
    "CardEntry",
    "Command",
    "ControlClient",
    "ControlKind",
    "ControlOutcome",
    "ControlProgress",
    "ControlResult",
    "ControlService",
    "ControlTarget",
    "FailureKind",
    "InvalidCommand",
    "NoControlAddress",
    "Stage",
    "control_target",
]
