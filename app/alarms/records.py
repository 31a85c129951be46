"""Alarm rows in the store: write tasks (run on the store's writer thread) and read queries.

Every write decides from the row as it is in the database inside its own transaction, never from
a copy in memory: an acknowledgement written by `gantry-monitor ack` while `serve` runs is kept,
and the unique index "one open alarm per source" makes a duplicate impossible.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

import sqlite_utils

from .model import Alarm, AlarmKey, Condition, Severity

COLUMNS = (
    "id", "gantry_id", "cabinet_id", "kind", "device_id", "condition", "severity", "text_key",
    "params", "raised_at", "raised_value", "raise_count", "last_raised_at", "acked_at", "acked_by",
    "ack_note", "cleared_at", "cleared_value", "shelved_until", "shelved_by", "closed",
)
_SELECT = f"SELECT {', '.join(COLUMNS)} FROM alarms"


def alarm_from_row(row: tuple | sqlite3.Row) -> Alarm:
    d = dict(zip(COLUMNS, row, strict=True))
    return Alarm(
        id=d["id"],
        key=AlarmKey(d["gantry_id"], d["cabinet_id"], d["kind"], d["device_id"], d["condition"]),
        severity=Severity(d["severity"]),
        text_key=d["text_key"],
        params=json.loads(d["params"] or "{}"),
        raised_at=d["raised_at"],
        raised_value=d["raised_value"],
        raise_count=d["raise_count"],
        last_raised_at=d["last_raised_at"],
        acked_at=d["acked_at"],
        acked_by=d["acked_by"],
        ack_note=d["ack_note"],
        cleared_at=d["cleared_at"],
        cleared_value=d["cleared_value"],
        shelved_until=d["shelved_until"],
        shelved_by=d["shelved_by"],
        closed=bool(d["closed"]),
    )


def _one(conn: sqlite3.Connection, alarm_id: int) -> Alarm:
    return alarm_from_row(conn.execute(f"{_SELECT} WHERE id = ?", (alarm_id,)).fetchone())


def _action(conn: sqlite3.Connection, alarm_id: int, ts: float, action: str, by: str = "",
            note: str = "", value: str = "") -> None:
    conn.execute("INSERT INTO alarm_actions (alarm_id, ts, action, by, note, value)"
                 " VALUES (?,?,?,?,?,?)", (alarm_id, ts, action, by, note, value))


# -- write tasks: fn(conn) for Store.write ---------------------------------------------------------

Change = tuple[str, Alarm]  # ("raised" | "reraised" | "cleared" | "acked" | ..., alarm after)


def raise_or_keep(conn: sqlite3.Connection, cond: Condition, now: float) -> Change | None:
    """Raise a new alarm, or re-raise an open one that had cleared; None when already standing."""
    key = cond.key
    row = conn.execute(f"{_SELECT} WHERE source_key = ? AND closed = 0",
                       (key.source_key,)).fetchone()
    params = json.dumps(cond.params, ensure_ascii=False)
    if row is None:
        cur = conn.execute(
            "INSERT INTO alarms (source_key, gantry_id, cabinet_id, kind, device_id, condition,"
            " severity, text_key, params, raised_at, raised_value, last_raised_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (key.source_key, key.gantry_id, key.cabinet_id, key.kind, key.device_id,
             key.condition, int(cond.severity), cond.text_key, params, now, cond.value, now))
        alarm_id = int(cur.lastrowid or 0)
        _action(conn, alarm_id, now, "raised", value=cond.value)
        return "raised", _one(conn, alarm_id)
    alarm = alarm_from_row(row)
    if alarm.standing:
        return None
    # Back in alarm before anyone acknowledged the clear: the same alarm stands again (ISA-18.2).
    conn.execute("UPDATE alarms SET cleared_at = NULL, cleared_value = '', raise_count ="
                 " raise_count + 1, last_raised_at = ?, severity = ?, params = ? WHERE id = ?",
                 (now, int(cond.severity), params, alarm.id))
    _action(conn, alarm.id, now, "reraised", value=cond.value)
    return "reraised", _one(conn, alarm.id)


def clear(conn: sqlite3.Connection, key: AlarmKey, now: float, value: str) -> Change | None:
    row = conn.execute(f"{_SELECT} WHERE source_key = ? AND closed = 0 AND cleared_at IS NULL",
                       (key.source_key,)).fetchone()
    if row is None:
        return None
    alarm_id = row[0]
    conn.execute("UPDATE alarms SET cleared_at = ?, cleared_value = ?,"
                 " closed = (acked_at IS NOT NULL) WHERE id = ?", (now, value, alarm_id))
    _action(conn, alarm_id, now, "cleared", value=value)
    return "cleared", _one(conn, alarm_id)


def apply(conn: sqlite3.Connection, raises: list[Condition], clears: list[tuple[AlarmKey, str]],
          now: float) -> list[Change]:
    """One report's findings in one transaction."""
    out: list[Change] = []
    for key, value in clears:
        if (ch := clear(conn, key, now, value)) is not None:
            out.append(ch)
    for cond in raises:
        if (ch := raise_or_keep(conn, cond, now)) is not None:
            out.append(ch)
    return out


def acknowledge(conn: sqlite3.Connection, ids: list[int], by: str, note: str, now: float
                ) -> list[Change]:
    """Acknowledge open, unacknowledged alarms; others are left as they are."""
    out: list[Change] = []
    for alarm_id in ids:
        cur = conn.execute("UPDATE alarms SET acked_at = ?, acked_by = ?, ack_note = ?,"
                           " closed = (cleared_at IS NOT NULL)"
                           " WHERE id = ? AND closed = 0 AND acked_at IS NULL",
                           (now, by, note, alarm_id))
        if cur.rowcount:
            _action(conn, alarm_id, now, "acknowledged", by, note)
            out.append(("acked", _one(conn, alarm_id)))
    return out


def shelve(conn: sqlite3.Connection, ids: list[int], until: float, by: str, note: str,
           now: float) -> list[Change]:
    out: list[Change] = []
    for alarm_id in ids:
        cur = conn.execute("UPDATE alarms SET shelved_until = ?, shelved_by = ?"
                           " WHERE id = ? AND closed = 0", (until, by, alarm_id))
        if cur.rowcount:
            _action(conn, alarm_id, now, "shelved", by, note, str(until))
            out.append(("shelved", _one(conn, alarm_id)))
    return out


def unshelve_expired(conn: sqlite3.Connection, now: float) -> list[Change]:
    ids = [r[0] for r in conn.execute(
        "SELECT id FROM alarms WHERE shelved_until IS NOT NULL AND shelved_until <= ?", (now,))]
    out: list[Change] = []
    for alarm_id in ids:
        conn.execute("UPDATE alarms SET shelved_until = NULL WHERE id = ?", (alarm_id,))
        _action(conn, alarm_id, now, "unshelved")
        out.append(("unshelved", _one(conn, alarm_id)))
    return out


# -- read queries: fn(db, ...) for Store.read / read_sync -----------------------------------------

def open_alarms(db: sqlite_utils.Database, gantry_id: str | None = None) -> list[Alarm]:
    sql, args = f"{_SELECT} WHERE closed = 0", []
    if gantry_id:
        sql += " AND gantry_id = ?"
        args.append(gantry_id)
    return [alarm_from_row(r) for r in db.execute(sql + " ORDER BY id", args).fetchall()]


def get_alarm(db: sqlite_utils.Database, alarm_id: int) -> Alarm | None:
    row = db.execute(f"{_SELECT} WHERE id = ?", [alarm_id]).fetchone()
    return alarm_from_row(row) if row else None


def alarm_history(db: sqlite_utils.Database, gantry_id: str | None = None, t0: float = 0,
                  t1: float = 1e12, min_severity: int = 0, limit: int = 5000) -> list[Alarm]:
    """Alarms raised, re-raised or cleared within [t0, t1], newest first."""
    sql = (f"{_SELECT} WHERE ((raised_at BETWEEN ? AND ?) OR (last_raised_at BETWEEN ? AND ?)"
           " OR (cleared_at BETWEEN ? AND ?)) AND severity >= ?")
    args: list[Any] = [t0, t1, t0, t1, t0, t1, min_severity]
    if gantry_id:
        sql += " AND gantry_id = ?"
        args.append(gantry_id)
    rows = db.execute(sql + " ORDER BY raised_at DESC, id DESC LIMIT ?", [*args, limit])
    return [alarm_from_row(r) for r in rows.fetchall()]


def alarm_actions(db: sqlite_utils.Database, alarm_id: int) -> list[dict[str, Any]]:
    return list(db.query("SELECT ts, action, by, note, value FROM alarm_actions"
                         " WHERE alarm_id = ? ORDER BY id", [alarm_id]))
