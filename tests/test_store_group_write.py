"""A group commit writes all its messages together: every row, the right ids, in one commit."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
import time
import zlib

import pytest

from app.protocol import encode_body, parse
from app.protocol.parse import ReceivePolicy
from app.protocol.signing import signed_headers
from app.store import LogEntry, Store
from tests.conftest import example


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path).open()
    yield s
    s.close()


def accepted(gantry: str, temperature: str, cabinet: str = "1"):
    doc = example("cabinetStatusUpdate")
    doc["gantryId"] = gantry
    doc["cabinetStatus"]["id"] = cabinet
    doc["cabinetStatus"]["thermohygrometer"]["temperature"] = temperature
    body = encode_body(doc)
    result = parse(body, signed_headers(body, "123456"), ReceivePolicy(skew_tolerance_s=0),
                   time.time())
    return result.message, body


async def test_concurrent_messages_share_commits_and_keep_every_row(store):
    items = [accepted(f"G{i % 3}", f"{20 + i}.5", cabinet=str(1 + i % 2)) for i in range(30)]
    ts0 = 1_800_000_000.0
    ids = await asyncio.gather(*[
        store.store_message(m, LogEntry(ts0 + i, f"10.0.0.{i}", m.gantry_id, m.method, "1000",
                                        "accepted", body))
        for i, (m, body) in enumerate(items)])
    assert sorted(ids) == list(range(1, 31))
    assert store.commits < 30  # grouped
    db = store.read_sync(lambda db: db)
    rows = db.execute("SELECT m.id, m.gantry_id, m.cabinet_id, t.temperature, c.body"
                      " FROM messages m JOIN thermohygrometer_history t ON t.message_id = m.id"
                      " JOIN comm_log c ON c.id = m.log_id ORDER BY m.id").fetchall()
    assert len(rows) == 30
    for message_id, gantry, cabinet, temperature, body in rows:
        i = ids.index(message_id)
        m, sent = items[i]
        assert (gantry, cabinet, temperature) == (m.gantry_id, m.cabinet.id, 20 + i + 0.5)
        assert zlib.decompress(body) == sent  # the raw body, as received
    # Each history table got one row per device of each message.
    assert db.execute("SELECT COUNT(*) FROM air_conditioner_history").fetchone()[0] == 60
    no_value = db.execute("SELECT no_value FROM doors_history LIMIT 1").fetchone()[0]
    assert json.loads(no_value) == {"front_door_unlock_card_id": "NoData",
                                    "back_door_unlock_card_id": "NoData"}
    # Gantries: first and last time heard, and the peer of the latest message.
    last = {g: max(i for i, (m, _) in enumerate(items) if m.gantry_id == g) for g in ("G0", "G1",
                                                                                       "G2")}
    for g, first_seen, last_seen, peer in db.execute(
            "SELECT gantry_id, first_seen, last_seen, last_peer FROM gantries"):
        assert first_seen == ts0 + int(g[1])
        assert last_seen == ts0 + last[g]
        assert peer == f"10.0.0.{last[g]}"


async def test_an_older_message_does_not_move_last_seen_back(store):
    m, body = accepted("G1", "20")
    await store.store_message(m, LogEntry(2000.0, "new", "G1", m.method, "1000", "", body))
    await store.store_message(m, LogEntry(1000.0, "old", "G1", m.method, "1000", "", body))
    row = store.read_sync(lambda db: db.execute(
        "SELECT last_seen, last_peer FROM gantries").fetchone())
    assert tuple(row) == (2000.0, "new")


async def test_checkpoints_keep_the_wal_small_under_steady_writes(tmp_path):
    store = Store(tmp_path)
    store._writer._checkpointer._interval_s = 0.05  # rounds more often than the default
    store.open()
    try:
        writer = store._connect_writer("OFF")
        assert writer.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0  # not in commits
        writer.close()
        m, body = accepted("G1", "20")
        for i in range(150):
            await store.store_message(m, LogEntry(float(i), "p", "G1", m.method, "1000", "",
                                                  body))
            await asyncio.sleep(0.005)
        wal = store.path.with_name(store.path.name + "-wal")
        # Each commit dirties some 25 pages: if checkpoints never caught up with the writer,
        # the WAL would hold them all (about 15 MB); caught up, SQLite starts it again from
        # its beginning, and its file stays at the most written between two rounds.
        assert wal.stat().st_size < 4_000_000
        assert store._writer._checkpointer.catch_ups > 0
        assert store.read_sync(
            lambda db: db.execute("SELECT COUNT(*) FROM messages").fetchone()[0]) == 150
    finally:
        store.close()


async def test_a_write_is_answered_only_after_the_wal_is_synced(store, monkeypatch):
    import app.store.syncer as syncer_mod

    gate, synced = threading.Event(), []
    real_sync = syncer_mod._sync_file

    def slow_sync(fd):
        gate.wait(5)
        real_sync(fd)
        synced.append(fd)

    monkeypatch.setattr(syncer_mod, "_sync_file", slow_sync)
    m, body = accepted("G1", "20")
    pending = asyncio.ensure_future(
        store.store_message(m, LogEntry(1.0, "p", "G1", m.method, "1000", "", body)))
    await asyncio.sleep(0.3)
    # Committed (a reader sees it) but not yet on disk: the caller must not have its answer.
    assert store.read_sync(lambda db: db.execute("SELECT COUNT(*) FROM messages").fetchone()[0]) == 1
    assert not pending.done()
    gate.set()
    assert await asyncio.wait_for(pending, 5) == 1
    assert synced


async def test_a_failed_sync_fails_every_write_until_a_restart(tmp_path, monkeypatch):
    """After an I/O error the kernel may drop the unwritten pages and a later fsync succeed
    without them: acknowledging anything after that could hide a hole in the WAL. So from the
    first failed sync on nothing is stored (devices get 1008 and send again) until a restart."""
    import app.store.syncer as syncer_mod

    store = Store(tmp_path).open()

    def broken(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(syncer_mod, "_sync_file", broken)
    m, body = accepted("G1", "20")
    with pytest.raises(OSError, match="could not be written to disk"):
        await store.store_message(m, LogEntry(1.0, "p", "G1", m.method, "1000", "", body))
    monkeypatch.undo()  # the disk "works" again: it must not be believed
    rows = store.read_sync(lambda db: db.execute("SELECT count(*) FROM messages").fetchone()[0])
    with pytest.raises(OSError, match="until Gantry Monitor is restarted"):
        await store.store_message(m, LogEntry(2.0, "p", "G1", m.method, "1000", "", body))
    with pytest.raises(OSError):
        await store.log_request(LogEntry(3.0, "p", "G1", m.method, "1002", "bad", body))
    assert store.read_sync(
        lambda db: db.execute("SELECT count(*) FROM messages").fetchone()[0]) == rows
    store.close()
    again = Store(tmp_path).open()  # a restart recovers from what is on disk
    try:
        assert await again.store_message(
            m, LogEntry(4.0, "p", "G1", m.method, "1000", "", body)) > 0
    finally:
        again.close()


def test_the_writer_syncs_the_wal_header_when_it_restarts_the_wal(store):
    """synchronous=NORMAL, not OFF, on the writer: in WAL mode NORMAL does not sync commits (the
    Syncer does) but does sync the new WAL header before frames overwrite the old ones; under
    OFF a power cut could leave old frames that recovery replays over acknowledged commits."""
    level = store._writer.submit(
        lambda conn: conn.execute("PRAGMA synchronous").fetchone()[0]).result(10)
    assert level == 1  # NORMAL


async def test_a_writer_that_cannot_start_fails_its_callers_instead_of_hanging(tmp_path):
    store = Store(tmp_path).open()
    store.close()
    broken = Store(tmp_path)

    def no_connection(*_args):
        raise sqlite3.OperationalError("unable to open database file")

    broken._connect_writer = no_connection  # type: ignore[method-assign]
    broken._writer._connect = lambda: no_connection()
    broken._writer.start()
    m, body = accepted("G1", "20")
    with pytest.raises(sqlite3.OperationalError, match="unable to open"):
        await asyncio.wait_for(
            broken.store_message(m, LogEntry(1.0, "p", "G1", m.method, "1000", "", body)), 5)
    with pytest.raises(sqlite3.OperationalError):  # and every later caller too, at once
        await asyncio.wait_for(broken.wait_idle(), 5)
    broken.close()
