"""Making commits durable off the writer's path: one fsync of the WAL for many commits.

The writer commits with `synchronous=OFF` (frames go to the operating system, which is enough to
survive a killed process) and hands each commit's outcomes here. This thread fsyncs the WAL file
and only then resolves them, which is what `synchronous=FULL` does inside each commit, except
that the writer goes on inserting and committing the next group while the disk syncs, and one
fsync covers every commit made before it started. Checkpoints (checkpoint.py) run on a FULL
connection, so the WAL is synced before it is copied and the database before the WAL is reused.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

Outcomes = Callable[[BaseException | None], None]  # resolves one commit's callers


class Syncer:
    def __init__(self, wal_path: Path):
        self._wal_path = wal_path
        self._fd: int | None = None
        self._pending: list[Outcomes] = []
        self._cond = threading.Condition()
        self._closing = False
        self._thread = threading.Thread(target=self._run, name="store-sync", daemon=True)
        self.syncs = 0

    def start(self) -> None:
        self._thread.start()

    def after_sync(self, settle: Outcomes) -> None:
        """Call `settle(None)` once everything committed so far is on disk (or `settle(error)`)."""
        with self._cond:
            self._pending.append(settle)
            self._cond.notify()

    def close(self, timeout: float = 10.0) -> None:
        """Sync what is pending, then stop (the writer has stopped committing by now)."""
        with self._cond:
            self._closing = True
            self._cond.notify()
        self._thread.join(timeout)

    def _run(self) -> None:
        try:
            while True:
                with self._cond:
                    while not self._pending and not self._closing:
                        self._cond.wait()
                    batch, self._pending = self._pending, []
                    if not batch and self._closing:
                        return
                error = self._sync()
                for settle in batch:
                    try:
                        settle(error)
                    except Exception:  # this thread must outlive any caller's mistake
                        log.exception("resolving a commit's callers failed")
        finally:
            if self._fd is not None:
                os.close(self._fd)

    def _sync(self) -> BaseException | None:
        try:
            if self._fd is None:
                # Read-write: Windows flushes a file only through a handle that may write to it.
                self._fd = os.open(self._wal_path, os.O_RDWR | getattr(os, "O_BINARY", 0))
            os.fsync(self._fd)
            self.syncs += 1
            return None
        except OSError as e:
            log.error("syncing the history to disk failed: %s", e)
            return e
