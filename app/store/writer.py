"""The single writer thread: owns the write connection and commits tasks in group transactions.

Many requests share one commit; each caller's future resolves only after the commit that holds
its task is on disk (synced by the Syncer, which covers many commits with one fsync), which is
what lets the receiver answer 1000 safely.
"""

from __future__ import annotations

import asyncio
import logging
import queue
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future, InvalidStateError
from typing import Any, Protocol

from .checkpoint import Checkpointer
from .syncer import Syncer

log = logging.getLogger(__name__)

Task = Callable[[sqlite3.Connection], Any]
# Where a task's outcome goes: a thread future, or an asyncio future with its loop.
Waiter = Future[Any] | tuple[asyncio.AbstractEventLoop, asyncio.Future[Any]]
_STOP = object()
MAX_BATCH = 500


class GroupTask(Protocol):
    """A task that can be written together with its neighbours of the same kind: `run_many`
    writes several in one go (one executemany per table) and returns one result each."""

    def __call__(self, conn: sqlite3.Connection) -> Any: ...

    @staticmethod
    def run_many(conn: sqlite3.Connection, tasks: list[Any]) -> list[Any]: ...


class Writer:
    def __init__(self, connect: Callable[[], sqlite3.Connection], syncer: Syncer | None = None,
                 checkpointer: Checkpointer | None = None):
        self._connect = connect
        self._syncer = syncer  # when set, callers hear of a commit once it is on disk
        self._checkpointer = checkpointer  # when set, WAL checkpoints (checkpoint.py)
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="store-writer", daemon=True)
        self._closed = False
        self._failure: BaseException | None = None  # the writer thread stopped on this
        self._pending: dict[asyncio.AbstractEventLoop, list[tuple[Task, Waiter]]] = {}
        self.commits = 0

    def start(self) -> None:
        if self._syncer is not None:
            self._syncer.start()
        if self._checkpointer is not None:
            self._checkpointer.start()
        self._thread.start()

    def submit(self, task: Task) -> Future[Any]:
        fut: Future[Any] = Future()
        if self._failure is not None:
            fut.set_exception(self._failure)
        elif self._closed:
            fut.set_exception(RuntimeError("the store is closed"))
        else:
            self._queue.put((task, fut))
            if self._failure is not None:  # it stopped meanwhile: nobody else will answer
                self._fail_queued()
        return fut

    def submit_async(self, task: Task) -> asyncio.Future[Any]:
        """Like submit, for a caller on an event loop. The tasks submitted during one turn of
        the loop reach the writer together (one wake-up of its thread, one group commit), and
        the outcomes of a commit reach the loop in one wake-up too."""
        loop = asyncio.get_running_loop()
        fut = loop.create_future()
        if self._failure is not None:
            fut.set_exception(self._failure)
            return fut
        if self._closed:
            fut.set_exception(RuntimeError("the store is closed"))
            return fut
        pending = self._pending.get(loop)
        if pending is None:
            pending = self._pending[loop] = []
            loop.call_soon(self._hand_over, loop)
        pending.append((task, (loop, fut)))
        return fut

    def _hand_over(self, loop: asyncio.AbstractEventLoop) -> None:
        pending = self._pending.pop(loop, None)
        if pending:
            self._queue.put(pending)
            if self._failure is not None:
                self._fail_queued()

    def close(self, timeout: float = 10.0) -> None:
        """Finish what is queued, then stop."""
        if self._closed:
            return
        self._closed = True
        for loop in list(self._pending):  # what this loop turn submitted goes in first
            self._hand_over(loop)
        self._queue.put(_STOP)
        self._thread.join(timeout)
        if self._thread.is_alive():
            # Its last commits still need the Syncer to answer their callers: leave both
            # running (daemon threads) rather than strand them.
            log.error("the store's writer did not finish within %.0f s", timeout)
            return
        if self._syncer is not None:
            self._syncer.close(timeout)
        if self._checkpointer is not None:
            self._checkpointer.close(timeout)

    def _run(self) -> None:
        try:
            conn = self._connect()
        except BaseException as e:
            self._stop_on(e)
            return
        try:
            self._serve(conn)
        except BaseException as e:  # a bug or a broken connection: fail callers, never hang
            self._stop_on(e)
        finally:
            if self._checkpointer is not None:
                self._checkpointer.close_writer_side()
            try:
                # Should this be the last connection to close, its final checkpoint is synced.
                conn.execute("PRAGMA synchronous=FULL")
            finally:
                conn.close()

    def _stop_on(self, error: BaseException) -> None:
        """The writer thread cannot go on: every caller, queued or to come, hears `error`."""
        log.critical("the store's writer stopped: %s", error, exc_info=error)
        self._failure = error if isinstance(error, Exception) else RuntimeError(str(error))
        self._fail_queued()

    def _fail_queued(self) -> None:
        assert self._failure is not None
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            if item is not _STOP:
                batch = item if isinstance(item, list) else [item]
                _settle([(waiter, None, self._failure) for _, waiter in batch])

    def _serve(self, conn: sqlite3.Connection) -> None:
        """Commit batches until told to stop."""
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            batch = item if isinstance(item, list) else [item]
            stop = False
            while len(batch) < MAX_BATCH:
                try:
                    nxt = self._queue.get_nowait()
                except queue.Empty:
                    break
                if nxt is _STOP:
                    stop = True
                    break
                if isinstance(nxt, list):
                    batch.extend(nxt)
                else:
                    batch.append(nxt)
            try:
                self._commit(conn, batch)
            except BaseException as e:  # its callers hear of it before the thread stops
                _settle([(waiter, None, e if isinstance(e, Exception) else RuntimeError(str(e)))
                         for _, waiter in batch])
                raise
            if stop:
                return
            if self._checkpointer is not None:
                self._checkpointer.after_commit()

    def _commit(self, conn: sqlite3.Connection, batch: list[tuple[Task, Waiter]]) -> None:
        failed = self._syncer.failure if self._syncer is not None else None
        if failed is not None:  # the disk failed: write nothing more (syncer.py)
            _settle([(waiter, None, failed) for _, waiter in batch])
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except Exception as exc:  # the database as a whole (busy, I/O): no task is to blame
            log.error("store write failed: %s", exc)
            _settle([(waiter, None, exc) for _, waiter in batch])
            return
        try:
            results = _run_tasks(conn, [task for task, _ in batch])
        except Exception as exc:
            conn.rollback()
            if len(batch) > 1:
                # One bad task must not fail its neighbours: commit each on its own.
                for one in batch:
                    self._commit(conn, [one])
            else:
                log.exception("store write failed")
                _settle([(batch[0][1], None, exc)])
            return
        try:
            conn.commit()
        except Exception as exc:
            if conn.in_transaction:
                conn.rollback()
            log.error("store commit failed: %s", exc)
            _settle([(waiter, None, exc) for _, waiter in batch])
            return
        self.commits += 1
        outcomes = [(waiter, result, None) for (_, waiter), result in zip(batch, results,
                                                                           strict=True)]
        if self._syncer is None:
            _settle(outcomes)
            return

        def settle(error: BaseException | None) -> None:
            _settle(outcomes if error is None else [(w, None, error) for w, _, _ in outcomes])

        self._syncer.after_sync(settle)


def _run_tasks(conn: sqlite3.Connection, tasks: list[Task]) -> list[Any]:
    """Run tasks in order; neighbours with the same `run_many` are written together."""
    results: list[Any] = []
    i = 0
    while i < len(tasks):
        many = getattr(tasks[i], "run_many", None)
        if many is None:
            results.append(tasks[i](conn))
            i += 1
            continue
        j = i + 1
        while j < len(tasks) and getattr(tasks[j], "run_many", None) is many:
            j += 1
        results.extend(many(conn, tasks[i:j]))
        i = j
    return results


def _settle(outcomes: list[tuple[Waiter, Any, BaseException | None]]) -> None:
    by_loop: dict[asyncio.AbstractEventLoop, list[tuple[asyncio.Future[Any], Any,
                                                         BaseException | None]]] = {}
    for waiter, result, exc in outcomes:
        if isinstance(waiter, Future):
            _resolve(waiter, result, exc)
        else:
            loop, fut = waiter
            by_loop.setdefault(loop, []).append((fut, result, exc))
    for loop, items in by_loop.items():
        try:
            loop.call_soon_threadsafe(_resolve_on_loop, items)
        except RuntimeError:  # that loop is closed: its callers are gone
            pass


def _resolve_on_loop(items: list[tuple[asyncio.Future[Any], Any, BaseException | None]]
                     ) -> None:
    for fut, result, exc in items:
        if fut.done():  # the caller gave up (cancelled)
            continue
        if exc is not None:
            fut.set_exception(exc)
        else:
            fut.set_result(result)


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
