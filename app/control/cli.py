"""`gantry-monitor control --gantry ID [--url URL] [--auth-code C] <command> [options]`.

Prints the device's answer and one sentence; exits 1 with one line on stderr on failure. Without
--url the address comes from the settings or the data folder's latest computer report. The audit
entry is written when a data folder is available. There is no receiver here, so nothing can be
confirmed by report: the best outcome is "accepted by device".
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from . import commands as c
from .audit import audit_entries, export_audit_csv
from .cards import read_cards_csv
from .client import DEFAULT_TIMEOUT_S
from .commands import Command, InvalidCommand


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gantry", help="gantry id (required for every command but audit)")
    p.add_argument("--url", help="the device's remotecontrol.do URL (default: from the settings "
                                 "or the monitoring PC's ip in the latest report)")
    p.add_argument("--auth-code", dest="device_auth_code",
                   help="auth code sent to the device (default: the gantry's or the global one)")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S,
                   help="connect + read timeout in seconds (default 5)")
    sub = p.add_subparsers(dest="control_command", metavar="ACTION", required=True)

    def cabinet(q: argparse.ArgumentParser, required: bool = True) -> None:
        q.add_argument("--cabinet", type=int, required=required, default=None if required else 1,
                       help="cabinet number (1 or 2)")

    def on_off(q: argparse.ArgumentParser) -> None:
        g = q.add_mutually_exclusive_group(required=True)
        g.add_argument("--on", dest="on", action="store_true")
        g.add_argument("--off", dest="on", action="store_false")

    q = sub.add_parser("unlock-door", help="unlock a cabinet door (cmd 2)")
    cabinet(q)
    q.add_argument("--door", choices=["front", "back"], required=True)
    q = sub.add_parser("air", help="air conditioner run/standby (cmd 3)")
    cabinet(q)
    q.add_argument("--air", type=int, default=0, help="0 all (default), 1 or 2")
    on_off(q)
    q = sub.add_parser("air-setpoints", help="air conditioner set-points (cmd 4)")
    cabinet(q)
    q.add_argument("--air", type=int, default=0, help="0 all (default), 1 or 2")
    q.add_argument("--cooling", type=float, required=True, help="°C at which cooling starts")
    q.add_argument("--heating", type=float, required=True, help="°C at which heating starts")
    q = sub.add_parser("power-mode", help="power saving mode 0-3 (cmd 5)")
    q.add_argument("mode", type=int, choices=[0, 1, 2, 3])
    sub.add_parser("arm", help="arm the door alarm (cmd 6)")
    sub.add_parser("disarm", help="disarm the door alarm (cmd 6)")
    q = sub.add_parser("whitelist", help="push the access-card whitelist from a CSV (cmd 7)")
    q.add_argument("file", type=Path, help="CSV: card_id,expire_date (yyyy-mm-dd)")
    q = sub.add_parser("rectifiers", help="rectifier modules on/off (cmd 8)")
    cabinet(q)
    on_off(q)
    q = sub.add_parser("battery-test", help="start or stop the battery test (cmd 9)")
    q.add_argument("action", choices=["start", "stop"])
    cabinet(q, required=False)
    q = sub.add_parser("battery-result", help="read the battery test result (cmd 10)")
    cabinet(q, required=False)
    q = sub.add_parser("reboot", help="reboot through the relay (cmd 1)")
    q.add_argument("--ip", required=True, help="the relay's IP address")
    q.add_argument("--port", dest="relay_port", type=int, required=True, help="the relay's port")
    q = sub.add_parser("update-now", help="ask for a status report now")
    q.add_argument("--cabinet", type=int, help="only this cabinet")
    q.add_argument("--computer", action="store_true", help="the industrial PCs (computerControl)")
    q = sub.add_parser("set-server", help="set where the device reports to")
    q.add_argument("address", help="e.g. 192.168.1.10:8080/monitor.do")
    q.add_argument("--computer", action="store_true", help="the industrial PCs (computerControl)")
    q = sub.add_parser("set-frequency", help="set the reporting period in seconds")
    q.add_argument("seconds", type=int)
    q.add_argument("--computer", action="store_true", help="the industrial PCs (computerControl)")
    q = sub.add_parser("audit", help="print or export the control audit log")
    q.add_argument("--csv", type=Path, help="write the entries to this CSV file")
    q.add_argument("--limit", type=int, default=50, help="newest N entries (0: all)")


def build_command(args: argparse.Namespace) -> Command:
    a = args.control_command
    if a == "unlock-door":
        return c.unlock_door(args.cabinet, args.door)
    if a == "air":
        return c.air_on_off(args.cabinet, args.air, args.on)
    if a == "air-setpoints":
        return c.air_set_points(args.cabinet, args.air, args.cooling, args.heating)
    if a == "power-mode":
        return c.power_mode(args.mode)
    if a in ("arm", "disarm"):
        return c.arm_doors(a == "arm")
    if a == "whitelist":
        return c.card_whitelist(read_cards_csv(args.file))
    if a == "rectifiers":
        return c.rectifiers(args.cabinet, args.on)
    if a == "battery-test":
        return c.battery_test(args.cabinet, args.action == "start")
    if a == "battery-result":
        return c.battery_result(args.cabinet)
    if a == "reboot":
        return c.reboot(args.ip, args.relay_port)
    if a == "update-now":
        return c.update_now(args.cabinet, args.computer)
    if a == "set-server":
        return c.set_server(args.address, args.computer)
    if a == "set-frequency":
        return c.set_frequency(args.seconds, args.computer)
    raise AssertionError(a)


def run(args: argparse.Namespace) -> int:
    from app.cli import Failure, settings_from_args

    settings = settings_from_args(args)
    if args.control_command == "audit":
        return _audit(args, settings.resolved_data_dir(), Failure)
    if not args.gantry:
        raise Failure("control needs --gantry ID.")
    try:
        command = build_command(args)
    except InvalidCommand as e:
        raise Failure(str(e)) from None
    return asyncio.run(_send(args, settings, command, Failure))


async def _send(args: argparse.Namespace, settings, command: Command, failure: type) -> int:
    from app.store import Store

    from .service import ControlService, NoControlAddress, Stage, command_line_target

    data_dir = settings.resolved_data_dir()
    explicit_dir = getattr(args, "data_dir", None) is not None
    store = Store(data_dir) if (explicit_dir or data_dir.is_dir()) else None
    if store is not None:
        store.open()
    try:
        try:
            target = command_line_target(settings, store, args.gantry, args.url,
                                         args.device_auth_code)
        except NoControlAddress as e:
            raise failure(str(e)) from None
        service = ControlService(settings, store, None, None, timeout_s=args.timeout)
        try:
            out = await service.execute(args.gantry, command, target=target, confirm=False)
        finally:
            await service.aclose()
    finally:
        if store is not None:
            store.close()
    r = out.result
    if r is not None and r.answer_text and r.failure is None:
        print(r.answer_text)
    if r is not None and r.battery is not None:
        for line in r.battery.lines():
            print(f"  {line}")
    if out.stage is Stage.FAILED:
        raise failure(out.sentence)
    print(out.sentence)
    return 0


def _audit(args: argparse.Namespace, data_dir: Path, failure: type) -> int:
    from app.store import Store

    store = Store(data_dir)
    if not store.path.exists():
        raise failure(f"No history database in {data_dir}.")
    store.open()
    try:
        rows = store.read_sync(audit_entries, args.gantry, None, None, args.limit or None)
    finally:
        store.close()
    if args.csv:
        try:
            export_audit_csv(rows, args.csv)
        except OSError as e:
            raise failure(f"Cannot write {args.csv}: {e}.") from None
        print(f"{len(rows)} audit entries written to {args.csv}.")
        return 0
    import time
    for r in rows:
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(r["ts"]))
        cab = f" cabinet {r['cabinet_id']}" if r["cabinet_id"] else ""
        print(f"{when}  {r['operator']}  {r['gantry_id']}{cab}  {r['action']}  "
              f"[{r['outcome']}]  {r['answer_code'] or '-'}")
    return 0
