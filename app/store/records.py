"""Turning accepted messages into rows (write side)."""

from __future__ import annotations

import json
import sqlite3
import zlib
from dataclasses import dataclass
from functools import cache

from app.protocol import Block, CabinetStatusUpdate, StatusMessage

from .schema import HISTORY_TABLES


@dataclass(frozen=True)
class LogEntry:
    """One request to monitor.do as the communication log keeps it."""

    ts: float
    peer: str
    gantry_id: str | None
    method: str | None
    code: str
    reason: str
    body: bytes
    legacy: str = ""


@cache
def _insert_sql(kind: str, fields: tuple[str, ...]) -> str:
    cols = ("message_id", "gantry_id", "cabinet_id", "device_id", "ts", *fields, "no_value")
    marks = ",".join("?" * len(cols))
    return f"INSERT INTO [{HISTORY_TABLES[kind]}] ({','.join(cols)}) VALUES ({marks})"


def insert_log(conn: sqlite3.Connection, e: LogEntry) -> int:
    cur = conn.execute(
        "INSERT INTO comm_log (ts, peer, gantry_id, method, code, reason, legacy, body_size, body)"
        " VALUES (?,?,?,?,?,?,?,?,?)",
        (e.ts, e.peer, e.gantry_id, e.method, e.code, e.reason, e.legacy, len(e.body),
         zlib.compress(e.body, 1)),
    )
    return int(cur.lastrowid or 0)


def _device_row(message_id: int, gantry: str, cabinet: int | None, block: Block, ts: float,
                fields: tuple[str, ...]) -> tuple:
    readings = [getattr(block, name) for name in fields]
    missing = {n: r.reason.value for n, r in zip(fields, readings, strict=True) if r.reason}
    no_value = json.dumps(missing) if missing else None
    device_id = block.id if "id" in type(block).model_fields else 1  # type: ignore[attr-defined]
    return (message_id, gantry, cabinet, device_id, ts, *(r.value for r in readings), no_value)


def insert_message(conn: sqlite3.Connection, message: StatusMessage, log: LogEntry) -> int:
    """The log row, the message row and one history row per device: one unit of work."""
    log_id = insert_log(conn, log)
    gantry = message.gantry_id
    if isinstance(message, CabinetStatusUpdate):
        kind, cabinet_id, devices = "cabinet", message.cabinet.id, message.cabinet.devices()
    else:
        kind, cabinet_id, devices = "computer", None, list(message.computers)
    cur = conn.execute(
        "INSERT INTO messages (log_id, gantry_id, kind, cabinet_id, received_at, device_ts)"
        " VALUES (?,?,?,?,?,?)",
        (log_id, gantry, kind, cabinet_id, log.ts, message.timestamp),
    )
    message_id = int(cur.lastrowid or 0)
    by_kind: dict[str, tuple[tuple[str, ...], list[tuple]]] = {}
    for block in devices:
        fields = block.reading_fields()
        _, rows = by_kind.setdefault(block.kind, (fields, []))
        rows.append(_device_row(message_id, gantry, cabinet_id, block, log.ts, fields))
    for kind_name, (fields, rows) in by_kind.items():
        conn.executemany(_insert_sql(kind_name, fields), rows)
    conn.execute(
        "INSERT INTO gantries (gantry_id, first_seen, last_seen, last_peer) VALUES (?,?,?,?)"
        " ON CONFLICT(gantry_id) DO UPDATE SET last_seen = excluded.last_seen,"
        " last_peer = excluded.last_peer",
        (gantry, log.ts, log.ts, log.peer),
    )
    return message_id
