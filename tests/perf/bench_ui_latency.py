"""Commit-to-widget latency and event-loop lag of the desktop window under 100 messages/s.

    uv run python tests/perf/bench_ui_latency.py [--rate 100] [--seconds 10]

The app (core + window, offscreen) runs on its qasync loop as in production. A poster thread
with its own asyncio loop posts signed cabinet reports for 20 gantries at the given total rate.
Every report of the selected gantry carries a sequence number as its temperature:

- commit-to-widget: from the bus event after the commit (MessageStored) to the moment the
  schematic's thermohygrometer element *paints* that number (or a newer one);
- event-loop lag: how late a 10 ms asyncio sleep wakes up, idle (baseline, same run) and loaded.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import httpx  # noqa: E402
import qasync  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.events import MessageStored  # noqa: E402
from app.protocol import encode_body, signed_headers  # noqa: E402
from tests.conftest import example, make_settings  # noqa: E402
from ui.main import DesktopApp  # noqa: E402
from ui.schematic import scene as scene_module  # noqa: E402
from ui.schematic.elements import ThermohygrometerElement  # noqa: E402

GANTRIES = [f"G{n:018d}" for n in range(1, 21)]
PAINTED: list[tuple[float, int]] = []  # (time, sequence number) each time the element paints


class WatchedThermohygrometer(ThermohygrometerElement):
    """Records what it paints; installed before the window builds its scene."""

    def paint(self, painter, option, widget=None):  # type: ignore[no-untyped-def]
        super().paint(painter, option, widget)
        if self.block is not None and self.block.temperature.present:
            PAINTED.append((time.perf_counter(), int(self.block.temperature.value)))
WATCHED = GANTRIES[0]


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


async def loop_lag(seconds: float, period: float = 0.01) -> list[float]:
    lags = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        t = time.perf_counter()
        await asyncio.sleep(period)
        lags.append(time.perf_counter() - t - period)
    return lags


def poster(url: str, rate: float, seconds: float) -> dict[str, int]:
    """Post at `rate`/s for `seconds` (run in its own process: no GIL shared with the app)."""
    codes: dict[str, int] = {}

    async def main() -> None:
        async with httpx.AsyncClient(timeout=10, trust_env=False) as client:
            interval = 1 / rate
            start = time.perf_counter()
            pending: set[asyncio.Task] = set()
            i = 0
            while time.perf_counter() - start < seconds:
                gid = GANTRIES[i % len(GANTRIES)]
                doc = example("cabinetStatusUpdate")
                doc["gantryId"] = gid
                doc["cabinetStatus"]["thermohygrometer"]["temperature"] = str(i)
                body = encode_body(doc)

                async def post(body: bytes = body) -> None:
                    r = await client.post(url, content=body, headers=signed_headers(body, "123456"))
                    code = r.json()["code"]
                    codes[code] = codes.get(code, 0) + 1

                t = asyncio.ensure_future(post())
                pending.add(t)
                t.add_done_callback(pending.discard)
                i += 1
                await asyncio.sleep(max(0.0, start + i * interval - time.perf_counter()))
            if pending:
                await asyncio.gather(*pending, return_exceptions=True)

    asyncio.run(main())
    return codes


async def bench(desktop: DesktopApp, rate: float, seconds: float) -> None:
    w = desktop.window
    commits: dict[int, float] = {}  # sequence number -> commit time
    painted = PAINTED

    def on_stored(e: MessageStored) -> None:
        if e.message.gantry_id == WATCHED:
            th = e.message.cabinet.thermohygrometer
            commits[int(th.temperature.value)] = time.perf_counter()

    desktop.core.bus.subscribe(MessageStored, on_stored)
    PAINTED.clear()

    # Warm up: one report per gantry, select the watched one.
    async with httpx.AsyncClient(timeout=10, trust_env=False) as client:
        for gid in GANTRIES:
            doc = example("cabinetStatusUpdate")
            doc["gantryId"] = gid
            doc["cabinetStatus"]["thermohygrometer"]["temperature"] = "-1"
            body = encode_body(doc)
            await client.post(desktop.core.receiver.url, content=body,
                              headers=signed_headers(body, "123456"))
    await asyncio.sleep(0.5)
    w.select(WATCHED, 1)
    await asyncio.sleep(0.5)

    idle = await loop_lag(3.0)
    painted.clear()
    commits.clear()
    proc = await asyncio.create_subprocess_exec(
        sys.executable, __file__, "--post", desktop.core.receiver.url, "--rate", str(rate),
        "--seconds", str(seconds), stdout=asyncio.subprocess.PIPE)
    t0 = time.perf_counter()
    loaded = await loop_lag(seconds)
    out, _ = await proc.communicate()
    elapsed = time.perf_counter() - t0
    codes = json.loads(out.decode().strip().splitlines()[-1])
    await asyncio.sleep(0.5)

    latencies = []
    for seq, tc in commits.items():
        shown = next((tp for tp, s in painted if s >= seq and tp >= tc), None)
        if shown is not None:
            latencies.append(shown - tc)
    missing = len(commits) - len(latencies)
    ms = 1000.0
    total = sum(codes.values())
    print(f"posted {total} reports in {elapsed:.1f} s ({total / elapsed:.0f}/s) for "
          f"{len(GANTRIES)} gantries; answers {dict(sorted(codes.items()))}")
    print(f"watched gantry: {len(commits)} commits, {len(painted)} paints of its schematic")
    print(f"commit-to-widget (painted): p50 {pct(latencies, 50) * ms:.1f} ms  "
          f"p99 {pct(latencies, 99) * ms:.1f} ms  max {max(latencies, default=0) * ms:.1f} ms"
          f"  (never painted: {missing})")
    print(f"event-loop lag idle (baseline): p50 {pct(idle, 50) * ms:.2f} ms  "
          f"p99 {pct(idle, 99) * ms:.2f} ms  max {max(idle) * ms:.2f} ms")
    print(f"event-loop lag at {rate:.0f}/s:      p50 {pct(loaded, 50) * ms:.2f} ms  "
          f"p99 {pct(loaded, 99) * ms:.2f} ms  max {max(loaded) * ms:.2f} ms")
    print(f"lag ratio loaded/idle: p50 x{pct(loaded, 50) / max(pct(idle, 50), 1e-6):.1f}  "
          f"p99 x{pct(loaded, 99) / max(pct(idle, 99), 1e-6):.1f}")
    print(f"budget: commit-to-widget p99 {'within' if pct(latencies, 99) < 0.2 else 'OVER'} "
          f"200 ms; mean {statistics.fmean(latencies or [0]) * ms:.1f} ms")


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--rate", type=float, default=100.0)
    p.add_argument("--seconds", type=float, default=10.0)
    p.add_argument("--post", metavar="URL", help=argparse.SUPPRESS)  # the poster process
    args = p.parse_args()
    if args.post:
        print(json.dumps(poster(args.post, args.rate, args.seconds)), flush=True)
        return 0
    scene_module.ThermohygrometerElement = WatchedThermohygrometer
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    tmp = Path(tempfile.mkdtemp(prefix="bench-ui-"))
    settings = make_settings(tmp / "data", rate_per_s=1000, rate_burst=1000)

    async def run() -> None:
        desktop = DesktopApp(settings, qsettings=QSettings(str(tmp / "ui.ini"),
                                                           QSettings.Format.IniFormat),
                             language="en")
        desktop.window.resize(1366, 768)
        desktop.window.show()
        await desktop.start()
        try:
            await bench(desktop, args.rate, args.seconds)
        finally:
            desktop.window.close()
            await desktop.stop()

    with loop:
        loop.run_until_complete(run())
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown of Qt objects (not what is measured)


if __name__ == "__main__":
    sys.exit(main())
