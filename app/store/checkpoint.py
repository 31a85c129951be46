"""WAL checkpoints: copying the WAL back into the database file, between the writer's commits.

The writer's own connection commits with `synchronous=OFF` (the Syncer makes its commits
durable), so it must not checkpoint: SQLite's automatic checkpoint would copy pages into the
database without syncing it, and then reuse the WAL. The writer thread instead calls
`Checkpointer.after_commit()`, which every half second checkpoints through a connection of its
own with `synchronous=FULL` (the WAL synced before it is copied, the database synced before the
WAL is reused). Running it between commits, on the thread that makes them, matters: a checkpoint
on another thread never catches up with a busy writer, and the WAL then grows without end.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

INTERVAL_S = 0.5


class Checkpointer:
    def __init__(self, connect: Callable[[], sqlite3.Connection], interval_s: float = INTERVAL_S):
        self._connect = connect
        self._interval_s = interval_s
        self._conn: sqlite3.Connection | None = None
        self._last = time.monotonic()
        self.rounds = 0

    def after_commit(self) -> None:
        """Called by the writer thread after each commit."""
        now = time.monotonic()
        if now - self._last >= self._interval_s:
            self._last = now
            self.checkpoint()

    def checkpoint(self) -> None:
        try:
            if self._conn is None:
                self._conn = self._connect()
            self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            self.rounds += 1
        except sqlite3.Error as e:  # busy or I/O: the next round tries again
            log.warning("WAL checkpoint failed: %s", e)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
