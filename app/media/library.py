"""Where captures live: files under `<data>/captures/<gantry>/<yyyy-mm-dd>/`, one row each in
the `captures` table, and one `capture_fetches` row per door event asked for.

A capture is linked to its door event by (gantry, cabinet, door time): the door's change time
as the device reported it, which is also what the device was asked for. Retention removes the
oldest captures by age, then by total size, and never one whose event an operator marked to keep.
"""

from __future__ import annotations

import re
import sqlite3
import time
from dataclasses import dataclass, fields
from datetime import tzinfo
from pathlib import Path
from typing import Any

import sqlite_utils

from app import gantry_time
from app.protocol.values import device_time

CAPTURES_DIR = "captures"
_SAFE = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True)
class CaptureRecord:
    id: int | None
    gantry_id: str
    cabinet_id: int
    door: str  # front | back | "" when fetched by hand for a time
    door_time: str  # device local time "yyyy-MM-dd HH:mm:ss.zzz" (what was asked for)
    door_ts: float  # the same as unix seconds (read in the gantry's zone), for ordering
    event_ts: float | None  # receive time of the report that showed the opening
    fetched_at: float
    kind: str  # photo | video | file
    content_type: str
    file_name: str  # as the device named it (sanitised)
    path: str  # relative to the data folder, "/" separated
    size: int
    md5: str
    keep: bool = False

    def file(self, data_dir: Path) -> Path:
        return Path(data_dir) / self.path


@dataclass(frozen=True)
class FetchRecord:
    """The fetch of one door event's captures: its progress and outcome."""

    id: int | None
    gantry_id: str
    cabinet_id: int
    door: str
    door_time: str
    started_at: float
    state: str  # waiting | fetching | retrying | done | failed
    attempts: int = 0
    files: int = 0
    sentence: str = ""
    finished_at: float | None = None


def door_ts(door_time: str, tz: tzinfo | None = None) -> float:
    """Unix time of a door time written in the gantry's zone `tz` (None: the PC's)."""
    try:
        return gantry_time.epoch(device_time(door_time), tz)
    except ValueError:
        return 0.0


def capture_folder(data_dir: Path, gantry_id: str, door_time: str) -> Path:
    day = door_time[:10] if re.fullmatch(r"\d{4}-\d{2}-\d{2}", door_time[:10]) else time.strftime(
        "%Y-%m-%d")
    return Path(data_dir) / CAPTURES_DIR / (_SAFE.sub("_", gantry_id) or "gantry") / day


def relative(data_dir: Path, path: Path) -> str:
    return Path(path).relative_to(data_dir).as_posix()


# -- writing (run on the store's writer thread) --------------------------------------------------

_CAPTURE_COLUMNS = [f.name for f in fields(CaptureRecord) if f.name != "id"]


def insert_capture(conn: sqlite3.Connection, rec: CaptureRecord) -> int | None:
    """Insert a capture; None when this cabinet already has a file with the same MD5."""
    dup = conn.execute(
        "SELECT id FROM captures WHERE gantry_id = ? AND cabinet_id = ? AND md5 = ?",
        [rec.gantry_id, rec.cabinet_id, rec.md5]).fetchone()
    if dup is not None:
        return None
    values = [getattr(rec, c) for c in _CAPTURE_COLUMNS]
    values[_CAPTURE_COLUMNS.index("keep")] = int(rec.keep)
    cur = conn.execute(
        f"INSERT INTO captures ({', '.join(_CAPTURE_COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(values))})", values)
    return int(cur.lastrowid)


def save_fetch(conn: sqlite3.Connection, rec: FetchRecord) -> int:
    cols = [f.name for f in fields(FetchRecord) if f.name != "id"]
    values = [getattr(rec, c) for c in cols]
    if rec.id is None:
        cur = conn.execute(f"INSERT INTO capture_fetches ({', '.join(cols)}) "
                           f"VALUES ({', '.join('?' * len(cols))})", values)
        return int(cur.lastrowid)
    conn.execute(f"UPDATE capture_fetches SET {', '.join(c + ' = ?' for c in cols)} WHERE id = ?",
                 [*values, rec.id])
    return rec.id


def set_keep(conn: sqlite3.Connection, gantry_id: str, cabinet_id: int, door_time: str,
             keep: bool) -> int:
    """Mark (or unmark) every capture of a door event as kept; returns how many."""
    cur = conn.execute(
        "UPDATE captures SET keep = ? WHERE gantry_id = ? AND cabinet_id = ? AND door_time = ?",
        [int(keep), gantry_id, cabinet_id, door_time])
    return cur.rowcount


def delete_captures(conn: sqlite3.Connection, ids: list[int]) -> list[int]:
    """Delete these captures' rows unless marked keep meanwhile; returns the ids deleted."""
    gone = [i for i in ids if conn.execute(
        "DELETE FROM captures WHERE id = ? AND keep = 0", [i]).rowcount]
    return gone


# -- reading -------------------------------------------------------------------------------------

def _record(row: dict[str, Any]) -> CaptureRecord:
    row = dict(row)
    row["keep"] = bool(row["keep"])
    return CaptureRecord(**{f.name: row[f.name] for f in fields(CaptureRecord)})


def _rows(db: sqlite_utils.Database, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = db.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def captures_for_event(db: sqlite_utils.Database, gantry_id: str, cabinet_id: int,
                       door_time: str) -> list[CaptureRecord]:
    """The captures of one door event (photo first), for its thumbnail and viewer."""
    return [_record(r) for r in _rows(
        db, "SELECT * FROM captures WHERE gantry_id = ? AND cabinet_id = ? AND door_time = ?"
            " ORDER BY kind = 'video', id", [gantry_id, cabinet_id, door_time])]


def cabinet_captures(db: sqlite_utils.Database, gantry_id: str, cabinet_id: int | None = None,
                     limit: int = 500) -> list[CaptureRecord]:
    """A gantry's (or one cabinet's) captures, newest door time first: the gallery."""
    sql = "SELECT * FROM captures WHERE gantry_id = ?"
    params: list[Any] = [gantry_id]
    if cabinet_id is not None:
        sql += " AND cabinet_id = ?"
        params.append(cabinet_id)
    sql += " ORDER BY door_ts DESC, id LIMIT ?"
    return [_record(r) for r in _rows(db, sql, [*params, limit])]


def capture_by_id(db: sqlite_utils.Database, capture_id: int) -> CaptureRecord | None:
    rows = _rows(db, "SELECT * FROM captures WHERE id = ?", [capture_id])
    return _record(rows[0]) if rows else None


def capture_by_md5(db: sqlite_utils.Database, gantry_id: str, cabinet_id: int,
                   md5: str) -> CaptureRecord | None:
    rows = _rows(db, "SELECT * FROM captures WHERE gantry_id = ? AND cabinet_id = ? AND md5 = ?",
                 [gantry_id, cabinet_id, md5])
    return _record(rows[0]) if rows else None


def latest_fetch(db: sqlite_utils.Database, gantry_id: str, cabinet_id: int,
                 door_time: str) -> FetchRecord | None:
    rows = _rows(db, "SELECT * FROM capture_fetches WHERE gantry_id = ? AND cabinet_id = ?"
                     " AND door_time = ? ORDER BY id DESC LIMIT 1",
                 [gantry_id, cabinet_id, door_time])
    return FetchRecord(**rows[0]) if rows else None


def total_size(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT coalesce(sum(size), 0) FROM captures").fetchone()[0])


def retention_victims(db: sqlite_utils.Database, now: float, keep_days: float,
                      max_total_bytes: int) -> list[tuple[int, str]]:
    """(id, path) of captures to delete: too old, then the oldest until under the size limit.

    Captures marked keep are never chosen (and still count toward the total)."""
    victims: list[tuple[int, str]] = []
    if keep_days > 0:
        victims += [(r[0], r[1]) for r in db.execute(
            "SELECT id, path FROM captures WHERE keep = 0 AND fetched_at < ? ORDER BY fetched_at",
            [now - keep_days * 86400]).fetchall()]
    if max_total_bytes > 0:
        chosen = {v[0] for v in victims}
        total = int(db.execute(
            "SELECT coalesce(sum(size), 0) FROM captures WHERE id NOT IN "
            f"({', '.join('?' * len(chosen))})", list(chosen)).fetchone()[0])
        if total > max_total_bytes:
            for cid, path, size in db.execute(
                    "SELECT id, path, size FROM captures WHERE keep = 0"
                    " ORDER BY fetched_at, id").fetchall():
                if total <= max_total_bytes:
                    break
                if cid in chosen:
                    continue
                victims.append((cid, path))
                total -= size
    return victims
