"""The background job of the history: keep the rollups caught up and purge old rows.

One asyncio task (started by `app.core.Core`, so it runs in `serve` and in the desktop app).
Every step is a small writer task with a short pause between steps, so status posts queued on
the writer are committed between two batches, never after a long purge.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from app.store import Store
from app.store.schema import HISTORY_TABLES

from .retention import (
    BATCH_ROWS,
    PurgeCounts,
    Retention,
    history_sources,
    kept_bodies,
    purge_history_batch,
    purge_rollups_batch,
    strip_bodies_batch,
)
from .rollups import BATCH_ROWS as ROLLUP_ROWS
from .rollups import fold_batch, rolled_kinds

log = logging.getLogger(__name__)


class HistoryService:
    def __init__(self, store: Store, retention: Retention | None = None, *,
                 rollup_every_s: float = 60.0, purge_every_s: float = 3600.0,
                 pause_s: float = 0.01, clock: Callable[[], float] = time.time):
        self.store = store
        self.retention = retention or Retention()
        self.rollup_every_s = rollup_every_s
        self.purge_every_s = purge_every_s
        self.pause_s = pause_s
        self.clock = clock
        self._task: asyncio.Task[None] | None = None
        self.last_purge: PurgeCounts | None = None

    # -- life cycle ----------------------------------------------------------------------------
    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="history")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            try:
                await task
            except asyncio.CancelledError:
                pass
            except Exception:  # a maintenance task that died must not stop the shutdown
                log.exception("history maintenance had stopped with an error")

    async def _run(self) -> None:
        next_purge = 0.0
        while True:
            try:
                await self.catch_up()
                if time.monotonic() >= next_purge:
                    self.last_purge = await self.purge()
                    next_purge = time.monotonic() + self.purge_every_s
            except asyncio.CancelledError:
                raise
            except Exception:  # the store closing under us, a disk error: try again later
                log.exception("history maintenance failed")
            await asyncio.sleep(self.rollup_every_s)

    # -- steps ---------------------------------------------------------------------------------
    async def catch_up(self) -> int:
        """Fold every history row not yet in the rollups; returns how many rows were folded."""
        total = 0
        for kind in rolled_kinds():
            while True:
                n = await self.store.write(lambda conn, k=kind: fold_batch(conn, k))
                total += n
                if n < ROLLUP_ROWS:
                    break
                await asyncio.sleep(self.pause_s)
        return total

    async def _repeat(self, task: Callable, *args: object) -> int:
        total = 0
        while True:
            n = await self.store.write(lambda conn: task(conn, *args))
            total += n
            if n == 0:
                return total
            await asyncio.sleep(self.pause_s)

    async def purge(self, now: float | None = None) -> PurgeCounts:
        """Delete what is older than the retention periods (see `retention`)."""
        now = self.clock() if now is None else now
        raw_cut = self.retention.raw_cutoff(now)
        counts = PurgeCounts()
        await self.catch_up()  # never delete a row before its hour is summarised
        for kind in HISTORY_TABLES:
            n = 0
            for source in await self.store.read(history_sources, kind):
                n += await self._repeat(purge_history_batch, kind, source, raw_cut, BATCH_ROWS,
                                        self.retention.rollup_cutoff(now))
            counts.by_table[HISTORY_TABLES[kind]] = n
            counts.history += n
        kept = await self.store.read(kept_bodies)
        counts.comm_log = await self._repeat(strip_bodies_batch, raw_cut, kept, BATCH_ROWS)
        counts.rollups = await self._repeat(
            purge_rollups_batch, self.retention.rollup_cutoff(now), BATCH_ROWS)
        if counts.history or counts.rollups:
            log.info("history purge: %s", counts)
        return counts
