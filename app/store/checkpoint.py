"""WAL checkpoints: copying the WAL back into the database file, off the commit path.

The writer's own connection commits with `synchronous=NORMAL` (the Syncer makes its commits
durable), so it must not checkpoint: SQLite's automatic checkpoint would copy pages into the
database without syncing it first. Checkpoints go through connections of their
own with `synchronous=FULL` (the WAL synced before it is copied, the database synced before the
WAL is reused), in two steps:

- a background thread copies what the WAL holds every second: the long part (megabytes
  and an fsync of the database under load), while the writer goes on committing;
- the writer thread, after its next commit, copies the little that arrived meanwhile. Only a
  checkpoint that catches up with the writer lets SQLite start the WAL again from its beginning;
  one on another thread never does under steady load, and the WAL then grows without end.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

INTERVAL_S = 1.0


class Checkpointer:
    def __init__(self, connect: Callable[[], sqlite3.Connection], interval_s: float = INTERVAL_S):
        self._connect = connect
        self._interval_s = interval_s
        self._stop = threading.Event()
        self._copied = threading.Event()  # a background round ended: the writer may finish it
        self._thread = threading.Thread(target=self._run, name="store-checkpoint", daemon=True)
        self._writer_conn: sqlite3.Connection | None = None
        self.rounds = 0  # background rounds
        self.catch_ups = 0  # rounds finished by the writer

    def start(self) -> None:
        self._thread.start()

    def after_commit(self) -> None:
        """Called by the writer thread after each commit; never raises (the writer must live)."""
        if self._copied.is_set():
            self._copied.clear()
            if self._writer_conn is None:
                try:
                    self._writer_conn = self._connect()
                except (sqlite3.Error, OSError) as e:
                    log.warning("WAL checkpoint connection failed: %s", e)
                    return
            if _checkpoint(self._writer_conn):
                self.catch_ups += 1

    def close_writer_side(self) -> None:
        """Called by the writer thread as it stops."""
        if self._writer_conn is not None:
            self._writer_conn.close()
            self._writer_conn = None

    def close(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        conn = self._connect()
        try:
            while not self._stop.wait(self._interval_s):
                if _checkpoint(conn):
                    self.rounds += 1
                    self._copied.set()
        finally:
            conn.close()


def _checkpoint(conn: sqlite3.Connection) -> bool:
    try:
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        return True
    except sqlite3.Error as e:  # busy or I/O: the next round tries again
        log.warning("WAL checkpoint failed: %s", e)
        return False
