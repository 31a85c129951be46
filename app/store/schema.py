"""Database schema and its migrations. `PRAGMA user_version` is the schema version.

Each migration is a function run once, in order, inside one transaction. Never edit a released
migration: add a new one.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from app.protocol.messages import DEVICE_MODELS

# Kind of device -> history table.
HISTORY_TABLES: dict[str, str] = {kind: f"{kind}_history" for kind in DEVICE_MODELS}


def _v1(db: sqlite_utils.Database) -> None:
    db["gantries"].create(
        {
            "gantry_id": str, "first_seen": float, "last_seen": float, "last_peer": str,
            "name": str, "control_url": str,
        },
        pk="gantry_id",
    )
    # Every request, accepted or rejected, with its answer and the raw body (zlib).
    db["comm_log"].create(
        {
            "id": int, "ts": float, "peer": str, "gantry_id": str, "method": str, "code": str,
            "reason": str, "legacy": str, "body_size": int, "body": bytes,
        },
        pk="id",
    )
    db["comm_log"].create_index(["ts"])
    db["comm_log"].create_index(["gantry_id", "ts"])
    # One row per accepted message; the device rows below point at it.
    db["messages"].create(
        {
            "id": int, "log_id": int, "gantry_id": str, "kind": str, "cabinet_id": int,
            "received_at": float, "device_ts": int,
        },
        pk="id",
        foreign_keys=[("log_id", "comm_log", "id")],
    )
    db["messages"].create_index(["gantry_id", "kind", "cabinet_id", "id"])
    for kind, model in DEVICE_MODELS.items():
        table = HISTORY_TABLES[kind]
        columns: dict[str, type] = {
            "message_id": int, "gantry_id": str, "cabinet_id": int, "device_id": int, "ts": float,
        }
        columns.update(model.value_types())
        columns["no_value"] = str  # JSON {field: reason} for fields without a value, else NULL
        db[table].create(columns, foreign_keys=[("message_id", "messages", "id")])
        # The one index the queries need; every extra index costs each insert.
        db[table].create_index(["gantry_id", "cabinet_id", "device_id", "ts"])


def _control_audit(db: sqlite_utils.Database) -> None:
    # Every control command sent to a device (issue 7). Never deleted by retention: it is the
    # record of who did what to a gantry.
    db["control_audit"].create(
        {
            "id": int, "ts": float, "operator": str, "gantry_id": str, "cabinet_id": int,
            "command": str, "action": str, "url": str, "request_body": str, "answer_code": str,
            "answer": str, "outcome": str, "sentence": str, "finished_at": float,
        },
        pk="id",
    )
    db["control_audit"].create_index(["ts"])
    db["control_audit"].create_index(["gantry_id", "ts"])


def _alarms_and_events(db: sqlite_utils.Database) -> None:
    # Alarms with their life cycle, every action on them, and the event log (issue 6).
    db.execute("""
        CREATE TABLE alarms (
            id INTEGER PRIMARY KEY, source_key TEXT NOT NULL, gantry_id TEXT NOT NULL,
            cabinet_id INTEGER NOT NULL, kind TEXT NOT NULL, device_id INTEGER NOT NULL,
            condition TEXT NOT NULL, severity INTEGER NOT NULL, text_key TEXT NOT NULL,
            params TEXT NOT NULL, raised_at REAL NOT NULL, raised_value TEXT NOT NULL DEFAULT '',
            raise_count INTEGER NOT NULL DEFAULT 1, last_raised_at REAL NOT NULL,
            acked_at REAL, acked_by TEXT NOT NULL DEFAULT '', ack_note TEXT NOT NULL DEFAULT '',
            cleared_at REAL, cleared_value TEXT NOT NULL DEFAULT '',
            shelved_until REAL, shelved_by TEXT NOT NULL DEFAULT '',
            closed INTEGER NOT NULL DEFAULT 0)""")
    # At most one open alarm per source, whoever writes.
    db.execute("CREATE UNIQUE INDEX alarms_open_source ON alarms(source_key) WHERE closed = 0")
    db.execute("CREATE INDEX alarms_gantry_raised ON alarms(gantry_id, raised_at)")
    db.execute("CREATE INDEX alarms_raised ON alarms(raised_at)")
    db.execute("""
        CREATE TABLE alarm_actions (
            id INTEGER PRIMARY KEY, alarm_id INTEGER NOT NULL REFERENCES alarms(id),
            ts REAL NOT NULL, action TEXT NOT NULL, by TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '', value TEXT NOT NULL DEFAULT '')""")
    db.execute("CREATE INDEX alarm_actions_alarm ON alarm_actions(alarm_id)")
    db.execute("""
        CREATE TABLE event_log (
            id INTEGER PRIMARY KEY, ts REAL NOT NULL, gantry_id TEXT NOT NULL,
            cabinet_id INTEGER, device_id INTEGER, kind TEXT NOT NULL,
            actor TEXT NOT NULL DEFAULT '', params TEXT NOT NULL DEFAULT '{}')""")
    db.execute("CREATE INDEX event_log_gantry_ts ON event_log(gantry_id, ts)")
    db.execute("CREATE INDEX event_log_ts ON event_log(ts)")


def _metric_rollups(db: sqlite_utils.Database) -> None:
    # Hourly min/max/sum/count of each numeric reading (issue 5, app.history.rollups); mean is
    # total / n. cabinet_id 0: the gantry's computers. `history_progress` keeps the rollup
    # cursors (last rolled rowid per history table) so the work resumes after a restart.
    db.execute("""
        CREATE TABLE metric_rollups (
            gantry_id TEXT NOT NULL, cabinet_id INTEGER NOT NULL, kind TEXT NOT NULL,
            device_id INTEGER NOT NULL, field TEXT NOT NULL, hour INTEGER NOT NULL,
            n INTEGER NOT NULL, min REAL NOT NULL, max REAL NOT NULL, total REAL NOT NULL,
            PRIMARY KEY (gantry_id, cabinet_id, kind, device_id, field, hour)) WITHOUT ROWID""")
    db.execute("CREATE INDEX metric_rollups_hour ON metric_rollups(hour)")
    db.execute("CREATE TABLE history_progress (name TEXT PRIMARY KEY, value REAL NOT NULL)")


def _captures(db: sqlite_utils.Database) -> None:
    # Door-open photos and videos fetched from the cabinets, and each event's fetch (issue 8).
    db.execute("""
        CREATE TABLE captures (
            id INTEGER PRIMARY KEY, gantry_id TEXT NOT NULL, cabinet_id INTEGER NOT NULL,
            door TEXT NOT NULL DEFAULT '', door_time TEXT NOT NULL, door_ts REAL NOT NULL,
            event_ts REAL, fetched_at REAL NOT NULL, kind TEXT NOT NULL,
            content_type TEXT NOT NULL DEFAULT '', file_name TEXT NOT NULL, path TEXT NOT NULL,
            size INTEGER NOT NULL, md5 TEXT NOT NULL, keep INTEGER NOT NULL DEFAULT 0)""")
    db.execute("CREATE INDEX captures_event ON captures(gantry_id, cabinet_id, door_time)")
    db.execute("CREATE INDEX captures_door_ts ON captures(gantry_id, door_ts)")
    db.execute("CREATE INDEX captures_fetched ON captures(fetched_at)")
    db.execute("""
        CREATE TABLE capture_fetches (
            id INTEGER PRIMARY KEY, gantry_id TEXT NOT NULL, cabinet_id INTEGER NOT NULL,
            door TEXT NOT NULL DEFAULT '', door_time TEXT NOT NULL, started_at REAL NOT NULL,
            state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
            files INTEGER NOT NULL DEFAULT 0, sentence TEXT NOT NULL DEFAULT '',
            finished_at REAL)""")
    db.execute("CREATE INDEX capture_fetches_event ON capture_fetches(gantry_id, cabinet_id,"
               " door_time)")


def _open_doors_index(db: sqlite_utils.Database) -> None:
    # Door openings on the trend's time axis (app.history.series.door_changes): reports showing
    # an open door are rare, so a year is a few index entries instead of a visit to every
    # report's row; inserting a closed-door report never touches this index.
    db.execute("CREATE INDEX doors_history_open ON doors_history"
               "(gantry_id, cabinet_id, device_id, ts)"
               " WHERE front_door_closed = 0 OR back_door_closed = 0")


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [_v1]
MIGRATIONS.append(_control_audit)
MIGRATIONS.append(_alarms_and_events)
MIGRATIONS.append(_metric_rollups)
MIGRATIONS.append(_captures)
MIGRATIONS.append(_open_doors_index)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: sqlite_utils.Database) -> int:
    """Bring the database up to SCHEMA_VERSION; returns the version it was at."""
    conn = db.conn
    start = conn.execute("PRAGMA user_version").fetchone()[0]
    if start > SCHEMA_VERSION:
        raise RuntimeError(
            f"the data folder was written by a newer Gantry Monitor (schema {start}, "
            f"this version knows {SCHEMA_VERSION})")
    for version in range(start, SCHEMA_VERSION):
        with conn:
            MIGRATIONS[version](db)
            conn.execute(f"PRAGMA user_version = {version + 1}")
    return start
