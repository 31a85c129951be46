"""Control panel for the selected gantry / cabinet: every §8 command from a button.

Each state-changing command is confirmed by the operator (gantry, cabinet and action in words;
PIN for reboot and door unlock when one is set), then runs as an asyncio task on the qasync loop:
the window never waits. A pending command shows as pending and its button stays disabled, so a
second click cannot send it twice. The result is one sentence, updated as the command moves from
sent to accepted to confirmed by report (or not).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.control import (
    Command,
    ControlKind,
    ControlOutcome,
    ControlService,
    FailureKind,
    InvalidCommand,
    NoControlAddress,
    Stage,
)
from app.control import commands as c
from app.protocol.codes import ResultCode

from .control_dialogs import (
    BatteryReportDialog,
    CardWhitelistDialog,
    ConfirmDialog,
    ask,
)

log = logging.getLogger(__name__)

PIN_COMMANDS = (ControlKind.REBOOT, ControlKind.UNLOCK_DOOR)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Control", text)


def _code_meaning(code: str | None) -> str:
    meanings = {
        ResultCode.NOT_AUTHORISED.value: _tr("not authorised: check the device auth code"),
        ResultCode.BAD_PARAMETERS.value: _tr("bad parameters"),
        ResultCode.CLOCK_SKEW.value: _tr("clock difference too large"),
        ResultCode.BAD_SIGNATURE.value: _tr("invalid signature"),
        ResultCode.TOO_FREQUENT.value: _tr("too many requests"),
        ResultCode.UNKNOWN_VERSION.value: _tr("unknown interface version"),
        ResultCode.CONTROL_FAILED.value: _tr("the device could not carry out the command"),
        ResultCode.SYSTEM_ERROR.value: _tr("unknown system error"),
    }
    return meanings.get(code or "", _tr("unknown code"))


def action_text(cmd: Command) -> str:
    """The command in the operator's words (translated)."""
    k = cmd.kind
    door = _tr("front door") if cmd.door == 1 else _tr("back door")
    air = _tr("all air conditioners") if not cmd.air_id else _tr("air conditioner %1").replace(
        "%1", str(cmd.air_id))
    if k is ControlKind.UPDATE_NOW:
        return _tr("report status now (industrial PCs)") if cmd.computer else _tr(
            "report status now")
    if k is ControlKind.SET_SERVER:
        return _tr("report to the server %1").replace("%1", cmd.server or "")
    if k is ControlKind.SET_FREQUENCY:
        return _tr("report every %1 s").replace("%1", str(cmd.frequency_s))
    if k is ControlKind.REBOOT:
        return _tr("reboot through the relay at %1:%2").replace("%1", cmd.reboot_ip or "").replace(
            "%2", str(cmd.reboot_port))
    if k is ControlKind.UNLOCK_DOOR:
        return _tr("unlock the %1").replace("%1", door)
    if k is ControlKind.AIR_ON_OFF:
        return (_tr("switch %1 to run") if cmd.run else _tr("switch %1 to standby")).replace(
            "%1", air)
    if k is ControlKind.AIR_SET_POINTS:
        return _tr("set %1 to cool above %2 °C and heat below %3 °C").replace("%1", air).replace(
            "%2", f"{cmd.cooling_c:g}").replace("%3", f"{cmd.heating_c:g}")
    if k is ControlKind.POWER_MODE:
        modes = {0: _tr("no load shedding"), 1: _tr("level 1: air conditioners off"),
                 2: _tr("level 2: rear plate cameras off"), 3: _tr("level 3: rear antennas off")}
        return _tr("set the power mode to %1").replace("%1", modes.get(cmd.mode or 0, "?"))
    if k is ControlKind.ARM_DOORS:
        return _tr("arm the door alarm") if cmd.armed else _tr("disarm the door alarm")
    if k is ControlKind.CARD_WHITELIST:
        return _tr("replace the access-card whitelist with %1 card(s)").replace(
            "%1", str(len(cmd.cards)))
    if k is ControlKind.RECTIFIERS:
        return _tr("switch the rectifier modules on") if cmd.on else _tr(
            "switch the rectifier modules off")
    if k is ControlKind.BATTERY_TEST:
        return _tr("start the battery test") if cmd.start else _tr("stop the battery test")
    return _tr("read the battery test result")


def outcome_text(o: ControlOutcome, confirm_s: float) -> str:
    """One clear sentence for a command's current stage (translated)."""
    what = action_text(o.command)
    r = o.result
    if o.stage is Stage.SENT or o.stage is Stage.PENDING:
        return _tr("Pending: %1 …").replace("%1", what)
    if o.stage is Stage.CONFIRMED:
        return _tr("Confirmed by report: %1.").replace("%1", what)
    if o.stage is Stage.NOT_CONFIRMED:
        return _tr("Not confirmed: the device accepted “%1”, but no report within %2 s shows "
                   "it.").replace("%1", what).replace("%2", f"{confirm_s:g}")
    if o.stage is Stage.ACCEPTED:
        if o.confirmable:
            return _tr("Accepted by device: %1; waiting for a report to confirm it.").replace(
                "%1", what)
        return _tr("Accepted by device: %1.").replace("%1", what)
    assert r is not None
    if r.failure is FailureKind.REFUSED:
        return _tr("Failed: the device at %1 could not be reached.").replace("%1", r.url)
    if r.failure is FailureKind.TIMEOUT:
        return _tr("Failed: the device at %1 did not answer in time.").replace("%1", r.url)
    if r.failure is FailureKind.TLS:
        return _tr("Failed: the secure connection to %1 failed.").replace("%1", r.url)
    if r.failure is FailureKind.NETWORK:
        return _tr("Failed: the connection to %1 broke off.").replace("%1", r.url)
    if r.failure is FailureKind.BAD_ANSWER:
        return _tr("Failed: the device's answer is not a protocol answer (%1).").replace(
            "%1", r.detail)
    return _tr("Failed: the device refused to %1 — %2 %3 (%4).").replace("%1", what).replace(
        "%2", r.code or "").replace("%3", r.message).replace("%4", _code_meaning(r.code))


class ControlPanel(QWidget):
    """Buttons grouped by subsystem for one gantry and cabinet."""

    finished = Signal(object)  # ControlOutcome, once final (tests, other panels)

    def __init__(self, service: ControlService, pin: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.pin = pin
        self.gantry_id: str | None = None
        self.cabinet_id: int | None = None
        self.dialog = None  # the dialog being shown (tests click through it)
        self.tasks: set[asyncio.Task[None]] = set()
        self._busy: dict[Command, QPushButton | None] = {}
        self.buttons: dict[str, QPushButton] = {}

        self.target = QLabel(self)
        self.target.setStyleSheet("font-weight: bold;")
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setObjectName("controlResult")
        self.pending = QLabel(self)
        self.pending.setWordWrap(True)

        body = QWidget(self)
        col = QVBoxLayout(body)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self._doors())
        col.addWidget(self._air())
        col.addWidget(self._power())
        col.addWidget(self._battery())
        col.addWidget(self._cards())
        col.addWidget(self._reboot())
        col.addWidget(self._reporting())
        col.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Never clipped sideways: the panel is at least as wide as its widest line.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(body.minimumSizeHint().width()
                               + scroll.verticalScrollBar().sizeHint().width())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.target)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.pending)
        layout.addWidget(self.result)
        self.set_target(None, None)

    # -- layout --------------------------------------------------------------------------------

    def _button(self, key: str, text: str, build: Callable[[], Command]) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(f"control-{key}")
        b.clicked.connect(lambda: self.request(build, b))
        self.buttons[key] = b
        return b

    def _group(self, title: str, rows: list[list[QWidget]]) -> QGroupBox:
        g = QGroupBox(title, self)
        grid = QGridLayout(g)
        r = 0
        for widgets in rows:  # at most two per line, so the panel fits a 1366 px wide window
            for i in range(0, len(widgets), 2):
                for col, w in enumerate(widgets[i:i + 2]):
                    grid.addWidget(w, r, col)
                r += 1
        return g

    def _cab(self) -> int:
        return self.cabinet_id or 1

    def _doors(self) -> QGroupBox:
        return self._group(_tr("Doors"), [
            [self._button("unlock-front", _tr("Unlock front door"),
                          lambda: c.unlock_door(self._cab(), "front")),
             self._button("unlock-back", _tr("Unlock back door"),
                          lambda: c.unlock_door(self._cab(), "back"))],
            [self._button("arm", _tr("Arm door alarm"), lambda: c.arm_doors(True)),
             self._button("disarm", _tr("Disarm door alarm"), lambda: c.arm_doors(False))],
        ])

    def _air(self) -> QGroupBox:
        self.air_choice = QComboBox(self)
        for label, n in ((_tr("All air conditioners"), 0), (_tr("Air conditioner 1"), 1),
                         (_tr("Air conditioner 2"), 2)):
            self.air_choice.addItem(label, n)
        self.cooling = QDoubleSpinBox(self)
        self.heating = QDoubleSpinBox(self)
        for spin, v in ((self.cooling, 30.0), (self.heating, 5.0)):
            spin.setRange(-30.0, 60.0)
            spin.setDecimals(1)
            spin.setSuffix(" °C")
            spin.setValue(v)
        air = lambda: int(self.air_choice.currentData())  # noqa: E731
        return self._group(_tr("Air conditioners"), [
            [self.air_choice,
             self._button("air-run", _tr("Run"), lambda: c.air_on_off(self._cab(), air(), True)),
             self._button("air-standby", _tr("Standby"),
                          lambda: c.air_on_off(self._cab(), air(), False))],
            [QLabel(_tr("Cool above"), self), self.cooling],
            [QLabel(_tr("Heat below"), self), self.heating,
             self._button("air-setpoints", _tr("Set set-points"),
                          lambda: c.air_set_points(self._cab(), air(), self.cooling.value(),
                                                   self.heating.value()))],
        ])

    def _power(self) -> QGroupBox:
        self.mode_choice = QComboBox(self)
        for n, label in ((0, _tr("0 — no load shedding")), (1, _tr("1 — air conditioners off")),
                         (2, _tr("2 — rear plate cameras off")), (3, _tr("3 — rear antennas off"))):
            self.mode_choice.addItem(label, n)
        return self._group(_tr("Power"), [
            [self.mode_choice, self._button("power-mode", _tr("Set power mode"),
                                            lambda: c.power_mode(int(self.mode_choice.currentData())))],
            [self._button("rectifiers-on", _tr("Rectifiers on"),
                          lambda: c.rectifiers(self._cab(), True)),
             self._button("rectifiers-off", _tr("Rectifiers off"),
                          lambda: c.rectifiers(self._cab(), False))],
        ])

    def _battery(self) -> QGroupBox:
        return self._group(_tr("Battery"), [
            [self._button("battery-start", _tr("Start battery test"),
                          lambda: c.battery_test(self._cab(), True)),
             self._button("battery-stop", _tr("Stop battery test"),
                          lambda: c.battery_test(self._cab(), False))],
            [self._button("battery-result", _tr("Battery test result…"),
                          lambda: c.battery_result(self._cab()))],
        ])

    def _cards(self) -> QGroupBox:
        b = QPushButton(_tr("Edit and send whitelist…"), self)
        b.setObjectName("control-whitelist")
        b.clicked.connect(lambda: self._spawn(self.edit_whitelist(b)))
        self.buttons["whitelist"] = b
        return self._group(_tr("Access cards"), [[b]])

    def _reboot(self) -> QGroupBox:
        self.relay_ip = QLineEdit(self)
        self.relay_ip.setPlaceholderText("192.168.1.50")
        self.relay_port = QSpinBox(self)
        self.relay_port.setRange(1, 65535)
        self.relay_port.setValue(502)
        return self._group(_tr("Reboot"), [
            [QLabel(_tr("Relay IP"), self), self.relay_ip],
            [QLabel(_tr("Relay port"), self), self.relay_port],
            [self._button("reboot", _tr("Reboot"),
                          lambda: c.reboot(self.relay_ip.text(), self.relay_port.value()))],
        ])

    def _reporting(self) -> QGroupBox:
        self.to_computers = QCheckBox(_tr("Industrial PCs (instead of the cabinet)"), self)
        self.server = QLineEdit(self)
        self.server.setPlaceholderText("192.168.1.10:8080/monitor.do")
        self.period = QSpinBox(self)
        self.period.setRange(1, 86400)
        self.period.setValue(600)
        self.period.setSuffix(" s")
        pcs = self.to_computers.isChecked
        return self._group(_tr("Reporting"), [
            [self._button("update-now", _tr("Report now"),
                          lambda: c.update_now(None if pcs() else self.cabinet_id, pcs())),
             self.to_computers],
            [self.server, self._button("set-server", _tr("Set server"),
                                       lambda: c.set_server(self.server.text(), pcs()))],
            [self.period, self._button("set-frequency", _tr("Set period"),
                                       lambda: c.set_frequency(self.period.value(), pcs()))],
        ])

    # -- target --------------------------------------------------------------------------------

    def set_target(self, gantry_id: str | None, cabinet_id: int | None) -> None:
        self.gantry_id, self.cabinet_id = gantry_id, cabinet_id
        if gantry_id is None:
            self.target.setText(_tr("No gantry selected."))
        else:
            self.target.setText(self.where())
        for key, b in self.buttons.items():
            b.setEnabled(gantry_id is not None and not self._is_busy_button(b))
            del key

    def where(self, cmd: Command | None = None) -> str:
        gid = self.gantry_id or ""
        cabinet = cmd.cabinet_id if cmd is not None else self.cabinet_id
        if cmd is not None and cmd.cabinet_id is None:
            return _tr("Gantry %1").replace("%1", gid)
        return _tr("Gantry %1, cabinet %2").replace("%1", gid).replace("%2", str(cabinet or 1))

    def _is_busy_button(self, b: QPushButton) -> bool:
        return any(x is b for x in self._busy.values())

    # -- running commands ----------------------------------------------------------------------

    def _spawn(self, coro) -> None:  # noqa: ANN001
        task = asyncio.ensure_future(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    def request(self, build: Callable[[], Command], button: QPushButton | None = None) -> None:
        """A button was clicked: validate, then confirm and run without blocking."""
        if self.gantry_id is None:
            return
        try:
            cmd = build()
        except InvalidCommand as e:
            self.show_result(_tr("Not sent: %1").replace("%1", str(e)))
            return
        self._spawn(self.run_command(cmd, button))

    async def run_command(self, cmd: Command, button: QPushButton | None = None) -> None:
        gantry_id = self.gantry_id
        if gantry_id is None:
            return
        if cmd in self._busy:
            self.show_result(_tr("Already pending: %1.").replace("%1", action_text(cmd)))
            return
        self._busy[cmd] = button
        if button is not None:
            button.setEnabled(False)
        try:
            if cmd.changes_state and not await self.confirm(cmd):
                self.show_result(_tr("Cancelled: %1.").replace("%1", action_text(cmd)))
                return
            self._show_pending()
            try:
                outcome = await self.service.execute(
                    gantry_id, cmd, on_stage=lambda o: self.show_result(
                        outcome_text(o, self.service.confirm_timeout_s)))
            except NoControlAddress:
                self.show_result(_tr("Not sent: no control address is known for gantry %1; "
                                     "set one in its settings.").replace("%1", gantry_id))
                return
            self.show_result(outcome_text(outcome, self.service.confirm_timeout_s))
            if outcome.result is not None and outcome.result.battery is not None:
                self.dialog = BatteryReportDialog(self.where(cmd), outcome.result.battery, self)
                self.dialog.open()
            self.finished.emit(outcome)
        except Exception:  # keep the panel usable whatever happened
            log.exception("control command failed")
            self.show_result(_tr("Failed: an unexpected error; see the log file."))
        finally:
            self._busy.pop(cmd, None)
            if button is not None:
                button.setEnabled(self.gantry_id is not None)
            self._show_pending()

    async def confirm(self, cmd: Command) -> bool:
        title = _tr("Confirm command")
        message = _tr("%1:\n%2?\n\nThe command is sent to the device at once.").replace(
            "%1", self.where(cmd)).replace("%2", action_text(cmd))
        pin = self.pin if cmd.kind in PIN_COMMANDS else ""
        self.dialog = ConfirmDialog(title, message, pin, self)
        try:
            return await ask(self.dialog)
        finally:
            self.dialog.deleteLater()
            self.dialog = None

    async def edit_whitelist(self, button: QPushButton) -> None:
        if self.gantry_id is None:
            return
        editor = CardWhitelistDialog(getattr(self, "_last_cards", []), self)
        self.dialog = editor
        accepted = await ask(editor)
        self.dialog = None
        if not accepted:
            return
        self._last_cards = editor.result_cards
        try:
            cmd = c.card_whitelist(editor.result_cards)
        except InvalidCommand as e:
            self.show_result(_tr("Not sent: %1").replace("%1", str(e)))
            return
        await self.run_command(cmd, button)

    def _show_pending(self) -> None:
        names = [action_text(cmd) for cmd in self._busy]
        self.pending.setText(_tr("Pending: %1").replace("%1", "; ".join(names)) if names else "")

    def show_result(self, sentence: str) -> None:
        failed = sentence.startswith((_tr("Failed"), _tr("Not sent"), _tr("Not confirmed")))
        # Colour only for an abnormal result; the words carry it too.
        self.result.setStyleSheet("color: #c62828;" if failed else "")
        self.result.setText(sentence)


def plug_control_panel(window, core) -> ControlPanel:  # noqa: ANN001 (MainWindow, Core)
    """Add the control panel beside the schematic and follow the window's selection."""
    service = ControlService(core.settings, core.store, core.bus, core.fleet)
    panel = ControlPanel(service, pin=getattr(core.settings, "control_pin", ""), parent=window)
    window.add_panel(panel, _tr("Control"), "right")

    def follow(*_: object) -> None:
        panel.set_target(window.gantry_id, window.cabinet_id)

    window.tree.selected.connect(follow)
    window.schematic.cabinet_chosen.connect(follow)
    follow()
    return panel
