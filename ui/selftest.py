"""`gantry-monitor --self-test`: prove that an installed bundle works on this machine.

Starts the application offscreen with a throw-away data folder and its receiver on a free port of
127.0.0.1, posts the spec's example messages to itself and checks they were stored and reached the
window, then decodes the bundled sample JPEG and AVI with Qt. Prints one line per check; exit code
0 only if every check passed.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

RESOURCES = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[1])) / "resources"
SAMPLES = RESOURCES / "samples"
GANTRY = "G000211001002110010"


class Checks:
    def __init__(self) -> None:
        self.failed = 0

    def record(self, name: str, ok: bool, detail: str = "") -> bool:
        self.failed += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)
        return ok


async def _post_examples(url: str, checks: Checks) -> None:
    import httpx

    from app.protocol import encode_body, signed_headers
    from app.protocol.messages import with_timestamp

    async with httpx.AsyncClient(trust_env=False, timeout=10) as client:
        for name in ("cabinetStatusUpdate", "computerStatusUpdate"):
            doc = json.loads((SAMPLES / "protocol" / f"{name}.json").read_text(encoding="utf-8"))
            body = encode_body(with_timestamp(doc, time.time()))
            r = await client.post(url, content=body, headers=signed_headers(body, "123456"))
            answer = r.json()
            checks.record(f"receiver answers {name}", answer.get("code") == "1000", str(answer))


def _decode_jpeg(checks: Checks) -> None:
    from PySide6.QtGui import QImage

    img = QImage(str(SAMPLES / "selftest.jpg"))
    checks.record("decode sample JPEG", not img.isNull() and img.width() > 0,
                  f"{img.width()}x{img.height()}")


async def _decode_avi(checks: Checks, timeout: float = 15.0) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtMultimedia import QMediaPlayer, QVideoSink

    player = QMediaPlayer()
    sink = QVideoSink()
    player.setVideoOutput(sink)
    frames: list[tuple[int, int]] = []
    errors: list[str] = []
    sink.videoFrameChanged.connect(
        lambda f: f.isValid() and frames.append((f.width(), f.height())))
    player.errorOccurred.connect(lambda _e, text: errors.append(text))
    player.setSource(QUrl.fromLocalFile(str(SAMPLES / "selftest.avi")))
    player.play()
    end = time.monotonic() + timeout
    while not frames and not errors and time.monotonic() < end:
        await asyncio.sleep(0.05)
    player.stop()
    detail = f"{frames[0][0]}x{frames[0][1]}" if frames else (errors[0] if errors else "no frame")
    checks.record("decode sample AVI", bool(frames), detail)


def _time_zones(checks: Checks) -> None:
    """The gantries' time zones need zone data (the tzdata package on Windows)."""
    from app import gantry_time

    try:
        shanghai = gantry_time.describe(gantry_time.zone("Asia/Shanghai"), 1.7e9)
    except ValueError as e:
        shanghai = str(e)
    names = len(gantry_time.zone_names())
    checks.record("time zones", shanghai == "Asia/Shanghai, UTC+08:00" and names > 300,
                  f"{shanghai}; {names} zones")


async def _run(checks: Checks, data_dir: Path) -> None:
    from app.config import Settings
    from ui.main import DesktopApp

    settings = Settings(host="127.0.0.1", port=0, data_dir=str(data_dir))
    desktop = DesktopApp(settings, data_dir)
    desktop.window.show()
    try:
        started = await desktop.start()
        if not checks.record("core starts", started, desktop.error or desktop.core.receiver.url):
            return
        await _post_examples(desktop.core.receiver.url, checks)
        await desktop.core.store.wait_idle()
        state = desktop.core.fleet.gantries.get(GANTRY)
        checks.record("stored and in the live state",
                      state is not None and 1 in state.cabinets and len(state.computers) == 2)
        desktop.window.refresh(force=True)
        _decode_jpeg(checks)
        await _decode_avi(checks)
        _time_zones(checks)
    finally:
        if desktop.started:
            await desktop.stop()
        desktop.window.close()


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    checks = Checks()
    data_dir = Path(tempfile.mkdtemp(prefix="gantry-monitor-selftest-"))
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        with loop:
            loop.run_until_complete(_run(checks, data_dir))
    except Exception as e:  # the self-test reports, it does not crash
        checks.record("self-test ran to the end", False, f"{type(e).__name__}: {e}")
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    print("self-test " + ("passed" if not checks.failed else f"FAILED ({checks.failed})"))
    return 0 if not checks.failed else 1
