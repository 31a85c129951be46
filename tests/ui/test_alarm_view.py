"""Alarm view and notifier in the running desktop app: a storm of 200 alarms from 20 gantries,
acknowledging from the view, history search and CSV export, screenshots."""

from __future__ import annotations

import asyncio
import csv
import time
from pathlib import Path

from app.alarms.model import AlarmState
from tests.conftest import example
from tests.ui.conftest import wait_until
from tests.ui.shots import save_shot


def storm_report(gantry: str) -> dict:
    """A cabinet losing mains power and more: ten alarms of high or critical severity."""
    doc = example("cabinetStatusUpdate")
    doc["gantryId"] = gantry
    c = doc["cabinetStatus"]
    c["ups"][0].update(runningState="3", surplusTime="10", powerRate="10")
    c["elec"][0]["warningMsg"] = "输入欠压,A相缺相,B相缺相"
    c["waterloggingSensor"]["isWarning"] = "1"
    c["smokeSensor"]["isWarning"] = "1"
    c["doors"].update(frontDoorOpenIllegally="1", backDoorOpenIllegally="1")
    return doc


async def _lag_probe(stop: asyncio.Event, lags: list[float]) -> None:
    while not stop.is_set():
        t = time.perf_counter()
        await asyncio.sleep(0.01)
        lags.append(time.perf_counter() - t - 0.01)


def test_storm_one_notification_per_gantry(run, desktop, poster):
    ui = desktop.alarm_ui
    gantries = [f"G{n:03d}STORM" for n in range(20)]

    async def body() -> list[float]:
        stop, lags = asyncio.Event(), []
        probe = asyncio.ensure_future(_lag_probe(stop, lags))
        codes = await asyncio.gather(*(poster.code(storm_report(g)) for g in gantries))
        assert codes == ["1000"] * 20
        await desktop.core.alarms.wait_idle()
        await wait_until(lambda: len(ui.notifier.history) >= 20, timeout=10)
        await asyncio.sleep(2.0)  # nothing more trickles in after the window
        await wait_until(lambda: len(ui.view.model.alarms) == 200)
        stop.set()
        await probe
        return lags

    lags = run(body())
    assert len(desktop.core.alarms.active()) == 200
    assert sorted(n.gantry_id for n in ui.notifier.history) == gantries
    assert {n.count for n in ui.notifier.history} == {10}
    assert ui.notifier.sounds_played == 1
    rows = ui.view.model.alarms
    assert [a.severity for a in rows] == sorted((a.severity for a in rows), reverse=True)
    print(f"\nstorm: 200 alarms / 20 gantries -> {len(ui.notifier.history)} notifications;"
          f" event-loop lag max {max(lags) * 1000:.1f} ms, median"
          f" {sorted(lags)[len(lags) // 2] * 1000:.1f} ms over {len(lags)} probes")
    save_shot(ui.notifier.popup, "alarm_notification_popup.png")


def test_view_ack_filter_history_export(run, desktop, poster, tmp_path: Path):
    ui = desktop.alarm_ui
    view = ui.view
    w = desktop.window
    w.resize(1366, 900)

    async def body() -> None:
        assert await poster.code(storm_report("G000211001002110010")) == "1000"
        doc = example("cabinetStatusUpdate")
        doc["gantryId"] = "G2"
        doc["cabinetStatus"]["thermohygrometer"]["temperature"] = "56"
        assert await poster.code(doc) == "1000"
        await desktop.core.alarms.wait_idle()
        await wait_until(lambda: len(view.model.alarms) == 11)
        # Acknowledge three from the view, with a note.
        ids = [a.id for a in view.model.alarms[:3]]
        await view.acknowledge(ids, "电工已派出")
        await wait_until(lambda: sum(a.acked for a in view.model.alarms) == 3)
        view.state_filter.setCurrentIndex(view.state_filter.findData("unacknowledged"))
        await wait_until(lambda: len(view.model.alarms) == 8)
        view.state_filter.setCurrentIndex(0)
        view.gantry_filter.setCurrentIndex(view.gantry_filter.findData("G2"))
        await wait_until(lambda: [a.key.gantry_id for a in view.model.alarms] == ["G2"])
        view.gantry_filter.setCurrentIndex(0)
        await wait_until(lambda: len(view.model.alarms) == 11)
        view.set_range(time.time() - 3600, time.time())
        alarms, logged = await view.search()
        assert len(alarms) == 11
        assert {e.kind for e in logged} == {"gantry_appeared"}

    run(body())
    acked = [a for a in view.model.alarms if a.acked]
    assert len(acked) == 3 and all(a.ack_note == "电工已派出" for a in acked)
    assert all(a.state is AlarmState.ACKED for a in acked)
    unacked_marks = [view.model.cell(a, 0) for a in view.model.alarms]
    assert unacked_marks.count("!") == 8
    n = view.export_alarms_csv(tmp_path / "alarms.csv")
    with open(tmp_path / "alarms.csv", encoding="utf-8-sig") as f:
        table = list(csv.reader(f))
    assert n == 11 and len(table) == 12 and table[0][2] == "Severity"
    assert any("UPS" in cell for row in table for cell in row)
    view.tabs.setCurrentIndex(0)
    w.bottom_tabs.setCurrentWidget(view)
    w.centre_split.setSizes([380, 480])
    run(asyncio.sleep(0.5))
    save_shot(w, "alarm_view_window.png")
    save_shot(view, "alarm_view.png")
    view.tabs.setCurrentIndex(1)
    run(asyncio.sleep(0.2))
    save_shot(view, "alarm_history.png")
