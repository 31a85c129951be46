"""`gantry-monitor simulate`: run simulated gantries against a monitor.do receiver until Ctrl-C.

Prints one line per post (gantry, method, answer code) and a summary of the codes on exit.
Gantry i (from 1) gets the id `<prefix><i zero-padded to 19 characters>` and serves
remotecontrol.do on control port + i - 1.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
import sys
import time
from collections import Counter

import httpx

from app.protocol.control import DEVICE_PORT

from .faults import FAULTS, SCENARIOS, schedule_fault
from .gantry import SimulatedGantry
from .model import GantryConfig

ID_LENGTH = 19  # the spec's example ids are 19 characters (max 20)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--server", required=True,
                        help="monitor.do URL to post to, e.g. http://127.0.0.1:8080/monitor.do")
    parser.add_argument("--gantries", type=int, default=1, help="how many gantries (default 1)")
    parser.add_argument("--period", type=float, default=600.0,
                        help="seconds between periodic posts (default 600)")
    parser.add_argument("--control-port", type=int, default=DEVICE_PORT,
                        help=f"first remotecontrol.do port (default {DEVICE_PORT}); 0 = free ports")
    parser.add_argument("--control-host", default="127.0.0.1",
                        help="address remotecontrol.do listens on (default 127.0.0.1)")
    parser.add_argument("--scenario", choices=sorted(SCENARIOS), default="quiet",
                        help="scripted behaviour: " + "; ".join(
                            f"{k}: {v[0]}" for k, v in sorted(SCENARIOS.items())))
    parser.add_argument("--fault", action="append", default=[], metavar="NAME[@SECONDS]",
                        help="inject a fault (at a time after start); repeatable. Known: "
                             + ", ".join(FAULTS))
    parser.add_argument("--auth-code", default="123456", help="binfile-auth code (default 123456)")
    parser.add_argument("--gantry-id-prefix", default="G",
                        help="gantry ids are this prefix followed by a zero-padded number")
    parser.add_argument("--cabinets", type=int, choices=(1, 2), default=2)
    parser.add_argument("--computers", type=int, choices=(1, 2, 3), default=3)
    parser.add_argument("--seed", type=int, default=None, help="random seed (repeatable runs)")
    parser.add_argument("--duration", type=float, default=None,
                        help="stop after this many seconds (default: run until Ctrl-C)")
    parser.add_argument("--quiet", action="store_true", help="print only the summary")


def gantry_id(prefix: str, index: int) -> str:
    return prefix + str(index).zfill(max(1, ID_LENGTH - len(prefix)))


def _faults(specs: list[str]) -> list[tuple[str, float]]:
    out = []
    for spec in specs:
        name, _, at = spec.partition("@")
        if name not in FAULTS:
            raise ValueError(f"unknown fault {name!r}; known: {', '.join(FAULTS)}")
        try:
            out.append((name, float(at) if at else 0.0))
        except ValueError:
            raise ValueError(f"--fault {spec!r}: the time after @ is not a number") from None
    return out


def run(args: argparse.Namespace) -> int:
    try:
        faults = _faults(args.fault)
        if not 1 <= args.gantries <= 1000:
            raise ValueError("--gantries must be 1 to 1000")
        if args.period <= 0:
            raise ValueError("--period must be positive")
        if len(args.gantry_id_prefix) > 19:
            raise ValueError("--gantry-id-prefix is too long for a 20-character gantry id")
    except ValueError as e:
        print(f"gantry-monitor simulate: {e}", file=sys.stderr)
        return 2
    # One line per post is printed here; httpx's own request log would double it.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    try:
        return asyncio.run(_simulate(args, faults))
    except OSError as e:
        print(f"gantry-monitor simulate: cannot start: {e}", file=sys.stderr)
        return 1


async def _simulate(args: argparse.Namespace, faults: list[tuple[str, float]]) -> int:
    def on_post(gid: str, method: str, code: str) -> None:
        if not args.quiet:
            print(f"{time.strftime('%H:%M:%S')} {gid} {method} {code}", flush=True)

    limits = httpx.Limits(max_connections=max(10, args.gantries * 2),
                          max_keepalive_connections=max(10, args.gantries * 2))
    async with httpx.AsyncClient(timeout=10.0, limits=limits, trust_env=False) as client:
        gantries = []
        for i in range(1, args.gantries + 1):
            port = 0 if args.control_port == 0 else args.control_port + i - 1
            seed = None if args.seed is None else args.seed + i
            config = GantryConfig(gantry_id=gantry_id(args.gantry_id_prefix, i),
                                  cabinets=args.cabinets, computers=args.computers,
                                  period_s=args.period, server_url=args.server,
                                  auth_code=args.auth_code, seed=seed)
            g = SimulatedGantry(config, client=client, host=args.control_host, control_port=port,
                                scenario=args.scenario, on_post=on_post)
            for name, at in faults:
                schedule_fault(g.model, at, name)
            gantries.append(g)
        try:
            for g in gantries:
                await g.start()
                if not args.quiet:
                    print(f"{g.gantry_id} remotecontrol.do at {g.control_url}", flush=True)
            await _run_until_stopped(gantries, args.duration)
        finally:
            for g in gantries:
                await g.stop()
    _summary(gantries)
    return 0


async def _run_until_stopped(gantries: list[SimulatedGantry], duration: float | None) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):  # Windows: no handlers
            loop.add_signal_handler(sig, stop.set)
    tasks = [asyncio.create_task(g.run()) for g in gantries]
    try:
        if duration is None:
            await stop.wait()
        else:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), duration)
    except (KeyboardInterrupt, asyncio.CancelledError):
        pass
    finally:
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def _summary(gantries: list[SimulatedGantry]) -> None:
    total: Counter[str] = Counter()
    for g in gantries:
        total.update(g.stats.counts)
    codes = ", ".join(f"{code}: {n}" for code, n in sorted(total.items())) or "none"
    print(f"summary: {len(gantries)} gantries, {sum(total.values())} posts; codes {codes}",
          flush=True)
