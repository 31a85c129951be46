"""Operator-language renderings of alarm texts and sources.

Alarms are stored as a template key + parameters, never as rendered text, so the window can show
them in the operator's language (Simplified Chinese by default, English selectable) and a change
of language re-renders old alarms too.
"""

from __future__ import annotations

from typing import Any

from .model import Alarm, AlarmKey, AlarmState, Severity

ZH = "zh_CN"
EN = "en"

# key: (English, Chinese)
TEMPLATES: dict[str, tuple[str, str]] = {
    "status": ("Abnormal status", "状态异常"),
    "device_warning": ("Device warning: {text}", "设备告警：{text}"),
    "device_error": ("Fault: {text}", "故障：{text}"),
    "ac_system_warning": ("Air-conditioner system alarm", "空调系统告警"),
    "ac_temperature_warning": ("Air-conditioner temperature alarm", "空调温度告警"),
    "water_leak": ("Water leak detected", "检测到水浸"),
    "smoke": ("Smoke detected", "检测到烟雾"),
    "door_open_illegally": ("{door} opened illegally", "{door}被非法打开"),
    "door_open_armed": ("{door} opened while armed", "布防状态下{door}被打开"),
    "door_open_too_long": ("{door} open for more than {minutes} min",
                           "{door}打开超过{minutes}分钟"),
    "ups_discharging": ("UPS discharging: mains power lost", "UPS放电：市电中断"),
    "ups_low_runtime": ("UPS backup time {value} min, below {limit} min",
                        "UPS剩余后备时间{value}分钟，低于{limit}分钟"),
    "ups_low_charge": ("Battery charge {value}%, below {limit}%", "电池电量{value}%，低于{limit}%"),
    "rectifier_current_limiting": ("Rectifier current limiting", "整流模块限流"),
    "surge_strike": ("Lightning strike counted ({count}, +{delta})", "防雷器记录到雷击（{count}次，+{delta}）"),
    "cabinet_temperature_high": ("Cabinet temperature {value} °C, above {limit} °C",
                                 "机柜温度{value}°C，高于{limit}°C"),
    "cabinet_humidity_high": ("Cabinet humidity {value} %RH, above {limit} %RH",
                              "机柜湿度{value}%RH，高于{limit}%RH"),
    "cpu_temperature_high": ("CPU temperature {value} °C, above {limit} °C",
                             "CPU温度{value}°C，高于{limit}°C"),
    "disk_usage_high": ("{disk} usage {value}%, above {limit}%", "{disk}使用率{value}%，高于{limit}%"),
    "memory_usage_high": ("Memory usage {value}%, above {limit}%", "内存使用率{value}%，高于{limit}%"),
    "get_failed": ("Reading {field} failed (GetFailed)", "{field}读取失败（GetFailed）"),
    "gantry_offline": ("No report for {minutes} min: offline", "{minutes}分钟无上报：离线"),
    "computer_offline": ("Computer silent for {minutes} min: offline",
                         "工控机{minutes}分钟无上报：离线"),
}

# Parameter values that are words themselves (door sides, disks, reading names).
WORDS: dict[str, tuple[str, str]] = {
    "front_door": ("Front door", "前门"),
    "back_door": ("Back door", "后门"),
    "sys_disk": ("System disk", "系统盘"),
    "data_disk": ("Data disk", "数据盘"),
    "status": ("status", "状态"),
    "voltage": ("voltage", "电压"),
    "current": ("current", "电流"),
    "power": ("power", "功率"),
    "frequency": ("frequency", "频率"),
    "temperature": ("temperature", "温度"),
    "humidity": ("humidity", "湿度"),
    "charge_percent": ("battery charge", "电池电量"),
    "remaining_minutes": ("backup time", "后备时间"),
    "output_voltage": ("output voltage", "输出电压"),
    "output_current": ("output current", "输出电流"),
    "cpu_temperature": ("CPU temperature", "CPU温度"),
    "memory_usage": ("memory usage", "内存使用率"),
    "sys_disk_usage": ("system disk usage", "系统盘使用率"),
    "data_disk_usage": ("data disk usage", "数据盘使用率"),
    "lightning_count": ("strike count", "雷击计数"),
}

KINDS: dict[str, tuple[str, str]] = {
    "gantry": ("Gantry", "门架"),
    "mains": ("Mains", "市电"),
    "rectifier": ("Rectifier", "整流模块"),
    "ups": ("UPS", "UPS"),
    "air_conditioner": ("Air conditioner", "空调"),
    "thermohygrometer": ("Thermohygrometer", "温湿度计"),
    "water_sensor": ("Water sensor", "水浸传感器"),
    "smoke_sensor": ("Smoke sensor", "烟雾传感器"),
    "doors": ("Doors", "门禁"),
    "surge_protector": ("Surge protector", "防雷器"),
    "computer": ("Computer", "工控机"),
}

SEVERITIES: dict[Severity, tuple[str, str]] = {
    Severity.CRITICAL: ("Critical", "紧急"),
    Severity.HIGH: ("High", "重要"),
    Severity.MEDIUM: ("Medium", "一般"),
    Severity.LOW: ("Low", "提示"),
}

# Device kinds that come in numbered lists (the number is shown).
_NUMBERED = {"mains", "rectifier", "ups", "air_conditioner", "surge_protector", "computer"}


def _pick(pair: tuple[str, str], language: str) -> str:
    return pair[1] if language.startswith("zh") else pair[0]


# The `alarms` command's list: what happened when, in the settings' language.
_LIST = {
    "raised": ("  raised {t}", "  产生于 {t}"),
    "acked": (", acknowledged {t} by {who}", "，{who} 确认于 {t}"),
    "note": (" ({note})", "（{note}）"),
    "cleared": (", cleared {t}", "，恢复于 {t}"),
    "none": ("No alarms.", "没有告警。"),
    "none_active": ("No active alarms.", "没有活动告警。"),
}


def list_text(part: str, language: str = ZH, **values: str) -> str:
    return _pick(_LIST[part], language).format(**values)


def word(value: Any, language: str = ZH) -> str:
    pair = WORDS.get(value) if isinstance(value, str) else None
    return _pick(pair, language) if pair else str(value)


def render_text(text_key: str, params: dict[str, Any], language: str = ZH) -> str:
    pair = TEMPLATES.get(text_key)
    if pair is None:  # written by a newer version: show what we have rather than nothing
        return f"{text_key} {params}" if params else text_key
    values = {k: word(v, language) for k, v in params.items()}
    try:
        return _pick(pair, language).format(**values)
    except (KeyError, IndexError):
        return _pick(pair, language)


def alarm_text(alarm: Alarm, language: str = ZH) -> str:
    return render_text(alarm.text_key, alarm.params, language)


def source_text(key: AlarmKey, language: str = ZH, with_gantry: bool = False) -> str:
    """`cabinet 1 · UPS 2` / `1号机柜 · UPS 2`; the gantry id first when asked."""
    zh = language.startswith("zh")
    parts = [key.gantry_id] if with_gantry else []
    if key.cabinet_id:
        parts.append(f"{key.cabinet_id}号机柜" if zh else f"Cabinet {key.cabinet_id}")
    kind = _pick(KINDS.get(key.kind, (key.kind, key.kind)), language)
    if key.kind == "gantry":
        if not parts:
            parts.append(kind)
    else:
        parts.append(f"{kind} {key.device_id}" if key.kind in _NUMBERED else kind)
    return " · ".join(parts)


def severity_text(severity: Severity, language: str = ZH) -> str:
    return _pick(SEVERITIES[Severity(severity)], language)


def state_text(alarm: Alarm, language: str = ZH) -> str:
    names = {
        AlarmState.UNACKED: ("Unacknowledged", "未确认"),
        AlarmState.ACKED: ("Acknowledged", "已确认"),
        AlarmState.CLEARED: ("Cleared, unacknowledged", "已恢复未确认"),
        AlarmState.CLOSED: ("Closed", "已关闭"),
    }
    return _pick(names[alarm.state], language)
