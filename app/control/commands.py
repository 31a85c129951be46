"""Operator commands in the domain's words (PROTOCOL.md §8), validated before anything is sent.

A `Command` says what the operator wants (unlock cabinet 1's front door); `to_request` turns it
into the protocol's `cabinetControl` / `computerControl` model. The builders refuse bad input with
`InvalidCommand`, whose message is one sentence for the operator.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from app.protocol.control import (
    CabinetCommand,
    CabinetCommandFields,
    CabinetControl,
    Card,
    ComputerCommand,
    ComputerControl,
)

MAX_CABINETS = 2  # "a gantry can have 2 cabinets" (§7)
SET_POINT_RANGE = (-30.0, 60.0)  # °C; the spec gives none, this keeps typos out
MAX_FREQUENCY_S = 86400
DOORS = {"front": 1, "back": 2}
DOOR_NAMES = {v: k for k, v in DOORS.items()}
POWER_MODES = {
    0: "no load shedding",
    1: "level-1 saving (air conditioners off)",
    2: "level-2 saving (rear plate-recognition cameras off)",
    3: "level-3 saving (rear antennas off)",
}


class InvalidCommand(ValueError):
    """Operator input that must not be sent; the message is one sentence."""


class ControlKind(str, Enum):
    UPDATE_NOW = "update-now"
    SET_SERVER = "set-server"
    SET_FREQUENCY = "set-frequency"
    REBOOT = "reboot"
    UNLOCK_DOOR = "unlock-door"
    AIR_ON_OFF = "air"
    AIR_SET_POINTS = "air-setpoints"
    POWER_MODE = "power-mode"
    ARM_DOORS = "arm"
    CARD_WHITELIST = "whitelist"
    RECTIFIERS = "rectifiers"
    BATTERY_TEST = "battery-test"
    BATTERY_RESULT = "battery-result"


# Commands that only ask (never retried by hand-off rules: these two may be retried once).
READ_ONLY = frozenset({ControlKind.UPDATE_NOW, ControlKind.BATTERY_RESULT})

_CMD = {
    ControlKind.REBOOT: CabinetCommand.REBOOT,
    ControlKind.UNLOCK_DOOR: CabinetCommand.UNLOCK_DOOR,
    ControlKind.AIR_ON_OFF: CabinetCommand.AIR_ON_OFF,
    ControlKind.AIR_SET_POINTS: CabinetCommand.AIR_SET_POINTS,
    ControlKind.POWER_MODE: CabinetCommand.POWER_MODE,
    ControlKind.ARM_DOORS: CabinetCommand.ARM_DOORS,
    ControlKind.CARD_WHITELIST: CabinetCommand.CARD_WHITELIST,
    ControlKind.RECTIFIERS: CabinetCommand.RECTIFIERS_ON_OFF,
    ControlKind.BATTERY_TEST: CabinetCommand.BATTERY_TEST,
    ControlKind.BATTERY_RESULT: CabinetCommand.BATTERY_RESULT,
}


@dataclass(frozen=True)
class CardEntry:
    card_id: str
    expires: date


@dataclass(frozen=True)
class Command:
    """One operator command. Only the fields its kind uses are set."""

    kind: ControlKind
    cabinet_id: int | None = None  # None: the gantry as a whole
    computer: bool = False  # computerControl (the industrial PCs) instead of cabinetControl
    door: int | None = None  # 1 front / 2 back
    air_id: int | None = None  # 0 all / 1 / 2
    run: bool | None = None  # air conditioner run / standby
    cooling_c: float | None = None
    heating_c: float | None = None
    mode: int | None = None
    armed: bool | None = None
    cards: tuple[CardEntry, ...] = field(default_factory=tuple)
    on: bool | None = None  # rectifiers
    start: bool | None = None  # battery test
    reboot_ip: str | None = None
    reboot_port: int | None = None
    server: str | None = None
    frequency_s: int | None = None

    @property
    def changes_state(self) -> bool:
        return self.kind not in READ_ONLY

    @property
    def retryable(self) -> bool:
        """Only commands that change nothing may be sent again without the operator (§8)."""
        return self.kind in READ_ONLY

    @property
    def method(self) -> str:
        return ComputerControl.METHOD if self.computer else CabinetControl.METHOD

    def to_request(self, gantry_id: str, now: float) -> CabinetControl | ComputerControl:
        ts = int(now)
        if self.computer:
            return ComputerControl(gantry_id=gantry_id, timestamp=ts, command=ComputerCommand(
                update_now=1 if self.kind is ControlKind.UPDATE_NOW else None,
                set_server=self.server, set_frequency=self.frequency_s))
        cmd = _CMD.get(self.kind)
        fields = CabinetCommandFields(
            update_now=1 if self.kind is ControlKind.UPDATE_NOW else None,
            set_server=self.server,
            set_frequency=self.frequency_s,
            cmd=int(cmd) if cmd is not None else None,
            reboot_ip=self.reboot_ip,
            reboot_port=self.reboot_port,
            cabinet_id=self.cabinet_id,
            unlock_door_id=self.door,
            air_id=self.air_id,
            air_operate=None if self.run is None else (1 if self.run else 2),
            auto_refrigeration_temp=self.cooling_c,
            auto_heating_temp=self.heating_c,
            mode=self.mode,
            is_door_defend=None if self.armed is None else int(self.armed),
            card_infos=[Card(card_id=c.card_id, expire_date=c.expires.isoformat())
                        for c in self.cards] if self.kind is ControlKind.CARD_WHITELIST else None,
            on_off=None if self.on is None else int(self.on),
            test_start_stop=None if self.start is None else int(self.start),
        )
        return CabinetControl(gantry_id=gantry_id, timestamp=ts, command=fields)

    def describe(self) -> str:
        """The action in plain English words (CLI, audit log)."""
        where = f"cabinet {self.cabinet_id}" if self.cabinet_id else "the gantry"
        k = self.kind
        if k is ControlKind.UPDATE_NOW:
            return ("ask the industrial PCs to report now" if self.computer
                    else f"ask {where} to report now")
        if k is ControlKind.SET_SERVER:
            who = "industrial PCs" if self.computer else "cabinet controller"
            return f"make the {who} report to {self.server}"
        if k is ControlKind.SET_FREQUENCY:
            who = "industrial PCs" if self.computer else "cabinet controller"
            return f"make the {who} report every {self.frequency_s} s"
        if k is ControlKind.REBOOT:
            return f"reboot through the relay at {self.reboot_ip}:{self.reboot_port}"
        if k is ControlKind.UNLOCK_DOOR:
            return f"unlock the {DOOR_NAMES.get(self.door or 0, '?')} door of {where}"
        if k is ControlKind.AIR_ON_OFF:
            which = "all air conditioners" if not self.air_id else f"air conditioner {self.air_id}"
            return f"switch {which} of {where} to {'run' if self.run else 'standby'}"
        if k is ControlKind.AIR_SET_POINTS:
            which = "all air conditioners" if not self.air_id else f"air conditioner {self.air_id}"
            return (f"set {which} of {where} to cool from {self.cooling_c:g} °C "
                    f"and heat below {self.heating_c:g} °C")
        if k is ControlKind.POWER_MODE:
            return f"set the power mode to {self.mode}: {POWER_MODES.get(self.mode or 0, '?')}"
        if k is ControlKind.ARM_DOORS:
            return "arm the door alarm" if self.armed else "disarm the door alarm"
        if k is ControlKind.CARD_WHITELIST:
            return f"replace the access-card whitelist with {len(self.cards)} card(s)"
        if k is ControlKind.RECTIFIERS:
            return f"switch the rectifier modules of {where} {'on' if self.on else 'off'}"
        if k is ControlKind.BATTERY_TEST:
            return f"{'start' if self.start else 'stop'} the battery test of {where}"
        return f"read the battery test result of {where}"


# -- builders: validate, then build ------------------------------------------------------------

def _cabinet(cabinet_id: int) -> int:
    if not isinstance(cabinet_id, int) or not 1 <= cabinet_id <= MAX_CABINETS:
        raise InvalidCommand(f"Cabinet {cabinet_id} does not exist: a gantry has cabinets "
                             f"1 to {MAX_CABINETS}.")
    return cabinet_id


def _air(air_id: int) -> int:
    if air_id not in (0, 1, 2):
        raise InvalidCommand(f"Air conditioner {air_id} does not exist: choose 0 (all), 1 or 2.")
    return air_id


def update_now(cabinet_id: int | None = None, computer: bool = False) -> Command:
    return Command(ControlKind.UPDATE_NOW, None if computer or cabinet_id is None
                   else _cabinet(cabinet_id), computer=computer)


_SERVER = re.compile(r"^(https?://)?[A-Za-z0-9.\-\[\]:]+(:\d{1,5})?(/\S*)?$")


def set_server(address: str, computer: bool = False) -> Command:
    address = address.strip()
    if not address or not _SERVER.match(address):
        raise InvalidCommand(f"'{address}' is not a server address like "
                             "192.168.1.10:8080/monitor.do.")
    return Command(ControlKind.SET_SERVER, computer=computer, server=address)


def set_frequency(seconds: int, computer: bool = False) -> Command:
    if not isinstance(seconds, int) or not 1 <= seconds <= MAX_FREQUENCY_S:
        raise InvalidCommand(f"The reporting period must be 1 to {MAX_FREQUENCY_S} seconds, "
                             f"not {seconds}.")
    return Command(ControlKind.SET_FREQUENCY, computer=computer, frequency_s=seconds)


def reboot(relay_ip: str, relay_port: int) -> Command:
    try:
        ipaddress.ip_address(relay_ip.strip())
    except ValueError:
        raise InvalidCommand(f"'{relay_ip}' is not the IP address of a reboot relay.") from None
    if not isinstance(relay_port, int) or not 1 <= relay_port <= 65535:
        raise InvalidCommand(f"Relay port {relay_port} is not between 1 and 65535.")
    return Command(ControlKind.REBOOT, reboot_ip=relay_ip.strip(), reboot_port=relay_port)


def unlock_door(cabinet_id: int, door: str | int) -> Command:
    number = DOORS.get(door) if isinstance(door, str) else door
    if number not in (1, 2):
        raise InvalidCommand(f"Door '{door}' does not exist: choose front or back.")
    return Command(ControlKind.UNLOCK_DOOR, _cabinet(cabinet_id), door=number)


def air_on_off(cabinet_id: int, air_id: int, run: bool) -> Command:
    return Command(ControlKind.AIR_ON_OFF, _cabinet(cabinet_id), air_id=_air(air_id), run=run)


def air_set_points(cabinet_id: int, air_id: int, cooling_c: float, heating_c: float) -> Command:
    lo, hi = SET_POINT_RANGE
    for name, v in (("cooling", cooling_c), ("heating", heating_c)):
        if not lo <= v <= hi:
            raise InvalidCommand(f"The {name} set-point {v:g} °C is outside {lo:g} to {hi:g} °C.")
    if heating_c >= cooling_c:
        raise InvalidCommand(f"The heating set-point ({heating_c:g} °C) must be below the "
                             f"cooling set-point ({cooling_c:g} °C).")
    return Command(ControlKind.AIR_SET_POINTS, _cabinet(cabinet_id), air_id=_air(air_id),
                   cooling_c=float(cooling_c), heating_c=float(heating_c))


def power_mode(mode: int) -> Command:
    if mode not in POWER_MODES:
        raise InvalidCommand(f"Power mode {mode} does not exist: choose 0, 1, 2 or 3.")
    return Command(ControlKind.POWER_MODE, mode=mode)


def arm_doors(armed: bool) -> Command:
    return Command(ControlKind.ARM_DOORS, armed=armed)


def card_whitelist(cards: list[CardEntry], today: date | None = None) -> Command:
    today = today or date.today()
    if not cards:
        raise InvalidCommand("The whitelist is empty: add at least one card.")
    seen: set[str] = set()
    for i, c in enumerate(cards, 1):
        cid = c.card_id.strip()
        if not cid:
            raise InvalidCommand(f"Card {i} has no card id.")
        if c.expires < today:
            raise InvalidCommand(f"Card {cid} expired on {c.expires.isoformat()}, "
                                 "which is in the past.")
        if cid in seen:
            raise InvalidCommand(f"Card {cid} is listed twice.")
        seen.add(cid)
    return Command(ControlKind.CARD_WHITELIST,
                   cards=tuple(CardEntry(c.card_id.strip(), c.expires) for c in cards))


def rectifiers(cabinet_id: int, on: bool) -> Command:
    return Command(ControlKind.RECTIFIERS, _cabinet(cabinet_id), on=on)


def battery_test(cabinet_id: int, start: bool) -> Command:
    return Command(ControlKind.BATTERY_TEST, _cabinet(cabinet_id), start=start)


def battery_result(cabinet_id: int) -> Command:
    return Command(ControlKind.BATTERY_RESULT, _cabinet(cabinet_id))
