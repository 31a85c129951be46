"""Field values as they come off the wire (PROTOCOL.md §5).

Every uploaded field is a string on the wire and may carry an error value instead of its value.
A `Reading` keeps either a value or the reason there is none, so nothing is ever shown or
plotted as zero when the device did not supply it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator


class NoValue(str, Enum):
    """Why a field has no value."""

    NO_DATA = "NoData"  # not yet read (also: field absent in older firmware)
    GET_FAILED = "GetFailed"  # read failed
    NOT_SUPPORTED = "NotSupport"  # hardware cannot supply it
    EMPTY = "Empty"  # sent as ""


_ERROR_VALUES = {v.value: v for v in NoValue if v is not NoValue.EMPTY}


@dataclass(frozen=True, slots=True)
class Reading:
    value: float | int | str | None
    reason: NoValue | None = None

    @property
    def present(self) -> bool:
        return self.reason is None

    def __str__(self) -> str:
        return self.reason.value if self.reason else str(self.value)


NO_DATA = Reading(None, NoValue.NO_DATA)

TIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def _error_value(v: Any) -> Reading | None:
    if isinstance(v, Reading):
        return v
    if isinstance(v, str):
        s = v.strip()
        if s in _ERROR_VALUES:
            return Reading(None, _ERROR_VALUES[s])
    return None


def _scalar(v: Any) -> None:
    if isinstance(v, (dict, list)):
        raise ValueError(f"expected a value, got {'an object' if isinstance(v, dict) else 'an array'}")


def _number(v: Any) -> float:
    if isinstance(v, bool):
        return 1.0 if v else 0.0
    if isinstance(v, (int, float)):
        f = float(v)
    elif isinstance(v, str):
        try:
            f = float(v.strip())
        except ValueError:
            raise ValueError(f"expected a number, got {v!r}") from None
    else:
        raise ValueError(f"expected a number, got {v!r}")
    if not math.isfinite(f):
        raise ValueError(f"expected a finite number, got {v!r}")
    return f


def parse_number(v: Any) -> Reading:
    if (r := _error_value(v)) is not None:
        return r
    _scalar(v)
    if v is None or (isinstance(v, str) and not v.strip()):
        return Reading(None, NoValue.EMPTY)
    return Reading(_number(v))


def parse_integer(v: Any) -> Reading:
    r = parse_number(v)
    if r.reason is not None or isinstance(r.value, int):
        return r
    f = float(r.value)  # type: ignore[arg-type]
    if not f.is_integer():
        raise ValueError(f"expected a whole number, got {v!r}")
    return Reading(int(f))


def parse_text(v: Any) -> Reading:
    # "" is a real value for texts: an empty warning list means "no warnings".
    if (r := _error_value(v)) is not None:
        return r
    _scalar(v)
    if v is None:
        return Reading(None, NoValue.EMPTY)
    if isinstance(v, bool):
        return Reading("1" if v else "0")
    if isinstance(v, float) and v.is_integer():
        return Reading(str(int(v)))
    return Reading(str(v))


def parse_time(v: Any) -> Reading:
    """`yyyy-MM-dd HH:mm:ss.zzz` device local time; `.zzz` optional. Kept as normalised text."""
    if (r := _error_value(v)) is not None:
        return r
    _scalar(v)
    if v is None or (isinstance(v, str) and not v.strip()):
        return Reading(None, NoValue.EMPTY)
    if not isinstance(v, str):
        raise ValueError(f"expected a time 'yyyy-MM-dd HH:mm:ss.zzz', got {v!r}")
    s = v.strip().replace("T", " ")
    for fmt in (TIME_FORMAT, "%Y-%m-%d %H:%M:%S"):
        try:
            t = datetime.strptime(s, fmt)
        except ValueError:
            continue
        return Reading(t.strftime(TIME_FORMAT)[:-3])
    raise ValueError(f"expected a time 'yyyy-MM-dd HH:mm:ss.zzz', got {v!r}")


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
