"""`gantry-monitor --demo`: an embedded simulated gantry, a throw-away data folder, no setup.

The simulated gantry (app.simulator) has two cabinets, posts every few seconds to our receiver
on a free port of 127.0.0.1, runs the scripted `demo` scenario (a door opens, an alarm is raised
and cleared in the first minutes) and serves remotecontrol.do on a free port, registered as the
gantry's control URL.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.config import GantryEntry, Settings
from app.core import Core
from app.simulator.gantry import SimulatedGantry
from app.simulator.model import GantryConfig

DEMO_GANTRY = "G000211001002110010"  # the spec's example gantry id
DEMO_PERIOD_S = 10.0
DEMO_SCENARIO = "demo"


def demo_data_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="gantry-monitor-demo-"))


def demo_settings(data_dir: Path, base: Settings | None = None) -> Settings:
    """127.0.0.1 on a free port, the demo gantry registered; nothing of the user's config."""
    name = QCoreApplication.translate("Demo", "Demo gantry")
    return Settings(host="127.0.0.1", port=0, data_dir=str(data_dir),
                    language=base.language if base else "zh_CN",
                    gantries={DEMO_GANTRY: GantryEntry(name=name, period_s=DEMO_PERIOD_S)})


class Demo:
    def __init__(self, data_dir: Path, scenario: str = DEMO_SCENARIO,
                 period_s: float = DEMO_PERIOD_S, remove_data: bool = True):
        self.data_dir = data_dir
        self.scenario = scenario
        self.period_s = period_s
        self.remove_data = remove_data
        self.gantry: SimulatedGantry | None = None
        self._task: asyncio.Task | None = None

    async def start(self, core: Core) -> None:
        config = GantryConfig(gantry_id=DEMO_GANTRY, cabinets=2, computers=3,
                              period_s=self.period_s, server_url=core.receiver.url)
        gantry = SimulatedGantry(config, control_port=0, scenario=self.scenario)
        await gantry.start()
        self.gantry = gantry
        entry = core.settings.gantries.get(DEMO_GANTRY)
        if entry is not None:
            entry.control_url = gantry.control_url
        self._task = asyncio.create_task(gantry.run(), name="demo-gantry")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
            self._task = None
        if self.gantry is not None:
            await self.gantry.stop()
            self.gantry = None

    def cleanup(self) -> None:
        """Remove the throw-away folder (after the store has closed)."""
        if self.remove_data:
            shutil.rmtree(self.data_dir, ignore_errors=True)
