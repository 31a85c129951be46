"""Door alarms and door openings in the event log show their capture once it arrives (issue 8):
the real window, core, alarm engine and auto-fetcher with the simulated gantry; a double-click
opens the capture in the media viewer."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt

from app.config import GantryEntry
from app.events_log import DOOR_OPENED
from app.simulator import GantryConfig, SimulatedGantry
from app.simulator.model import BACK_DOOR, UnlockType
from app.simulator.reports import time_text
from tests.ui.conftest import wait_until

GID = "G000211001002110099"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
PHOTO_RATIO = 320 / 240  # the simulated camera's photo


def test_door_alarm_and_event_rows_gain_the_capture_thumbnail(desktop, run, qtbot):
    core, ui = desktop.core, desktop.alarm_ui
    view, viewer = ui.view, desktop.media
    core.settings.media.first_delay_s = 0
    decoration = Qt.ItemDataRole.DecorationRole

    def door_rows() -> list[int]:
        return [i for i, a in enumerate(view.model.alarms)
                if a.key.gantry_id == GID and a.key.kind == "doors"]

    def thumb(model, row: int):
        return model.data(model.index(row, model.THUMB_COLUMN), decoration)

    async def scenario() -> str:
        config = GantryConfig(gantry_id=GID, seed=7, period_s=600, server_url=core.receiver.url)
        async with SimulatedGantry(config, control_port=0) as g:
            core.settings.gantries[GID] = GantryEntry(control_url=g.control_url)
            await g.tick()
            viewer.set_gantry(GID, 1)
            g.model.armed = True  # opened by key while armed: illegal, and opened while armed
            g.model.open_door(1, BACK_DOOR, UnlockType.KEY)
            door_time = time_text(g.model.device_time(
                g.model.cabinets[1].doors[BACK_DOOR].change_time))
            await g.tick()
            await core.alarms.wait_idle()
            view.refresh()
            assert {view.model.alarms[r].key.condition for r in door_rows()} >= {
                "back_door_illegal", "back_door_armed"}
            await wait_until(lambda: viewer.gallery.count() == 2 and not core.captures.pending(),
                             timeout=10)
            await wait_until(lambda: all(thumb(view.model, r) is not None for r in door_rows()))
            # The event log: search the last hour of this gantry.
            view.history_gantry.setText(GID)
            view.t0.setDateTime(QDateTime.currentDateTime().addSecs(-3600))
            await view.search()
            rows = [i for i, e in enumerate(view.event_model.events) if e.kind == DOOR_OPENED]
            assert len(rows) == 1
            await wait_until(lambda: thumb(view.event_model, rows[0]) is not None)
            return door_time

    door_time = run(scenario())
    rows = door_rows()
    for r in rows:
        pm = thumb(view.model, r)
        assert not pm.isNull() and pm.width() == 64
        assert abs(pm.width() / pm.height() - PHOTO_RATIO) < 0.05
        assert ui.thumbs.alarm_record(view.model.alarms[r]).door_time == door_time
    # Rows without a door opening (e.g. other alarms) have none.
    others = [i for i, a in enumerate(view.model.alarms) if a.key.kind != "doors"]
    assert all(thumb(view.model, i) is None for i in others)
    ev_row = next(i for i, e in enumerate(view.event_model.events) if e.kind == DOOR_OPENED)
    pm = thumb(view.event_model, ev_row)
    assert not pm.isNull() and abs(pm.width() / pm.height() - PHOTO_RATIO) < 0.05
    assert view.table.rowHeight(rows[0]) >= pm.height()  # the row is tall enough to show it

    # Double-click: the viewer shows that capture (the photo) and its tab comes forward.
    desktop.window.bottom_tabs.setCurrentWidget(view)
    viewer.set_gantry(None)
    index = view.model.index(rows[0], view.model.THUMB_COLUMN)
    view.table.scrollTo(index)
    rect = view.table.visualRect(index)
    assert rect.isValid() and view.table.viewport().rect().contains(rect.center())
    # Qt's item views take a double-click on the index pressed first, as a real one is.
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    record = ui.thumbs.alarm_record(view.model.alarms[rows[0]])
    assert desktop.window.bottom_tabs.currentWidget() is viewer
    assert viewer.gantry_id == GID
    assert viewer.view.path == record.file(core.data_dir) and viewer.view.kind == "photo"
    qtbot.waitUntil(lambda: viewer.gallery.count() == 2)
    assert viewer.records[viewer.gallery.currentRow()].id == record.id

    # And from the event log row.
    viewer.set_gantry(None)
    assert view._open_capture(view.event_model.index(ev_row, 3))
    assert viewer.view.path == record.file(core.data_dir)

    if os.environ.get("GM_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(exist_ok=True)
        desktop.window.bottom_tabs.setCurrentWidget(view)
        view.tabs.setCurrentIndex(0)
        view.table.clearSelection()
        view.table.horizontalScrollBar().setValue(0)
        qtbot.wait(50)
        assert view.grab().save(str(SCREENSHOTS / "alarm_row_thumbnail.png"))


def test_a_door_alarm_without_capture_has_no_thumbnail_until_one_is_stored(desktop, run):
    """Auto-fetch off: the row stays without a thumbnail; a manual fetch brings it."""
    core, ui = desktop.core, desktop.alarm_ui
    view = ui.view
    core.settings.media.auto_fetch = False

    async def scenario() -> None:
        config = GantryConfig(gantry_id=GID, seed=8, period_s=600, server_url=core.receiver.url)
        async with SimulatedGantry(config, control_port=0) as g:
            core.settings.gantries[GID] = GantryEntry(control_url=g.control_url)
            await g.tick()
            g.model.armed = True
            g.model.open_door(1, BACK_DOOR, UnlockType.KEY)
            door_time = time_text(g.model.device_time(
                g.model.cabinets[1].doors[BACK_DOOR].change_time))
            await g.tick()
            await core.alarms.wait_idle()
            view.refresh()
            rows = [i for i, a in enumerate(view.model.alarms) if a.key.gantry_id == GID
                    and a.key.condition == "back_door_illegal"]
            assert len(rows) == 1
            index = view.model.index(rows[0], view.model.THUMB_COLUMN)
            assert view.model.data(index, Qt.ItemDataRole.DecorationRole) is None
            await wait_until(lambda: view.model.alarms[rows[0]].id in ui.thumbs.alarm_keys
                             and ui.thumbs.alarm_keys[view.model.alarms[rows[0]].id] is not None)
            await asyncio.sleep(0.3)  # auto-fetch is off: nothing arrives by itself
            assert view.model.data(index, Qt.ItemDataRole.DecorationRole) is None
            report = await core.captures.fetch_event(GID, 1, door_time, retry_s=0)
            assert report.ok
            await wait_until(lambda: view.model.data(
                view.model.index(rows[0], view.model.THUMB_COLUMN),
                Qt.ItemDataRole.DecorationRole) is not None)

    run(scenario())
