"""The running core without any window: store, bus, fleet and receiver wired together.

`gantry-monitor serve` runs this alone; the desktop app runs the same object on the Qt loop.
"""

from __future__ import annotations

import logging
from pathlib import Path

from filelock import FileLock, Timeout

from app.alarms.engine import AlarmEngine
from app.bus import EventBus
from app.config import Settings
from app.fleet import Fleet
from app.history import HistoryService, Retention
from app.media.fetcher import CaptureFetcher
from app.protocol import RateLimiter
from app.receiver import Receiver, ReceiverError
from app.store import Store, StoreError

log = logging.getLogger(__name__)


class Core:
    def __init__(self, settings: Settings, data_dir: Path | None = None):
        self.settings = settings
        self.data_dir = Path(data_dir) if data_dir else settings.resolved_data_dir()
        self.bus = EventBus()
        self.store = Store(self.data_dir)
        self.fleet = Fleet(self.bus)
        self.alarms = AlarmEngine(self.store, self.bus, self.fleet, settings)  # after the fleet
        self.receiver = Receiver(settings, self.store, self.bus)
        self.captures = CaptureFetcher(settings, self.store, self.bus, self.fleet,
                                       self.data_dir)  # door-open captures (issue 8)
        self.history = HistoryService(self.store, Retention.from_settings(settings))  # issue 5
        self._started = False
        self._lock = FileLock(str(self.data_dir / "gantry-monitor.lock"))

    async def start(self, stay_up_without_receiver: bool = False) -> str:
        """Open the store, rebuild the fleet, start receiving; returns the receiver's URL.

        Raises StoreError / ReceiverError with a sentence for the user. With
        `stay_up_without_receiver` (the window), a receiver that cannot listen (port taken)
        still raises, but the rest runs: history, trends and control work, and the settings
        dialog can start the receiver on another port (`apply_settings`)."""
        self._claim_data_dir()
        try:
            self.store.open()
        except BaseException:
            self._release_data_dir()
            raise
        down: ReceiverError | None = None
        try:
            self.fleet.seed(self.store)
            for gid, entry in self.settings.gantries.items():
                state = self.fleet.gantry(gid)
                state.name = entry.name or state.name
                state.period_s = entry.period_s
            await self.alarms.start()
            await self.captures.start()
            url = await self.receiver.start()
        except ReceiverError as e:
            if not stay_up_without_receiver:
                await self._abandon_start()
                raise
            down = e  # up without its receiver: the rest runs (see above)
        except BaseException:
            await self._abandon_start()
            raise
        self.history.start()  # rollups and retention, in the background
        self._started = True
        if down is not None:
            raise down
        return url

    async def _abandon_start(self) -> None:
        """Undo a start that failed half-way (the store is open, the folder claimed)."""
        await self.captures.stop()
        await self.alarms.stop()
        self.store.close()
        self._release_data_dir()

    @property
    def running(self) -> bool:
        """Started and not stopped (the receiver may be down: see `start`)."""
        return self._started

    async def apply_settings(self, settings: Settings) -> str | None:
        """Use new settings while running (the settings dialog). The receiver restarts only
        when what it listens with changed (host, port, TLS); the other parts take the new values
        in place. Returns the receiver's URL; raises ReceiverError if it cannot listen again
        (it then stays stopped, the rest keeps running)."""
        old, self.settings = self.settings, settings
        self.alarms.alarm_settings = settings.alarms
        self.alarms.zone_of = settings.gantry_zone
        self.captures.settings = settings
        self.history.retention = Retention.from_settings(settings)
        for gid, entry in settings.gantries.items():
            state = self.fleet.gantry(gid)
            state.name = entry.name or state.name
            state.period_s = entry.period_s
        listen = ("host", "port", "tls_cert", "tls_key")
        restart = any(getattr(old, k) != getattr(settings, k) for k in listen)
        if not self._started:
            return None
        if restart or self.receiver._runner is None:
            await self.receiver.stop()
            self.receiver = Receiver(settings, self.store, self.bus)
            return await self.receiver.start()
        r = self.receiver  # same socket: new checks apply to the next request
        r.settings, r.policy = settings, settings.receive_policy()
        if (old.rate_per_s, old.rate_burst) != (settings.rate_per_s, settings.rate_burst):
            r.rate = RateLimiter(settings.rate_per_s, settings.rate_burst)
        return r.url

    async def stop(self) -> None:
        if not self._started:
            return
        self._started = False
        await self.receiver.stop()
        await self.captures.stop()
        await self.history.stop()
        await self.alarms.stop()
        self.store.close()
        self._release_data_dir()

    def _claim_data_dir(self) -> None:
        """One running core per data folder: a second `serve`, or `serve` beside the app on the
        same folder, would receive into the same history twice."""
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            self._lock.acquire(timeout=0)
        except Timeout:
            raise StoreError(f"Another Gantry Monitor is already using the data folder "
                             f"{self.data_dir}.") from None
        except OSError as e:
            raise StoreError(f"Cannot use the data folder {self.data_dir}: {e}") from e

    def _release_data_dir(self) -> None:
        if self._lock.is_locked:
            self._lock.release()
