"""UI fixtures: the desktop app's core on a qasync loop, driven from plain (sync) tests.

pytest-asyncio owns `async def` tests; these UI tests are plain functions that run coroutines
with `run(...)` on a qasync loop created here, so asyncio and Qt share one loop exactly as in
the application, and Qt events are processed while the coroutine awaits.
"""

from __future__ import annotations

import asyncio
import gc
import os
import time
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
import qasync  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from tests.conftest import Poster, make_settings  # noqa: E402
from ui.main import DesktopApp  # noqa: E402

GANTRY = "G000211001002110010"  # the spec examples' gantry
PERIOD_S = 5.0


class Clock:
    """A wall clock the test can move forward (online/offline without waiting)."""

    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset


@pytest.fixture
def qloop(qapp) -> Iterator[qasync.QEventLoop]:
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    loop.close()
    asyncio.set_event_loop(None)
    # Collect this test's Qt garbage here, on the GUI thread: left to the automatic collector
    # it may be destroyed on a store thread, which leaves dead timers that crash later tests.
    gc.collect()


@pytest.fixture
def run(qloop) -> Iterator[Callable[[Coroutine[Any, Any, Any]], Any]]:
    # Between run() calls pytest-qt still processes Qt events, and qasync then steps asyncio
    # callbacks (a writer commit resolving, a timer); they must see this loop as the running one,
    # as they do in the application, where the loop runs all the time.
    def _run(coro: Coroutine[Any, Any, Any]) -> Any:
        asyncio.events._set_running_loop(None)
        try:
            return qloop.run_until_complete(asyncio.wait_for(coro, 30))
        finally:
            asyncio.events._set_running_loop(qloop)

    yield _run
    asyncio.events._set_running_loop(None)


async def wait_until(predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    """Let the loop (and Qt) run until `predicate()` holds; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        await asyncio.sleep(0.02)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def desktop(run, tmp_path: Path, clock: Clock) -> Iterator[DesktopApp]:
    settings = make_settings(tmp_path / "data",
                             gantries={GANTRY: {"name": "Test gantry", "period_s": PERIOD_S}})
    qsettings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    app = DesktopApp(settings, qsettings=qsettings, language="en", clock=clock)
    app.window.resize(1366, 768)
    app.window.show()
    assert run(app.start())
    yield app
    app.window.close()
    run(app.stop())


@pytest.fixture
def poster(run, desktop: DesktopApp) -> Iterator[Poster]:
    p = Poster(desktop.core.receiver.url)
    yield p
    run(p.client.aclose())
