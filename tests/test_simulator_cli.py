"""`gantry-monitor simulate` (app.simulator.cli) against the real receiver."""

from __future__ import annotations

import argparse
import asyncio

from app.simulator import cli
from app.store import queries


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    cli.add_arguments(parser)
    return parser.parse_args(list(argv))


def test_gantry_ids_are_19_characters():
    assert cli.gantry_id("G", 7) == "G000000000000000007"
    assert cli.gantry_id("G0002110010021", 12) == "G000211001002100012"


def test_bad_fault_is_a_usage_error(capsys):
    args = parse("--server", "http://127.0.0.1:9/monitor.do", "--fault", "meteor@10")
    assert cli.run(args) == 2
    assert "unknown fault 'meteor'" in capsys.readouterr().err


async def test_simulate_two_gantries_prints_posts_and_summary(core, capsys):
    args = parse("--server", core.receiver.url, "--gantries", "2", "--period", "1",
                 "--control-port", "0", "--duration", "2.5", "--seed", "3",
                 "--fault", "older-firmware", "--cabinets", "1")
    assert await asyncio.to_thread(cli.run, args) == 0
    out = capsys.readouterr().out.splitlines()
    posts = [line.split()[1:] for line in out[:-1] if "remotecontrol.do" not in line]
    assert ["G000000000000000001", "computerStatusUpdate", "1000"] in posts
    assert ["G000000000000000002", "cabinetStatusUpdate", "1000"] in posts
    assert out[-1].startswith(f"summary: 2 gantries, {len(posts)} posts; codes 1000: {len(posts)}")
    assert core.store.read_sync(queries.message_count, "G000000000000000002") >= 4
    log = core.store.read_sync(queries.comm_log, 0, 500, "G000000000000000001")
    assert any("gateMagneticSensor" in (row["legacy"] or "") for row in log)
