"""Status messages of a simulated gantry, built with the protocol's models (PROTOCOL.md §6, §7)."""

from __future__ import annotations

import time
from typing import Any

from pydantic import BaseModel

from app.protocol import (
    AirConditioner,
    Block,
    Cabinet,
    CabinetStatusUpdate,
    Computer,
    ComputerStatusUpdate,
    Doors,
    Mains,
    NoValue,
    Reading,
    Rectifier,
    SmokeSensor,
    SurgeProtector,
    Thermohygrometer,
    Ups,
    WaterSensor,
    encode_body,
    to_wire_dict,
)
from app.protocol.older_firmware import to_older_firmware
from app.protocol.values import NO_DATA, reading

from .model import BACK_DOOR, FRONT_DOOR, CabinetState, DoorState, GantryModel, UpsState

# Alarm texts as devices send them (§7 lists their meanings).
MAINS_LOST = "输入欠压"
RECTIFIER_FAULT = "模块故障"
RECTIFIER_SHUT_DOWN = "模块关机"
RECTIFIER_POWER_LOSS = "模块掉电"
AIR_CONDITIONER_FAULT = "压缩机故障"
LOW_BATTERY = "电池电量低"


def time_text(t: float) -> str:
    """Device local time `yyyy-MM-dd HH:mm:ss.zzz`."""
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(t)) + f".{int(t * 1000) % 1000:03d}"


def _r(v: float, digits: int = 2) -> Reading:
    return reading(round(v, digits))


def _flag(b: bool) -> Reading:
    return reading(1 if b else 0)


def _fail(block: Block, failures: dict[tuple[str, str | None], NoValue]) -> Block:
    """Replace readings of a block by the error value its sensor reports (fault injection)."""
    update: dict[str, Reading] = {}
    for (kind, name), reason in failures.items():
        if kind != block.kind:
            continue
        names = [name] if name else [n for n in block.reading_fields() if n != "status"]
        update.update({n: Reading(None, reason) for n in names})
    return block.model_copy(update=update) if update else block


def _doors(model: GantryModel, c: CabinetState) -> Doors:
    def side(prefix: str, d: DoorState) -> dict[str, Reading]:
        return {
            f"{prefix}_closed": _flag(d.closed),
            f"{prefix}_locked": _flag(d.closed),
            f"{prefix}_unlock_type": reading(int(d.unlock_type)),
            f"{prefix}_unlock_card_id": reading(d.card_id) if d.card_id else NO_DATA,
            f"{prefix}_open_illegally": _flag(d.illegal and not d.closed),
            f"{prefix}_change_time": reading(time_text(model.device_time(d.change_time))),
        }

    return Doors(status=reading(1), armed=_flag(model.armed),
                 **side("front_door", c.doors[FRONT_DOOR]), **side("back_door", c.doors[BACK_DOOR]))


def _ups(model: GantryModel, c: CabinetState) -> Ups:
    state = c.ups_state
    on_battery = state in (UpsState.DISCHARGING, UpsState.TESTING)
    low = on_battery and c.ups_charge < 20.0
    charging_a = 2.5 if state is UpsState.CHARGING else 0.3
    return Ups(
        status=_flag(not low),
        running_state=reading(int(state)),
        charge_voltage=_r(c.mains_voltage if c.mains_ok else 0.0, 1),
        charge_current=_r(0.0 if on_battery else charging_a, 1),
        discharge_voltage=_r(220.0 if c.ups_charge > 0 else 0.0, 1),
        discharge_current=_r(3.6 if on_battery and c.ups_charge > 0 else 0.0, 1),
        charge_percent=_r(c.ups_charge, 1),
        remaining_minutes=reading(int(c.ups_charge / 100.0 * 240.0)),
        remaining_capacity=_r(c.ups_charge, 1),  # 100 Ah battery: Ah = %
        temperature=_r(c.temperature + 2.0, 1),
        warning_msg=reading(LOW_BATTERY if low else ""),
    )


def cabinet_status(model: GantryModel, cabinet_id: int) -> Cabinet:
    c = model.cabinets[cabinet_id]
    if c.mains_ok:
        current = c.mains_power_kw * 1000.0 / c.mains_voltage
        mains = Mains(status=reading(1), voltage=_r(c.mains_voltage, 1), current=_r(current),
                      power=_r(c.mains_power_kw, 3), frequency=_r(c.mains_frequency),
                      energy=_r(c.energy_kwh, 2), warning_msg=reading(""))
    else:
        mains = Mains(status=reading(0), voltage=reading(0), current=reading(0), power=reading(0),
                      frequency=reading(0), energy=_r(c.energy_kwh, 2),
                      warning_msg=reading(MAINS_LOST))
    if c.rectifiers_output:
        v, i = c.rectifier_voltage, c.rectifier_current
        rect_status, rect_warning = 1, ""
    else:
        v = i = 0.0
        rect_status, rect_warning = 0, (RECTIFIER_FAULT if c.rectifier_fault
                                        else RECTIFIER_SHUT_DOWN if not c.rectifiers_on
                                        else RECTIFIER_POWER_LOSS)
        if not c.rectifier_fault and not c.rectifiers_on:
            rect_status = 1  # switched off on purpose: not a fault
    rectifier = Rectifier(status=reading(rect_status), current_limiting=reading(0),
                          output_voltage=_r(v), output_current=_r(i),
                          output_power=_r(v * i / 1000.0, 3), warning_msg=reading(rect_warning))
    hot = "high-temperature" in model.cabinet_alarms(c)
    airs = [AirConditioner(id=a.id, status=_flag(not a.faulty),
                           error_msg=reading(AIR_CONDITIONER_FAULT if a.faulty else ""),
                           is_working=_flag(a.working), work_mode=reading(a.mode),
                           system_warning=_flag(not a.faulty), temperature_warning=_flag(not hot))
            for a in c.air_conditioners]
    thermo = Thermohygrometer(status=reading(1), temperature=_r(c.temperature, 1),
                              humidity=_r(c.humidity, 1))
    water = WaterSensor(status=reading(1), is_warning=_flag(c.water),
                        warning_change_time=reading(time_text(model.device_time(c.water_change))))
    smoke = SmokeSensor(status=reading(1), is_warning=_flag(c.smoke),
                        warning_change_time=reading(time_text(model.device_time(c.smoke_change))))
    spds = [SurgeProtector(id=i + 1, status=reading(1), lightning_count=reading(n))
            for i, n in enumerate(c.lightning_counts)]
    f = c.sensor_failures
    return Cabinet(
        id=c.id,
        mains=[_fail(mains, f)],
        rectifiers=[_fail(rectifier, f)],
        ups=[_fail(_ups(model, c), f)],
        air_conditioners=[_fail(a, f) for a in airs],
        thermohygrometer=_fail(thermo, f),
        water_sensor=_fail(water, f),
        doors=[_fail(_doors(model, c), f)],
        smoke_sensor=_fail(smoke, f),
        surge_protectors=[_fail(s, f) for s in spds],
    )


def cabinet_update(model: GantryModel, cabinet_id: int) -> CabinetStatusUpdate:
    return CabinetStatusUpdate(gantry_id=model.config.gantry_id,
                               timestamp=int(model.device_time()),
                               cabinet=cabinet_status(model, cabinet_id))


def computer_update(model: GantryModel) -> ComputerStatusUpdate:
    failures = {("computer", name): reason for name, reason in model.computer_failures.items()}
    computers = [
        _fail(Computer(
            id=pc.id, is_monitor_computer=_flag(pc.monitor), is_main_computer=_flag(pc.main),
            sys_disk_usage=_r(pc.sys_disk), sys_disk_size=reading(pc.sys_disk_kb),
            data_disk_usage=_r(pc.data_disk), data_disk_size=reading(pc.data_disk_kb),
            memory_usage=_r(pc.memory), memory_size=reading(pc.memory_kb),
            net_usage=_r(pc.net), cpu_usage=_r(pc.cpu), cpu_temperature=_r(pc.cpu_temperature, 1),
            ip=reading(pc.ip)), failures)
        for pc in model.computers
    ]
    return ComputerStatusUpdate(gantry_id=model.config.gantry_id,
                                timestamp=int(model.device_time()), computers=computers)


def wire_body(model: GantryModel, message: BaseModel) -> bytes:
    """The bytes the device posts: current names, or older firmware's when that fault is on."""
    wire: dict[str, Any] = to_wire_dict(message)
    if model.older_firmware:
        wire = to_older_firmware(wire)
    return encode_body(wire)
