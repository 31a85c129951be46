"""Typed messages of the protocol (PROTOCOL.md §3, §6, §7).

Python names are the domain's words; each field's alias is its wire name. Wire names appear only
in this package: the rest of the app works with these models, and `to_wire` turns one back into
the JSON a device sends (used by the simulator).
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer, field_validator
from pydantic.alias_generators import to_camel

from .values import (
    NO_DATA,
    Integer,
    Number,
    Reading,
    Text,
    Time,
    parse_integer,
    parse_number,
    parse_text,
    parse_time,
)

PROTOCOL_VERSION = "1001"

_VALUE_TYPES = {parse_number: float, parse_integer: int, parse_text: str, parse_time: str}

WireId = Annotated[int, Field(ge=0), PlainSerializer(str, return_type=str)]


class Block(BaseModel):
    """One device block; absent fields (older firmware) read as NoData."""

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="ignore",
        arbitrary_types_allowed=True,
        frozen=True,
    )
    # Which kind of device this is, in the domain's words (table names, UI labels, alarms).
    kind: ClassVar[str] = ""

    @classmethod
    def reading_fields(cls) -> tuple[str, ...]:
        """Names of the fields that carry readings (everything except ids)."""
        return _reading_fields(cls)

    @classmethod
    def value_types(cls) -> dict[str, type]:
        """Python type of each reading's value (float, int or str): the store's column types."""
        out: dict[str, type] = {}
        for name in cls.reading_fields():
            fn = next(m.func for m in cls.model_fields[name].metadata if hasattr(m, "func"))
            out[name] = _VALUE_TYPES[fn]
        return out

    def readings(self) -> dict[str, Reading]:
        return {n: getattr(self, n) for n in self.reading_fields()}


class Mains(Block):
    kind: ClassVar[str] = "mains"
    id: WireId = 1
    status: Integer = NO_DATA
    voltage: Number = NO_DATA  # V
    current: Number = NO_DATA  # A
    power: Number = NO_DATA  # kW
    frequency: Number = NO_DATA  # Hz
    energy: Number = Field(NO_DATA, alias="elecConsumption")  # kWh, cumulative
    warning_msg: Text = NO_DATA


class Rectifier(Block):
    kind: ClassVar[str] = "rectifier"
    id: WireId = 1
    status: Integer = NO_DATA
    current_limiting: Integer = NO_DATA  # 0 no / 1 limiting
    output_voltage: Number = NO_DATA
    output_current: Number = NO_DATA
    output_power: Number = NO_DATA
    warning_msg: Text = NO_DATA


class Ups(Block):
    kind: ClassVar[str] = "ups"
    id: WireId = 1
    status: Integer = NO_DATA
    running_state: Integer = NO_DATA  # 1 float, 2 equalising, 3 discharging, 4 charging, 5 testing
    charge_voltage: Number = Field(NO_DATA, alias="inputVoltage")
    charge_current: Number = Field(NO_DATA, alias="inputCurrent")
    discharge_voltage: Number = Field(NO_DATA, alias="outputVoltage")
    discharge_current: Number = Field(NO_DATA, alias="outputCurrent")
    charge_percent: Number = Field(NO_DATA, alias="powerRate")
    remaining_minutes: Number = Field(NO_DATA, alias="surplusTime")
    remaining_capacity: Number = Field(NO_DATA, alias="remainCapacity")  # Ah
    temperature: Number = NO_DATA
    warning_msg: Text = NO_DATA


class AirConditioner(Block):
    kind: ClassVar[str] = "air_conditioner"
    id: WireId = 1
    status: Integer = NO_DATA
    error_msg: Text = NO_DATA
    is_working: Integer = NO_DATA  # 0 standby / 1 running
    work_mode: Integer = NO_DATA  # 0 ventilation / 1 cooling / 2 heating
    system_warning: Integer = NO_DATA  # 0 alarm / 1 normal
    temperature_warning: Integer = NO_DATA  # 0 alarm / 1 normal


class Thermohygrometer(Block):
    kind: ClassVar[str] = "thermohygrometer"
    status: Integer = NO_DATA
    temperature: Number = NO_DATA
    humidity: Number = NO_DATA


class WaterSensor(Block):
    kind: ClassVar[str] = "water_sensor"
    status: Integer = NO_DATA
    is_warning: Integer = NO_DATA
    warning_change_time: Time = NO_DATA


class SmokeSensor(Block):
    kind: ClassVar[str] = "smoke_sensor"
    status: Integer = NO_DATA
    is_warning: Integer = NO_DATA
    warning_change_time: Time = NO_DATA


class Doors(Block):
    """One door controller: the cabinet's front and back doors."""

    kind: ClassVar[str] = "doors"
    id: WireId = 1
    status: Integer = NO_DATA
    armed: Integer = Field(NO_DATA, alias="defendMode")  # 0 disarmed / 1 armed
    front_door_closed: Integer = NO_DATA  # 0 open / 1 closed
    front_door_locked: Integer = NO_DATA
    front_door_unlock_type: Integer = NO_DATA  # 0 lock closed, 1 card, 2 remote, 3 key
    front_door_unlock_card_id: Text = NO_DATA
    front_door_open_illegally: Integer = NO_DATA
    front_door_change_time: Time = NO_DATA
    back_door_closed: Integer = NO_DATA
    back_door_locked: Integer = NO_DATA
    back_door_unlock_type: Integer = NO_DATA
    back_door_unlock_card_id: Text = NO_DATA
    back_door_open_illegally: Integer = NO_DATA
    back_door_change_time: Time = NO_DATA


class SurgeProtector(Block):
    kind: ClassVar[str] = "surge_protector"
    id: WireId = 1
    status: Integer = NO_DATA
    lightning_count: Integer = NO_DATA


class Computer(Block):
    kind: ClassVar[str] = "computer"
    id: WireId = 1
    is_monitor_computer: Integer = NO_DATA  # 1 = monitoring PC (collects the cabinet's data)
    is_main_computer: Integer = NO_DATA  # toll PCs: 1 primary / 0 standby
    sys_disk_usage: Number = NO_DATA  # %
    sys_disk_size: Number = NO_DATA  # KB
    data_disk_usage: Number = NO_DATA
    data_disk_size: Number = NO_DATA
    memory_usage: Number = NO_DATA
    memory_size: Number = NO_DATA  # KB
    net_usage: Number = NO_DATA
    cpu_usage: Number = NO_DATA
    cpu_temperature: Number = NO_DATA
    ip: Text = NO_DATA


@cache
def _reading_fields(model: type[Block]) -> tuple[str, ...]:
    return tuple(n for n in model.model_fields if n != "id")


def _as_list(v: Any) -> Any:
    return [v] if isinstance(v, dict) else v


class Cabinet(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, extra="ignore",
                              frozen=True)

    id: WireId
    mains: list[Mains] = Field(default_factory=list, alias="elec")
    rectifiers: list[Rectifier] = Field(default_factory=list, alias="rectifier")
    ups: list[Ups] = Field(default_factory=list)
    air_conditioners: list[AirConditioner] = Field(default_factory=list)
    thermohygrometer: Thermohygrometer | None = None
    water_sensor: WaterSensor | None = Field(None, alias="waterloggingSensor")
    doors: list[Doors] = Field(default_factory=list)
    smoke_sensor: SmokeSensor | None = None
    surge_protectors: list[SurgeProtector] = Field(default_factory=list, alias="thunderSpd")

    # A door block may be an object or an array of controllers (§7 decision).
    _doors_list = field_validator("doors", mode="before")(_as_list)

    # The device lists of the cabinet, in the order a schematic reads them.
    LIST_BLOCKS: ClassVar[tuple[tuple[str, type[Block]], ...]] = (
        ("mains", Mains),
        ("rectifiers", Rectifier),
        ("ups", Ups),
        ("air_conditioners", AirConditioner),
        ("doors", Doors),
        ("surge_protectors", SurgeProtector),
    )
    SINGLE_BLOCKS: ClassVar[tuple[tuple[str, type[Block]], ...]] = (
        ("thermohygrometer", Thermohygrometer),
        ("water_sensor", WaterSensor),
        ("smoke_sensor", SmokeSensor),
    )

    def devices(self) -> list[Block]:
        """Every device block of the cabinet, lists first, then the single sensors."""
        out: list[Block] = []
        for name, _ in self.LIST_BLOCKS:
            out.extend(getattr(self, name))
        for name, _ in self.SINGLE_BLOCKS:
            if (b := getattr(self, name)) is not None:
                out.append(b)
        return out


class Envelope(BaseModel):
    """The common body fields (§3)."""

    model_config = ConfigDict(populate_by_name=True, extra="ignore", frozen=True)

    gantry_id: str = Field(alias="gantryId")
    method: str
    timestamp: Annotated[int, PlainSerializer(str, return_type=str)] = Field(alias="timeStamp")
    version: str = PROTOCOL_VERSION


class ComputerStatusUpdate(Envelope):
    METHOD: ClassVar[str] = "computerStatusUpdate"
    method: str = METHOD
    computers: list[Computer] = Field(alias="computerStatus")


class CabinetStatusUpdate(Envelope):
    METHOD: ClassVar[str] = "cabinetStatusUpdate"
    method: str = METHOD
    cabinet: Cabinet = Field(alias="cabinetStatus")


StatusMessage = ComputerStatusUpdate | CabinetStatusUpdate

MESSAGE_TYPES: dict[str, type[ComputerStatusUpdate | CabinetStatusUpdate]] = {
    ComputerStatusUpdate.METHOD: ComputerStatusUpdate,
    CabinetStatusUpdate.METHOD: CabinetStatusUpdate,
}

# Every device model, keyed by its kind: the store makes one history table of each.
DEVICE_MODELS: dict[str, type[Block]] = {
    m.kind: m
    for m in (Mains, Rectifier, Ups, AirConditioner, Thermohygrometer, WaterSensor, SmokeSensor,
              Doors, SurgeProtector, Computer)
}


def to_wire_dict(message: BaseModel) -> dict[str, Any]:
    """The message as a device sends it: wire names, every value a string."""
    wire = message.model_dump(by_alias=True, exclude_none=True)
    cabinet = wire.get("cabinetStatus")
    if cabinet and len(cabinet.get("doors", [])) == 1:
        # One door controller goes out as an object, as in the spec's example.
        door = dict(cabinet["doors"][0])
        door.pop("id", None)
        cabinet["doors"] = door
    return wire


def with_timestamp(wire: dict[str, Any], ts: float) -> dict[str, Any]:
    """A copy of a wire message stamped with a new time (the spec's examples, replays)."""
    return {**wire, "timeStamp": str(int(ts))}
