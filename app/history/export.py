"""Export of history to CSV (UTF-8 with BOM, so Excel reads the units) or XLSX (openpyxl).

One row per report time (raw) or per hour (hourly: min / mean / max columns per series); times
in the gantry's local time (its configured zone, else the PC's), the zone and UTC offset in the
header; a missing value is written as its reason (e.g. GetFailed), never as 0.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path

import sqlite_utils

from app import gantry_time

from .catalogue import Series
from .rollups import hourly
from .series import Source, raw_rows

FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class HeaderWords:
    """How the header reads: English here (the CLI); the window passes its language's."""

    time: str = "Local time ({zone})"
    raw: str = "{name} ({unit})"
    hourly: tuple[str, str, str] = ("{name} hourly min ({unit})", "{name} hourly mean ({unit})",
                                    "{name} hourly max ({unit})")
    name: Callable[[Series], str] = Series.english_label
    unit: Callable[[str], str] = str


def table(db: sqlite_utils.Database, series: list[Series], t0: float, t1: float,
          source: Source, tz: tzinfo | None = None, words: HeaderWords | None = None
          ) -> tuple[list[str], list[list[object]]]:
    """Reader query: (header, rows); each row starts with the naive wall-clock time in the
    gantry's zone `tz` (None: the PC's)."""
    w = words or HeaderWords()
    header = [w.time.format(zone=gantry_time.describe(tz, t1 if t1 < 4e9 else 0))]
    cells: dict[float, dict[int, object]] = {}
    width = 1 if source is Source.RAW else 3
    for i, s in enumerate(series):
        name, unit = w.name(s), w.unit(s.metric.unit)
        if source is Source.RAW:
            header.append(w.raw.format(name=name, unit=unit))
            for ts, value, no_value in raw_rows(db, s, t0, t1):
                if value is None:
                    value = (json.loads(no_value).get(s.metric.field) if no_value else None) \
                        or "NoData"
                cells.setdefault(ts, {})[i * width] = value
        else:
            header += [h.format(name=name, unit=unit) for h in w.hourly]
            for r in hourly(db, s, t0, t1):
                row = cells.setdefault(float(r.hour), {})
                row[i * width], row[i * width + 1], row[i * width + 2] = r.min, r.mean, r.max
    rows: list[list[object]] = []
    for ts in sorted(cells):
        row: list[object] = [gantry_time.local(ts, tz).replace(microsecond=0)]
        values = cells[ts]
        row += [values.get(j, "") for j in range(width * len(series))]
        rows.append(row)
    return header, rows


def write(path: Path, header: list[str], rows: list[list[object]], fmt: str | None = None) -> Path:
    """Write the table as CSV or XLSX (by `fmt`, else by the file's suffix)."""
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".") or "csv").lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: csv or xlsx")
    if fmt == "csv":
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            out = csv.writer(f)
            out.writerow(header)
            for row in rows:
                out.writerow([csv_cell(c) for c in row])
        return path
    from openpyxl import Workbook  # only needed here

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("history")
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def csv_cell(c: object) -> object:
    """A cell as CSV text: local time to the second; numbers with every digit a device can
    send (a cumulative energy of 1234567.8 kWh stays that, not 1.23457e+06) but without the
    float noise of computed means (17.370000000000005 -> 17.37)."""
    if isinstance(c, datetime):
        return c.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(c, float):
        return f"{c:.15g}"
    return c
