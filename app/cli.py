"""`gantry-monitor` command line (DESIGN.md "Command line"). Exit codes: 0 ok, 2 usage, 1 failure."""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import logging
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path

from app.config import ConfigError, GantryEntry, Settings, load_settings, update_settings

log = logging.getLogger("gantry_monitor")


class Failure(Exception):
    """A failure to report as one line on stderr with exit code 1."""


class UsageError(Failure):
    """An option given wrongly: one line on stderr, exit code 2 (as argparse's own)."""


def _common(p: argparse.ArgumentParser, top: bool = False) -> None:
    # On sub-commands the defaults are suppressed so `gantry-monitor --port 1 serve` keeps 1.
    d = None if top else argparse.SUPPRESS
    p.add_argument("--data-dir", type=Path, default=d,
                   help="data folder (default: the user data folder)")
    p.add_argument("--config", type=Path, default=d,
                   help="settings file (default: the user config folder)")
    p.add_argument("--host", default=d, help="address the receiver listens on")
    p.add_argument("--port", type=_port, default=d, help="port the receiver listens on")


def _port(text: str) -> int:
    """A TCP port number; anything else is a usage error (exit 2)."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port {port} is outside 0-65535")
    return port


def settings_from_args(args: argparse.Namespace) -> Settings:
    """The settings file with the command line's overrides applied (every command and the app)."""
    settings = load_settings(args.config, named=args.config is not None)
    changes: dict[str, object] = {}
    for opt in ("host", "port"):
        if getattr(args, opt, None) is not None:
            changes[opt] = getattr(args, opt)
    if getattr(args, "data_dir", None):
        changes["data_dir"] = str(args.data_dir)
    for opt in ("auth_code", "tls_cert", "tls_key"):
        if getattr(args, opt, None):
            changes[opt] = getattr(args, opt)
    if getattr(args, "skew", None) is not None:
        changes["skew_tolerance_s"] = args.skew
    gantries = {k: v.model_dump() for k, v in settings.gantries.items()}
    for spec in getattr(args, "register", None) or []:
        gid, sep, url = spec.partition("=")
        if not sep or not gid or not url:
            raise ConfigError(f"--gantry takes ID=URL, got {spec!r}")
        gantries.setdefault(gid, GantryEntry().model_dump())["control_url"] = url
    changes["gantries"] = gantries
    return update_settings(settings, **changes)


# -- serve ---------------------------------------------------------------------------------------

def _add_serve(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="run the monitor.do receiver without a window")
    _common(p)
    p.add_argument("--auth-code", help="global auth code expected in binfile-auth")
    p.add_argument("--tls-cert", help="TLS certificate file (PEM): serve https")
    p.add_argument("--tls-key", help="TLS private key file (PEM)")
    p.add_argument("--skew", type=float, help="clock skew tolerance in seconds (0 disables)")
    p.add_argument("--gantry", action="append", metavar="ID=URL", dest="register",
                   help="register a gantry's control URL (repeatable)")
    p.set_defaults(func=_serve)


async def _serve_async(settings: Settings) -> None:
    from app.core import Core

    core = Core(settings)
    await core.start()
    # What start-up made (modules, schemas, the fleet) lives as long as the process: keep it
    # out of the cyclic collector, whose full passes over it stalled answers by 40 ms.
    gc.freeze()
    where = f"{core.receiver.scheme}://{settings.host}:{core.receiver.port}/monitor.do"
    print(f"Listening on {where}; data in {core.data_dir}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):  # Windows: Ctrl-C raises KeyboardInterrupt
            pass
    try:
        await stop.wait()
    finally:
        await core.stop()
        print("Stopped.", flush=True)


def _serve(args: argparse.Namespace) -> int:
    from app.datadir import check_data_dir
    from app.logs import setup_file_log

    settings = settings_from_args(args)
    check_data_dir(settings.resolved_data_dir())  # a network share: one sentence, exit 1
    setup_file_log(settings.resolved_data_dir())
    try:
        asyncio.run(_serve_async(settings))
    except KeyboardInterrupt:
        pass
    return 0


# -- latest --------------------------------------------------------------------------------------

def _add_latest(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("latest", help="print the stored latest state of a gantry")
    _common(p)
    p.add_argument("--gantry", required=True, help="gantry id")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=_latest)


def _latest(args: argparse.Namespace) -> int:
    from app.fleet import gantry_json, load_gantry
    from app.store import Store

    settings = settings_from_args(args)
    data_dir = settings.resolved_data_dir()
    store = Store(data_dir)
    if not store.path.exists():
        raise Failure(f"No history database in {data_dir}.")
    state = load_gantry(store, args.gantry)
    if state is None:
        raise Failure(f"No reports stored for gantry {args.gantry} in {data_dir}.")
    entry = settings.gantries.get(args.gantry)
    state.name = entry.name if entry else ""
    doc = gantry_json(state)
    if args.json:
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        _print_latest(doc)
    return 0


def _print_latest(doc: dict) -> None:
    def values(block: dict) -> str:
        reasons = block.get("no_value", {})
        parts = []
        for k, v in block.items():
            if k in ("no_value", "id"):
                continue
            parts.append(f"{k}={reasons.get(k, v)}")
        return ", ".join(parts)

    print(f"Gantry {doc['gantry_id']}  last heard {doc['last_heard']} from {doc['peer']}")
    for c in doc["computers"]:
        print(f"  computer {c['id']}: {values(c)}")
    for cab in doc["cabinets"]:
        print(f"  cabinet {cab['id']} (reported {cab['reported_at']})")
        for name, block in cab.items():
            if name in ("id", "reported_at") or block is None:
                continue
            for b in block if isinstance(block, list) else [block]:
                label = f"{name} {b['id']}" if "id" in b else name
                print(f"    {label}: {values(b)}")


# -- simulate (app.simulator) --------------------------------------------------------------------

def _add_simulate(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("simulate", help="run simulated gantries against a receiver")
    try:
        from app.simulator import cli as sim_cli
    except ImportError:
        p.set_defaults(func=lambda a: _missing("simulate"))
        return
    sim_cli.add_arguments(p)
    p.set_defaults(func=sim_cli.run)


def _missing(what: str) -> int:
    raise Failure(f"'{what}' is not available in this build.")


# -- control (app.control) -----------------------------------------------------------------------

def _add_control(sub: argparse._SubParsersAction) -> None:
    from app.control import cli as control_cli

    p = sub.add_parser("control", help="send one control command to a gantry's device")
    _common(p)
    control_cli.add_arguments(p)
    p.set_defaults(func=control_cli.run)


# -- alarms, ack (app.alarms) --------------------------------------------------------------------

def _add_alarms(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("alarms", help="list active alarms (with --all: the alarm history)")
    _common(p)
    p.add_argument("--gantry", help="only this gantry")
    p.add_argument("--all", action="store_true", help="history: closed alarms too")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=_alarms)
    p = sub.add_parser("ack", help="acknowledge an alarm")
    _common(p)
    p.add_argument("alarm_id", type=int, help="the alarm's number (see `alarms`)")
    p.add_argument("--note", default="", help="why / what is being done")
    p.add_argument("--by", help="who acknowledges (default: operator_name, else the login)")
    p.set_defaults(func=_ack)


def _alarms(args: argparse.Namespace) -> int:
    from app.alarms import cli as alarms_cli

    return alarms_cli.list_alarms(settings_from_args(args), args)


def _ack(args: argparse.Namespace) -> int:
    from app.alarms import cli as alarms_cli

    return alarms_cli.ack(settings_from_args(args), args)


# -- export (app.history) ------------------------------------------------------------------------

def _add_export(sub: argparse._SubParsersAction) -> None:
    from app.history import cli as export_cli

    p = sub.add_parser("export", help="history of metrics to CSV / XLSX")
    _common(p)
    export_cli.add_arguments(p)
    p.set_defaults(func=_export)


def _export(args: argparse.Namespace) -> int:
    from app.history import cli as export_cli

    settings = settings_from_args(args)
    try:
        return export_cli.run(args, settings.resolved_data_dir(), settings)
    except export_cli.ExportUsageError as e:
        raise UsageError(str(e)) from e
    except export_cli.ExportError as e:
        raise Failure(str(e)) from e


# -- fetch-capture (app.media) -------------------------------------------------------------------

def _add_fetch_capture(sub: argparse._SubParsersAction) -> None:
    from app.media import cli as media_cli

    p = sub.add_parser("fetch-capture", help="fetch a cabinet's door-open photo/video by hand")
    _common(p)
    media_cli.add_arguments(p)
    p.set_defaults(func=media_cli.run)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gantry-monitor", description="Supervisory application for ETC toll gantries.")
    parser.add_argument("--demo", action="store_true",
                        help="open the app with a simulated gantry and a throw-away data folder")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation offscreen (receiver, store, media) and exit")
    _common(parser, top=True)
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_serve(sub)
    _add_latest(sub)
    _add_simulate(sub)
    _add_control(sub)
    _add_alarms(sub)
    _add_export(sub)
    _add_fetch_capture(sub)
    parser.set_defaults(func=None)  # no sub-command: the desktop application
    return parser


def main(argv: list[str] | None = None,
         desktop: Callable[[argparse.Namespace], int] | None = None) -> int:
    """Run a sub-command; without one, `desktop(args)` (given by `ui.launcher`, which owns Qt)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    _console_log(args.verbose)
    from app.receiver import ReceiverError
    from app.store import StoreError

    try:
        if args.func is None:
            if desktop is None:
                raise Failure("The desktop application is not part of this installation; "
                              "use a sub-command (see --help).")
            return int(desktop(args) or 0)
        return int(args.func(args) or 0)
    except (Failure, ConfigError, ReceiverError, StoreError) as e:
        print(f"gantry-monitor: {e}", file=sys.stderr)
        return 2 if isinstance(e, UsageError) else 1
    except BrokenPipeError:  # `gantry-monitor latest | head`: the reader left, nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as e:  # a bug: the traceback goes to the log file, the user gets one line
        log.exception("unexpected error")
        where = ("the log file has the details" if _file_logging()
                 else "run again with -v for the details")
        print(f"gantry-monitor: unexpected error ({type(e).__name__}: {e}); {where}.",
              file=sys.stderr)
        return 1


def _console_log(verbose: bool) -> None:
    """stderr: warnings and errors as one line each (tracebacks only with -v or in the log file);
    everything from INFO goes to the data folder's log file once a command sets it up."""
    from app.logs import FORMAT, OneLineFormatter

    root = logging.getLogger()
    level = logging.DEBUG if verbose else logging.INFO
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    console = next((h for h in root.handlers if getattr(h, "gantry_console", False)), None)
    if console is None:  # once per process, however often main() runs (tests call it)
        console = _Stderr()
        console.gantry_console = True  # type: ignore[attr-defined]
        root.addHandler(console)
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter(FORMAT) if verbose else OneLineFormatter(FORMAT))


class _Stderr(logging.StreamHandler):
    """Writes to whatever sys.stderr is now (it is replaced under tests and by some hosts)."""

    @property  # type: ignore[override]
    def stream(self):  # noqa: ANN201
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:  # noqa: ANN001
        pass


def _file_logging() -> bool:
    return any(isinstance(h, logging.FileHandler) for h in logging.getLogger().handlers)


if __name__ == "__main__":
    sys.exit(main())
