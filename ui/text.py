"""How readings and enumerations read on screen: units, no-value reasons, human sizes, times.

Every text goes through Qt's translator (context "Text") so the Chinese UI shows Chinese words.
"""

from __future__ import annotations

import math
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from app.protocol import NoValue, Reading


def fill(template: str, *args: str) -> str:
    """Put values into a translated template's %1, %2, … (translators may reorder them)."""
    for i in reversed(range(len(args))):  # %10 before %1
        template = template.replace(f"%{i + 1}", args[i])
    return template


def reason_text(reason: NoValue) -> str:
    """The operator's words for why a value is missing (PROTOCOL.md §5), wire name kept."""
    if reason is NoValue.NO_DATA:
        label = QCoreApplication.translate("Text", "no data")
    elif reason is NoValue.GET_FAILED:
        label = QCoreApplication.translate("Text", "read failed")
    elif reason is NoValue.NOT_SUPPORTED:
        label = QCoreApplication.translate("Text", "not supported")
    else:
        label = QCoreApplication.translate("Text", "empty")
    return f"{label} ({reason.value})" if reason is not NoValue.EMPTY else label


def number(r: Reading, unit: str = "", digits: int = 1) -> str:
    """A numeric reading with its unit, or the reason it has none."""
    if r.reason is not None:
        return reason_text(r.reason)
    v = r.value
    if isinstance(v, float) and not v.is_integer():
        s = f"{v:.{digits}f}"
        if unit == "%" and v < 100 <= float(s):  # 99.99 % of a disk is not "100.0%" full
            s = f"{math.floor(v * 10 ** digits) / 10 ** digits:.{digits}f}"
    elif isinstance(v, (int, float)):
        s = str(int(v))
    else:
        s = str(v)
    return f"{s} {unit}".rstrip() if unit not in ("%", "°C") else f"{s}{unit}"


def human_kib(r: Reading) -> str:
    """A size reported in KB as KB/MB/GB/TB (binary steps, as Windows shows disks)."""
    if r.reason is not None:
        return reason_text(r.reason)
    size = float(r.value or 0)
    for unit in ("KB", "MB", "GB", "TB"):
        if size < 1024 or unit == "TB":
            return f"{size:.0f} {unit}" if unit == "KB" else f"{size:.1f} {unit}"
        size /= 1024
    return ""  # unreachable


def choice(r: Reading, options: dict[int, str]) -> str:
    """An enumerated reading (0/1/...) as words; an unknown code shows as the code."""
    if r.reason is not None:
        return reason_text(r.reason)
    try:
        return options[int(r.value)]  # type: ignore[arg-type]
    except (KeyError, TypeError, ValueError):
        return QCoreApplication.translate("Text", "code %1").replace("%1", str(r.value))


def text_value(r: Reading) -> str:
    if r.reason is not None:
        return reason_text(r.reason)
    return str(r.value)


def warnings(r: Reading) -> list[str]:
    """The comma-separated alarm texts of a warningMsg / errorMsg reading (§7)."""
    if r.reason is not None or not r.value:
        return []
    text = str(r.value).replace("，", ",")
    return [w.strip() for w in text.split(",") if w.strip()]


def device_time(r: Reading) -> str:
    """A device time reading to the second (the milliseconds only matter for media lookups)."""
    if r.reason is not None:
        return reason_text(r.reason)
    return str(r.value)[:19]


def status_text(r: Reading) -> str:
    return choice(r, {0: QCoreApplication.translate("Text", "abnormal"),
                      1: QCoreApplication.translate("Text", "normal")})


def clock_time(ts: float) -> str:
    """A receive time (unix s) as local date and time."""
    if not ts:
        return QCoreApplication.translate("Text", "never")
    return datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M:%S")


def age(seconds: float) -> str:
    """How long ago, short: 12 s, 5 min, 3 h, 2 d."""
    s = max(0, int(seconds))
    if s < 120:
        return QCoreApplication.translate("Text", "%1 s ago").replace("%1", str(s))
    if s < 7200:
        return QCoreApplication.translate("Text", "%1 min ago").replace("%1", str(s // 60))
    if s < 172800:
        return QCoreApplication.translate("Text", "%1 h ago").replace("%1", str(s // 3600))
    return QCoreApplication.translate("Text", "%1 d ago").replace("%1", str(s // 86400))
