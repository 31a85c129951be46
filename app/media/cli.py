"""`gantry-monitor fetch-capture --gantry ID --cabinet N --time "yyyy-MM-dd HH:mm:ss.zzz"`.

Asks the device for the door-open capture at that time, keeps every file it sends for it
(photo, video) in the data folder and prints where each was stored. The address comes from
--url, the settings, or the monitoring PC's ip in the stored reports, as for `control`.
"""

from __future__ import annotations

import argparse
import asyncio

from app.protocol.values import parse_time


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gantry", required=True, help="gantry id")
    p.add_argument("--cabinet", type=int, default=1, help="cabinet number (default 1)")
    p.add_argument("--time", required=True, dest="door_time",
                   help='the door\'s change time, "yyyy-MM-dd HH:mm:ss.zzz"')
    p.add_argument("--door", default="", help="front or back (recorded with the capture)")
    p.add_argument("--url", help="the device's remotecontrol.do URL (default: from the settings "
                                 "or the monitoring PC's ip in the latest report)")
    p.add_argument("--auth-code", dest="device_auth_code",
                   help="auth code sent to the device (default: the gantry's or the global one)")
    p.add_argument("--wait", type=float, default=0.0,
                   help="keep asking this many seconds while the device answers 1009 (default 0)")
    p.add_argument("--timeout", type=float, help="read timeout in seconds (default 30)")


def run(args: argparse.Namespace) -> int:
    from app.cli import Failure, settings_from_args

    settings = settings_from_args(args)
    try:
        door_time = parse_time(args.door_time)
    except ValueError:
        door_time = None
    if door_time is None or not door_time.present:
        raise Failure(f'--time must be "yyyy-MM-dd HH:mm:ss.zzz", got {args.door_time!r}.')
    if args.cabinet < 1:
        raise Failure("--cabinet must be 1 or more.")
    if args.timeout:
        settings.media.timeout_s = args.timeout
    return asyncio.run(_fetch(args, settings, str(door_time.value), Failure))


async def _fetch(args: argparse.Namespace, settings, door_time: str, failure: type) -> int:
    from app.control.service import NoControlAddress, command_line_target
    from app.fleet import Fleet
    from app.store import Store

    from .fetcher import CaptureFetcher

    store = Store(settings.resolved_data_dir()).open()
    try:
        try:
            target = command_line_target(settings, store, args.gantry, args.url,
                                         args.device_auth_code)
        except NoControlAddress as e:
            raise failure(str(e)) from None
        fetcher = CaptureFetcher(settings, store, None, Fleet(), store.data_dir)
        try:
            report = await fetcher.fetch_event(args.gantry, args.cabinet, door_time,
                                               door=args.door, retry_s=args.wait, target=target)
        finally:
            await fetcher.stop()
    finally:
        store.close()
    if not report.captures and not report.repeats:
        raise failure(report.fetch.sentence)
    for c in report.captures:
        print(f"{c.kind} {c.size} bytes MD5 {c.md5}: {c.file(store.data_dir)}")
    for c in report.repeats:
        print(f"{c.kind} already stored: {c.file(store.data_dir)}")
    return 0
