"""Turning accepted messages into rows (write side)."""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain
from operator import attrgetter, itemgetter

from app.protocol import Block, CabinetStatusUpdate, Reading, StatusMessage

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


@dataclass(frozen=True, eq=False)  # one per block type: compared and hashed by identity
class _RowShape:
    """How one kind of device block becomes a history row (worked out once per block type)."""

    table: str
    columns: tuple[str, ...]
    readings: Callable[[Block], tuple[Reading, ...]]
    fields: tuple[str, ...]
    has_id: bool


_VALUE, _REASON = itemgetter(0), itemgetter(1)  # Reading fields, without attribute lookups


@cache
def _row_shape(model: type[Block]) -> _RowShape:
    fields = model.reading_fields()
    cols = ("gantry_id", "cabinet_id", "device_id", "ts", *fields, "no_value", "message_id")
    getter = attrgetter(*fields) if len(fields) > 1 else (lambda b: (getattr(b, fields[0]),))
    return _RowShape(HISTORY_TABLES[model.kind], cols, getter, fields, "id" in model.model_fields)


@cache
def _multi_insert_sql(table: str, columns: tuple[str, ...], rows: int, suffix: str) -> str:
    one = f"({','.join('?' * len(columns))})"
    return f"INSERT INTO [{table}] ({','.join(columns)}) VALUES {','.join([one] * rows)}{suffix}"


_MAX_ROWS = 200  # per statement: well under SQLite's parameter limit even for wide tables


def _insert_rows(conn: sqlite3.Connection, table: str, columns: tuple[str, ...],
                 rows: list[tuple], suffix: str = "") -> None:
    """Many rows in one statement rather than executemany: sqlite3 lets go of the GIL around
    every step, and with the receiver busy on the event loop each step waits to get it back.
    One step per table per group commit instead of one per row."""
    for i in range(0, len(rows), _MAX_ROWS):
        chunk = rows[i:i + _MAX_ROWS]
        conn.execute(_multi_insert_sql(table, columns, len(chunk), suffix),
                     list(chain.from_iterable(chunk)))


def _compress(body: bytes) -> bytes:
    """zlib, with a window no larger than the body: most bodies are a few KB, and a full 32 KB
    window costs more to set up than compressing them does. zlib.decompress reads any window."""
    wbits = min(15, max(9, len(body).bit_length()))
    z = zlib.compressobj(1, zlib.DEFLATED, wbits, max(1, wbits - 7))
    return z.compress(body) + z.flush()


def _log_row(e: LogEntry, body: bytes | None = None) -> tuple:
    """The comm_log row; `body` is the compressed body when it is already made."""
    return (e.ts, e.peer, e.gantry_id, e.method, e.code, e.reason, e.legacy, len(e.body),
            _compress(e.body) if body is None else body)


_LOG_COLUMNS = ("id", "ts", "peer", "gantry_id", "method", "code", "reason", "legacy",
                "body_size", "body")
_LOG_SQL = (f"INSERT INTO comm_log ({','.join(_LOG_COLUMNS[1:])})"
            f" VALUES ({','.join('?' * (len(_LOG_COLUMNS) - 1))})")


def insert_log(conn: sqlite3.Connection, e: LogEntry) -> int:
    return int(conn.execute(_LOG_SQL, _log_row(e)).lastrowid or 0)


def _device_row(gantry: str, cabinet: int | None, block: Block, ts: float
                ) -> tuple[_RowShape, tuple]:
    """A history row, all but its message id (which the writer assigns; it goes last)."""
    shape = _row_shape(type(block))
    readings = shape.readings(block)
    no_value = None
    if any(map(_REASON, readings)):  # in C: this runs for every device of every report
        no_value = json.dumps({n: r.reason.value for n, r in zip(shape.fields, readings,
                                                                 strict=True)
                               if r.reason is not None})
    device_id = block.id if shape.has_id else 1  # type: ignore[attr-defined]
    return shape, (gantry, cabinet, device_id, ts, *map(_VALUE, readings), no_value)


@dataclass(frozen=True, slots=True)
class MessageRows:
    """An accepted message turned into rows, all but the ids. Made on the receiving thread, so
    the writer thread (the one every acknowledgement waits for) only assigns ids and inserts."""

    log: LogEntry  # its row is made by the writer: zlib lets go of the GIL, the loop does not
    message: tuple  # messages row without its id and log id
    devices: list[tuple[_RowShape, tuple]]  # history rows without their message id
    gantry_id: str
    ts: float
    peer: str


def message_rows(message: StatusMessage, log: LogEntry) -> MessageRows:
    gantry = message.gantry_id
    if isinstance(message, CabinetStatusUpdate):
        kind, cabinet_id, devices = "cabinet", message.cabinet.id, message.cabinet.devices()
    else:
        kind, cabinet_id, devices = "computer", None, message.computers
    return MessageRows(
        log, (gantry, kind, cabinet_id, log.ts, message.timestamp),
        [_device_row(gantry, cabinet_id, block, log.ts) for block in devices],
        gantry, log.ts, log.peer)


def _next_id(conn: sqlite3.Connection, table: str) -> int:
    # The single writer inside BEGIN IMMEDIATE: nobody else can take these ids meanwhile.
    return int(conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]) + 1


def write_messages(conn: sqlite3.Connection, items: Sequence[MessageRows]) -> list[int]:
    """For each message: its log row, its message row and one history row per device; returns
    the message ids. A whole group commit goes in with one statement per table."""
    log_id, message_id = _next_id(conn, "comm_log"), _next_id(conn, "messages")
    logs, msgs, ids = [], [], []
    history: dict[_RowShape, list[tuple]] = {}
    seen: dict[str, tuple[float, float, str]] = {}  # gantry -> first time, last time, its peer
    for item in items:
        logs.append((log_id, *_log_row(item.log)))
        msgs.append((message_id, log_id, *item.message))
        for shape, row in item.devices:
            history.setdefault(shape, []).append((*row, message_id))
        first, last, peer = seen.get(item.gantry_id, (item.ts, item.ts, item.peer))
        if item.ts >= last:
            last, peer = item.ts, item.peer
        seen[item.gantry_id] = (min(first, item.ts), last, peer)
        ids.append(message_id)
        log_id += 1
        message_id += 1
    _insert_rows(conn, "comm_log", _LOG_COLUMNS, logs)
    _insert_rows(conn, "messages", ("id", "log_id", "gantry_id", "kind", "cabinet_id",
                                    "received_at", "device_ts"), msgs)
    for shape, rows in history.items():
        _insert_rows(conn, shape.table, shape.columns, rows)
    _insert_rows(conn, "gantries", ("gantry_id", "first_seen", "last_seen", "last_peer"),
                 [(g, first, last, peer) for g, (first, last, peer) in seen.items()],
                 " ON CONFLICT(gantry_id) DO UPDATE SET"
                 " last_peer = iif(excluded.last_seen >= coalesce(last_seen, 0),"
                 " excluded.last_peer, last_peer),"
                 " last_seen = max(coalesce(last_seen, 0), excluded.last_seen)")
    return ids


def insert_messages(conn: sqlite3.Connection, items: Sequence[tuple[StatusMessage, LogEntry]]
                    ) -> list[int]:
    """Messages straight from their models (imports, tests): see write_messages."""
    return write_messages(conn, [message_rows(m, log) for m, log in items])


def insert_message(conn: sqlite3.Connection, message: StatusMessage, log: LogEntry) -> int:
    return insert_messages(conn, [(message, log)])[0]
