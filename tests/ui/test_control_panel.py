"""The control panel clicked through: confirmation (and PIN), the simulated gantry's change, the
report that confirms it, the audit entry; failures as one sentence; screenshots."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.config import GantryEntry
from app.control import ControlService
from app.control.audit import audit_entries
from app.core import Core
from app.simulator.gantry import SimulatedGantry
from app.simulator.model import GantryConfig
from tests.conftest import make_settings
from tests.ui.conftest import wait_until
from tests.ui.shots import save_shot
from ui.control_dialogs import BatteryReportDialog, CardWhitelistDialog, ConfirmDialog
from ui.control_panel import ControlPanel

GANTRY = "G000211001002110010"


class Rig:
    def __init__(self, core: Core, sim: SimulatedGantry, service: ControlService,
                 panel: ControlPanel, runner: asyncio.Task) -> None:
        self.core, self.sim, self.service, self.panel, self.runner = (
            core, sim, service, panel, runner)

    async def audit(self) -> list[dict]:
        return await self.core.store.read(audit_entries, GANTRY)


@pytest.fixture
def rig(run, qtbot, tmp_path: Path) -> Iterator[Rig]:
    async def start() -> Rig:
        core = Core(make_settings(tmp_path / "data", operator_name="Li"))
        await core.start()
        sim = SimulatedGantry(GantryConfig(gantry_id=GANTRY, seed=11,
                                           server_url=core.receiver.url),
                              control_port=0, captures=False)
        await sim.start()
        runner = asyncio.ensure_future(sim.run(tick_s=0.2))
        await wait_until(lambda: len(core.fleet.gantry(GANTRY).cabinets) == 2)
        core.settings = core.settings.model_copy(update={"gantries": {
            GANTRY: GantryEntry(control_url=sim.control_url)}})
        service = ControlService(core.settings, core.store, core.bus, core.fleet,
                                 confirm_timeout_s=10)
        panel = ControlPanel(service)
        qtbot.addWidget(panel)
        panel.resize(460, 900)
        panel.show()
        panel.set_target(GANTRY, 1)
        return Rig(core, sim, service, panel, runner)

    r = run(start())
    yield r

    async def stop() -> None:
        for t in list(r.panel.tasks):
            t.cancel()
        await r.service.aclose()
        r.runner.cancel()
        await asyncio.gather(r.runner, return_exceptions=True)
        await r.sim.stop()
        await r.core.stop()
    run(stop())


async def _click_through(rig: Rig, key: str, accept: bool = True) -> ConfirmDialog:
    rig.panel.buttons[key].click()
    await wait_until(lambda: isinstance(rig.panel.dialog, ConfirmDialog))
    dialog = rig.panel.dialog
    assert dialog is not None
    (dialog.ok_button if accept else dialog.cancel_button).click()
    return dialog


def test_unlock_door_through_confirmation_to_audit(run, rig: Rig) -> None:
    async def go() -> None:
        panel = rig.panel
        panel.buttons["unlock-front"].click()
        await wait_until(lambda: isinstance(panel.dialog, ConfirmDialog))
        dialog = panel.dialog
        text = dialog.message.text()
        assert GANTRY in text and "cabinet 1" in text and "unlock the front door" in text
        assert dialog.pin_edit is None  # no PIN configured
        assert not panel.buttons["unlock-front"].isEnabled()  # pending: no second click
        save_shot(dialog, "control_confirm.png")
        dialog.ok_button.click()
        await wait_until(lambda: panel.result.text().startswith("Confirmed by report"), 15)
        assert panel.result.text() == "Confirmed by report: unlock the front door."
        assert panel.buttons["unlock-front"].isEnabled() and panel.pending.text() == ""
        assert rig.sim.model.cabinets[1].doors[1].closed is False
        rows = await rig.audit()
        assert len(rows) == 1
        assert (rows[0]["operator"], rows[0]["cabinet_id"], rows[0]["command"],
                rows[0]["outcome"]) == ("Li", 1, "unlock-door", "confirmed by report")
        assert '"unlockDoorId":"1"' in rows[0]["request_body"]
        save_shot(panel, "control_panel.png")
    run(go())


def test_cancel_sends_nothing(run, rig: Rig) -> None:
    async def go() -> None:
        await _click_through(rig, "rectifiers-off", accept=False)
        await wait_until(lambda: rig.panel.result.text().startswith("Cancelled"))
        assert rig.sim.model.cabinets[1].rectifiers_on is True
        assert await rig.audit() == []
    run(go())


def test_pin_for_reboot(run, rig: Rig) -> None:
    async def go() -> None:
        panel = rig.panel
        panel.pin = "2468"
        panel.relay_ip.setText("192.168.1.50")
        panel.buttons["reboot"].click()
        await wait_until(lambda: isinstance(panel.dialog, ConfirmDialog))
        dialog = panel.dialog
        assert dialog.pin_edit is not None
        dialog.pin_edit.setText("1111")
        dialog.ok_button.click()
        await asyncio.sleep(0.1)
        assert dialog.isVisible() and dialog.error.text() == "Wrong PIN: the command was not sent."
        assert rig.sim.model.rebooting is False
        dialog.pin_edit.setText("2468")
        dialog.ok_button.click()
        await wait_until(lambda: panel.result.text().startswith("Accepted by device"))
        assert rig.sim.model.rebooting is True
        assert [r["command"] for r in await rig.audit()] == ["reboot"]
    run(go())


def test_air_run_on_cabinet_2_is_confirmed(run, rig: Rig) -> None:
    async def go() -> None:
        rig.panel.set_target(GANTRY, 2)
        rig.panel.air_choice.setCurrentIndex(2)
        dialog = await _click_through(rig, "air-standby")
        assert "cabinet 2" in dialog.message.text()
        await wait_until(lambda: rig.panel.result.text().startswith("Confirmed"), 15)
        assert rig.sim.model.cabinets[2].air_conditioners[1].control == "standby"
        assert (await rig.audit())[0]["cabinet_id"] == 2
    run(go())


def test_invalid_set_points_not_sent(run, rig: Rig) -> None:
    async def go() -> None:
        rig.panel.cooling.setValue(10)
        rig.panel.heating.setValue(12)
        rig.panel.buttons["air-setpoints"].click()
        await asyncio.sleep(0.1)
        assert rig.panel.dialog is None
        assert rig.panel.result.text() == ("Not sent: The heating set-point (12 °C) must be "
                                           "below the cooling set-point (10 °C).")
        assert await rig.audit() == []
    run(go())


def test_battery_report_dialog(run, rig: Rig) -> None:
    async def go() -> None:
        m = rig.sim.model
        assert m.start_battery_test(1, m.now)
        m.advance(7200)  # runs until the end voltage
        rig.panel.buttons["battery-result"].click()  # read-only: no confirmation
        await wait_until(lambda: isinstance(rig.panel.dialog, BatteryReportDialog))
        d = rig.panel.dialog
        assert d.verdict.text() == "Result: battery normal"
        assert d.values["How the test ended"] == "end voltage reached"
        assert d.values["Efficiency"] == "92 %"
        d.resize(d.sizeHint().expandedTo(d.size()))
        save_shot(d, "control_battery_report.png")
        assert rig.panel.result.text() == "Accepted by device: read the battery test result."
    run(go())


def test_unreachable_device_one_sentence_and_audit(run, rig: Rig) -> None:
    async def go() -> None:
        await rig.sim.stop()
        await _click_through(rig, "arm")
        await wait_until(lambda: rig.panel.result.text().startswith("Failed"), 10)
        assert rig.panel.result.text() == (f"Failed: the device at {rig.sim.control_url} "
                                           "could not be reached.")
        assert "c62828" in rig.panel.result.styleSheet()
        rows = await rig.audit()
        assert rows[0]["outcome"] == "failed" and rows[0]["command"] == "arm"
    run(go())


def test_whitelist_editor_import_and_send(run, rig: Rig, tmp_path: Path) -> None:
    async def go() -> None:
        exp = (date.today() + timedelta(days=90)).isoformat()
        csv_file = tmp_path / "cards.csv"
        csv_file.write_text(f"card_id,expire_date\nK100,{exp}\nK200,{exp}\n", encoding="utf-8")
        rig.panel.buttons["whitelist"].click()
        await wait_until(lambda: isinstance(rig.panel.dialog, CardWhitelistDialog))
        editor = rig.panel.dialog
        assert editor.import_csv(csv_file) and editor.table.rowCount() == 2
        # An empty card id is refused inside the editor, nothing is sent.
        editor.add_card(type(editor.cards()[0])("", date.today()))
        editor.ok_button.click()
        await asyncio.sleep(0.05)
        assert editor.isVisible() and "has no card id" in editor.error.text()
        editor.table.removeRow(2)
        out = tmp_path / "out.csv"
        assert editor.export_csv(out) and "K200" in out.read_text(encoding="utf-8")
        editor.ok_button.click()
        await wait_until(lambda: isinstance(rig.panel.dialog, ConfirmDialog))
        assert "2 card(s)" in rig.panel.dialog.message.text()
        rig.panel.dialog.ok_button.click()
        await wait_until(lambda: rig.panel.result.text().startswith("Accepted by device"))
        assert rig.sim.model.cards == {"K100": exp, "K200": exp}
    run(go())


def test_no_gantry_disables_buttons(rig: Rig) -> None:
    rig.panel.set_target(None, None)
    assert not any(b.isEnabled() for b in rig.panel.buttons.values())
    assert rig.panel.target.text() == "No gantry selected."
    rig.panel.set_target(GANTRY, 2)
    assert all(b.isEnabled() for b in rig.panel.buttons.values())
    assert rig.panel.target.text() == f"Gantry {GANTRY}, cabinet 2"
    assert rig.panel.buttons["unlock-front"].focusPolicy() != Qt.FocusPolicy.NoFocus
