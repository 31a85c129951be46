"""Field values as they come off the wire (PROTOCOL.md §5).

Every uploaded field is a string on the wire and may carry an error value instead of its value.
A `Reading` keeps either a value or the reason there is none, so nothing is ever shown or
plotted as zero when the device did not supply it.
"""

from __future__ import annotations

import re
from datetime import datetime
from enum import Enum
from typing import Annotated, Any, NamedTuple

from pydantic import PlainSerializer, PlainValidator


class NoValue(str, Enum):
    """Why a field has no value."""

    NO_DATA = "NoData"  # not yet read (also: field absent in older firmware)
    GET_FAILED = "GetFailed"  # read failed
    NOT_SUPPORTED = "NotSupport"  # hardware cannot supply it
    EMPTY = "Empty"  # sent as ""


_ERROR_VALUES = {v.value: v for v in NoValue if v is not NoValue.EMPTY}


class Reading(NamedTuple):
    """A value, or the reason there is none. A tuple: cheap to make, immutable, comparable."""

    value: float | int | str | None
    reason: NoValue | None = None

    @property
    def present(self) -> bool:
        return self.reason is None

    def __str__(self) -> str:
        return self.reason.value if self.reason else str(self.value)


NO_DATA = Reading(None, NoValue.NO_DATA)
_EMPTY = Reading(None, NoValue.EMPTY)

TIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f"
_TIME = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?")

# Devices send the same few strings ("0", "1", "220", "") over and over: memoise their readings.
_CACHE_LIMIT = 4096
_number_cache: dict[str, Reading] = {}
_integer_cache: dict[str, Reading] = {}
_time_cache: dict[str, Reading] = {}


def _error_value(v: Any) -> Reading | None:
    if isinstance(v, Reading):
        return v
    if isinstance(v, str):
        s = v.strip()
        if s in _ERROR_VALUES:
            return Reading(None, _ERROR_VALUES[s])
    return None


def _not_scalar(v: Any) -> ValueError:
    kind = "an object" if isinstance(v, dict) else "an array" if isinstance(v, list) else repr(v)
    return ValueError(f"expected a value, got {kind}")


def _slow_number(v: Any) -> Reading:
    if (r := _error_value(v)) is not None:
        return r
    if isinstance(v, bool):
        return Reading(1.0 if v else 0.0)
    if v is None or (isinstance(v, str) and not v.strip()):
        return _EMPTY
    if isinstance(v, (dict, list)):
        raise _not_scalar(v)
    if isinstance(v, (int, float)):
        f = float(v)
    elif isinstance(v, str):
        try:
            f = float(v)
        except ValueError:
            raise ValueError(f"expected a number, got {v!r}") from None
    else:
        raise ValueError(f"expected a number, got {v!r}")
    if f - f != 0:  # inf or nan
        raise ValueError(f"expected a finite number, got {v!r}")
    return Reading(f)


def parse_number(v: Any) -> Reading:
    if type(v) is str:
        r = _number_cache.get(v)
        if r is None:
            r = _slow_number(v)
            if len(_number_cache) < _CACHE_LIMIT:
                _number_cache[v] = r
        return r
    return _slow_number(v)


def _to_integer(r: Reading, v: Any) -> Reading:
    if r.reason is not None or isinstance(r.value, int):
        return r
    f = float(r.value)  # type: ignore[arg-type]
    if not f.is_integer():
        raise ValueError(f"expected a whole number, got {v!r}")
    return Reading(int(f))


def parse_integer(v: Any) -> Reading:
    if type(v) is str:
        r = _integer_cache.get(v)
        if r is None:
            r = _to_integer(parse_number(v), v)
            if len(_integer_cache) < _CACHE_LIMIT:
                _integer_cache[v] = r
        return r
    return _to_integer(parse_number(v), v)


def parse_text(v: Any) -> Reading:
    # "" is a real value for texts: an empty warning list means "no warnings".
    if type(v) is str and v not in _ERROR_VALUES:
        return Reading(v)
    if (r := _error_value(v)) is not None:
        return r
    if isinstance(v, (dict, list)):
        raise _not_scalar(v)
    if v is None:
        return _EMPTY
    if isinstance(v, bool):
        return Reading("1" if v else "0")
    if isinstance(v, float) and v.is_integer():
        return Reading(str(int(v)))
    return Reading(str(v))


def parse_time(v: Any) -> Reading:
    """`yyyy-MM-dd HH:mm:ss.zzz` device local time; `.zzz` optional. Kept as normalised text."""
    if type(v) is str:
        r = _time_cache.get(v)
        if r is None:
            r = _parse_time(v)
            if len(_time_cache) >= _CACHE_LIMIT:
                _time_cache.clear()  # change times move on; old ones are not asked again
            _time_cache[v] = r
        return r
    return _parse_time(v)


def _parse_time(v: Any) -> Reading:
    if (r := _error_value(v)) is not None:
        return r
    if isinstance(v, (dict, list)):
        raise _not_scalar(v)
    if v is None or (isinstance(v, str) and not v.strip()):
        return _EMPTY
    m = _TIME.fullmatch(v.strip()) if isinstance(v, str) else None
    if m is None:
        raise ValueError(f"expected a time 'yyyy-MM-dd HH:mm:ss.zzz', got {v!r}")
    y, mo, d, h, mi, s, frac = (int(g) if g and i < 6 else g for i, g in enumerate(m.groups()))
    try:
        datetime(y, mo, d, h, mi, s)  # range check: month 13, 25 o'clock, 30 February
    except ValueError:
        raise ValueError(f"expected a time 'yyyy-MM-dd HH:mm:ss.zzz', got {v!r}") from None
    ms = (frac or "0").ljust(3, "0")[:3]
    return Reading(f"{y:04d}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d}.{ms}")


def device_time(text: str) -> datetime:
    """A normalised time reading back to a naive local datetime."""
    return datetime.strptime(text, TIME_FORMAT)


def to_wire(r: Reading) -> str:
    """How a device writes the reading: always a string."""
    if r.reason is not None:
        return "" if r.reason is NoValue.EMPTY else r.reason.value
    v = r.value
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else f"{v:.2f}".rstrip("0").rstrip(".")
    return str(v)


_wire = PlainSerializer(to_wire, return_type=str)

Number = Annotated[Reading, PlainValidator(parse_number), _wire]
Integer = Annotated[Reading, PlainValidator(parse_integer), _wire]
Text = Annotated[Reading, PlainValidator(parse_text), _wire]
Time = Annotated[Reading, PlainValidator(parse_time), _wire]


def reading(value: float | str | None) -> Reading:
    """Shorthand used by the simulator and tests to build a present value."""
    return Reading(value)
