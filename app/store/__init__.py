"""Local SQLite history (WAL): one writer thread, reader connections of their own.

Nothing answered 1000 is lost: the receiver awaits the commit that holds its message.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils

from app.protocol import StatusMessage

from .checkpoint import Checkpointer
from .records import LogEntry, MessageRows, insert_log, message_rows, write_messages
from .schema import HISTORY_TABLES, migrate
from .syncer import DiskWriteFailed, Syncer
from .writer import Writer

__all__ = ["DiskWriteFailed", "HISTORY_TABLES", "LogEntry", "Store", "StoreError"]

DB_NAME = "gantry-monitor.sqlite3"
T = TypeVar("T")


class _MessageTask:
    """Writing one accepted message; a group commit writes all its messages together."""

    __slots__ = ("rows",)

    def __init__(self, rows: MessageRows):
        self.rows = rows

    def __call__(self, conn: sqlite3.Connection) -> int:
        return write_messages(conn, [self.rows])[0]

    @staticmethod
    def run_many(conn: sqlite3.Connection, tasks: list[_MessageTask]) -> list[int]:
        return write_messages(conn, [t.rows for t in tasks])


class StoreError(Exception):
    """The data folder cannot be used; the message is one sentence for the user."""


class Store:
    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DB_NAME
        self._writer = Writer(lambda: self._connect_writer("NORMAL"),
                              Syncer(self.path.with_name(self.path.name + "-wal")),
                              Checkpointer(self._connect_writer))
        self._readers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="store-reader")
        self._local = threading.local()
        self._reader_conns: list[sqlite3.Connection] = []
        self._lock = threading.Lock()

    # -- life cycle ---------------------------------------------------------------------------
    def open(self) -> Store:
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            conn = self._connect_writer()
            try:
                migrate(sqlite_utils.Database(conn))
            finally:
                conn.close()
        except (OSError, sqlite3.Error) as e:
            raise StoreError(f"Cannot open the history database {self.path}: {e}") from e
        self._writer.start()
        return self

    def close(self) -> None:
        self._writer.close()
        self._readers.shutdown(wait=True)
        with self._lock:
            for c in self._reader_conns:
                c.close()
            self._reader_conns.clear()

    def _connect_writer(self, synchronous: str = "FULL") -> sqlite3.Connection:
        """A read-write connection. FULL: a commit is on disk when it returns. The writer's is
        NORMAL because its Syncer fsyncs the WAL before any caller hears of the commit: either
        way an acknowledged message survives a power cut, not just a killed process. Not OFF:
        when SQLite starts the WAL again from its beginning, NORMAL syncs the new WAL header
        before the first new frame; under OFF the header and the frames written over old ones
        could reach the disk in any order, and after a power cut recovery could replay old
        frames over newer, acknowledged commits (SQLite's comment in walRestartLog)."""
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute(f"PRAGMA synchronous={synchronous}")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=5000")
        # Checkpoints go through FULL connections of their own (checkpoint.py).
        conn.execute("PRAGMA wal_autocheckpoint=0")
        conn.execute("PRAGMA journal_size_limit=67108864")  # a WAL left over 64 MB is cut back
        return conn

    def _reader(self) -> sqlite_utils.Database:
        db = getattr(self._local, "db", None)
        if db is None:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            conn.execute("PRAGMA busy_timeout=5000")
            with self._lock:
                self._reader_conns.append(conn)
            db = self._local.db = sqlite_utils.Database(conn)
        return db

    # -- writing ------------------------------------------------------------------------------
    async def write(self, task: Callable[[sqlite3.Connection], T]) -> T:
        """Run `task` on the writer thread; resolves once its transaction is committed and on
        disk."""
        return await self._writer.submit_async(task)

    async def store_message(self, message: StatusMessage, log: LogEntry) -> int:
        """Store one accepted message; resolves with its id after the commit that holds it."""
        return await self._writer.submit_async(_MessageTask(message_rows(message, log)))

    async def log_request(self, log: LogEntry) -> int:
        return await self.write(lambda conn: insert_log(conn, log))

    async def wait_idle(self) -> None:
        """Resolves once everything submitted before it has committed (tests, shutdown)."""
        await self.write(lambda conn: None)

    @property
    def commits(self) -> int:
        return self._writer.commits

    # -- reading ------------------------------------------------------------------------------
    def read_sync(self, query: Callable[..., T], *args: Any) -> T:
        """Run `query(db, *args)` on this thread's read-only connection."""
        return query(self._reader(), *args)

    async def read(self, query: Callable[..., T], *args: Any) -> T:
        """Run `query(db, *args)` on a reader thread, off the event loop."""
        return await asyncio.wrap_future(self._readers.submit(self.read_sync, query, *args))
