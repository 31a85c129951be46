"""Retention: raw history older than the raw period and rollups older than the rollup period go,
in small batches on the store's writer, so receiving is never held up for long.

What goes:
1. raw `<kind>_history` rows older than the raw period, but only rows already folded into the
   rollups (a row is never lost before its hour is summarised). Door reports are kept where
   they mark an opening or closing (a report showing a door open, and the report after one),
   until the rollup period ends: doors have no rollup, and a year's trend still marks every
   opening (a few rows each);
2. the raw bodies in `comm_log` older than the raw period (accepted and rejected requests): the
   body is set to NULL, the row itself (time, peer, code, reason, size) stays. Exception: the
   body of each gantry's / cabinet's newest message, from which the fleet's latest state is
   rebuilt at start;
3. `metric_rollups` rows older than the rollup period.
Kept: the `messages` and `comm_log` rows themselves (a few dozen bytes each): SQLite checks a
foreign key on delete by scanning the child tables, and the history tables deliberately have no
index on `message_id` (it would cost every insert), so deleting them would scan millions of rows
per batch. Never touched: control_audit, alarms, alarm_actions, event_log, gantries, captures.
Freed pages are reused by new rows; the file does not shrink (no VACUUM on a live database).

Each writer task deletes or updates at most BATCH_ROWS rows found through an index or a cursor,
so a batch costs the same however big the tables are.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

import sqlite_utils

from app.store.schema import HISTORY_TABLES

from .rollups import rolled_kinds, rolled_up_to

BATCH_ROWS = 500  # rows per writer task, so a purge never holds receiving up for long
DAY = 86400.0
# A door report that can go: it shows no door open (a missing value counts as not open, as in
# `series.door_changes`) and neither does the report before it (else it shows the closing).
_OPEN = "(IFNULL({t}front_door_closed, 1) = 0 OR IFNULL({t}back_door_closed, 1) = 0)"
_DOOR_REPORT_GOES = (
    f"NOT {_OPEN.format(t='h.')} AND NOT IFNULL((SELECT {_OPEN.format(t='p.')}"
    " FROM doors_history p WHERE p.gantry_id = h.gantry_id AND p.cabinet_id IS h.cabinet_id"
    " AND p.device_id = h.device_id AND p.ts < h.ts ORDER BY p.ts DESC LIMIT 1), 0)")


@dataclass(frozen=True)
class Retention:
    raw_keep_s: float = 90 * DAY
    rollup_keep_s: float = 5 * 365.25 * DAY

    @classmethod
    def from_settings(cls, settings: object) -> Retention:
        """From `Settings.raw_history_days` / `rollup_history_years`."""
        return cls(float(getattr(settings, "raw_history_days", 90.0)) * DAY,
                   float(getattr(settings, "rollup_history_years", 5.0)) * 365.25 * DAY)

    def raw_cutoff(self, now: float) -> float:
        return now - self.raw_keep_s

    def rollup_cutoff(self, now: float) -> float:
        return now - self.rollup_keep_s


@dataclass
class PurgeCounts:
    history: int = 0
    comm_log: int = 0  # log rows whose raw body was dropped
    rollups: int = 0
    by_table: dict[str, int] = field(default_factory=dict)


def history_sources(db: sqlite_utils.Database | sqlite3.Connection,
                    kind: str) -> list[tuple[str, int | None, int]]:
    """(gantry, cabinet, device) of every device in one history table (reader query)."""
    return [tuple(r) for r in db.execute(
        f"SELECT DISTINCT gantry_id, cabinet_id, device_id FROM [{HISTORY_TABLES[kind]}]")]


def purge_history_batch(conn: sqlite3.Connection, kind: str,
                        source: tuple[str, int | None, int], cutoff: float,
                        batch: int = BATCH_ROWS, marks_cutoff: float | None = None) -> int:
    """Writer task: delete up to `batch` old raw rows of one device; returns how many.

    Walks the table's (gantry, cabinet, device, ts) index, so it costs the rows it deletes.
    Door reports marking a change are kept until `marks_cutoff` (the rollups' period: a
    sensor stuck on "open" would otherwise keep every report for ever)."""
    table = HISTORY_TABLES[kind]
    # Kinds that have no rollup (doors, air conditioners, sensors) have nothing to wait for.
    limit = rolled_up_to(conn, kind) if kind in rolled_kinds() else None
    bound = "" if limit is None else f" AND h.rowid <= {int(limit)}"
    params: list[object] = [*source, cutoff]
    if kind == "doors":
        bound += f" AND (h.ts < ? OR {_DOOR_REPORT_GOES})"
        params.append(-1.0 if marks_cutoff is None else marks_cutoff)
    cur = conn.execute(
        f"DELETE FROM [{table}] WHERE rowid IN (SELECT h.rowid FROM [{table}] h"
        f" WHERE h.gantry_id = ? AND h.cabinet_id IS ? AND h.device_id = ? AND h.ts < ?{bound}"
        " LIMIT ?)", [*params, batch])
    return cur.rowcount


def kept_bodies(db: sqlite_utils.Database | sqlite3.Connection) -> set[int]:
    """Log ids of the newest message of each gantry / kind / cabinet (reader query)."""
    return {r[0] for r in db.execute(
        "SELECT log_id FROM messages WHERE id IN"
        " (SELECT MAX(id) FROM messages GROUP BY gantry_id, kind, cabinet_id)").fetchall()}


BODIES_CURSOR = "retention:comm_log_bodies"


def strip_bodies_batch(conn: sqlite3.Connection, cutoff: float, kept: set[int],
                       batch: int = BATCH_ROWS) -> int:
    """Writer task: drop the raw bodies of up to `batch` old log rows; returns rows looked at."""
    row = conn.execute("SELECT value FROM history_progress WHERE name = ?",
                       [BODIES_CURSOR]).fetchone()
    start = int(row[0]) if row else 0
    rows = conn.execute("SELECT id, ts FROM comm_log WHERE id > ? ORDER BY id LIMIT ?",
                        [start, batch]).fetchall()
    old = []
    for log_id, ts in rows:
        if ts >= cutoff:  # log rows are in time order: the rest is younger
            break
        old.append(log_id)
    if not old:
        return 0
    conn.executemany("UPDATE comm_log SET body = NULL WHERE id = ?",
                     [(i,) for i in old if i not in kept])
    conn.execute("INSERT INTO history_progress (name, value) VALUES (?, ?)"
                 " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                 [BODIES_CURSOR, old[-1]])
    return len(old)


def purge_rollups_batch(conn: sqlite3.Connection, cutoff: float, batch: int = BATCH_ROWS) -> int:
    # WITHOUT ROWID table: rows are named by their primary key.
    cur = conn.execute(
        "DELETE FROM metric_rollups WHERE (gantry_id, cabinet_id, kind, device_id, field, hour)"
        " IN (SELECT gantry_id, cabinet_id, kind, device_id, field, hour FROM metric_rollups"
        " INDEXED BY metric_rollups_hour WHERE hour < ? LIMIT ?)", [cutoff, batch])
    return cur.rowcount
