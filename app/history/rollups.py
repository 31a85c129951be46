"""Hourly rollups: min / max / sum / count of every catalogue reading, per device and hour.

Computed incrementally on the store's writer: each task folds the next few thousand history rows
(by rowid, so late or out-of-order reports are counted exactly once) into `metric_rollups` and
moves the table's cursor in `history_progress` in the same transaction, so an interrupted run
resumes where it stopped. Readings without a value (a no-value reason) are NULL and not counted:
an hour with no value at all has no rollup row and shows as a gap.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from functools import cache

import sqlite_utils

from app.store.schema import HISTORY_TABLES

from .catalogue import Series, fields_by_kind

HOUR = 3600
BATCH_ROWS = 500  # rows per writer task: ~5 ms here; 2000 took 20-30 ms and showed in p99


def cursor_name(kind: str) -> str:
    return f"rollup:{HISTORY_TABLES[kind]}"


def rolled_up_to(conn: sqlite3.Connection | sqlite_utils.Database, kind: str) -> int:
    """The last history rowid of `kind` already folded into the rollups."""
    row = conn.execute("SELECT value FROM history_progress WHERE name = ?",
                       [cursor_name(kind)]).fetchone()
    return int(row[0]) if row else 0


@cache
def _fold_sql(kind: str, field: str) -> str:
    table, col = HISTORY_TABLES[kind], f"[{field}]"
    return (
        "INSERT INTO metric_rollups"
        " (gantry_id, cabinet_id, kind, device_id, field, hour, n, min, max, total)"
        f" SELECT gantry_id, IFNULL(cabinet_id, 0) AS cab, '{kind}', device_id, '{field}',"
        f"  CAST(ts / {HOUR} AS INTEGER) * {HOUR} AS h, COUNT({col}), MIN({col}), MAX({col}),"
        f"  SUM({col}) FROM [{table}]"
        f" WHERE rowid > ? AND rowid <= ? AND {col} IS NOT NULL"
        " GROUP BY gantry_id, cab, device_id, h"
        " ON CONFLICT (gantry_id, cabinet_id, kind, device_id, field, hour) DO UPDATE SET"
        "  n = n + excluded.n, min = MIN(min, excluded.min), max = MAX(max, excluded.max),"
        "  total = total + excluded.total"
    )


def fold_batch(conn: sqlite3.Connection, kind: str, batch: int = BATCH_ROWS) -> int:
    """Writer task: fold up to `batch` new rows of one history table; returns how many."""
    table = HISTORY_TABLES[kind]
    start = rolled_up_to(conn, kind)
    end, count = conn.execute(
        f"SELECT MAX(rowid), COUNT(*) FROM (SELECT rowid FROM [{table}] WHERE rowid > ?"
        " ORDER BY rowid LIMIT ?)", [start, batch]).fetchone()
    if not count:
        return 0
    for field in fields_by_kind()[kind]:
        conn.execute(_fold_sql(kind, field), [start, end])
    conn.execute("INSERT INTO history_progress (name, value) VALUES (?, ?)"
                 " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                 [cursor_name(kind), end])
    return int(count)


def rolled_kinds() -> tuple[str, ...]:
    return tuple(fields_by_kind())


# -- reading ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class HourRow:
    hour: int  # start of the hour, unix s
    n: int
    min: float
    mean: float
    max: float


def hourly(db: sqlite_utils.Database, series: Series, t0: float, t1: float) -> list[HourRow]:
    """Rollups of one series for the hours overlapping [t0, t1], oldest first."""
    rows = db.execute(
        "SELECT hour, n, min, total, max FROM metric_rollups WHERE gantry_id = ?"
        " AND cabinet_id = ? AND kind = ? AND device_id = ? AND field = ?"
        " AND hour BETWEEN ? AND ? ORDER BY hour",
        [series.gantry_id, series.cabinet_id or 0, series.metric.kind, series.device_id,
         series.metric.field, int(t0 // HOUR) * HOUR, t1],
    ).fetchall()
    return [HourRow(int(h), n, lo, total / n, hi) for h, n, lo, total, hi in rows]
