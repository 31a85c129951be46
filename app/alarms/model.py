"""What an alarm is: its source, severity, text (a template key + parameters) and life cycle.

Life cycle after ISA-18.2 / IEC 62682: raised (time, value) -> acknowledged (who, when, note) ->
cleared (time, value), in either order of the last two. An alarm leaves the active list only when
it is both acknowledged and cleared ("closed"). Shelving hides it for a chosen time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, IntEnum
from typing import Any, NamedTuple


class Severity(IntEnum):
    """Ordered: the worse of two is `max(a, b)`."""

    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4


# New alarms at or above this severity ask for attention (sound + tray notification).
ATTENTION = Severity.HIGH


class AlarmState(str, Enum):
    UNACKED = "unacknowledged"  # standing, not yet acknowledged
    ACKED = "acknowledged"  # standing, acknowledged
    CLEARED = "cleared"  # back to normal, still waiting for an acknowledgement
    CLOSED = "closed"  # acknowledged and back to normal: history only


class AlarmKey(NamedTuple):
    """The source of an alarm: at most one open alarm per key.

    A tuple: the rules make one per reading of every report, so it must be cheap to make."""

    gantry_id: str
    cabinet_id: int  # 0: the gantry itself or its computers
    kind: str  # device kind (DEVICE_MODELS) or "gantry"
    device_id: int
    condition: str  # "status", "warning:<text>", "temperature_high", ...

    @property
    def source_key(self) -> str:
        return "|".join((self.gantry_id, str(self.cabinet_id), self.kind, str(self.device_id),
                         self.condition))


@dataclass(frozen=True)
class Condition:
    """A rule's finding: this source is in alarm now."""

    key: AlarmKey
    severity: Severity
    text_key: str
    params: dict[str, Any] = field(default_factory=dict)
    value: str = ""  # the value that makes it abnormal, as text


@dataclass
class Alarm:
    id: int
    key: AlarmKey
    severity: Severity
    text_key: str
    params: dict[str, Any]
    raised_at: float
    raised_value: str = ""
    raise_count: int = 1
    last_raised_at: float = 0.0
    acked_at: float | None = None
    acked_by: str = ""
    ack_note: str = ""
    cleared_at: float | None = None
    cleared_value: str = ""
    shelved_until: float | None = None
    shelved_by: str = ""
    closed: bool = False

    @property
    def standing(self) -> bool:
        """The condition is still present."""
        return self.cleared_at is None

    @property
    def acked(self) -> bool:
        return self.acked_at is not None

    @property
    def state(self) -> AlarmState:
        if self.closed:
            return AlarmState.CLOSED
        if self.standing:
            return AlarmState.ACKED if self.acked else AlarmState.UNACKED
        return AlarmState.CLEARED

    def shelved(self, now: float) -> bool:
        return self.shelved_until is not None and self.shelved_until > now


def sort_key(a: Alarm) -> tuple:
    """Active list order: worst first, then newest first."""
    return (-int(a.severity), -(a.last_raised_at or a.raised_at), -a.id)


@dataclass(frozen=True)
class Badge:
    """What the tree shows next to a gantry or a cabinet."""

    count: int
    unacked: int
    severity: Severity | None  # worst open alarm


def badges(alarms: list[Alarm], now: float) -> dict[tuple[str, int | None], Badge]:
    """Open, unshelved alarms per gantry (key (gantry, None)) and per cabinet ((gantry, id))."""
    acc: dict[tuple[str, int | None], list[Alarm]] = {}
    for a in alarms:
        if a.closed or a.shelved(now):
            continue
        acc.setdefault((a.key.gantry_id, None), []).append(a)
        if a.key.cabinet_id:
            acc.setdefault((a.key.gantry_id, a.key.cabinet_id), []).append(a)
    return {k: Badge(len(v), sum(1 for a in v if not a.acked), max(a.severity for a in v))
            for k, v in acc.items()}
