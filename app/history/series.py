"""What a chart or an export shows for a time range: raw reports for short ranges, hourly
rollups for long ones (or where raw rows are already purged), with gaps kept as gaps.

Everything here is a reader query `fn(db, ...)` for `Store.read`, returning numpy arrays ready
for pyqtgraph: NaN wherever there is no value, so a line breaks instead of dropping to zero.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import Enum

import numpy as np
import sqlite_utils

from app.store.schema import HISTORY_TABLES

from .catalogue import Series
from .rollups import HOUR

DAY = 86400.0
RAW_MAX_SPAN_S = 2 * DAY + 60  # up to "24 h" (and a free range of two days) reads raw reports
# Timestamps outside these bounds are a device's or a PC's clock gone wrong: never plotted.
PLAUSIBLE_MIN = 946684800.0  # 2000-01-01 UTC
PLAUSIBLE_MAX = 4102444800.0  # 2100-01-01 UTC


class Source(str, Enum):
    RAW = "raw"  # one point per report
    HOURLY = "hourly"  # one point per hour: mean, with min and max


def choose_source(t0: float, t1: float, now: float, raw_keep_s: float) -> Source:
    """Short ranges read raw reports; long ranges, or ranges reaching into purged raw history,
    read the hourly rollups."""
    if t1 - t0 > RAW_MAX_SPAN_S or t0 < now - raw_keep_s:
        return Source.HOURLY
    return Source.RAW


@dataclass
class SeriesData:
    series: Series
    source: Source
    t: np.ndarray  # unix s (hourly: middle of the hour); NaN-break points inserted at gaps
    y: np.ndarray  # value (hourly: mean); NaN = no value / gap
    lo: np.ndarray | None = None  # hourly min
    hi: np.ndarray | None = None  # hourly max
    # Reports that came without a value: (time, reason) for the crosshair and the export.
    reasons: list[tuple[float, str]] = field(default_factory=list)
    points: int = 0  # real points (not counting the gap markers)

    def last_time(self) -> float | None:
        finite = self.t[~np.isnan(self.t)] if len(self.t) else self.t
        return float(finite[-1]) if len(finite) else None


def break_gaps(t: np.ndarray, max_gap: float, *ys: np.ndarray) -> tuple[np.ndarray, ...]:
    """Insert a NaN point wherever two samples are more than `max_gap` apart."""
    if len(t) < 2:
        return (t, *ys)
    at = np.nonzero(np.diff(t) > max_gap)[0]
    if not len(at):
        return (t, *ys)
    t_mid = (t[at] + t[at + 1]) / 2
    return (np.insert(t, at + 1, t_mid), *(np.insert(y, at + 1, np.nan) for y in ys))


def raw_rows(db: sqlite_utils.Database, s: Series, t0: float, t1: float
             ) -> list[tuple[float, float | None, str | None]]:
    kind, fld = s.metric.kind, s.metric.field
    cab = "cabinet_id IS ?" if s.cabinet_id is None else "cabinet_id = ?"
    rows = db.execute(
        f"SELECT ts, [{fld}], no_value FROM [{HISTORY_TABLES[kind]}]"
        f" WHERE gantry_id = ? AND {cab} AND device_id = ? AND ts BETWEEN ? AND ? ORDER BY ts",
        [s.gantry_id, s.cabinet_id, s.device_id, max(t0, PLAUSIBLE_MIN), min(t1, PLAUSIBLE_MAX)],
    ).fetchall()
    return rows


def load_raw(db: sqlite_utils.Database, s: Series, t0: float, t1: float,
             period_s: float) -> SeriesData:
    rows = raw_rows(db, s, t0, t1)
    n = len(rows)
    t = np.fromiter((r[0] for r in rows), dtype=float, count=n)
    y = np.fromiter((np.nan if r[1] is None else r[1] for r in rows), dtype=float, count=n)
    reasons = []
    for ts, value, no_value in rows:
        if value is None:
            reason = json.loads(no_value).get(s.metric.field) if no_value else None
            reasons.append((ts, reason or "NoData"))
    t2, y2 = break_gaps(t, 2 * period_s, y)
    return SeriesData(s, Source.RAW, t2, y2, reasons=reasons, points=n)


def load_hourly(db: sqlite_utils.Database, s: Series, t0: float, t1: float) -> SeriesData:
    rows = db.execute(
        "SELECT hour + ?, total / n, min, max FROM metric_rollups WHERE gantry_id = ?"
        " AND cabinet_id = ? AND kind = ? AND device_id = ? AND field = ?"
        " AND hour BETWEEN ? AND ? ORDER BY hour",
        [HOUR / 2, s.gantry_id, s.cabinet_id or 0, s.metric.kind, s.device_id, s.metric.field,
         int(max(t0, PLAUSIBLE_MIN) // HOUR) * HOUR, min(t1, PLAUSIBLE_MAX)],
    ).fetchall()
    a = np.array(rows, dtype=float).reshape(-1, 4)  # one C loop instead of one per value
    t, mean, lo, hi = a[:, 0], a[:, 1], a[:, 2], a[:, 3]
    # An hour without a single value has no row: its absence is a gap (a missing hour is
    # already many missing reports, unlike one missing raw report).
    t2, mean2, lo2, hi2 = break_gaps(t, 1.5 * HOUR, mean, lo, hi)
    return SeriesData(s, Source.HOURLY, t2, mean2, lo2, hi2, points=len(rows))


def load(db: sqlite_utils.Database, series: list[Series], t0: float, t1: float,
         source: Source, period_s: float = 600.0) -> list[SeriesData]:
    """Reader query: every series of a chart over [t0, t1] from one source."""
    if source is Source.RAW:
        return [load_raw(db, s, t0, t1, period_s) for s in series]
    return [load_hourly(db, s, t0, t1) for s in series]


# -- marks on the time axis -------------------------------------------------------------------------

@dataclass(frozen=True)
class AlarmSpan:
    start: float
    end: float | None  # None: still standing
    severity: int
    text_key: str
    cabinet_id: int


def alarm_spans(db: sqlite_utils.Database, gantry_id: str, cabinet_id: int | None,
                t0: float, t1: float, limit: int = 2000) -> list[AlarmSpan]:
    """Alarms of a gantry (and cabinet) standing at some time within [t0, t1]."""
    sql = ("SELECT raised_at, cleared_at, severity, text_key, cabinet_id FROM alarms"
           " WHERE gantry_id = ? AND raised_at <= ? AND (cleared_at IS NULL OR cleared_at >= ?)")
    args: list[object] = [gantry_id, t1, t0]
    if cabinet_id is not None:
        sql += " AND cabinet_id IN (0, ?)"
        args.append(cabinet_id)
    rows = db.execute(sql + " ORDER BY raised_at LIMIT ?", [*args, limit]).fetchall()
    return [AlarmSpan(a, b, int(s), k, int(c)) for a, b, s, k, c in rows]


def extend(old: SeriesData, new: SeriesData, max_gap: float) -> SeriesData:
    """`old` followed by `new`, loaded from just after old's last time (live append); a gap
    between the two is kept as a gap."""
    if not new.points:
        return old
    last = old.last_time()
    t, y = new.t, new.y
    if last is not None and t[0] - last > max_gap:
        t, y = np.insert(t, 0, (t[0] + last) / 2), np.insert(y, 0, np.nan)
    return SeriesData(old.series, old.source, np.concatenate([old.t, t]),
                      np.concatenate([old.y, y]), reasons=old.reasons + new.reasons,
                      points=old.points + new.points)


@dataclass(frozen=True)
class DoorChange:
    ts: float  # receive time of the report that showed the change
    door: str  # "front" | "back"
    opened: bool


def door_changes(db: sqlite_utils.Database, gantry_id: str, cabinet_id: int, t0: float,
                 t1: float, limit: int = 5000) -> list[DoorChange]:
    """Door openings and closings of a cabinet within [t0, t1].

    Every change touches a report showing a door open, and those are rare: find them (the
    partial index `doors_history_open` holds only those reports), then look at the report
    just before and just after each one (index lookups). A year costs well under a
    millisecond, not a visit to every report's row. Same rule as `queries.door_events`,
    except that a report without a door value counts as "not open"."""
    key = "gantry_id = ? AND cabinet_id = ? AND device_id = 1"
    ids = [gantry_id, cabinet_id]
    opens = db.execute(
        f"SELECT ts, front_door_closed, back_door_closed FROM doors_history WHERE {key}"
        f" AND ts <= ? AND ts >= IFNULL((SELECT MAX(ts) FROM doors_history WHERE {key}"
        " AND ts < ?), ?) AND (front_door_closed = 0 OR back_door_closed = 0) ORDER BY ts",
        [*ids, t1, *ids, t0, t0]).fetchall()
    before_sql = (f"SELECT ts, front_door_closed, back_door_closed FROM doors_history"
                  f" WHERE {key} AND ts < ? ORDER BY ts DESC LIMIT 1")
    after_sql = (f"SELECT ts, front_door_closed, back_door_closed FROM doors_history"
                 f" WHERE {key} AND ts > ? ORDER BY ts LIMIT 1")
    found: set[tuple[float, str, bool]] = set()
    for row in opens:
        ts = row[0]
        prev = db.execute(before_sql, [*ids, ts]).fetchone()
        nxt = db.execute(after_sql, [*ids, ts]).fetchone()
        for i, door in ((1, "front"), (2, "back")):
            if row[i] != 0:
                continue
            if prev is None or prev[i] != 0:
                found.add((ts, door, True))
            if nxt is not None and nxt[i] == 1:
                found.add((nxt[0], door, False))
        if len(found) > limit:
            break
    return [DoorChange(ts, door, opened) for ts, door, opened in sorted(found)
            if t0 <= ts <= t1][:limit]
