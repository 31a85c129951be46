"""WAL checkpoints on a thread of their own.

SQLite normally checkpoints inside whichever commit fills the WAL past 1000 pages: that commit
then copies megabytes into the database and syncs it while every request in its group waits for
its answer. The writer turns that off; this thread copies the WAL into the database in the
background instead (a PASSIVE checkpoint never blocks the writer or the readers).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

INTERVAL_S = 0.5


class Checkpointer:
    def __init__(self, connect: Callable[[], sqlite3.Connection], interval_s: float = INTERVAL_S):
        self._connect = connect
        self._interval_s = interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="store-checkpoint", daemon=True)
        self.rounds = 0

    def start(self) -> None:
        self._thread.start()

    def close(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        conn = self._connect()
        try:
            while not self._stop.wait(self._interval_s):
                self.checkpoint(conn)
        finally:
            conn.close()

    def checkpoint(self, conn: sqlite3.Connection) -> None:
        try:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            self.rounds += 1
        except sqlite3.Error as e:  # busy or I/O: the next round tries again
            log.warning("WAL checkpoint failed: %s", e)
