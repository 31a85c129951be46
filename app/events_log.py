"""The event log: things that happened and are worth finding again, but are not alarms.

Doors opened and closed (and how: card, remote command, key), arming changes, gantries appearing,
going offline and coming back, control commands sent. Searchable by gantry and time.
The alarm engine records door/arming/presence events; the control client calls `record_event`.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from app.bus import EventBus
from app.store import Store

DOOR_OPENED = "door_opened"
DOOR_CLOSED = "door_closed"
ARMED = "armed"
DISARMED = "disarmed"
GANTRY_APPEARED = "gantry_appeared"
GANTRY_ONLINE = "gantry_online"
GANTRY_OFFLINE = "gantry_offline"
CONTROL_SENT = "control_sent"

# How a door was opened (PROTOCOL.md §7 `…UnlockType`).
UNLOCK_HOW = {0: "unknown", 1: "card", 2: "remote", 3: "key"}

# kind: (English, Chinese) templates over the event's params.
TEMPLATES: dict[str, tuple[str, str]] = {
    DOOR_OPENED: ("{door} opened ({how})", "{door}打开（{how}）"),
    DOOR_CLOSED: ("{door} closed", "{door}关闭"),
    ARMED: ("Door alarm armed", "门禁布防"),
    DISARMED: ("Door alarm disarmed", "门禁撤防"),
    GANTRY_APPEARED: ("Gantry reported for the first time", "门架首次上报"),
    GANTRY_ONLINE: ("Gantry back online", "门架恢复在线"),
    GANTRY_OFFLINE: ("Gantry offline (no report for {minutes} min)", "门架离线（{minutes}分钟无上报）"),
    CONTROL_SENT: ("Control command sent: {command} → {result}", "发送控制命令：{command} → {result}"),
}
WORDS: dict[str, tuple[str, str]] = {
    "front_door": ("Front door", "前门"),
    "back_door": ("Back door", "后门"),
    "card": ("card", "刷卡"),
    "remote": ("remote command", "远程开门"),
    "key": ("key", "钥匙"),
    "unknown": ("not by card, remote or key", "非刷卡/远程/钥匙"),
}


@dataclass(frozen=True)
class LoggedEvent:
    ts: float
    gantry_id: str
    kind: str
    cabinet_id: int | None = None
    device_id: int | None = None
    actor: str = ""  # card id, operator name, ...
    params: dict[str, Any] = field(default_factory=dict)
    id: int = 0


@dataclass(frozen=True)
class EventLogged:
    """Published on the bus after an event was committed."""

    event: LoggedEvent


def insert_event(conn: sqlite3.Connection, e: LoggedEvent) -> int:
    cur = conn.execute(
        "INSERT INTO event_log (ts, gantry_id, cabinet_id, device_id, kind, actor, params)"
        " VALUES (?,?,?,?,?,?,?)",
        (e.ts, e.gantry_id, e.cabinet_id, e.device_id, e.kind, e.actor,
         json.dumps(e.params, ensure_ascii=False)))
    return int(cur.lastrowid or 0)


def insert_events(conn: sqlite3.Connection, events: list[LoggedEvent]) -> list[LoggedEvent]:
    return [LoggedEvent(**{**e.__dict__, "id": insert_event(conn, e)}) for e in events]


async def record_event(store: Store, gantry_id: str, kind: str, *, cabinet_id: int | None = None,
                       device_id: int | None = None, actor: str = "",
                       params: dict[str, Any] | None = None, ts: float | None = None,
                       bus: EventBus | None = None) -> LoggedEvent:
    """Write one event (resolves after commit) and, given a bus, publish `EventLogged`.

    For control commands: `record_event(store, gid, CONTROL_SENT, cabinet_id=1, actor=operator,
    params={"command": "unlock front door", "result": "1000 成功"}, bus=bus)`."""
    e = LoggedEvent(time.time() if ts is None else ts, gantry_id, kind, cabinet_id, device_id,
                    actor, dict(params or {}))
    saved = (await store.write(lambda conn: insert_events(conn, [e])))[0]
    if bus is not None:
        bus.publish(EventLogged(saved))
    return saved


def events(db: sqlite_utils.Database, gantry_id: str | None = None, t0: float = 0,
           t1: float = 1e12, kinds: list[str] | None = None, limit: int = 5000
           ) -> list[LoggedEvent]:
    """Events in [t0, t1], newest first."""
    sql = ("SELECT id, ts, gantry_id, cabinet_id, device_id, kind, actor, params FROM event_log"
           " WHERE ts BETWEEN ? AND ?")
    args: list[Any] = [t0, t1]
    if gantry_id:
        sql += " AND gantry_id = ?"
        args.append(gantry_id)
    if kinds:
        sql += f" AND kind IN ({','.join('?' * len(kinds))})"
        args.extend(kinds)
    rows = db.execute(sql + " ORDER BY ts DESC, id DESC LIMIT ?", [*args, limit]).fetchall()
    return [LoggedEvent(ts, g, k, c, d, a, json.loads(p or "{}"), i)
            for i, ts, g, c, d, k, a, p in rows]


def event_text(e: LoggedEvent, language: str = "zh_CN") -> str:
    zh = language.startswith("zh")
    pair = TEMPLATES.get(e.kind)
    if pair is None:
        return f"{e.kind} {e.params}" if e.params else e.kind
    values = {k: (WORDS[v][1 if zh else 0] if isinstance(v, str) and v in WORDS else v)
              for k, v in e.params.items()}
    try:
        text = (pair[1] if zh else pair[0]).format(**values)
    except (KeyError, IndexError):
        text = pair[1] if zh else pair[0]
    if e.actor and e.kind == DOOR_OPENED:
        text += f" {'卡号' if zh else 'card'} {e.actor}"
    elif e.actor:
        text += f" — {e.actor}"
    return text
