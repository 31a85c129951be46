"""What a simulated gantry does with a control command (PROTOCOL.md §8.1–§8.3). Pure.

Missing or out-of-range fields answer 1002; a command the device cannot carry out in its present
state (rebooting, an air conditioner in fault, a battery test without mains, …) answers 1007.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from app.protocol import ResultCode
from app.protocol.control import (
    BatteryTestResult,
    CabinetCommand,
    CabinetCommandFields,
    CabinetControl,
    ComputerCommand,
    ComputerControl,
)

from .model import COMPUTERS, BatteryTestRecord, GantryModel, UnlockType
from .reports import time_text

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Outcome:
    code: ResultCode = ResultCode.OK
    detail: str | None = None
    battery_result: BatteryTestResult | None = None


class _Refused(Exception):
    def __init__(self, code: ResultCode, detail: str) -> None:
        super().__init__(detail)
        self.code, self.detail = code, detail


def _bad(detail: str) -> _Refused:
    return _Refused(ResultCode.BAD_PARAMETERS, detail)


def _failed(detail: str) -> _Refused:
    return _Refused(ResultCode.CONTROL_FAILED, detail)


def server_url(address: str) -> str:
    """`setServer` gives `host[:port]/monitor.do`; the device posts over http unless told."""
    address = address.strip()
    if not address:
        raise _bad("setServer is empty")
    return address if re.match(r"^https?://", address, re.I) else f"http://{address}"


def _common(model: GantryModel, cmd: ComputerCommand, cabinets: list[int] | None) -> None:
    """updateNow / setServer / setFrequency, shared by both control methods."""
    if cmd.set_frequency is not None:
        if cmd.set_frequency < 1:
            raise _bad(f"setFrequency {cmd.set_frequency} is not a positive number of seconds")
    if cmd.set_server is not None:
        model.server_url = server_url(cmd.set_server)
    if cmd.set_frequency is not None:
        model.set_period(float(cmd.set_frequency))
    if cmd.update_now is not None:
        if cmd.update_now != 1:
            raise _bad(f"updateNow {cmd.update_now} is not 1")
        model.pending.update([COMPUTERS] if cabinets is None else cabinets)


def apply_computer_control(model: GantryModel, request: ComputerControl) -> Outcome:
    return _run(model, lambda: _common(model, request.command, None))


def apply_cabinet_control(model: GantryModel, request: CabinetControl) -> Outcome:
    cmd = request.command
    result: list[BatteryTestResult] = []

    def run() -> None:
        cabinet = _cabinet(model, cmd)
        _common(model, cmd, [cabinet] if cmd.cabinet_id else list(model.cabinets))
        if cmd.cmd is None:
            return
        try:
            which = CabinetCommand(cmd.cmd)
        except ValueError:
            raise _bad(f"cmd {cmd.cmd} is not 1-10") from None
        r = _HANDLERS[which](model, cmd, cabinet)
        if r is not None:
            result.append(r)

    outcome = _run(model, run)
    return Outcome(outcome.code, outcome.detail, result[0] if result else None)


def _run(model: GantryModel, action: Callable[[], None]) -> Outcome:
    if model.rebooting:
        return Outcome(ResultCode.CONTROL_FAILED, "rebooting")
    try:
        action()
    except _Refused as e:
        return Outcome(e.code, e.detail)
    return Outcome()


def _cabinet(model: GantryModel, cmd: CabinetCommandFields) -> int:
    cabinet = 1 if cmd.cabinet_id is None else cmd.cabinet_id
    if cabinet not in model.cabinets:
        raise _bad(f"cabinetId {cabinet}: this gantry has cabinets 1-{len(model.cabinets)}")
    return cabinet


def _reboot(model: GantryModel, cmd: CabinetCommandFields, cabinet: int) -> None:
    # The relay's address is not ours to check; the device reboots whatever it is.
    model.reboot(model.now)


def _unlock(model: GantryModel, cmd: CabinetCommandFields, cabinet: int) -> None:
    if cmd.unlock_door_id not in (1, 2):
        raise _bad(f"unlockDoorId {cmd.unlock_door_id} is not 1 (front) or 2 (back)")
    if not model.open_door(cabinet, cmd.unlock_door_id, UnlockType.REMOTE):
        raise _failed("the door is already open")


def _air_ids(model: GantryModel, cmd: CabinetCommandFields, cabinet: int) -> list[int]:
    air = 0 if cmd.air_id is None else cmd.air_id
    ids = [a.id for a in model.cabinets[cabinet].air_conditioners]
    if air != 0 and air not in ids:
        raise _bad(f"airId {air} is not 0 (all) or one of {ids}")
    return ids if air == 0 else [air]


def _air_on_off(model: GantryModel, cmd: CabinetCommandFields, cabinet: int) -> None:
    if cmd.air_operate not in (1, 2):
        raise _bad(f"airOperate {cmd.air_operate} is not 1 (run) or 2 (standby)")
    c = model.cabinets[cabinet]
    targets = [a for a in c.air_conditioners if a.id in _air_ids(model, cmd, cabinet)]
    if cmd.air_operate == 1 and any(a.faulty for a in targets):
        raise _failed("air conditioner in fault")
    for a in targets:
        a.control = "run" if cmd.air_operate == 1 else "standby"
    model.thermostat(c)


def _air_set_points(model: GantryModel, cmd: CabinetCommandFields, cabinet: int) -> None:
    cool, heat = cmd.auto_refrigeration_temp, cmd.auto_heating_temp
    if cool is None and heat is None:
        raise _bad("autoRefrigerationTemp or autoHeatingTemp is needed")
    c = model.cabinets[cabinet]
    targets = [a for a in c.air_conditioners if a.id in _air_ids(model, cmd, cabinet)]
    new_cool = cool if cool is not None else targets[0].cool_at
    new_heat = heat if heat is not None else targets[0].heat_at
    if not (-20.0 <= new_heat < new_cool <= 60.0):
        raise _bad(f"set-points heating {new_heat} / cooling {new_cool} out of range")
    for a in targets:
        a.cool_at, a.heat_at = new_cool, new_heat
        a.control = "auto" if a.control == "run" else a.control
    model.thermostat(c)


def _power_mode(model: GantryModel, cmd: CabinetCommandFields, cabinet: int) -> None:
    if cmd.mode not in (0, 1, 2, 3):
        raise _bad(f"mode {cmd.mode} is not 0-3")
    model.power_mode = cmd.mode
    for c in model.cabinets.values():
        model.thermostat(c)
    model.pending.update(model.cabinets)


def _arm(model: GantryModel, cmd: CabinetCommandFields, cabinet: int) -> None:
    if cmd.is_door_defend not in (0, 1):
        raise _bad(f"isDoorDefend {cmd.is_door_defend} is not 0 or 1")
    model.armed = cmd.is_door_defend == 1


def _cards(model: GantryModel, cmd: CabinetCommandFields, cabinet: int) -> None:
    if cmd.card_infos is None:
        raise _bad("cardInfos is missing")
    cards = {}
    for i, card in enumerate(cmd.card_infos):
        if not card.card_id.strip() or not _DATE.match(card.expire_date.strip()):
            raise _bad(f"cardInfos[{i}]: cardId or expireDate (yyyy-mm-dd) is not valid")
        cards[card.card_id.strip()] = card.expire_date.strip()
    model.cards = cards  # the list replaces the one the controller had


def _rectifiers(model: GantryModel, cmd: CabinetCommandFields, cabinet: int) -> None:
    if cmd.on_off not in (0, 1):
        raise _bad(f"onOff {cmd.on_off} is not 0 or 1")
    model.cabinets[cabinet].rectifiers_on = cmd.on_off == 1


def _battery_test(model: GantryModel, cmd: CabinetCommandFields, cabinet: int) -> None:
    if cmd.test_start_stop not in (0, 1):
        raise _bad(f"testStartStop {cmd.test_start_stop} is not 0 or 1")
    if cmd.test_start_stop == 1:
        if not model.start_battery_test(cabinet, model.now):
            raise _failed("battery test needs mains, a charged battery and no test running")
    elif not model.stop_battery_test(cabinet, model.now):
        raise _failed("no battery test is running")


def battery_result(model: GantryModel, cabinet: int) -> BatteryTestResult:
    """§8.3 for the cabinet's last finished test (or the one running: no result yet)."""
    c = model.cabinets[cabinet]
    running = c.battery_test
    if running is not None:
        return BatteryTestResult(test_start_time=_t(model, running.start), test_result=1)
    test = c.last_battery_test
    if test is None:
        return BatteryTestResult(test_result=1)
    return _finished(model, test, c.battery_health)


def _t(model: GantryModel, t: float) -> str:
    return time_text(model.device_time(t))


def _finished(model: GantryModel, test: BatteryTestRecord, health: float) -> BatteryTestResult:
    assert test.end is not None and test.end_charge is not None
    hours = (test.end - test.start) / 3600.0
    used = test.start_charge - test.end_charge  # % of 100 Ah
    too_short = hours < 0.1
    result = 1 if too_short else 2 if health >= 0.85 else 3 if health >= 0.65 else 4
    return BatteryTestResult(
        test_start_time=_t(model, test.start),
        test_result=result,
        efficiency=round(health * 100.0, 1),
        discharge_time=round(hours, 2),
        discharge_end_voltage=round(44.0 + 8.0 * test.end_charge / 100.0, 2),
        discharge_av_current=round(used / hours, 2) if hours > 0 else 0.0,
        discharge_ah_current=round(used, 2),
        test_temperature=test.temperature,
        test_end_course=test.end_course or 255,
    )


def _battery_query(model: GantryModel, cmd: CabinetCommandFields,
                   cabinet: int) -> BatteryTestResult:
    return battery_result(model, cabinet)


_HANDLERS = {
    CabinetCommand.REBOOT: _reboot,
    CabinetCommand.UNLOCK_DOOR: _unlock,
    CabinetCommand.AIR_ON_OFF: _air_on_off,
    CabinetCommand.AIR_SET_POINTS: _air_set_points,
    CabinetCommand.POWER_MODE: _power_mode,
    CabinetCommand.ARM_DOORS: _arm,
    CabinetCommand.CARD_WHITELIST: _cards,
    CabinetCommand.RECTIFIERS_ON_OFF: _rectifiers,
    CabinetCommand.BATTERY_TEST: _battery_test,
    CabinetCommand.BATTERY_RESULT: _battery_query,
}
