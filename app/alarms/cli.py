"""`gantry-monitor alarms` and `gantry-monitor ack`: the alarm list and acknowledgement on the
data folder, with or without a running `serve` (the store is WAL; the running engine re-reads
acknowledgements on each watchdog round and never overwrites them)."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
from datetime import datetime
from typing import Any

from app.config import Settings
from app.store import Store

from . import records
from .model import Alarm, sort_key
from .texts import alarm_text, list_text, severity_text, source_text, state_text


def _open(settings: Settings) -> Store:
    from app.cli import Failure

    data_dir = settings.resolved_data_dir()
    store = Store(data_dir)
    if not store.path.exists():
        raise Failure(f"No history database in {data_dir}.")
    return store.open()  # brings an older database up to date (adds the alarm tables)


def _iso(ts: float | None) -> str | None:
    return datetime.fromtimestamp(ts).astimezone().isoformat(timespec="seconds") if ts else None


def alarm_json(a: Alarm, language: str) -> dict[str, Any]:
    return {
        "id": a.id, "gantry_id": a.key.gantry_id, "cabinet_id": a.key.cabinet_id or None,
        "device": a.key.kind, "device_id": a.key.device_id, "condition": a.key.condition,
        "source": source_text(a.key, language), "severity": a.severity.name.lower(),
        "text": alarm_text(a, language), "text_key": a.text_key, "params": a.params,
        "state": a.state.value, "raised_at": _iso(a.raised_at), "raised_value": a.raised_value,
        "raise_count": a.raise_count, "acknowledged_at": _iso(a.acked_at),
        "acknowledged_by": a.acked_by or None, "note": a.ack_note or None,
        "cleared_at": _iso(a.cleared_at), "cleared_value": a.cleared_value or None,
        "shelved_until": _iso(a.shelved_until),
    }


def list_alarms(settings: Settings, args: argparse.Namespace) -> int:
    store = _open(settings)
    try:
        if args.all:
            alarms = store.read_sync(records.alarm_history, args.gantry)
        else:
            alarms = sorted(store.read_sync(records.open_alarms, args.gantry), key=sort_key)
    finally:
        store.close()
    lang = settings.language
    if args.json:
        print(json.dumps([alarm_json(a, lang) for a in alarms], ensure_ascii=False, indent=2))
        return 0
    if not alarms:
        print(list_text("none" if args.all else "none_active", lang))
        return 0
    for a in alarms:
        d = alarm_json(a, lang)
        line = (f"#{a.id:<5} {severity_text(a.severity, lang):<8} {state_text(a, lang):<12}"
                f" {source_text(a.key, lang, with_gantry=True)}: {d['text']}"
                + list_text("raised", lang, t=d["raised_at"]))
        if a.acked_at:
            line += list_text("acked", lang, t=d["acknowledged_at"], who=a.acked_by or "")
            if a.ack_note:
                line += list_text("note", lang, note=a.ack_note)
        if a.cleared_at:
            line += list_text("cleared", lang, t=d["cleared_at"])
        print(line)
    return 0


def ack(settings: Settings, args: argparse.Namespace) -> int:
    from app.cli import Failure

    by = args.by or settings.operator_name or getpass.getuser()
    store = _open(settings)
    try:
        before = store.read_sync(records.get_alarm, args.alarm_id)
        if before is None:
            raise Failure(f"There is no alarm #{args.alarm_id} in {settings.resolved_data_dir()}.")
        if before.acked:
            raise Failure(f"Alarm #{args.alarm_id} was already acknowledged by "
                          f"{before.acked_by} at {_iso(before.acked_at)}.")
        now = datetime.now().timestamp()
        changes = asyncio.run(store.write(
            lambda conn: records.acknowledge(conn, [args.alarm_id], by, args.note, now)))
    finally:
        store.close()
    if not changes:  # acknowledged by someone else in between
        raise Failure(f"Alarm #{args.alarm_id} was acknowledged by someone else just now.")
    a = changes[0][1]
    print(f"Acknowledged alarm #{a.id} ({alarm_text(a, settings.language)}) as {by};"
          f" it is now {a.state.value}.")
    return 0
