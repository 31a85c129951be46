"""Device control messages (PROTOCOL.md §8): this app -> a device's `remotecontrol.do`.

Python names are the domain's; aliases are the wire names. Every value is a string on the wire.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer
from pydantic.alias_generators import to_camel

from .messages import Envelope

DEVICE_PORT = 3699
DEVICE_PATH = "/remotecontrol.do"


def _num_str(v: float) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


WireInt = Annotated[int, PlainSerializer(str, return_type=str)]
WireNum = Annotated[float, PlainSerializer(_num_str, return_type=str)]


class _Wire(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="ignore",
                              frozen=True)


class CabinetCommand(IntEnum):
    """`cmd` of cabinetControl (§8.2)."""

    REBOOT = 1
    UNLOCK_DOOR = 2
    AIR_ON_OFF = 3
    AIR_SET_POINTS = 4
    POWER_MODE = 5
    ARM_DOORS = 6
    CARD_WHITELIST = 7
    RECTIFIERS_ON_OFF = 8
    BATTERY_TEST = 9
    BATTERY_RESULT = 10


class Card(_Wire):
    card_id: str
    expire_date: str  # yyyy-mm-dd


class ComputerCommand(_Wire):
    update_now: WireInt | None = None  # 1 = post status now
    set_server: str | None = None  # e.g. 192.168.1.1:8080/monitor.do
    set_frequency: WireInt | None = None  # seconds


class CabinetCommandFields(ComputerCommand):
    cmd: WireInt | None = None
    reboot_ip: str | None = None
    reboot_port: WireInt | None = None
    cabinet_id: WireInt | None = None
    unlock_door_id: WireInt | None = None  # 1 front / 2 back
    air_id: WireInt | None = None  # 0 all / 1 / 2
    air_operate: WireInt | None = None  # 1 run / 2 standby
    auto_refrigeration_temp: WireNum | None = None  # °C at which cooling starts
    auto_heating_temp: WireNum | None = None  # °C at which heating starts
    mode: WireInt | None = None  # power mode 0..3
    is_door_defend: WireInt | None = None  # 0 disarm / 1 arm
    card_infos: list[Card] | None = None
    on_off: WireInt | None = None  # rectifiers 0 off / 1 on
    test_start_stop: WireInt | None = None  # battery test 0 stop / 1 start


class ComputerControl(Envelope):
    METHOD: ClassVar[str] = "computerControl"
    method: str = METHOD
    command: ComputerCommand = Field(alias="computerControl")


class CabinetControl(Envelope):
    METHOD: ClassVar[str] = "cabinetControl"
    method: str = METHOD
    command: CabinetCommandFields = Field(alias="cabinetControl")


class MediaQuery(_Wire):
    cabinet_id: WireInt = 1
    door_open_time: str  # yyyy-MM-dd HH:mm:ss.zzz


class MediaRequest(Envelope):
    """`getCabinetImageVedio` (sic: the wire name keeps the protocol's spelling)."""

    METHOD: ClassVar[str] = "getCabinetImageVedio"
    method: str = METHOD
    query: MediaQuery = Field(alias="getCabinetImageVedio")


CONTROL_TYPES: dict[str, type[Envelope]] = {
    ComputerControl.METHOD: ComputerControl,
    CabinetControl.METHOD: CabinetControl,
    MediaRequest.METHOD: MediaRequest,
}


class BatteryTestResult(_Wire):
    """`batterysTestResult` of the answer to cmd 10 (§8.3); values kept as sent."""

    test_start_time: str | None = None
    test_result: WireInt | None = None  # 1 none, 2 normal, 3 slightly, 4 seriously abnormal
    efficiency: WireNum | None = None  # %
    discharge_time: WireNum | None = None  # h
    discharge_end_voltage: WireNum | None = None  # V
    discharge_av_current: WireNum | None = None  # A
    discharge_ah_current: WireNum | None = None  # Ah
    test_temperature: WireNum | None = None  # °C
    test_end_course: WireInt | None = None  # 1..7, 255

    TEST_RESULTS: ClassVar[dict[int, str]] = {
        1: "no result", 2: "battery normal", 3: "slightly abnormal", 4: "seriously abnormal",
    }
    END_COURSES: ClassVar[dict[int, str]] = {
        1: "end voltage reached", 2: "test time reached", 3: "stopped by alarm",
        4: "stopped manually", 5: "stopped by fault alarm", 6: "battery charge too low",
        7: "battery temperature too low", 255: "other",
    }


class ControlAnswer(_Wire):
    code: str
    msg: str = ""
    battery_test_result: BatteryTestResult | None = Field(None, alias="batterysTestResult")


def control_wire_dict(message: BaseModel) -> dict[str, Any]:
    """A control request or answer as it goes on the wire: wire names, strings, no empty fields."""
    return message.model_dump(by_alias=True, exclude_none=True)
