"""`gantry-monitor export`: history of some metrics of a gantry to CSV or XLSX.

    gantry-monitor export --gantry ID --metric thermohygrometer.temperature --metric ups.charge_percent:1
        [--cabinet 1] [--from 2025-05-01] [--to "2025-05-02 12:00"] [--format csv|xlsx]
        [--resolution auto|raw|hourly] [--out FILE]

A metric is KIND.FIELD, optionally :DEVICE (default 1); `--list-metrics` prints them all.
Times are the gantry's local time (its time_zone setting, else the PC's); --to defaults to now
and --from to 24 h before --to.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import sys
import time
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from app import gantry_time

from .catalogue import BY_KEY, METRICS, Series
from .retention import Retention
from .series import PLAUSIBLE_MAX, PLAUSIBLE_MIN

if TYPE_CHECKING:
    from app.config import Settings

FORMATS = ("csv", "xlsx")


class ExportError(Exception):
    """An empty result or a file that cannot be written: one sentence for the user."""


class ExportUsageError(ExportError):
    """An option given wrongly (exit code 2, as argparse's own): one sentence."""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gantry", help="gantry id")
    p.add_argument("--metric", action="append", default=[], metavar="KIND.FIELD[:DEVICE]",
                   help="metric to export (repeatable), e.g. ups.charge_percent:1")
    p.add_argument("--cabinet", type=int, default=1, help="cabinet number (default 1)")
    p.add_argument("--from", dest="start",
                   help="start, the gantry's local time (YYYY-MM-DD[ HH:MM[:SS[.mmm]]])")
    p.add_argument("--to", dest="end", help="end, the gantry's local time (default: now); a"
                   " date alone means the end of that day")
    p.add_argument("--format", choices=FORMATS, help="csv or xlsx (default: from --out, else csv)")
    p.add_argument("--resolution", choices=("auto", "raw", "hourly"), default="auto",
                   help="raw reports, hourly min/mean/max, or auto by the range (as the chart)")
    p.add_argument("--out", type=Path, help="output file (default: standard output for CSV)")
    p.add_argument("--list-metrics", action="store_true", help="print the metric names and exit")


_DATE_ONLY = "%Y-%m-%d"
_END_OF_DAY_S = 1e-3  # before the next midnight: queries include their upper bound
# The protocol's own "yyyy-MM-dd HH:mm:ss.zzz" (PROTOCOL.md §5) among them.
_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M",
                 "%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", _DATE_ONLY)


def parse_time(text: str, tz: tzinfo | None = None, end_of_day: bool = False) -> float:
    """A wall-clock time in zone `tz` (None: the PC's) as unix time; with `end_of_day`, a date
    alone is the end of that day (`--to 2026-12-04`: all of the 4th, not the next midnight's
    report or hour). Year 1 and 9999 are -inf and inf (no zone arithmetic takes them)."""
    for fmt in _TIME_FORMATS:
        try:
            wall = datetime.strptime(text.strip(), fmt)
        except ValueError:
            continue
        try:
            if fmt == _DATE_ONLY and end_of_day:
                return gantry_time.epoch(wall + timedelta(days=1), tz) - _END_OF_DAY_S
            return gantry_time.epoch(wall, tz)
        except (ValueError, OverflowError, OSError):
            return -math.inf if wall.year < 2000 else math.inf
    raise ExportUsageError(f"Cannot read the time {text!r}: use YYYY-MM-DD or"
                           " 'YYYY-MM-DD HH:MM'.")


def parse_series(gantry: str, spec: str, cabinet: int) -> Series:
    key, _, dev = spec.partition(":")
    if key not in BY_KEY:
        raise ExportUsageError(f"Unknown metric {key!r}; see --list-metrics.")
    try:
        device = int(dev) if dev else 1
    except ValueError:
        raise ExportUsageError(f"The device number in {spec!r} is not a number.") from None
    m = BY_KEY[key]
    return Series(gantry, m, None if m.scope == "computer" else cabinet, device)


def _nothing_to_export(known: bool, args: argparse.Namespace, t0: float, t1: float,
                       tz: tzinfo | None) -> str:
    """Why an export found no values, in one sentence (an empty file would say nothing)."""
    if not known:
        return f"Gantry {args.gantry} has never reported to this data folder."
    span = " to ".join(gantry_time.local(t, tz).strftime("%Y-%m-%d %H:%M") for t in (t0, t1))
    metrics = ", ".join(args.metric)
    return (f"No values of {metrics} for gantry {args.gantry} (cabinet {args.cabinet}) from"
            f" {span}: check the cabinet, the device number and the time range.")


def run(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    if args.list_metrics:
        for m in METRICS:
            print(f"{m.key:36} {m.unit:8} {m.label}")
        return 0
    if not args.gantry or not args.metric:
        raise ExportUsageError("export needs --gantry ID and at least one --metric.")
    from app.store import Store, queries

    from .export import csv_cell, table, write  # numpy and openpyxl only when exporting
    from .series import Source, choose_source

    tz = settings.gantry_zone(args.gantry)
    t1 = parse_time(args.end, tz, end_of_day=True) if args.end else time.time()
    t0 = parse_time(args.start, tz) if args.start else min(t1, PLAUSIBLE_MAX) - 86400
    if t0 >= t1:
        raise ExportUsageError("--from must be before --to.")
    # Stored times lie within PLAUSIBLE_MIN..MAX: "from 1990" or year 1 means from the start.
    t0, t1 = max(t0, PLAUSIBLE_MIN), min(t1, PLAUSIBLE_MAX)
    series = [parse_series(args.gantry, s, args.cabinet) for s in args.metric]
    if args.out is not None and args.out.is_dir():
        raise ExportUsageError(f"{args.out} is a folder: give --out a file name, such as"
                               f" {args.out / 'export.csv'}.")
    fmt = args.format or (args.out.suffix.lstrip(".").lower() if args.out else "csv")
    if fmt not in FORMATS:
        # --format is one of FORMATS (argparse): the file name's ending decided.
        raise ExportUsageError(f"Cannot tell the format from the file name {args.out}: end it"
                               " in .csv or .xlsx, or give --format csv|xlsx.")
    if fmt == "xlsx" and args.out is None:
        raise ExportUsageError("XLSX needs --out FILE.")
    if args.resolution == "auto":
        source = choose_source(t0, t1, time.time(), Retention.from_settings(settings).raw_keep_s)
    else:
        source = Source(args.resolution)
    store = Store(data_dir)
    if not store.path.exists():
        raise ExportError(f"No history database in {data_dir}.")
    store.open()
    try:
        header, rows = asyncio.run(store.read(table, series, t0, t1, source, tz))
        known = args.gantry in {g["gantry_id"] for g in store.read_sync(queries.gantries)}
    finally:
        store.close()
    if not rows:
        raise ExportError(_nothing_to_export(known, args, t0, t1, tz))
    if args.out is None:
        import csv

        out = csv.writer(sys.stdout)
        out.writerow(header)
        out.writerows([[csv_cell(c) for c in r] for r in rows])
    else:
        try:
            write(args.out, header, rows, fmt)
        except OSError as e:
            raise ExportError(f"Cannot write {args.out}: {e.strerror or e}.") from e
        print(f"{len(rows)} rows ({source.value}) written to {args.out}", file=sys.stderr)
    return 0
