"""A year of 10-minute cabinet reports for one gantry, written straight through the store's
writer (`insert_message`, as the receiver does after its checks), with gaps and no-value reasons.

The receive path for 52 000 reports would take many minutes; the rows are the same: each report
is a real `CabinetStatusUpdate` model, its wire JSON is the logged body, one transaction per day.
`expected()` gives every generated value so tests compute the rollups directly.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import math
import shutil
import tempfile
from pathlib import Path

import pytest

from app.protocol import NoValue, Reading
from app.protocol.messages import (
    Cabinet,
    CabinetStatusUpdate,
    Doors,
    Mains,
    Thermohygrometer,
    Ups,
    to_wire_dict,
)
from app.store import DB_NAME, LogEntry, Store
from app.store.records import insert_message

GANTRY = "G000211001002110010"
PERIOD_S = 600.0
HOUR = 3600
DAY = 86400
# A fixed "now" on an hour boundary: 2025-06-01 00:00:00 UTC.
NOW = 1748736000.0
YEAR_START = NOW - 365 * DAY
# Missing reports: three days in November, two hours in the last day, one in the last hour.
GAPS = ((NOW - 200 * DAY, NOW - 197 * DAY), (NOW - 10 * HOUR, NOW - 8 * HOUR),
        (NOW - 40 * 60, NOW - 25 * 60))
# The thermohygrometer failed to read for one whole hour five days ago (a rollup gap).
DEAD_HOUR = NOW - 5 * DAY - 7 * HOUR
# One front door opening, 30 hours ago, for 20 minutes; one back door opening 120 days ago
# (older than the raw period), for 30 minutes.
DOOR_OPEN = (NOW - 30 * HOUR, NOW - 30 * HOUR + 20 * 60)
OLD_DOOR_OPEN = (NOW - 120 * DAY + 3 * HOUR, NOW - 120 * DAY + 3 * HOUR + 30 * 60)


def temperature(t: float) -> float:
    # Daily swing around a seasonal mean: never near 0, so a zero would be a fake.
    season = 22 + 8 * math.sin(2 * math.pi * (t - YEAR_START) / (365 * DAY))
    return round(season + 6 * math.sin(2 * math.pi * (t % DAY) / DAY), 2)


def charge(t: float) -> float:
    # A two-hour outage every 45 days drains the battery to 40 %, otherwise 100 %.
    k = (t - YEAR_START) % (45 * DAY)
    return round(max(40.0, 100 - k / 60) if k < 2 * HOUR else 100.0, 1)


def voltage(t: float) -> float:
    return round(220 + 5 * math.sin(t / 3000.0), 1)


def report_times() -> list[float]:
    out, t = [], YEAR_START
    while t <= NOW:
        if not any(a <= t < b for a, b in GAPS):
            out.append(t)
        t += PERIOD_S
    return out


def reading(v: float | None, reason: NoValue = NoValue.GET_FAILED) -> Reading:
    return Reading(v) if v is not None else Reading(None, reason)


def values_at(t: float, i: int) -> tuple[float | None, NoValue, float | None, float]:
    """(temperature or None, its reason, charge % or None, mains voltage) of report i at t."""
    temp: float | None = temperature(t)
    reason = NoValue.GET_FAILED
    if i % 37 == 0:  # a read failure now and then
        temp = None
    if DEAD_HOUR <= t < DEAD_HOUR + HOUR:
        temp, reason = None, NoValue.NO_DATA
    pct = charge(t) if i % 53 else None
    return temp, reason, pct, voltage(t)


def expected(times: list[float] | None = None) -> dict[str, list[tuple[float, float | None]]]:
    """Every generated value by metric key, without building any message."""
    times = report_times() if times is None else times
    out: dict[str, list[tuple[float, float | None]]] = {
        "thermohygrometer.temperature": [], "ups.charge_percent": [], "mains.voltage": []}
    for i, t in enumerate(times):
        temp, _, pct, volt = values_at(t, i)
        out["thermohygrometer.temperature"].append((t, temp))
        out["ups.charge_percent"].append((t, pct))
        out["mains.voltage"].append((t, volt))
    return out


def message(t: float, i: int) -> CabinetStatusUpdate:
    temp, reason, pct, volt = values_at(t, i)
    front_open = DOOR_OPEN[0] <= t < DOOR_OPEN[1]
    back_open = OLD_DOOR_OPEN[0] <= t < OLD_DOOR_OPEN[1]
    cabinet = Cabinet(
        id=1,
        mains=[Mains(id=1, status=Reading(1), voltage=Reading(volt), current=Reading(4.2),
                     power=Reading(0.9), frequency=Reading(50.0),
                     energy=Reading(round(1000 + (t - YEAR_START) / 4000, 1)))],
        ups=[Ups(id=1, status=Reading(1), running_state=Reading(1),
                 charge_percent=reading(pct), remaining_minutes=Reading(120.0),
                 temperature=Reading(26.0))],
        thermohygrometer=Thermohygrometer(status=Reading(1), temperature=reading(temp, reason),
                                          humidity=Reading(55.0)),
        doors=[Doors(id=1, status=Reading(1), front_door_closed=Reading(0 if front_open else 1),
                     back_door_closed=Reading(0 if back_open else 1))],
    )
    return CabinetStatusUpdate(gantry_id=GANTRY, timestamp=int(t * 1000), cabinet=cabinet)


async def fill(store: Store, times: list[float] | None = None) -> int:
    """Write reports (default: the whole year) into an open store; returns how many."""
    times = report_times() if times is None else times
    day: list[tuple[CabinetStatusUpdate, LogEntry]] = []

    def write_day(batch: list[tuple[CabinetStatusUpdate, LogEntry]]):
        return lambda conn: [insert_message(conn, m, e) for m, e in batch]

    for i, t in enumerate(times):
        m = message(t, i)
        body = json.dumps(to_wire_dict(m), ensure_ascii=False).encode()
        day.append((m, LogEntry(t, "10.0.0.2", GANTRY, m.method, "1000", "", body)))
        if len(day) == 144:
            await store.write(write_day(day))
            day = []
    if day:
        await store.write(write_day(day))
    return len(times)


def master_copy(cache_dir: Path) -> Path:
    """The year's database file, built once and kept in pytest's cache (keyed by the code that
    writes it), so only the first run pays the minute it takes."""
    here = Path(__file__).resolve()
    sources = [here, here.parents[1] / "app/store/records.py",
               here.parents[1] / "app/store/schema.py"]
    key = hashlib.sha1(b"".join(p.read_bytes() for p in sources)).hexdigest()[:16]
    master = cache_dir / f"year-{key}.sqlite3"
    if master.exists():
        return master
    for old in cache_dir.glob("year-*.sqlite3"):
        old.unlink()
    work = Path(tempfile.mkdtemp(prefix="history-year-"))

    async def build() -> None:
        store = Store(work).open()
        try:
            await fill(store)
        finally:
            store.close()

    asyncio.run(build())
    tmp = master.with_suffix(".tmp")
    shutil.copyfile(work / DB_NAME, tmp)
    tmp.replace(master)
    shutil.rmtree(work, ignore_errors=True)
    return master


def data_dir_with_year(master: Path, data_dir: Path) -> Path:
    """A fresh data folder holding a copy of the year (tests may change it)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(master, data_dir / DB_NAME)
    return data_dir


@pytest.fixture(scope="session")
def year_master(request: pytest.FixtureRequest) -> Path:
    return master_copy(request.config.cache.mkdir("history_year"))


