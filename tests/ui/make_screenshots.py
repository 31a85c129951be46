"""Screenshots of the --demo window, Chinese and English, at 1366x768 and 1920x1080.

    QT_QPA_PLATFORM=offscreen uv run python tests/ui/make_screenshots.py [--wait 25] [--out DIR]

Runs the real demo (simulated gantry posting to the app's receiver) and waits until the
scripted door opening has been reported, so the pictures show live data and an open door.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import qasync  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ui import i18n  # noqa: E402
from ui.demo import Demo, demo_data_dir, demo_settings  # noqa: E402
from ui.main import DesktopApp  # noqa: E402

SIZES = ((1366, 768), (1920, 1080))


async def shoot(app: QApplication, language: str, out: Path, wait_s: float,
                tab: str) -> list[Path]:
    translators = i18n.install(app, language)
    data = demo_data_dir()
    ini = data / "ui.ini"
    desktop = DesktopApp(demo_settings(data), demo=Demo(data),
                         qsettings=QSettings(str(ini), QSettings.Format.IniFormat),
                         language=language)
    w = desktop.window
    w.resize(*SIZES[0])
    w.show()
    await desktop.start()
    t0 = time.monotonic()
    while time.monotonic() - t0 < wait_s:
        await asyncio.sleep(0.25)
    pages = {"schematic": w.schematic, "computers": w.computers, "log": w.comm_log,
             "trends": w.schematic}
    w.centre_tabs.setCurrentWidget(pages[tab])
    if tab == "trends":  # the bottom area's trend tab over the demo's last hour
        gantry = sorted(desktop.core.fleet.gantries)[0]
        w.bottom_tabs.setCurrentWidget(desktop.trends)
        desktop.trends.show_series(gantry, 1, [("thermohygrometer.temperature", 1),
                                               ("ups.charge_percent", 1)], span=3600)
    saved = []
    for width, height in SIZES:
        w.resize(width, height)
        await asyncio.sleep(1.2)  # a refresh tick and a log query
        path = out / f"demo_{language}_{tab}_{width}x{height}.png"
        w.grab().save(str(path))
        saved.append(path)
    w.close()
    await desktop.stop()
    i18n.uninstall(app, translators)
    return saved


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--wait", type=float, default=26.0, help="seconds of demo before the shots")
    p.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[2] / "screenshots")
    p.add_argument("--languages", default="zh_CN,en")
    p.add_argument("--tabs", default="schematic")
    args = p.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    async def all_shots() -> None:
        for lang in args.languages.split(","):
            for tab in args.tabs.split(","):
                for path in await shoot(app, lang, args.out, args.wait, tab):
                    print(path)

    with loop:
        loop.run_until_complete(all_shots())
    return 0


if __name__ == "__main__":
    sys.exit(main())
