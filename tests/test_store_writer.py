"""The single writer: group commits, failures isolated, callers that give up don't break it."""

from __future__ import annotations

import asyncio
import sqlite3
import threading

import pytest

from app.store import Store


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path).open()
    yield s
    s.close()


def _insert(value: int):
    return lambda conn: conn.execute("INSERT INTO gantries (gantry_id) VALUES (?)",
                                     [f"G{value}"]).lastrowid


def _count(db) -> int:
    return db.execute("SELECT COUNT(*) FROM gantries").fetchone()[0]


async def test_many_writers_share_commits(store):
    await asyncio.gather(*[store.write(_insert(i)) for i in range(200)])
    assert store.read_sync(_count) == 200
    assert store.commits < 200  # grouped


async def test_a_failing_task_fails_alone(store):
    def bad(conn):
        raise sqlite3.IntegrityError("boom")

    results = await asyncio.gather(store.write(_insert(1)), store.write(bad),
                                   store.write(_insert(2)), return_exceptions=True)
    assert isinstance(results[1], sqlite3.IntegrityError)
    assert store.read_sync(_count) == 2


async def test_cancelled_caller_does_not_kill_the_writer(store):
    gate = threading.Event()

    def slow(conn):
        gate.wait(5)

    blocker = asyncio.ensure_future(store.write(slow))
    waiting = asyncio.ensure_future(store.write(_insert(1)))
    await asyncio.sleep(0.05)
    waiting.cancel()  # the caller gives up while its task is queued
    gate.set()
    await blocker
    await store.write(_insert(2))  # the writer is still alive
    await store.wait_idle()
    assert store.read_sync(_count) in (1, 2)
