"""The single writer thread: owns the write connection and commits tasks in group transactions.

Many requests share one commit (and one fsync); each caller's future resolves only after the
commit that contains its task, which is what lets the receiver answer 1000 safely.
"""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future, InvalidStateError
from typing import Any

log = logging.getLogger(__name__)

Task = Callable[[sqlite3.Connection], Any]
_STOP = object()
MAX_BATCH = 500


class Writer:
    def __init__(self, connect: Callable[[], sqlite3.Connection]):
        self._connect = connect
        self._queue: queue.Queue[Any] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="store-writer", daemon=True)
        self._closed = False
        self.commits = 0

    def start(self) -> None:
        self._thread.start()

    def submit(self, task: Task) -> Future[Any]:
        fut: Future[Any] = Future()
        if self._closed:
            fut.set_exception(RuntimeError("the store is closed"))
            return fut
        self._queue.put((task, fut))
        return fut

    def close(self, timeout: float = 10.0) -> None:
        """Finish what is queued, then stop."""
        if self._closed:
            return
        self._closed = True
        self._queue.put(_STOP)
        self._thread.join(timeout)

    def _run(self) -> None:
        conn = self._connect()
        try:
            while True:
                item = self._queue.get()
                if item is _STOP:
                    return
                batch = [item]
                while len(batch) < MAX_BATCH:
                    try:
                        nxt = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if nxt is _STOP:
                        self._commit(conn, batch)
                        return
                    batch.append(nxt)
                self._commit(conn, batch)
        finally:
            conn.close()

    def _commit(self, conn: sqlite3.Connection, batch: list[tuple[Task, Future[Any]]]) -> None:
        try:
            results = []
            conn.execute("BEGIN IMMEDIATE")
            for task, _ in batch:
                results.append(task(conn))
            conn.commit()
            self.commits += 1
        except Exception as exc:
            conn.rollback()
            if len(batch) > 1:
                # One bad task must not fail its neighbours: commit each on its own.
                for one in batch:
                    self._commit(conn, [one])
            else:
                log.exception("store write failed")
                _resolve(batch[0][1], exc=exc)
            return
        for (_, fut), result in zip(batch, results, strict=True):
            _resolve(fut, result)


def _resolve(fut: Future[Any], result: Any = None, exc: BaseException | None = None) -> None:
    """Resolve a caller's future; one whose caller gave up (cancelled) is left alone.

    The writer thread must survive anything a caller does, or every later write would hang."""
    if fut.cancelled():
        return
    try:
        if exc is not None:
            fut.set_exception(exc)
        else:
            fut.set_result(result)
    except InvalidStateError:
        pass
