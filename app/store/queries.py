"""Read-side queries, each `fn(db, ...)` for `Store.read` / `Store.read_sync`.

Shaped for what the UI and the CLI ask: latest state of a gantry, one metric over a time range,
door events of a cabinet, the communication log.
"""

from __future__ import annotations

import json
import logging
import zlib
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from app.protocol import DEVICE_MODELS

from .schema import HISTORY_TABLES

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoredBody:
    kind: str  # "cabinet" | "computer"
    cabinet_id: int | None
    received_at: float
    peer: str
    body: bytes


def gantries(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return list(db.query("SELECT * FROM gantries ORDER BY gantry_id"))


def latest_bodies(db: sqlite_utils.Database, gantry_id: str) -> list[StoredBody]:
    """The newest accepted raw body of each cabinet and of the computers of a gantry."""
    rows = db.execute(
        "SELECT m.kind, m.cabinet_id, m.received_at, l.peer, l.body FROM messages m"
        " JOIN comm_log l ON l.id = m.log_id"
        " WHERE m.id IN (SELECT MAX(id) FROM messages WHERE gantry_id = ?"
        "                GROUP BY kind, cabinet_id)"
        " ORDER BY m.kind, m.cabinet_id",
        [gantry_id],
    ).fetchall()
    out = []
    for k, c, t, p, b in rows:
        try:
            out.append(StoredBody(k, c, t, p, zlib.decompress(b)))
        except (TypeError, zlib.error) as e:  # no body, or a damaged one: that part waits
            log.warning("gantry %s: the stored body of its newest %s report cannot be read"
                        " (%s)", gantry_id, k, e)
    return out


def metric_series(
    db: sqlite_utils.Database,
    gantry_id: str,
    kind: str,
    field: str,
    t0: float,
    t1: float,
    cabinet_id: int | None = None,
    device_id: int = 1,
) -> list[tuple[float, Any, str | None]]:
    """(time, value, no-value reason) of one reading over [t0, t1], oldest first."""
    model = DEVICE_MODELS[kind]
    if field not in model.reading_fields():
        raise ValueError(f"{kind} has no reading {field!r}")
    cab = "cabinet_id IS ?" if cabinet_id is None else "cabinet_id = ?"
    rows = db.execute(
        f"SELECT ts, [{field}], no_value FROM [{HISTORY_TABLES[kind]}]"
        f" WHERE gantry_id = ? AND {cab} AND device_id = ? AND ts BETWEEN ? AND ? ORDER BY ts",
        [gantry_id, cabinet_id, device_id, t0, t1],
    ).fetchall()
    out = []
    for ts, value, no_value in rows:
        reason = json.loads(no_value).get(field) if no_value else None
        out.append((ts, value, reason))
    return out


@dataclass(frozen=True)
class DoorEvent:
    ts: float  # when the report arrived
    door: str  # "front" | "back"
    opened: bool
    unlock_type: int | None
    card_id: str | None
    illegal: bool
    change_time: str | None  # device local time of the change


def door_events(
    db: sqlite_utils.Database, gantry_id: str, cabinet_id: int, t0: float = 0, t1: float = 1e12
) -> list[DoorEvent]:
    """Openings and closings of a cabinet's doors, from consecutive door reports."""
    rows = db.execute(
        "SELECT ts, front_door_closed, front_door_unlock_type, front_door_unlock_card_id,"
        " front_door_open_illegally, front_door_change_time, back_door_closed,"
        " back_door_unlock_type, back_door_unlock_card_id, back_door_open_illegally,"
        " back_door_change_time FROM doors_history"
        " WHERE gantry_id = ? AND cabinet_id = ? AND device_id = 1 AND ts <= ? ORDER BY ts",
        [gantry_id, cabinet_id, t1],
    ).fetchall()
    events: list[DoorEvent] = []
    last: dict[str, int | None] = {"front": None, "back": None}
    for r in rows:
        ts = r[0]
        for door, (closed, utype, card, illegal, change) in (("front", r[1:6]), ("back", r[6:11])):
            if closed is None:
                continue
            prev = last[door]
            last[door] = closed
            # The first report counts as an event only when it shows the door open.
            if (prev is None and closed == 0) or (prev is not None and prev != closed):
                if ts >= t0:
                    events.append(DoorEvent(ts, door, closed == 0, utype, card, bool(illegal),
                                            change))
    return events


def comm_log(
    db: sqlite_utils.Database,
    since: float = 0,
    limit: int = 500,
    gantry_id: str | None = None,
    rejected_only: bool = False,
) -> list[dict[str, Any]]:
    """Recent requests, newest first, without bodies (see `comm_log_body`)."""
    where, args = ["ts >= ?"], [since]
    if gantry_id:
        where.append("gantry_id = ?")
        args.append(gantry_id)
    if rejected_only:
        where.append("code != '1000'")
    sql = (f"SELECT id, ts, peer, gantry_id, method, code, reason, legacy, body_size FROM comm_log"
           f" WHERE {' AND '.join(where)} ORDER BY id DESC LIMIT ?")
    return list(db.query(sql, [*args, limit]))


def comm_log_body(db: sqlite_utils.Database, log_id: int) -> bytes | None:
    row = db.execute("SELECT body FROM comm_log WHERE id = ?", [log_id]).fetchone()
    return zlib.decompress(row[0]) if row and row[0] is not None else None


def request_counts(db: sqlite_utils.Database, since: float) -> dict[str, int]:
    """Requests since a time, by answer code."""
    rows = db.execute("SELECT code, COUNT(*) FROM comm_log WHERE ts >= ? GROUP BY code",
                      [since]).fetchall()
    return {code: n for code, n in rows}


def message_count(db: sqlite_utils.Database, gantry_id: str | None = None) -> int:
    if gantry_id is None:
        return db.execute("SELECT COUNT(*) FROM messages").fetchone()[0]
    return db.execute("SELECT COUNT(*) FROM messages WHERE gantry_id = ?",
                      [gantry_id]).fetchone()[0]


def device_timestamps(db: sqlite_utils.Database, gantry_id: str) -> list[int]:
    """Device timeStamps of a gantry's stored messages (tests use these as message ids)."""
    return [r[0] for r in db.execute(
        "SELECT device_ts FROM messages WHERE gantry_id = ? ORDER BY id", [gantry_id])]
