"""History: rollups against a direct computation over a generated year, the range -> table
choice with gaps kept as gaps, retention, and export (file and CLI)."""

from __future__ import annotations

import asyncio
import csv
import math
import shutil
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from app.cli import main as cli_main
from app.history import HistoryService, Retention, Series, metric
from app.history.export import table, write
from app.history.rollups import HOUR, fold_batch, hourly, rolled_up_to
from app.history.series import Source, alarm_spans, choose_source, door_changes, load
from app.store import DB_NAME, Store, queries
from tests.conftest import settings_file
from tests.history_year import (
    DAY,
    DEAD_HOUR,
    DOOR_OPEN,
    GANTRY,
    GAPS,
    NOW,
    OLD_DOOR_OPEN,
    PERIOD_S,
    data_dir_with_year,
    expected,
    fill,
    report_times,
    year_master,  # noqa: F401  (session fixture)
)

QUICK = {"1h": HOUR, "24h": DAY, "7d": 7 * DAY, "30d": 30 * DAY, "1y": 365 * DAY}
SOURCES = {"1h": Source.RAW, "24h": Source.RAW, "7d": Source.HOURLY, "30d": Source.HOURLY,
           "1y": Source.HOURLY}
KEYS = ("thermohygrometer.temperature", "ups.charge_percent", "mains.voltage")


def series(key: str) -> Series:
    return Series(GANTRY, metric(key), 1, 1)


@pytest.fixture(scope="module")
def rolled_master(year_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: F811
    """The year with its rollups caught up (done once for the module)."""
    data = data_dir_with_year(year_master, tmp_path_factory.mktemp("rolled"))

    async def roll() -> int:
        store = Store(data).open()
        try:
            return await HistoryService(store).catch_up()
        finally:
            store.close()

    assert asyncio.run(roll()) == len(report_times()) * 3  # 3 rolled kinds per report
    return data / DB_NAME


@pytest.fixture
async def store(rolled_master: Path, tmp_path: Path):
    s = Store(data_dir_with_year(rolled_master, tmp_path / "data")).open()
    yield s
    s.close()


def direct_hours(key: str) -> dict[int, tuple[int, float, float, float]]:
    """hour -> (n, min, mean, max) computed from the generated values."""
    by_hour: dict[int, list[float]] = defaultdict(list)
    for t, v in expected()[key]:
        if v is not None:
            by_hour[int(t // HOUR) * HOUR].append(v)
    return {h: (len(vs), min(vs), sum(vs) / len(vs), max(vs)) for h, vs in by_hour.items()}


@pytest.mark.parametrize("key", KEYS)
async def test_rollups_equal_a_direct_computation(store: Store, key: str) -> None:
    want = direct_hours(key)
    got = await store.read(hourly, series(key), 0, NOW + DAY)
    assert [r.hour for r in got] == sorted(want)  # same hours: none invented, none lost
    for r in got:
        n, lo, mean, hi = want[r.hour]
        assert (r.n, r.min, r.max) == (n, lo, hi)
        assert math.isclose(r.mean, mean, rel_tol=1e-12)
    if key == "thermohygrometer.temperature":
        # The hour the sensor failed throughout has no rollup at all, not a zero.
        assert int(DEAD_HOUR) not in {r.hour for r in got}
        assert len(got) > 8000


async def test_rollups_resume_merge_and_count_late_reports_once(tmp_path: Path) -> None:
    store = Store(tmp_path / "d").open()
    try:
        hour = NOW - 3 * HOUR
        first = [hour + 60 * i for i in range(0, 30, 10)]
        await fill(store, first)
        svc = HistoryService(store)
        assert await svc.catch_up() == 9
        # More reports of the same hour, and a late one for an hour already rolled up,
        # folded in batches of two rows (as after a restart in the middle).
        later = [hour + 60 * i for i in range(30, 60, 10)] + [hour + 5]
        await fill(store, later)
        folded = 0
        while n := await store.write(lambda c: fold_batch(c, "thermohygrometer", 2)):
            folded += n
        assert folded == 4
        assert await svc.catch_up() == 8  # the other kinds
        assert await svc.catch_up() == 0  # nothing twice
        rows = await store.read(hourly, series("mains.voltage"), 0, NOW)
        volts = [v for _, v in expected(first)["mains.voltage"]]
        volts += [v for _, v in expected(later)["mains.voltage"]]
        assert [(r.hour, r.n, r.min, r.max) for r in rows] == [
            (int(hour), 7, min(volts), max(volts))]
        assert math.isclose(rows[0].mean, sum(volts) / 7)
        last = store.read_sync(lambda db: db.execute(
            "SELECT MAX(rowid) FROM thermohygrometer_history").fetchone()[0])
        assert store.read_sync(rolled_up_to, "thermohygrometer") == last
    finally:
        store.close()


YEAR_OF_DOORS = [(OLD_DOOR_OPEN[0], "back", True), (OLD_DOOR_OPEN[1], "back", False),
                 (DOOR_OPEN[0], "front", True), (DOOR_OPEN[1], "front", False)]


def test_door_changes_of_a_year_read_only_open_door_reports(rolled_master: Path,
                                                            tmp_path: Path) -> None:
    store = Store(data_dir_with_year(rolled_master, tmp_path / "data")).open()  # migrates
    try:
        statements: list[str] = []

        def traced(db):
            db.conn.set_trace_callback(statements.append)
            try:
                return door_changes(db, GANTRY, 1, NOW - 365 * DAY, NOW)
            finally:
                db.conn.set_trace_callback(None)

        got = store.read_sync(traced)
        assert [(c.ts, c.door, c.opened) for c in got] == YEAR_OF_DOORS
        # The search for open doors walks the partial index of open-door reports, not the
        # year's 52 000 rows (what made "1 y" wait on it).
        plan = store.read_sync(lambda db: db.execute(
            "EXPLAIN QUERY PLAN " + statements[0]).fetchall())
        assert any("doors_history_open" in row[-1] for row in plan), plan
    finally:
        store.close()


@pytest.mark.parametrize("name", list(QUICK))
async def test_quick_ranges_read_the_right_table_without_fake_zeros(store: Store,
                                                                    name: str) -> None:
    t0, t1 = NOW - QUICK[name], NOW
    source = choose_source(t0, t1, NOW, Retention().raw_keep_s)
    assert source is SOURCES[name]
    data = await store.read(load, [series(k) for k in KEYS], t0, t1, source, PERIOD_S)
    for d, key in zip(data, KEYS, strict=True):
        assert d.source is source
        finite = d.y[np.isfinite(d.y)]
        assert len(finite) and not np.any(finite == 0)  # no fake zeros
        in_range = [(t, v) for t, v in expected()[key] if t0 <= t <= t1]
        if source is Source.RAW:
            assert d.points == len(in_range)
            # Every value as reported; every no-value report a NaN with its reason.
            assert finite.tolist() == [v for _, v in in_range if v is not None]
            assert len(d.reasons) == sum(v is None for _, v in in_range)
            assert {r for _, r in d.reasons} <= {"GetFailed", "NoData"}
        else:
            # Every hour overlapping the range that has at least one value.
            hours = {int(t // HOUR) * HOUR for t, v in expected()[key] if v is not None}
            hours = {h for h in hours if int(t0 // HOUR) * HOUR <= h <= t1}
            assert d.points == len(hours)
            assert np.all(d.lo[np.isfinite(d.lo)] <= d.hi[np.isfinite(d.hi)])
        # Missing reports break the line: a NaN inside each gap that falls in the range (in
        # hourly data, each gap of whole hours; a shorter one only thins an hour's count).
        for a, b in GAPS:
            if t0 < a and b < t1 and (source is Source.RAW or b - a >= 2 * HOUR):
                inside = (d.t > a) & (d.t < b)
                assert inside.any() and np.all(np.isnan(d.y[inside])), (name, key, a)
    if name == "7d":  # the dead hour of the thermohygrometer is a gap in the hourly line
        d = data[0]
        near = (d.t > DEAD_HOUR - HOUR) & (d.t < DEAD_HOUR + 2 * HOUR)
        assert np.isnan(d.y[near]).any()


def test_ranges_reaching_into_purged_raw_history_read_rollups() -> None:
    keep = Retention().raw_keep_s
    assert choose_source(NOW - keep - HOUR, NOW - keep + HOUR, NOW, keep) is Source.HOURLY
    assert choose_source(NOW - 3 * HOUR, NOW - HOUR, NOW, keep) is Source.RAW


async def test_purge_keeps_rollups_latest_state_audit_and_alarms(year_master: Path,  # noqa: F811
                                                                 tmp_path: Path) -> None:
    # The raw copy: purge must fold every row into the rollups before deleting it.
    store = Store(data_dir_with_year(year_master, tmp_path / "data")).open()
    try:
        old = NOW - 300 * DAY
        await fill(store, [old])  # the only report of a gantry silent for 300 days
        for table in ("messages", "comm_log"):
            await store.write(lambda c, t=table: c.execute(
                f"UPDATE {t} SET gantry_id = 'G-SILENT' WHERE id = (SELECT MAX(id) FROM {t})"))
        await store.write(lambda c: c.execute(
            "INSERT INTO control_audit (ts, operator, gantry_id, command, outcome)"
            " VALUES (?, 'op', ?, 'reboot', 'ok')", [old, GANTRY]))
        await store.write(lambda c: c.execute(
            "INSERT INTO alarms (source_key, gantry_id, cabinet_id, kind, device_id, condition,"
            " severity, text_key, params, raised_at, last_raised_at, cleared_at, closed)"
            " VALUES ('k', ?, 1, 'ups', 1, 'status', 3, 'ups_fault', '{}', ?, ?, ?, 1)",
            [GANTRY, old, old, old + HOUR]))
        svc = HistoryService(store, Retention(raw_keep_s=90 * DAY, rollup_keep_s=200 * DAY))
        counts = await svc.purge(now=NOW)
        raw_cut, roll_cut = NOW - 90 * DAY, NOW - 200 * DAY
        assert counts.history > 0 and counts.comm_log > 0
        assert counts.rollups > 0

        def oldest(db, sql):
            return db.execute(sql).fetchone()[0]

        for table in ("thermohygrometer_history", "ups_history", "mains_history"):
            assert store.read_sync(oldest, f"SELECT MIN(ts) FROM {table}") >= raw_cut
        # Older door reports: only those marking the back door's opening 120 days ago (the
        # three showing it open and the one after, showing it closed): a year still marks it.
        assert store.read_sync(oldest, "SELECT COUNT(*) FROM doors_history"
                               f" WHERE ts < {raw_cut}") == 4
        changes = store.read_sync(door_changes, GANTRY, 1, NOW - 365 * DAY, NOW)
        assert [(c.ts, c.door, c.opened) for c in changes] == YEAR_OF_DOORS
        assert store.read_sync(oldest, "SELECT MIN(hour) FROM metric_rollups") >= roll_cut - HOUR
        # Logged raw bodies: only the raw period, plus each source's newest.
        assert store.read_sync(oldest, "SELECT COUNT(*) FROM comm_log WHERE body IS NOT NULL"
                               f" AND ts < {raw_cut}") == 1
        bodies = store.read_sync(queries.latest_bodies, "G-SILENT")
        assert len(bodies) == 1 and bodies[0].received_at == old
        assert store.read_sync(oldest, "SELECT MIN(ts) FROM comm_log WHERE body IS NOT NULL"
                               f" AND gantry_id = '{GANTRY}'") >= raw_cut
        # Never touched: the control audit and the alarms.
        assert store.read_sync(oldest, "SELECT COUNT(*) FROM control_audit") == 1
        spans = store.read_sync(alarm_spans, GANTRY, 1, old - HOUR, old + 2 * HOUR)
        assert [(s.start, s.end) for s in spans] == [(old, old + HOUR)]
        # A year's chart still shows the purged months, from the rollups, unchanged.
        want = direct_hours("thermohygrometer.temperature")
        got = {r.hour: r for r in await store.read(
            hourly, series("thermohygrometer.temperature"), roll_cut, raw_cut)}
        assert got and all(got[h].n == want[h][0] and got[h].max == want[h][3] for h in got)
        assert len(got) >= sum(1 for h in want if roll_cut <= h <= raw_cut) - 1
        # A second purge finds nothing more.
        again = await svc.purge(now=NOW)
        assert (again.history, again.comm_log, again.rollups) == (0, 0, 0)
        # Door marks go with the rollup period: 100 days, and the opening of 120 days ago goes.
        await HistoryService(store, Retention(90 * DAY, 100 * DAY)).purge(now=NOW)
        assert store.read_sync(oldest, "SELECT COUNT(*) FROM doors_history"
                               f" WHERE ts < {raw_cut}") == 0
    finally:
        store.close()


async def test_export_csv_and_xlsx(store: Store, tmp_path: Path) -> None:
    chosen = [series("thermohygrometer.temperature"), series("ups.charge_percent")]
    header, rows = await store.read(table, chosen, NOW - DAY, NOW, Source.RAW)
    assert header[0].startswith("Local time (UTC")
    assert header[1] == "Cabinet 1 Thermohygrometer: Cabinet temperature (°C)"
    assert header[2] == "Cabinet 1 UPS / battery 1: Battery charge (%)"
    want = [(t, v) for t, v in expected()["thermohygrometer.temperature"] if NOW - DAY <= t <= NOW]
    assert len(rows) == len(want)
    assert [r[1] for r in rows] == [v if v is not None else "GetFailed" for _, v in want]
    assert rows[0][0] == datetime.fromtimestamp(want[0][0])
    path = write(tmp_path / "day.csv", header, rows)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8 (°C)
    lines = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert lines[0] == header and len(lines) == len(rows) + 1
    assert "GetFailed" in {c for line in lines for c in line}
    assert not any(c in ("0", "0.0") for line in lines[1:] for c in line[1:])
    # Hourly: three columns per series; the same file as XLSX.
    header, rows = await store.read(table, chosen, NOW - 30 * DAY, NOW, Source.HOURLY)
    assert header[1:4] == [f"Cabinet 1 Thermohygrometer: Cabinet temperature hourly {w} (°C)"
                           for w in ("min", "mean", "max")]
    from openpyxl import load_workbook

    book = load_workbook(write(tmp_path / "month.xlsx", header, rows))
    sheet = book.active
    assert [c.value for c in sheet[1]] == header
    assert sheet.max_row == len(rows) + 1
    assert isinstance(sheet.cell(2, 1).value, datetime)
    assert sheet.cell(2, 2).value == rows[0][1]


async def test_export_times_are_the_gantry_local_time(store: Store) -> None:
    """With a zone set for the gantry, the first column is its clock, and the header says so."""
    zone = ZoneInfo("Asia/Kathmandu")  # UTC+05:45, unlike any test machine's zone
    header, rows = await store.read(table, [series("ups.charge_percent")], NOW - DAY, NOW,
                                    Source.RAW, zone)
    assert header[0] == "Local time (Asia/Kathmandu, UTC+05:45)"
    first = next(t for t in report_times() if t >= NOW - DAY)
    assert rows[0][0] == datetime.fromtimestamp(first, zone).replace(tzinfo=None)


def test_export_command_reads_from_and_to_in_the_gantry_zone(rolled_master: Path,
                                                             tmp_path: Path, capsys) -> None:
    data = data_dir_with_year(rolled_master, tmp_path / "data")
    config = tmp_path / "settings.toml"
    config.write_text(f'[gantries.{GANTRY}]\ntime_zone = "Asia/Kathmandu"\n', encoding="utf-8")
    zone = ZoneInfo("Asia/Kathmandu")
    t0, t1 = NOW - 5 * HOUR, NOW - 2 * HOUR
    start, end = (datetime.fromtimestamp(t, zone).strftime("%Y-%m-%d %H:%M") for t in (t0, t1))
    assert cli_main(["export", "--data-dir", str(data), "--config", str(config), "--gantry",
                     GANTRY, "--metric", "ups.charge_percent:1", "--resolution", "raw",
                     "--from", start, "--to", end]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith('"Local time (Asia/Kathmandu, UTC+05:45)"')  # CSV-quoted
    minute = lambda t: t - t % 60  # noqa: E731  (--from/--to have minutes)
    want = [t for t in report_times() if minute(t0) <= t <= minute(t1)]
    assert len(lines) == 1 + len(want)
    assert lines[1].startswith(datetime.fromtimestamp(want[0], zone).strftime("%Y-%m-%d %H:%M"))
    shutil.rmtree(data)


def test_export_command(rolled_master: Path, tmp_path: Path, capsys) -> None:
    data = data_dir_with_year(rolled_master, tmp_path / "data")
    start = datetime.fromtimestamp(NOW - 3 * HOUR).strftime("%Y-%m-%d %H:%M")
    end = datetime.fromtimestamp(NOW).strftime("%Y-%m-%d %H:%M")
    out = tmp_path / "x.xlsx"
    args = ["export", "--data-dir", str(data), "--config", settings_file(tmp_path / "none.toml"),
            "--gantry", GANTRY, "--metric", "ups.charge_percent:1", "--metric",
            "thermohygrometer.temperature", "--resolution", "raw", "--from", start, "--to", end]
    assert cli_main([*args, "--out", str(out)]) == 0
    from openpyxl import load_workbook

    sheet = load_workbook(out).active
    assert sheet.cell(1, 2).value == "Cabinet 1 UPS / battery 1: Battery charge (%)"
    assert sheet.max_row == 1 + sum(1 for t in report_times() if NOW - 3 * HOUR <= t <= NOW)
    capsys.readouterr()
    assert cli_main([*args, "--format", "csv"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].startswith("Local time (UTC") and len(printed) == sheet.max_row
    # Options given wrongly: one sentence, exit 2 (as argparse's own usage errors).
    assert cli_main([*args[:-4], "--from", end, "--to", start]) == 2
    assert "--from must be before --to" in capsys.readouterr().err
    assert cli_main([*args, "--metric", "ups.nonsense"]) == 2
    capsys.readouterr()
    assert cli_main([*args, "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"gantry-monitor: {tmp_path} is a folder: give --out a file name, such as"
        f" {tmp_path / 'export.csv'}.")
    assert cli_main([*args, "--out", str(tmp_path / "x.txt")]) == 2
    assert "end it in .csv or .xlsx" in capsys.readouterr().err
    # Nothing to export is a sentence and exit 1, never a header-only file.
    nobody = [*args]
    nobody[nobody.index(GANTRY)] = "NOPE"
    assert cli_main(nobody) == 1
    assert capsys.readouterr().err.strip() == (
        "gantry-monitor: Gantry NOPE has never reported to this data folder.")
    for wrong in (["--cabinet", "7", "--metric", "ups.charge_percent"],
                  ["--metric", "ups.charge_percent:9"]):
        assert cli_main([*args[:7], "--resolution", "raw", "--from", start, "--to", end,
                         *wrong]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "No values of" in err and "check the cabinet" in err
    # The protocol's own time format (PROTOCOL.md §5), milliseconds and all.
    ms = datetime.fromtimestamp(NOW - 3 * HOUR).strftime("%Y-%m-%d %H:%M:%S.000")
    assert cli_main([*args[:-4], "--from", ms, "--to", end]) == 0
    assert len(capsys.readouterr().out.splitlines()) == sheet.max_row
    # A date alone as --to means the end of that day: --from D --to D is all of day D.
    day = datetime.fromtimestamp(NOW - 2 * DAY)
    date = day.strftime("%Y-%m-%d")
    assert cli_main([*args[:-4], "--from", date, "--to", date]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    midnight = datetime(day.year, day.month, day.day).timestamp()
    assert len(rows) == sum(1 for t in report_times() if midnight <= t < midnight + DAY)
    assert {r[:10] for r in rows} == {date}
    assert cli_main([*args[:-4], "--from", date, "--to", date, "--resolution", "hourly"]) == 0
    hours = capsys.readouterr().out.splitlines()[1:]
    assert len(hours) == 24 and {r[:10] for r in hours} == {date}  # not the next midnight's
    # Both ends before anything stored: in order, so nothing to export (exit 1), not a usage
    # error; a --to far ahead alone is the last day stored up to it.
    assert cli_main([*args[:-4], "--from", "1990-01-01", "--to", "1995-01-01"]) == 1
    assert "No values of" in capsys.readouterr().err
    assert cli_main([*args[:-4], "--to", "9999-12-31"]) == 1
    assert "No values of" in capsys.readouterr().err
    # Dates before or after anything stored mean "from the start" / "up to the end".
    assert cli_main([*args[:-4], "--from", "0001-01-01", "--to", "9999-12-31",
                     "--resolution", "hourly"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    first = datetime.fromtimestamp(int(report_times()[0] // HOUR) * HOUR)
    assert rows[0].startswith(first.strftime("%Y-%m-%d %H:%M")) and len(rows) > 365 * 23
    shutil.rmtree(data)


def test_csv_keeps_every_digit_but_no_float_noise() -> None:
    from app.history.export import csv_cell

    assert [csv_cell(v) for v in (1234567.8, 123456.7, 17.370000000000005, 220.0, 0.05)] == [
        "1234567.8", "123456.7", "17.37", "220", "0.05"]
