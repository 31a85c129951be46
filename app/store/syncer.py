"""Making commits durable off the writer's path: one fsync of the WAL for many commits.

The writer commits with `synchronous=NORMAL` (in WAL mode: frames go to the operating system
without a sync, which is enough to survive a killed process; only a restart of the WAL syncs
its new header) and hands each commit's outcomes here. This thread fsyncs the WAL file
and only then resolves them, which is what `synchronous=FULL` does inside each commit, except
that the writer goes on inserting and committing the next group while the disk syncs, and one
fsync covers every commit made before it started. Checkpoints (checkpoint.py) run on a FULL
connection, so the WAL is synced before it is copied and the database before the WAL is reused.

A failed sync is final. After an I/O error the kernel may mark the unwritten pages clean, and a
later fsync can then succeed without them: commits acknowledged after it could sit behind a hole
in the WAL that recovery stops at. So from the first failure on every write fails (the receiver
answers 1008 and devices send again); a restart recovers from what is really on disk.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger(__name__)

Outcomes = Callable[[BaseException | None], None]  # resolves one commit's callers


# What SQLite itself uses for a FULL commit: fdatasync where there is one (Linux), which skips
# the file's metadata when only its contents changed (the WAL is reused from its start).
_sync_file = getattr(os, "fdatasync", os.fsync)


class DiskWriteFailed(OSError):
    """Syncing the history to disk failed: nothing more is stored until a restart."""


class Syncer:
    def __init__(self, wal_path: Path):
        self._wal_path = wal_path
        self._fd: int | None = None
        self.failure: DiskWriteFailed | None = None  # set by the first failed sync, for good
        # A SimpleQueue (C): handing over costs the writer less than a Condition would.
        self._queue: queue.SimpleQueue[Outcomes | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="store-sync", daemon=True)
        self.syncs = 0

    def start(self) -> None:
        self._thread.start()

    def after_sync(self, settle: Outcomes) -> None:
        """Call `settle(None)` once everything committed so far is on disk (or `settle(error)`)."""
        self._queue.put(settle)

    def close(self, timeout: float = 10.0) -> None:
        """Sync what is pending, then stop (the writer has stopped committing by now)."""
        self._queue.put(None)
        self._thread.join(timeout)

    def _run(self) -> None:
        try:
            stop = False
            while not stop:
                batch = [self._queue.get()]
                while True:
                    try:
                        batch.append(self._queue.get_nowait())
                    except queue.Empty:
                        break
                stop = None in batch
                settles = [b for b in batch if b is not None]
                if not settles:
                    continue
                error = self._sync()  # one fsync for every commit made before it
                for settle in settles:
                    try:
                        settle(error)
                    except Exception:  # this thread must outlive any caller's mistake
                        log.exception("resolving a commit's callers failed")
        finally:
            if self._fd is not None:
                os.close(self._fd)

    def _sync(self) -> BaseException | None:
        if self.failure is not None:
            return self.failure
        try:
            if self._fd is None:
                # Read-write: Windows flushes a file only through a handle that may write to it.
                self._fd = os.open(self._wal_path, os.O_RDWR | getattr(os, "O_BINARY", 0))
            _sync_file(self._fd)
            self.syncs += 1
            return None
        except OSError as e:
            self.failure = DiskWriteFailed(
                e.errno, f"the history database could not be written to disk ({e.strerror or e});"
                " nothing more is stored until Gantry Monitor is restarted")
            log.critical("%s", self.failure.strerror)
            return self.failure
