"""Gantry local time (PROTOCOL.md §5): the configurable zone device times are read in."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app import gantry_time
from app.alarms.engine import _since
from app.config import ConfigError, GantryEntry, Settings, load_settings
from app.media.library import door_ts

KATHMANDU = ZoneInfo("Asia/Kathmandu")  # UTC+05:45: no workstation here is set to it
NEW_YORK = ZoneInfo("America/New_York")  # daylight saving in summer


def test_zone_names_empty_and_unknown() -> None:
    assert gantry_time.zone("") is None and gantry_time.zone("  ") is None
    assert gantry_time.zone("Asia/Shanghai") == ZoneInfo("Asia/Shanghai")
    for bad in ("Mars/Olympus", "../../etc/passwd", "Asia/"):
        with pytest.raises(ValueError, match="not a time zone name such as Asia/Shanghai"):
            gantry_time.zone(bad)
    assert "Asia/Shanghai" in gantry_time.zone_names()


def test_wall_clock_round_trip_and_offsets() -> None:
    wall = datetime(2026, 7, 1, 20, 12, 5)
    ts = gantry_time.epoch(wall, KATHMANDU)
    assert ts == datetime(2026, 7, 1, 14, 27, 5, tzinfo=ZoneInfo("UTC")).timestamp()
    assert gantry_time.local(ts, KATHMANDU) == wall
    assert gantry_time.offset_label(ts, KATHMANDU) == "UTC+05:45"
    # The same zone, two offsets a year: summer and winter.
    assert gantry_time.offset_label(ts, NEW_YORK) == "UTC-04:00"
    winter = gantry_time.epoch(datetime(2026, 1, 15, 12, 0), NEW_YORK)
    assert gantry_time.offset_label(winter, NEW_YORK) == "UTC-05:00"
    assert gantry_time.describe(KATHMANDU, ts) == "Asia/Kathmandu, UTC+05:45"
    # None is the workstation's own zone, as naive datetimes are.
    assert gantry_time.local(ts, None) == datetime.fromtimestamp(ts)
    assert gantry_time.epoch(wall, None) == wall.timestamp()
    assert gantry_time.describe(None, ts).startswith("UTC")


def test_a_gantry_zone_comes_before_the_global_one(tmp_path: Path) -> None:
    s = Settings(time_zone="Asia/Kathmandu",
                 gantries={"G1": GantryEntry(time_zone="America/New_York"), "G2": GantryEntry()})
    assert s.gantry_zone("G1") == NEW_YORK
    assert s.gantry_zone("G2") == KATHMANDU and s.gantry_zone("G9") == KATHMANDU
    assert Settings().gantry_zone("G1") is None  # default: the workstation's
    bad = tmp_path / "settings.toml"
    bad.write_text('[gantries.G1]\ntime_zone = "Beijing"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        load_settings(bad)
    assert "gantries.G1.time_zone" in str(e.value) and "'Beijing'" in str(e.value)


def test_door_times_are_read_in_the_gantry_zone() -> None:
    text = "2026-07-01 20:12:05.000"
    want = gantry_time.epoch(datetime(2026, 7, 1, 20, 12, 5), KATHMANDU)
    assert door_ts(text, KATHMANDU) == want
    assert door_ts(text) == datetime(2026, 7, 1, 20, 12, 5).timestamp()
    assert door_ts("NoData", KATHMANDU) == 0.0
    # An open door's "open since" is the device's change time when it is believable...
    assert _since(text, want + 60, KATHMANDU) == want
    # ...and now when the zone makes it lie in the future or is not a time at all.
    assert _since(text, want - 3600, KATHMANDU) == want - 3600
    assert _since("GetFailed", want, KATHMANDU) == want
