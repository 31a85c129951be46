"""Manual capture fetch from the viewer (issue 8): the real window, core and fetcher, and the
simulated gantry's remotecontrol.do; automatic fetching is off so only the dialog fetches."""

from __future__ import annotations

import os
from pathlib import Path

from app.config import GantryEntry
from app.simulator import GantryConfig, SimulatedGantry
from app.simulator.model import FRONT_DOOR, UnlockType
from app.simulator.reports import time_text
from tests.ui.conftest import wait_until
from ui.capture_fetch import FetchCaptureDialog

GID = "G000211001002110088"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def _gantry(core) -> SimulatedGantry:
    core.settings.media.auto_fetch = False
    config = GantryConfig(gantry_id=GID, seed=5, period_s=600, server_url=core.receiver.url)
    return SimulatedGantry(config, control_port=0)


def test_fetch_a_door_event_by_hand_fills_the_gallery(desktop, run):
    core, viewer = desktop.core, desktop.media
    assert viewer is not None

    async def scenario() -> tuple[str, FetchCaptureDialog]:
        async with _gantry(core) as g:
            core.settings.gantries[GID] = GantryEntry(control_url=g.control_url)
            await g.tick()
            g.model.open_door(1, FRONT_DOOR, UnlockType.CARD, card_id="5566")
            door_time = time_text(g.model.device_time(
                g.model.cabinets[1].doors[FRONT_DOOR].change_time))
            await g.tick()
            await wait_until(lambda: core.fleet.gantries.get(GID) is not None
                             and 1 in core.fleet.gantries[GID].cabinets)
            viewer.set_gantry(GID, 1)
            await wait_until(lambda: "No captures yet" in viewer.view.problem.text())
            assert viewer.gallery.count() == 0 and not core.captures.pending()
            assert viewer.fetch_button.isEnabled()
            dialog = viewer.open_fetch_dialog()
            assert dialog is not None and dialog.isVisible()
            await dialog._loading
            # The opening is offered, chosen, and its exact reported time is what is asked for.
            assert dialog.event.count() == 2 and dialog.event.currentIndex() == 1
            assert door_time[:19] in dialog.event.currentText()
            assert "card 5566" in dialog.event.currentText()
            assert dialog.door_time() == (door_time, "front")
            task = dialog.start_fetch()
            assert task is not None and not dialog.fetch_button.isEnabled()
            assert dialog.status.text().startswith(f"Asking {GID} for the capture of cabinet 1")
            await task
            await wait_until(lambda: viewer.gallery.count() == 2)
            return door_time, dialog

    door_time, dialog = run(scenario())
    assert dialog.fetch_button.isEnabled()
    assert dialog.status.text() == "Stored 2 capture(s) (photo, video); they are in the gallery."
    assert [r.kind for r in viewer.records] == ["photo", "video"]
    assert all(r.door_time == door_time and r.door == "front" for r in viewer.records)
    assert all(r.file(core.data_dir).is_file() for r in viewer.records)
    assert viewer.view.pages.currentWidget() is viewer.view.image_view  # the photo is shown
    if os.environ.get("GM_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(exist_ok=True)
        dialog.adjustSize()
        assert dialog.grab().save(str(SCREENSHOTS / "capture_fetch_dialog.png"))
    dialog.close()


def test_any_typed_time_without_capture_says_so_in_one_sentence(desktop, run):
    core, viewer = desktop.core, desktop.media

    async def scenario() -> FetchCaptureDialog:
        async with _gantry(core) as g:
            core.settings.gantries[GID] = GantryEntry(control_url=g.control_url)
            await g.tick()
            viewer.set_gantry(GID, 2)
            dialog = viewer.open_fetch_dialog()
            await dialog._loading
            assert dialog.cabinet.value() == 2
            assert dialog.event.count() == 1  # no opening: only "any time"
            dialog.time.setDateTime(dialog.time.dateTime().addSecs(-3600))
            typed = dialog.time.dateTime().toString("yyyy-MM-dd HH:mm:ss.zzz")
            assert dialog.door_time() == (typed, "")
            await dialog.start_fetch()
            return dialog

    dialog = run(scenario())
    assert dialog.report is not None and not dialog.report.ok
    text = dialog.status.text()
    assert text.startswith("No capture: ") and "\n" not in text
    assert "1009" in text or "no capture" in text.lower()
    assert viewer.gallery.count() == 0
    dialog.close()


def test_without_a_gantry_there_is_nothing_to_fetch(desktop):
    viewer = desktop.media
    viewer.set_gantry(None)
    assert not viewer.fetch_button.isEnabled()
    assert viewer.open_fetch_dialog() is None
