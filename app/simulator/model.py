"""The state of a simulated gantry and how it evolves over time.

Pure: no I/O and no clock of its own. Time comes in as Unix seconds through `step(now)` (or
`advance(seconds)`), randomness from a seeded `random.Random`, so tests are fast and repeatable.
What a device does *at once* (post after a door or alarm change, a command's `updateNow`) is left
in `pending` for the runner, which also asks `due_posts(now)` what the timer wants.
"""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import IntEnum

from app.protocol import NoValue

FRONT_DOOR = 1
BACK_DOOR = 2
DOOR_NAMES = {FRONT_DOOR: "front", BACK_DOOR: "back"}

COMPUTERS = "computers"  # the pending-post key of computerStatusUpdate; cabinets use their id

HIGH_TEMPERATURE_C = 40.0  # air conditioners raise their temperature warning above this
SUBSTEP_S = 10.0  # longest integration step: the thermostat must see the temperature move
UPS_CAPACITY_AH = 100.0
UPS_BACKUP_MINUTES = 240.0  # full battery at the normal load
BATTERY_TEST_END_CHARGE = 70.0  # the test's "end voltage", as a charge level
BATTERY_TEST_MAX_S = 2 * 3600.0


class UnlockType(IntEnum):
    LOCK_CLOSED = 0
    CARD = 1
    REMOTE = 2
    KEY = 3


class UpsState(IntEnum):
    FLOAT = 1
    EQUALISING = 2
    DISCHARGING = 3
    CHARGING = 4
    TESTING = 5


@dataclass
class DoorState:
    closed: bool = True
    unlock_type: UnlockType = UnlockType.LOCK_CLOSED
    card_id: str | None = None
    illegal: bool = False
    change_time: float = 0.0
    close_at: float | None = None  # an opened door swings shut again by itself


@dataclass
class AirConditionerState:
    id: int
    control: str = "auto"  # auto (thermostat) | run (commanded on) | standby (commanded off)
    faulty: bool = False
    working: bool = False
    mode: int = 0  # 0 ventilation, 1 cooling, 2 heating
    cool_at: float = 30.0  # autoRefrigerationTemp
    heat_at: float = 5.0  # autoHeatingTemp


@dataclass
class BatteryTestRecord:
    start: float
    start_charge: float
    temperature: float
    end: float | None = None
    end_charge: float | None = None
    end_course: int | None = None  # §8.3 testEndCourse


@dataclass
class CabinetState:
    id: int
    temperature: float = 25.0
    humidity: float = 50.0
    mains_ok: bool = True
    mains_voltage: float = 220.0
    mains_frequency: float = 50.0
    mains_power_kw: float = 1.0
    energy_kwh: float = 0.0
    rectifiers_on: bool = True
    rectifier_fault: bool = False
    rectifier_voltage: float = 53.5
    rectifier_current: float = 12.0
    ups_charge: float = 100.0
    battery_health: float = 0.92  # what a battery test finds
    battery_test: BatteryTestRecord | None = None  # running test
    last_battery_test: BatteryTestRecord | None = None
    air_conditioners: list[AirConditionerState] = field(default_factory=list)
    overheating: bool = False  # fault: a heat source the air conditioners cannot beat
    water: bool = False
    water_change: float = 0.0
    smoke: bool = False
    smoke_change: float = 0.0
    doors: dict[int, DoorState] = field(default_factory=dict)
    lightning_counts: list[int] = field(default_factory=lambda: [0, 0])
    # (device kind, field or None for every reading) -> the error value the sensor reports
    sensor_failures: dict[tuple[str, str | None], NoValue] = field(default_factory=dict)

    @property
    def rectifiers_output(self) -> bool:
        return self.rectifiers_on and not self.rectifier_fault and self.mains_ok

    @property
    def ups_state(self) -> UpsState:
        if self.battery_test is not None:
            return UpsState.TESTING
        if not self.mains_ok:
            return UpsState.DISCHARGING
        return UpsState.CHARGING if self.ups_charge < 98.0 else UpsState.FLOAT


@dataclass
class ComputerState:
    id: int
    monitor: bool
    main: bool
    ip: str
    cpu: float = 20.0
    memory: float = 40.0
    sys_disk: float = 35.0
    data_disk: float = 20.0
    net: float = 5.0
    cpu_temperature: float = 45.0
    sys_disk_kb: int = 104857600  # 100 GiB
    data_disk_kb: int = 1048576000  # 1000 GiB
    memory_kb: int = 8388608  # 8 GiB


@dataclass(frozen=True)
class Event:
    """Something that makes a device post at once (or that the runner acts on)."""

    kind: str  # door-opened | door-closed | alarm-raised | alarm-cleared | lightning | back-online
    time: float
    cabinet_id: int | None = None
    door: int | None = None
    detail: str = ""


@dataclass
class GantryConfig:
    gantry_id: str = "G000000000000000001"
    cabinets: int = 2
    computers: int = 3
    period_s: float = 600.0
    server_url: str = "http://127.0.0.1:8080/monitor.do"
    auth_code: str = "123456"
    seed: int | None = None
    reboot_s: float = 60.0
    door_open_s: float = 60.0  # how long a door stays open before it closes again
    lightning_per_day: float = 0.2  # mean strikes per cabinet per day
    monitor_ip: str = "127.0.0.1"  # the monitoring PC's ip: where remotecontrol.do listens

    def __post_init__(self) -> None:
        if not 1 <= self.cabinets <= 2:
            raise ValueError("a gantry has 1 or 2 cabinets")
        if not 1 <= self.computers <= 3:
            raise ValueError("a gantry has 1 to 3 industrial PCs")
        if self.period_s <= 0:
            raise ValueError("the period must be positive")


ScheduledAction = Callable[["GantryModel", float], None]


class GantryModel:
    def __init__(self, config: GantryConfig, start: float | None = None) -> None:
        self.config = config
        self.rng = random.Random(config.seed)
        self.now = time.time() if start is None else start
        self.start = self.now
        self.period_s = config.period_s
        self.server_url = config.server_url
        self.armed = False
        self.power_mode = 0
        self.cards: dict[str, str] = {}  # card id -> expire date yyyy-mm-dd
        self.silent_until = 0.0
        self.rebooting = False
        self.clock_skew_s = 0.0
        self.wrong_auth = False
        self.older_firmware = False
        self.computer_failures: dict[str | None, NoValue] = {}
        self.pending: set[str | int] = {COMPUTERS, *range(1, config.cabinets + 1)}  # boot post
        self.next_periodic = self.now + self.period_s
        self.events: list[Event] = []  # recent history, for tests and logs
        self._unhandled: list[Event] = []  # not yet taken by the runner (captures)
        self._schedule: list[tuple[float, ScheduledAction]] = []
        self.cabinets = {i: self._new_cabinet(i) for i in range(1, config.cabinets + 1)}
        self.computers = self._new_computers(config.computers)
        self._alarms = {c.id: self.cabinet_alarms(c) for c in self.cabinets.values()}

    # ---- construction -----------------------------------------------------------------------

    def _new_cabinet(self, cabinet_id: int) -> CabinetState:
        c = CabinetState(id=cabinet_id)
        c.temperature = self.ambient(self.now) + 6.0
        c.humidity = 50.0 + self.rng.uniform(-5, 5)
        c.energy_kwh = round(self.rng.uniform(1000, 20000), 1)
        c.air_conditioners = [AirConditionerState(id=i) for i in (1, 2)]
        c.doors = {d: DoorState(change_time=self.now - 86400) for d in (FRONT_DOOR, BACK_DOOR)}
        c.lightning_counts = [self.rng.randint(0, 5), self.rng.randint(0, 5)]
        c.water_change = c.smoke_change = self.now - 30 * 86400
        self.thermostat(c)
        return c

    def _new_computers(self, count: int) -> list[ComputerState]:
        # The last PC is the monitoring PC; the others are toll PCs, the first one primary.
        out = []
        for i in range(1, count + 1):
            monitor = i == count
            ip = self.config.monitor_ip if monitor else f"192.168.1.{10 + i}"
            out.append(ComputerState(id=i, monitor=monitor, main=(i == 1 and not monitor), ip=ip,
                                     cpu=self.rng.uniform(10, 40),
                                     memory=self.rng.uniform(30, 60),
                                     sys_disk=self.rng.uniform(25, 50),
                                     data_disk=self.rng.uniform(10, 60)))
        return out

    # ---- time -------------------------------------------------------------------------------

    def device_time(self, t: float | None = None) -> float:
        """The device's own clock, which may be skewed."""
        return (self.now if t is None else t) + self.clock_skew_s

    def ambient(self, t: float) -> float:
        """Outside temperature: a day cycle peaking mid-afternoon, local time."""
        lt = time.localtime(t)
        hour = lt.tm_hour + lt.tm_min / 60.0
        return 18.0 + 8.0 * math.sin(2 * math.pi * (hour - 9.0) / 24.0)

    def advance(self, seconds: float) -> list[Event]:
        return self.step(self.now + seconds)

    def step(self, now: float) -> list[Event]:
        """Evolve the state up to `now`; returns the events of this step."""
        first = len(self.events)
        while self.now < now:
            t = min(now, self.now + SUBSTEP_S)
            self._run_schedule(t)
            self._evolve(t - self.now, t)
            self.now = t
            self._check_alarms()
        self._run_schedule(now)
        if self.rebooting and now >= self.silent_until:
            self.rebooting = False
            self._emit(Event("back-online", now))
            self.pending.update([COMPUTERS, *self.cabinets])  # a device posts when it starts
        return self.events[first:]

    def schedule(self, at: float, action: ScheduledAction) -> None:
        """Run `action(model, time)` when simulated time reaches `at` (scenarios, scripted faults)."""
        self._schedule.append((at, action))
        self._schedule.sort(key=lambda item: item[0])

    def _run_schedule(self, t: float) -> None:
        while self._schedule and self._schedule[0][0] <= t:
            at, action = self._schedule.pop(0)
            action(self, max(at, self.now))
            self._check_alarms()

    def _emit(self, event: Event) -> None:
        self.events.append(event)
        self._unhandled.append(event)
        for backlog in (self.events, self._unhandled):
            if len(backlog) > 1000:
                del backlog[:500]

    def take_events(self) -> list[Event]:
        """Events since the last call, however they came about (step, command, fault)."""
        out, self._unhandled = self._unhandled, []
        return out

    # ---- posting ----------------------------------------------------------------------------

    @property
    def silent(self) -> bool:
        return self.now < self.silent_until

    def due_posts(self, now: float | None = None) -> list[str | int]:
        """What to post now: pending items, plus everything when the period has run out."""
        now = self.now if now is None else now
        if now < self.silent_until:
            return []
        if now >= self.next_periodic:
            self.pending.update([COMPUTERS, *self.cabinets])
            # Keep the cadence but never fire twice for one late tick.
            self.next_periodic = max(self.next_periodic + self.period_s, now + 0.001)
        due = sorted(self.pending, key=lambda k: (isinstance(k, int), str(k)))
        self.pending.clear()
        return due

    def set_period(self, seconds: float) -> None:
        self.period_s = seconds
        self.next_periodic = self.now + seconds

    def go_silent(self, seconds: float, now: float | None = None) -> None:
        self.silent_until = max(self.silent_until, (self.now if now is None else now) + seconds)

    def reboot(self, now: float) -> None:
        self.rebooting = True
        self.pending.clear()
        self.go_silent(self.config.reboot_s, now)
        for pc in self.computers:
            pc.cpu, pc.memory = 5.0, 20.0

    # ---- doors ------------------------------------------------------------------------------

    def open_door(self, cabinet_id: int, door: int, how: UnlockType, now: float | None = None,
                  card_id: str | None = None, stay_open_s: float | None = None) -> bool:
        """Open a door; returns False if it was already open."""
        now = self.now if now is None else now
        d = self.cabinets[cabinet_id].doors[door]
        if not d.closed:
            return False
        d.closed = False
        d.unlock_type = how
        d.card_id = card_id if how is UnlockType.CARD else None
        # Armed: a door opened other than by remote command sounds the local alarm (§7).
        d.illegal = self.armed and how is not UnlockType.REMOTE
        d.change_time = now
        d.close_at = now + (self.config.door_open_s if stay_open_s is None else stay_open_s)
        self._emit(Event("door-opened", now, cabinet_id, door, DOOR_NAMES[door]))
        self.pending.add(cabinet_id)
        return True

    def close_door(self, cabinet_id: int, door: int, now: float | None = None) -> bool:
        now = self.now if now is None else now
        d = self.cabinets[cabinet_id].doors[door]
        if d.closed:
            return False
        d.closed = True
        d.unlock_type = UnlockType.LOCK_CLOSED
        d.card_id = None
        d.illegal = False
        d.change_time = now
        d.close_at = None
        self._emit(Event("door-closed", now, cabinet_id, door, DOOR_NAMES[door]))
        self.pending.add(cabinet_id)
        return True

    def swipe_card(self, cabinet_id: int, door: int, card_id: str,
                   now: float | None = None) -> bool:
        """A card at the reader: opens the door if it is on the whitelist and not expired."""
        now = self.now if now is None else now
        expires = self.cards.get(card_id)
        today = time.strftime("%Y-%m-%d", time.localtime(self.device_time(now)))
        if expires is None or expires < today:
            return False
        return self.open_door(cabinet_id, door, UnlockType.CARD, now, card_id=card_id)

    # ---- battery test -----------------------------------------------------------------------

    def start_battery_test(self, cabinet_id: int, now: float) -> bool:
        c = self.cabinets[cabinet_id]
        if not c.mains_ok or c.battery_test is not None or c.ups_charge < 80.0:
            return False
        c.battery_test = BatteryTestRecord(now, c.ups_charge, round(c.temperature + 2.0, 1))
        return True

    def stop_battery_test(self, cabinet_id: int, now: float, course: int = 4) -> bool:
        c = self.cabinets[cabinet_id]
        test = c.battery_test
        if test is None:
            return False
        test.end, test.end_charge, test.end_course = now, c.ups_charge, course
        c.last_battery_test, c.battery_test = test, None
        return True

    # ---- evolution --------------------------------------------------------------------------

    def _evolve(self, dt: float, t: float) -> None:
        for c in self.cabinets.values():
            self._evolve_cabinet(c, dt, t)
        for pc in self.computers:
            self._evolve_computer(pc, dt)

    def _walk(self, value: float, dt: float, sigma: float, lo: float, hi: float,
              centre: float | None = None) -> float:
        """A bounded random walk, pulled gently back to a centre."""
        pull = 0.0 if centre is None else (centre - value) * min(1.0, dt / 1800.0)
        value += pull + self.rng.gauss(0.0, sigma * math.sqrt(dt / 60.0))
        return min(hi, max(lo, value))

    def _evolve_cabinet(self, c: CabinetState, dt: float, t: float) -> None:
        rng = self.rng
        # Doors that were left open close again.
        for door_id, d in c.doors.items():
            if not d.closed and d.close_at is not None and t >= d.close_at:
                self.close_door(c.id, door_id, d.close_at)

        # Temperature relaxes towards outside + equipment heat, less what the air conditioners do.
        self.thermostat(c)
        heat = 10.0 + (40.0 if c.overheating else 0.0)
        cooling = sum(12.0 for a in c.air_conditioners if a.working and a.mode == 1)
        heating = sum(10.0 for a in c.air_conditioners if a.working and a.mode == 2)
        target = self.ambient(t) + heat - cooling + heating
        c.temperature += (target - c.temperature) * (1.0 - math.exp(-dt / 600.0))
        c.temperature += rng.gauss(0.0, 0.05)
        rh_target = 95.0 if c.water else min(90.0, max(20.0, 55.0 - 1.5 * (c.temperature - 25.0)))
        c.humidity += (rh_target - c.humidity) * (1.0 - math.exp(-dt / 900.0))
        c.humidity = min(99.0, max(5.0, c.humidity + rng.gauss(0.0, 0.1)))

        # Mains: load follows what is switched on; the energy counter only grows.
        if c.mains_ok:
            c.mains_voltage = min(235.0, max(205.0, 220.0 + rng.gauss(0.0, 1.5)))
            c.mains_frequency = 50.0 + rng.gauss(0.0, 0.03)
            load = 0.8 + sum(0.9 for a in c.air_conditioners if a.working)
            load += 0.15 if self.power_mode < 2 else 0.0  # rear plate-recognition cameras
            load += 0.10 if self.power_mode < 3 else 0.0  # rear antennas
            load += 0.3 if c.ups_state is UpsState.CHARGING else 0.0
            c.mains_power_kw = load * (1.0 + rng.gauss(0.0, 0.02))
            c.energy_kwh += c.mains_power_kw * dt / 3600.0
        else:
            c.mains_voltage = c.mains_frequency = c.mains_power_kw = 0.0

        if c.rectifiers_output:
            c.rectifier_voltage = 53.5 + rng.gauss(0.0, 0.05)
            c.rectifier_current = max(0.0, 12.0 + rng.gauss(0.0, 0.4))

        # UPS: discharges without mains or under test, recharges otherwise.
        state = c.ups_state
        if state is UpsState.DISCHARGING:
            c.ups_charge -= 100.0 / UPS_BACKUP_MINUTES * dt / 60.0
        elif state is UpsState.TESTING:
            c.ups_charge -= 100.0 / (UPS_BACKUP_MINUTES * 0.75) * dt / 60.0 / c.battery_health
        else:
            c.ups_charge += 0.25 * dt / 60.0
        c.ups_charge = min(100.0, max(0.0, c.ups_charge))
        test = c.battery_test
        if test is not None:
            if not c.mains_ok:
                self.stop_battery_test(c.id, t, course=3)
            elif c.ups_charge <= BATTERY_TEST_END_CHARGE:
                self.stop_battery_test(c.id, t, course=1)
            elif t - test.start >= BATTERY_TEST_MAX_S:
                self.stop_battery_test(c.id, t, course=2)

        # Surge protectors: a strike now and then.
        p = self.config.lightning_per_day * dt / 86400.0
        for i in range(len(c.lightning_counts)):
            if rng.random() < p:
                c.lightning_counts[i] += 1
                self._emit(Event("lightning", t, c.id, detail=f"surge protector {i + 1}"))
                self.pending.add(c.id)

    def thermostat(self, c: CabinetState) -> None:
        for a in c.air_conditioners:
            if a.faulty or not c.mains_ok or self.power_mode >= 1 or a.control == "standby":
                a.working, a.mode = False, 0
                continue
            if a.control == "run":
                a.working = True
                a.mode = 1 if c.temperature > a.cool_at else 2 if c.temperature < a.heat_at else 0
                continue
            # Automatic: switch on past a set-point, off again 2 °C inside it.
            if a.working and a.mode == 1:
                a.working = c.temperature > a.cool_at - 2.0
            elif a.working and a.mode == 2:
                a.working = c.temperature < a.heat_at + 2.0
            elif c.temperature > a.cool_at:
                a.working, a.mode = True, 1
            elif c.temperature < a.heat_at:
                a.working, a.mode = True, 2
            else:
                a.working = False
            if not a.working:
                a.mode = 0

    def _evolve_computer(self, pc: ComputerState, dt: float) -> None:
        pc.cpu = self._walk(pc.cpu, dt, 3.0, 2.0, 98.0, centre=25.0)
        pc.memory = self._walk(pc.memory, dt, 1.0, 10.0, 95.0, centre=45.0)
        pc.net = self._walk(pc.net, dt, 2.0, 0.0, 100.0, centre=8.0)
        pc.data_disk = min(99.0, pc.data_disk + 0.02 * dt / 3600.0)  # toll records pile up
        pc.sys_disk = self._walk(pc.sys_disk, dt, 0.01, 5.0, 99.0)
        cabinet = self.cabinets[1]
        pc.cpu_temperature = 30.0 + 0.3 * pc.cpu + 0.5 * (cabinet.temperature - 25.0)

    # ---- alarms -----------------------------------------------------------------------------

    def cabinet_alarms(self, c: CabinetState) -> frozenset[str]:
        """The alarm conditions a cabinet reports; a change makes the device post at once."""
        alarms = set()
        if not c.mains_ok:
            alarms.add("mains-failure")
        if c.rectifier_fault:
            alarms.add("rectifier-fault")
        if any(a.faulty for a in c.air_conditioners):
            alarms.add("air-conditioner-fault")
        # 2 °C of hysteresis so sensor noise around the threshold does not flood the receiver.
        was_hot = "high-temperature" in getattr(self, "_alarms", {}).get(c.id, frozenset())
        if c.temperature >= HIGH_TEMPERATURE_C - (2.0 if was_hot else 0.0):
            alarms.add("high-temperature")
        if c.water:
            alarms.add("water-leak")
        if c.smoke:
            alarms.add("smoke")
        if any(d.illegal and not d.closed for d in c.doors.values()):
            alarms.add("illegal-door-opening")
        if c.sensor_failures:
            alarms.add("sensor-failure")
        return frozenset(alarms)

    def _check_alarms(self) -> None:
        for c in self.cabinets.values():
            now_alarms = self.cabinet_alarms(c)
            before = self._alarms.get(c.id, frozenset())
            if now_alarms == before:
                continue
            for name in sorted(now_alarms - before):
                self._emit(Event("alarm-raised", self.now, c.id, detail=name))
            for name in sorted(before - now_alarms):
                self._emit(Event("alarm-cleared", self.now, c.id, detail=name))
            self._alarms[c.id] = now_alarms
            self.pending.add(c.id)
