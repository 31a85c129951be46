"""Device side of control: the request check (app.protocol.device), the older-firmware rewrite,
and the effect of each §8 command on the simulated gantry's state (pure, no sockets)."""

from __future__ import annotations

from typing import Any

import pytest

from app.protocol import ResultCode, encode_body, signed_headers, to_wire_dict
from app.protocol.control import CabinetControl, ComputerControl, MediaRequest
from app.protocol.device import DeviceRejection, check_control
from app.protocol.legacy import normalise_cabinet
from app.protocol.older_firmware import to_older_firmware
from app.simulator import GantryConfig, GantryModel, inject
from app.simulator.commands import apply_cabinet_control, apply_computer_control
from app.simulator.model import BACK_DOOR, COMPUTERS, FRONT_DOOR, UnlockType, UpsState
from app.simulator.reports import cabinet_update

START = 1_750_000_000.0
GID = "G000211001002110010"


def request(method: str, fields: dict[str, Any], **common: Any) -> dict[str, Any]:
    return {"gantryId": GID, "method": method, "timeStamp": str(int(START)), "version": "1001",
            method: fields, **common}


def check(doc: Any, auth: str = "123456", md5: str | None = None, body: bytes | None = None):
    body = encode_body(doc) if body is None else body
    headers = signed_headers(body, auth)
    if md5 is not None:
        headers["binfile-md5"] = md5
    return check_control(body, headers, "123456", GID)


# ---- check_control ------------------------------------------------------------------------------

def test_check_control_returns_typed_requests():
    r = check(request("computerControl", {"updateNow": "1", "setFrequency": "60"}))
    assert isinstance(r, ComputerControl)
    assert (r.command.update_now, r.command.set_frequency) == (1, 60)
    r = check(request("cabinetControl", {"cmd": "7", "cardInfos": [
        {"cardId": "C1", "expireDate": "2030-01-01"}]}))
    assert isinstance(r, CabinetControl) and r.command.card_infos[0].card_id == "C1"
    r = check(request("getCabinetImageVedio", {"doorOpenTime": "2019-08-28 01:15:01.321"}))
    assert isinstance(r, MediaRequest) and r.query.cabinet_id == 1


@pytest.mark.parametrize("case,code", [
    ("md5", ResultCode.BAD_SIGNATURE),
    ("no-md5", ResultCode.BAD_SIGNATURE),
    ("auth", ResultCode.NOT_AUTHORISED),
    ("not-json", ResultCode.BAD_PARAMETERS),
    ("array", ResultCode.BAD_PARAMETERS),
    ("no-gantry", ResultCode.BAD_PARAMETERS),
    ("other-gantry", ResultCode.BAD_PARAMETERS),
    ("method", ResultCode.BAD_PARAMETERS),
    ("status-method", ResultCode.BAD_PARAMETERS),
    ("version", ResultCode.UNKNOWN_VERSION),
    ("no-object", ResultCode.BAD_PARAMETERS),
    ("bad-field", ResultCode.BAD_PARAMETERS),
])
def test_check_control_rejections(case, code):
    doc = request("cabinetControl", {"cmd": "5", "mode": "1"})
    kw: dict[str, Any] = {}
    if case == "md5":
        kw["md5"] = "0" * 32
    elif case == "no-md5":
        kw["md5"] = ""
    elif case == "auth":
        kw["auth"] = "654321"
    elif case == "not-json":
        kw["body"] = b"{not json"
    elif case == "array":
        doc = [doc]
    elif case == "no-gantry":
        del doc["gantryId"]
    elif case == "other-gantry":
        doc["gantryId"] = "G1"
    elif case == "method":
        doc["method"] = "selfDestruct"
    elif case == "status-method":
        doc["method"] = "cabinetStatusUpdate"
    elif case == "version":
        doc["version"] = "1000"
    elif case == "no-object":
        del doc["cabinetControl"]
    elif case == "bad-field":
        doc["cabinetControl"]["cmd"] = "five"
    r = check(doc, **kw)
    assert isinstance(r, DeviceRejection)
    assert r.code is code
    if case == "bad-field":
        assert "cabinetControl.cmd" in r.reason


# ---- older firmware -----------------------------------------------------------------------------

def test_older_firmware_round_trips_through_legacy_normalisation():
    m = GantryModel(GantryConfig(seed=1), start=START)
    wire = to_wire_dict(cabinet_update(m, 1))
    old = to_older_firmware(wire)
    assert old["method"] == "cabinStatusUpdate"
    cab = old["cabinetStatus"]
    assert "doors" not in cab and "thunderSpd" not in cab
    assert isinstance(cab["ups"], dict) and "id" not in cab["ups"]
    assert isinstance(cab["elec"], dict) and isinstance(cab["rectifier"], dict)
    doors = cab["gateMagneticSensor"]
    assert doors["frontDoorStatus"] == "1" and doors["denfendMode"] == "0"
    assert "frontDoorUnlockType" not in doors and "frontDoorKnobClosed" in doors
    assert wire["cabinetStatus"]["doors"]["frontDoorClosed"] == "1"  # input left untouched
    notes: list[str] = []
    back = normalise_cabinet(cab, notes)
    assert back["doors"][0]["frontDoorClosed"] == "1" and back["ups"][0]["id"] == "1"


# ---- command effects ----------------------------------------------------------------------------

@pytest.fixture
def m() -> GantryModel:
    g = GantryModel(GantryConfig(gantry_id=GID, seed=2, period_s=600), start=START)
    g.due_posts()
    return g


def cabinet(m: GantryModel, **fields: Any):
    doc = request("cabinetControl", {k: v for k, v in fields.items()})
    r = check(doc)
    assert isinstance(r, CabinetControl), r
    return apply_cabinet_control(m, r)


def test_update_now_set_server_set_frequency(m):
    r = check(request("computerControl", {"updateNow": "1", "setServer": "10.0.0.9:8080/monitor.do",
                                          "setFrequency": "30"}))
    assert apply_computer_control(m, r).code is ResultCode.OK
    assert m.due_posts() == [COMPUTERS]
    assert m.server_url == "http://10.0.0.9:8080/monitor.do"
    m.advance(31)
    assert m.due_posts() == [COMPUTERS, 1, 2]
    assert cabinet(m, updateNow="1", cabinetId="2").code is ResultCode.OK
    assert m.due_posts() == [2]
    assert cabinet(m, updateNow="1").code is ResultCode.OK
    assert m.due_posts() == [1, 2]
    assert cabinet(m, setFrequency="0").code is ResultCode.BAD_PARAMETERS
    assert cabinet(m, cabinetId="3", updateNow="1").code is ResultCode.BAD_PARAMETERS


def test_cmd1_reboot(m):
    assert cabinet(m, cmd="1", rebootIp="192.168.1.200", rebootPort="5000").code is ResultCode.OK
    assert m.rebooting and m.due_posts() == []
    assert cabinet(m, cmd="6", isDoorDefend="1").code is ResultCode.CONTROL_FAILED
    m.advance(61)
    assert not m.rebooting and m.due_posts() == [COMPUTERS, 1, 2]


def test_cmd2_unlock_door(m):
    assert cabinet(m, cmd="2", cabinetId="2", unlockDoorId="2").code is ResultCode.OK
    door = m.cabinets[2].doors[BACK_DOOR]
    assert not door.closed and door.unlock_type is UnlockType.REMOTE
    assert m.due_posts() == [2]
    assert cabinet(m, cmd="2", cabinetId="2", unlockDoorId="2").code is ResultCode.CONTROL_FAILED
    assert cabinet(m, cmd="2", unlockDoorId="3").code is ResultCode.BAD_PARAMETERS
    m.advance(61)
    assert door.closed and m.due_posts() == [2]


def test_cmd3_cmd4_air_conditioners(m):
    c = m.cabinets[1]
    assert cabinet(m, cmd="3", airId="0", airOperate="2").code is ResultCode.OK
    assert not any(a.working for a in c.air_conditioners)
    assert cabinet(m, cmd="3", airId="2", airOperate="1").code is ResultCode.OK
    assert [a.working for a in c.air_conditioners] == [False, True]
    assert cabinet(m, cmd="3", airId="5", airOperate="1").code is ResultCode.BAD_PARAMETERS
    inject(m, "air-conditioner-fault")
    assert cabinet(m, cmd="3", airId="1", airOperate="1").code is ResultCode.CONTROL_FAILED
    inject(m, "air-conditioner-fault", active=False)
    assert cabinet(m, cmd="3", airId="0", airOperate="1").code is ResultCode.OK
    assert cabinet(m, cmd="4", airId="0", autoRefrigerationTemp="12",
                   autoHeatingTemp="2").code is ResultCode.OK
    assert [(a.cool_at, a.heat_at) for a in c.air_conditioners] == [(12.0, 2.0), (12.0, 2.0)]
    assert all(a.working and a.mode == 1 for a in c.air_conditioners)  # 12 °C: cooling now
    assert cabinet(m, cmd="4", autoRefrigerationTemp="60",
                   autoHeatingTemp="70").code is ResultCode.BAD_PARAMETERS
    assert cabinet(m, cmd="4").code is ResultCode.BAD_PARAMETERS


def test_cmd5_power_modes(m):
    c = m.cabinets[1]
    cabinet(m, cmd="4", autoRefrigerationTemp="10", autoHeatingTemp="0")
    m.advance(60)
    full = c.mains_power_kw
    assert cabinet(m, cmd="5", mode="1").code is ResultCode.OK
    assert not any(a.working for a in c.air_conditioners)
    m.advance(60)
    assert c.mains_power_kw < full - 1.0
    assert cabinet(m, cmd="5", mode="3").code is ResultCode.OK
    m.advance(60)
    assert c.mains_power_kw < 1.0
    assert cabinet(m, cmd="5", mode="0").code is ResultCode.OK
    m.advance(60)
    assert any(a.working for a in c.air_conditioners)
    assert cabinet(m, cmd="5", mode="4").code is ResultCode.BAD_PARAMETERS


def test_cmd6_arm_and_cmd7_cards(m):
    assert cabinet(m, cmd="6", isDoorDefend="1").code is ResultCode.OK
    assert m.armed
    assert cabinet(m, cmd="7", cardInfos=[{"cardId": "C9", "expireDate": "2099-01-01"}]
                   ).code is ResultCode.OK
    assert m.cards == {"C9": "2099-01-01"}
    assert m.swipe_card(1, FRONT_DOOR, "C9")
    assert not m.swipe_card(1, BACK_DOOR, "C1")
    assert cabinet(m, cmd="7", cardInfos=[{"cardId": "C9", "expireDate": "soon"}]
                   ).code is ResultCode.BAD_PARAMETERS
    assert cabinet(m, cmd="7").code is ResultCode.BAD_PARAMETERS
    assert cabinet(m, cmd="6", isDoorDefend="0").code is ResultCode.OK and not m.armed


def test_cmd8_rectifiers(m):
    assert cabinet(m, cmd="8", cabinetId="1", onOff="0").code is ResultCode.OK
    cab = cabinet_update(m, 1).cabinet
    assert cab.rectifiers[0].output_voltage.value == 0
    assert cab.rectifiers[0].warning_msg.value == "模块关机"
    assert cabinet(m, cmd="8", cabinetId="1", onOff="1").code is ResultCode.OK
    m.advance(10)
    assert cabinet_update(m, 1).cabinet.rectifiers[0].output_voltage.value > 50


def test_cmd9_cmd10_battery_test(m):
    answer = cabinet(m, cmd="10", cabinetId="1")
    assert answer.battery_result.test_result == 1 and answer.battery_result.test_start_time is None
    assert cabinet(m, cmd="9", cabinetId="1", testStartStop="0").code is ResultCode.CONTROL_FAILED
    assert cabinet(m, cmd="9", cabinetId="1", testStartStop="1").code is ResultCode.OK
    c = m.cabinets[1]
    assert c.ups_state is UpsState.TESTING
    m.advance(600)
    assert c.ups_charge < 99.0
    running = cabinet(m, cmd="10", cabinetId="1").battery_result
    assert running.test_result == 1 and running.test_start_time
    assert cabinet(m, cmd="9", cabinetId="1", testStartStop="0").code is ResultCode.OK
    assert c.ups_state is not UpsState.TESTING
    result = cabinet(m, cmd="10", cabinetId="1").battery_result
    assert result.test_end_course == 4 and result.test_result == 2
    assert result.discharge_time == pytest.approx(600 / 3600, abs=0.01)
    assert result.discharge_ah_current > 0
    # A test left alone runs to the end voltage.
    m.advance(3 * 3600)
    assert cabinet(m, cmd="9", cabinetId="1", testStartStop="1").code is ResultCode.OK
    m.advance(3 * 3600)
    assert cabinet(m, cmd="10", cabinetId="1").battery_result.test_end_course == 1
    inject(m, "mains-failure")
    assert cabinet(m, cmd="9", cabinetId="1", testStartStop="1").code is ResultCode.CONTROL_FAILED


def test_unknown_cmd(m):
    assert cabinet(m, cmd="11").code is ResultCode.BAD_PARAMETERS
