"""Gantry local time (PROTOCOL.md §5).

Devices write times (door change times, capture times) in the gantry's local time, without a
zone. Which zone that is can be set, for all gantries and per gantry; empty means the
workstation's own zone, which is right whenever the PC and the gantries share a clock setting.
Charts, exports and "open since" times convert with it so they read as the gantry's clock does.
"""

from __future__ import annotations

import functools
from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

WORKSTATION = ""  # the setting's value for "the workstation's zone"


@functools.cache
def zone(name: str) -> tzinfo | None:
    """The IANA zone called `name` ("Asia/Shanghai"); None for "" (the workstation's).

    Raises ValueError with one sentence when there is no such zone."""
    name = name.strip()
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{name!r} is not a time zone name such as Asia/Shanghai "
                         f"(leave it empty for this PC's zone)") from None


def check_zone_name(name: str) -> str:
    """A settings validator: the name stripped, or ValueError."""
    zone(name)
    return name.strip()


@functools.cache
def zone_names() -> list[str]:
    """Every zone name this machine (or the bundled tzdata) knows, sorted: for pickers."""
    return sorted(available_timezones())


def local(ts: float, tz: tzinfo | None) -> datetime:
    """The naive wall-clock time of unix time `ts` in zone `tz` (None: the workstation's)."""
    if tz is None:
        return datetime.fromtimestamp(ts)
    return datetime.fromtimestamp(ts, tz).replace(tzinfo=None)


def epoch(wall: datetime, tz: tzinfo | None) -> float:
    """Unix time of a naive wall-clock time read in zone `tz` (None: the workstation's)."""
    return wall.replace(tzinfo=tz).timestamp() if tz is not None else wall.timestamp()


def offset_seconds(ts: float, tz: tzinfo | None) -> int:
    """The zone's offset east of UTC at `ts`, in seconds (daylight saving included)."""
    aware = datetime.fromtimestamp(ts, tz) if tz is not None else datetime.fromtimestamp(
        ts).astimezone()
    off = aware.utcoffset()
    return int(off.total_seconds()) if off is not None else 0


def offset_label(ts: float, tz: tzinfo | None) -> str:
    """"UTC+08:00" for the zone at `ts`."""
    off = offset_seconds(ts, tz)
    sign, off = ("-" if off < 0 else "+"), abs(off)
    return f"UTC{sign}{off // 3600:02d}:{off % 3600 // 60:02d}"


def describe(tz: tzinfo | None, ts: float) -> str:
    """The zone as a header or label says it: "Asia/Shanghai, UTC+08:00"; the PC's own
    zone by its offset only ("UTC+08:00")."""
    return f"{tz}, {offset_label(ts, tz)}" if tz is not None else offset_label(ts, tz)
