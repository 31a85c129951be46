"""The control audit log: every command sent to a device, who sent it, what it said, what came of it.

Rows are written when the device has answered (or failed to) and completed when the confirmation
by report is known. Nothing here deletes rows: retention must leave this table alone.
"""

from __future__ import annotations

import csv
import getpass
import io
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from app.store import Store

TABLE = "control_audit"
COLUMNS = ("id", "ts", "operator", "gantry_id", "cabinet_id", "command", "action", "url",
           "request_body", "answer_code", "answer", "outcome", "sentence", "finished_at")


def operator_name(configured: str = "") -> str:
    """The operator from the settings, else the OS user."""
    if configured.strip():
        return configured.strip()
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment (service account, container)
        return "unknown"


@dataclass(frozen=True)
class AuditEntry:
    ts: float
    operator: str
    gantry_id: str
    cabinet_id: int | None
    command: str  # ControlKind value
    action: str  # the command in plain words
    url: str
    request_body: str  # the exact bytes sent, as UTF-8 text
    answer_code: str | None
    answer: str
    outcome: str
    sentence: str


def insert_entry(conn: sqlite3.Connection, entry: AuditEntry) -> int:
    cur = conn.execute(
        f"INSERT INTO {TABLE} (ts, operator, gantry_id, cabinet_id, command, action, url, "
        "request_body, answer_code, answer, outcome, sentence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (entry.ts, entry.operator, entry.gantry_id, entry.cabinet_id, entry.command, entry.action,
         entry.url, entry.request_body, entry.answer_code, entry.answer, entry.outcome,
         entry.sentence))
    return int(cur.lastrowid or 0)


def finish_entry(conn: sqlite3.Connection, entry_id: int, outcome: str, sentence: str,
                 finished_at: float | None = None) -> None:
    conn.execute(f"UPDATE {TABLE} SET outcome = ?, sentence = ?, finished_at = ? WHERE id = ?",
                 (outcome, sentence, time.time() if finished_at is None else finished_at,
                  entry_id))


async def record(store: Store, entry: AuditEntry) -> int:
    return await store.write(lambda conn: insert_entry(conn, entry))


async def finish(store: Store, entry_id: int, outcome: str, sentence: str) -> None:
    await store.write(lambda conn: finish_entry(conn, entry_id, outcome, sentence))


def audit_entries(db: sqlite_utils.Database, gantry_id: str | None = None,
                  t0: float | None = None, t1: float | None = None,
                  limit: int | None = 1000) -> list[dict[str, Any]]:
    """Newest first. Use with `store.read(audit_entries, ...)`."""
    where, params = [], []
    if gantry_id:
        where.append("gantry_id = ?")
        params.append(gantry_id)
    if t0 is not None:
        where.append("ts >= ?")
        params.append(t0)
    if t1 is not None:
        where.append("ts < ?")
        params.append(t1)
    sql = f"SELECT {', '.join(COLUMNS)} FROM {TABLE}"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY id DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [dict(zip(COLUMNS, row, strict=True)) for row in db.execute(sql, params).fetchall()]


def audit_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({**r, "ts": _iso(r["ts"]),
                    "finished_at": _iso(r["finished_at"]) if r.get("finished_at") else ""})
    return out.getvalue()


def export_audit_csv(rows: list[dict[str, Any]], path: Path) -> None:
    # utf-8-sig: Excel on Windows then shows the Chinese device messages correctly.
    Path(path).write_text(audit_csv(rows), encoding="utf-8-sig")


def _iso(ts: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(ts))
