"""Receiver throughput and answer latency, against a bare aiohttp handler in the same run.

    uv run python tests/perf/bench_receiver.py [--seconds 10] [--connections 8,32] [--breakdown]

Both servers run in their own process; this process is the load generator. It posts the spec's
example cabinetStatusUpdate (2000 signed variants: 20 gantries, analogue readings that move) over
keep-alive connections: first flat out (sustained messages/s) with each number of connections
given (a busy station has many gantries posting at once; more connections let the store put more
messages in each synced commit), then paced at 100 messages/s (p50/p99 answer latency).
Target (issue 2): our rate >= half the bare handler's, and p99 < 20 ms at 100 messages/s.

--breakdown also measures three cut-down receivers (diagnostics, never a product mode): one whose
writer thread commits and syncs but writes no rows; one that stores nothing at all (checks,
rows built, fleet and alarms, answer); and the bare handler calling only `app.protocol.parse`
(the §4 checks and field validation, then the same answer as the bare handler). They show how
much of the gap to the bare handler is the history's SQL, the hand-over to the writer, and the
checks themselves: the last is the ceiling of any receiver that validates what it acknowledges.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app.protocol import encode_body, signed_headers  # noqa: E402

EXAMPLE = ROOT / "tests" / "data" / "examples" / "cabinetStatusUpdate.json"

BARE = r"""
import sys
from aiohttp import web
async def handle(request):
    await request.read()
    return web.json_response({"code": "1000", "msg": "成功"})
app = web.Application()
app.router.add_post("/monitor.do", handle)
print("ready", flush=True)
web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), access_log=None, print=None)
"""


# Diagnostic cut-downs of `serve`, run as `python -c PRELUDE + SERVE serve ...`.
SERVE = "\nimport sys\nfrom app.cli import main\nsys.argv[0] = 'gantry-monitor'\nsys.exit(main())\n"
NO_SQL = """
import app.store as store
store.write_messages = lambda conn, items: list(range(len(items)))
"""
NO_STORE = """
import app.store as store
async def store_message(self, message, log):
    store.message_rows(message, log)
    return 0
store.Store.store_message = store_message
"""
# Not a prelude to `serve`: the bare handler above with the checks in it, and nothing else.
CHECKS_ONLY = BARE.replace("    await request.read()\n", """    body = await request.read()
    result = parse(body, request.headers, POLICY, time.time())
    assert not isinstance(result, Rejection), result
""").replace("import sys\n", """import sys, time
from app.protocol import parse, Rejection
from app.protocol.parse import ReceivePolicy
POLICY = ReceivePolicy(skew_tolerance_s=0)
""", 1)
CUT_DOWNS = (("  writes no rows", NO_SQL), ("  stores nothing", NO_STORE),
             ("  checks only", None))


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far (Linux /proc; None elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measured(url: str, seconds: float, connections: int, pid: int
             ) -> tuple[float, list[float], float | None]:
    """flat_out, with the server's CPU time per message (what a core can serve)."""
    before = cpu_seconds(pid)
    rate, latencies = asyncio.run(flat_out(url, seconds, connections))
    after = cpu_seconds(pid)
    per_msg = None if before is None or after is None or not latencies else (
        (after - before) / len(latencies))
    return rate, latencies, per_msg


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, timeout: float = 30) -> None:
    end = time.time() + timeout
    while time.time() < end:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listening on {port}")


def bodies(count: int = 2000, gantries: int = 20) -> list[tuple[bytes, dict[str, str]]]:
    """Signed variants of the spec's example: 20 gantries, analogue readings that move from
    report to report as real ones do (so no per-value cache sees the same body twice)."""
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    rnd = random.Random(7)
    cab = doc["cabinetStatus"]
    analogue = [(cab["elec"][0], ("voltage", "current", "power", "frequency", "elecConsumption")),
                (cab["rectifier"][0], ("outputVoltage", "outputCurrent", "outputPower")),
                (cab["ups"][0], ("inputVoltage", "inputCurrent", "outputVoltage", "powerRate",
                                 "temperature")),
                (cab["thermohygrometer"], ("temperature", "humidity"))]
    base = {id(block): {k: float(block[k]) for k in keys} for block, keys in analogue}
    out = []
    for i in range(count):
        doc["gantryId"] = f"G{i % gantries:019d}"
        doc["timeStamp"] = str(int(time.time()))
        for block, keys in analogue:
            for k in keys:
                block[k] = f"{base[id(block)][k] * rnd.uniform(0.97, 1.03):.2f}"
        payload = encode_body(doc)
        out.append((payload, signed_headers(payload, "123456")))
    return out


async def flat_out(url: str, seconds: float, connections: int) -> tuple[float, list[float]]:
    variants = bodies()
    latencies: list[float] = []
    end = time.perf_counter() + seconds
    conn = aiohttp.TCPConnector(limit=connections)
    async with aiohttp.ClientSession(connector=conn) as session:

        async def worker(first: int) -> None:
            i = first
            while time.perf_counter() < end:
                payload, headers = variants[i % len(variants)]
                i += connections
                t0 = time.perf_counter()
                async with session.post(url, data=payload, headers=headers) as r:
                    answer = await r.json(content_type=None)
                assert answer["code"] == "1000", answer
                latencies.append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        await asyncio.gather(*[worker(n) for n in range(connections)])
        elapsed = time.perf_counter() - t0
    return len(latencies) / elapsed, latencies


async def paced(url: str, rate: float, seconds: float) -> list[float]:
    variants = bodies()
    latencies: list[float] = []
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=16)) as session:

        async def one(payload: bytes, headers: dict[str, str]) -> None:
            t0 = time.perf_counter()
            async with session.post(url, data=payload, headers=headers) as r:
                answer = await r.json(content_type=None)
            assert answer["code"] == "1000", answer
            latencies.append(time.perf_counter() - t0)

        tasks = []
        start = time.perf_counter()
        for i in range(int(rate * seconds)):
            delay = start + i / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(one(*variants[i % len(variants)])))
        await asyncio.gather(*tasks)
    return latencies


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100)[int(p) - 1] * 1000 if len(values) > 1 else 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=10)
    ap.add_argument("--connections", default="8,32",
                    help="comma-separated: how many keep-alive connections post at once")
    ap.add_argument("--breakdown", action="store_true",
                    help="also measure receivers with the store cut down (see above)")
    args = ap.parse_args()
    counts = [int(c) for c in args.connections.split(",")]

    data = Path(tempfile.mkdtemp(prefix="gm-bench-"))
    cfg = data / "settings.toml"
    cfg.write_text("rate_per_s = 0\nskew_tolerance_s = 0\n")
    ours_port, bare_port = free_port(), free_port()
    ours = subprocess.Popen([sys.executable, "-m", "app.cli", "serve", "--host", "127.0.0.1",
                             "--port", str(ours_port), "--data-dir", str(data), "--config",
                             str(cfg)], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    bare = subprocess.Popen([sys.executable, "-c", BARE, str(bare_port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    servers = [ours, bare]
    try:
        wait_port(ours_port)
        wait_port(bare_port)
        rates: dict[tuple[str, int], tuple[float, list[float], float | None]] = {}
        paced_lat: dict[str, list[float]] = {}
        for name, port, pid in (("bare aiohttp", bare_port, bare.pid),
                                ("gantry-monitor", ours_port, ours.pid)):
            url = f"http://127.0.0.1:{port}/monitor.do"
            asyncio.run(flat_out(url, 1.0, counts[0]))  # warm-up
            for n in counts:
                rates[(name, n)] = measured(url, args.seconds, n, pid)
            # The load generator's own garbage collection must not show as answer latency.
            gc.collect()
            gc.disable()
            paced_lat[name] = asyncio.run(paced(url, 100, args.seconds))
            gc.enable()
        for name, prelude in CUT_DOWNS if args.breakdown else ():
            cut_data = Path(tempfile.mkdtemp(prefix="gm-bench-cut-"))
            port = free_port()
            command = (["-c", CHECKS_ONLY, str(port)] if prelude is None else
                       ["-c", prelude + SERVE, "serve", "--host", "127.0.0.1", "--port",
                        str(port), "--data-dir", str(cut_data), "--config", str(cfg)])
            server = subprocess.Popen([sys.executable, *command], cwd=ROOT,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            servers.append(server)
            wait_port(port)
            url = f"http://127.0.0.1:{port}/monitor.do"
            asyncio.run(flat_out(url, 1.0, counts[0]))
            for n in counts:
                rates[(name, n)] = measured(url, args.seconds, n, server.pid)
            server.terminate()
        # The server's CPU per message: with the load generator on the same machine, what
        # one core of the server can serve (1e6 / it = messages/s at 100 % of a core).
        print(f"{'server':16} {'conns':>5} {'msg/s':>8} {'p50 ms':>8} {'p99 ms':>8}"
              f" {'cpu us/msg':>11}")
        for (name, n), (rate, lat, cpu) in rates.items():
            cpu_text = f"{cpu * 1e6:11.0f}" if cpu is not None else f"{'-':>11}"
            print(f"{name:16} {n:5d} {rate:8.0f} {pct(lat, 50):8.1f} {pct(lat, 99):8.1f}"
                  f" {cpu_text}")
        print("paced at 100 msg/s:")
        for name, pl in paced_lat.items():
            print(f"{name:16} p50 {pct(pl, 50):6.2f} ms  p99 {pct(pl, 99):6.2f} ms")
        for n in counts:
            bare_rate = rates[("bare aiohttp", n)][0]
            ratio = rates[("gantry-monitor", n)][0] / bare_rate
            print(f"ratio ours/bare with {n} connections = {ratio:.2f} (target >= 0.50)")
            for name, _ in CUT_DOWNS if args.breakdown else ():
                print(f"  diagnostic: {name.strip()}, {n} connections: ratio "
                      f"{rates[(name, n)][0] / bare_rate:.2f}")
        print(f"p99 at 100 msg/s = {pct(paced_lat['gantry-monitor'], 99):.2f} ms (target < 20)")
        size = (data / "gantry-monitor.sqlite3").stat().st_size
        print(f"database after the run: {size / 1e6:.1f} MB")
    finally:
        for p in servers:
            p.terminate()
            p.wait(10)


if __name__ == "__main__":
    main()
