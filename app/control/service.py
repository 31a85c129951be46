"""Running a command end to end: address, send, audit, confirm by report.

Stages: pending -> sent -> accepted by device | failed -> confirmed by report | not confirmed.
Each stage change is published on the bus (`ControlProgress`) and passed to an optional callback,
so the UI shows it without polling. A second identical request while one is in flight is not sent
again: the caller gets the running one's outcome.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum

import httpx

from app.bus import EventBus
from app.config import Settings
from app.fleet import Fleet
from app.store import Store

from . import audit
from .client import DEFAULT_TIMEOUT_S, ControlClient, ControlResult, default_control_url
from .commands import Command, update_now
from .confirm import ReportWatcher, expectation

log = logging.getLogger(__name__)

DEFAULT_CONFIRM_S = 60.0


class Stage(str, Enum):
    PENDING = "pending"
    SENT = "sent"
    ACCEPTED = "accepted by device"
    CONFIRMED = "confirmed by report"
    NOT_CONFIRMED = "not confirmed"
    FAILED = "failed"

    @property
    def final(self) -> bool:
        return self not in (Stage.PENDING, Stage.SENT)


class NoControlAddress(Exception):
    """No address is known for the gantry's remotecontrol.do; the message is one sentence."""


@dataclass(frozen=True)
class ControlTarget:
    url: str
    auth_code: str


@dataclass(frozen=True)
class ControlOutcome:
    gantry_id: str
    command: Command
    stage: Stage
    sentence: str  # English, for the CLI and the audit log
    result: ControlResult | None = None
    audit_id: int | None = None
    confirmable: bool = False  # a report field can show the effect


@dataclass(frozen=True)
class ControlProgress:
    """Bus event: a command changed stage."""

    outcome: ControlOutcome


def control_target(settings: Settings, fleet: Fleet | None, gantry_id: str) -> ControlTarget:
    """Operator-configured URL, else the monitoring PC's ip (PROTOCOL.md §6 decision)."""
    entry = settings.gantries.get(gantry_id)
    auth = (entry.device_auth_code if entry and entry.device_auth_code else settings.auth_code)
    if entry and entry.control_url:
        return ControlTarget(entry.control_url, auth)
    state = fleet.gantries.get(gantry_id) if fleet else None
    ip = state.monitor_ip() if state else None
    if not ip:
        raise NoControlAddress(
            f"No control address is known for gantry {gantry_id}: set one in its settings or "
            "wait for a computer status report from its monitoring PC.")
    return ControlTarget(default_control_url(ip), auth)


def command_line_target(settings: Settings, store: Store | None, gantry_id: str,
                        url: str | None, auth_code: str | None) -> ControlTarget:
    """The device address for a one-off command line call: `--url`/`--auth-code` win, then
    the settings, then the monitoring PC's ip from the stored latest state."""
    from app.fleet import load_gantry

    fleet = Fleet()
    if store is not None and not url:
        state = load_gantry(store, gantry_id)
        if state is not None:
            fleet.gantries[gantry_id] = state
    try:
        target = control_target(settings, fleet, gantry_id)
    except NoControlAddress:
        if not url:
            raise
        target = ControlTarget(url, settings.auth_code)
    return ControlTarget(url or target.url, auth_code or target.auth_code)


class ControlService:
    def __init__(self, settings: Settings, store: Store | None = None, bus: EventBus | None = None,
                 fleet: Fleet | None = None, *, timeout_s: float = DEFAULT_TIMEOUT_S,
                 confirm_timeout_s: float = DEFAULT_CONFIRM_S,
                 http: httpx.AsyncClient | None = None) -> None:
        self.settings, self.store, self.bus, self.fleet = settings, store, bus, fleet
        self.timeout_s = timeout_s
        self.confirm_timeout_s = confirm_timeout_s
        self._http = http
        self._clients: dict[tuple[str, str, str], ControlClient] = {}
        self._running: dict[tuple[str, str, bytes], asyncio.Task[ControlOutcome]] = {}

    async def aclose(self) -> None:
        for t in list(self._running.values()):
            t.cancel()
        for client in self._clients.values():
            await client.aclose()
        self._clients.clear()

    def target(self, gantry_id: str) -> ControlTarget:
        return control_target(self.settings, self.fleet, gantry_id)

    def client(self, gantry_id: str, target: ControlTarget) -> ControlClient:
        key = (gantry_id, target.url, target.auth_code)
        if key not in self._clients:
            self._clients[key] = ControlClient(target.url, gantry_id, target.auth_code,
                                               timeout_s=self.timeout_s, http=self._http)
        return self._clients[key]

    def _run_key(self, gantry_id: str, target: ControlTarget, command: Command
                 ) -> tuple[str, str, bytes]:
        return (gantry_id, target.url, repr(command).encode())

    def is_pending(self, gantry_id: str, command: Command) -> bool:
        try:
            target = self.target(gantry_id)
        except NoControlAddress:
            return False
        return self._run_key(gantry_id, target, command) in self._running

    async def execute(self, gantry_id: str, command: Command, *,
                      target: ControlTarget | None = None, confirm: bool = True,
                      on_stage: Callable[[ControlOutcome], None] | None = None) -> ControlOutcome:
        """Send one command; raises NoControlAddress before sending when there is no address."""
        target = target or self.target(gantry_id)
        key = self._run_key(gantry_id, target, command)
        running = self._running.get(key)
        if running is not None:  # the same request is pending: wait for it, do not resend
            return await asyncio.shield(running)
        task = asyncio.ensure_future(self._execute(gantry_id, command, target, confirm, on_stage))
        self._running[key] = task
        try:
            return await asyncio.shield(task)
        finally:
            if task.done():
                self._running.pop(key, None)
            else:  # the caller was cancelled; let the command finish and audit itself
                task.add_done_callback(lambda _t: self._running.pop(key, None))

    def _emit(self, outcome: ControlOutcome, on_stage: Callable[[ControlOutcome], None] | None
              ) -> None:
        if on_stage is not None:
            try:
                on_stage(outcome)
            except Exception:
                log.exception("control stage callback failed")
        if self.bus is not None:
            self.bus.publish(ControlProgress(outcome))

    async def _execute(self, gantry_id: str, command: Command, target: ControlTarget,
                       confirm: bool, on_stage: Callable[[ControlOutcome], None] | None
                       ) -> ControlOutcome:
        check = expectation(command) if command.changes_state else None
        outcome = ControlOutcome(gantry_id, command, Stage.SENT,
                                 f"Sent: {command.describe()}.", confirmable=check is not None)
        self._emit(outcome, on_stage)
        client = self.client(gantry_id, target)
        # Subscribe before the device can post its change (a door opening posts at once).
        watcher = (ReportWatcher(self.bus, gantry_id, command.cabinet_id, check)
                   if confirm and check is not None and self.bus is not None else None)
        try:
            result = await client.send(command)
            stage = Stage.ACCEPTED if result.ok else Stage.FAILED
            outcome = replace(outcome, stage=stage, sentence=result.sentence, result=result)
            outcome = replace(outcome, audit_id=await self._audit(gantry_id, outcome))
            self._emit(outcome, on_stage)
            if watcher is None or not result.ok:
                return outcome
            # Ask for a report now; the evidence is whatever arrives next.
            await client.send(update_now(command.cabinet_id))
            seen = await watcher.wait(self.confirm_timeout_s)
            if seen:
                outcome = replace(outcome, stage=Stage.CONFIRMED, sentence=(
                    f"Confirmed: a new report shows the effect of the command to "
                    f"{command.describe()}."))
            else:
                outcome = replace(outcome, stage=Stage.NOT_CONFIRMED, sentence=(
                    f"Not confirmed: the device accepted the command to {command.describe()}, "
                    f"but no report within {self.confirm_timeout_s:g} s shows its effect."))
            await self._finish_audit(outcome)
            self._emit(outcome, on_stage)
            return outcome
        finally:
            if watcher is not None:
                watcher.close()

    async def _audit(self, gantry_id: str, outcome: ControlOutcome) -> int | None:
        if self.store is None or outcome.result is None:
            return None
        r = outcome.result
        entry = audit.AuditEntry(
            ts=time.time(), operator=audit.operator_name(self.settings.operator_name),
            gantry_id=gantry_id, cabinet_id=outcome.command.cabinet_id,
            command=outcome.command.kind.value + (" (computers)" if outcome.command.computer
                                                  else ""),
            action=outcome.command.describe(), url=r.url,
            request_body=r.request_body.decode("utf-8"), answer_code=r.code,
            answer=r.answer_text or (f"{r.failure.value}: {r.detail}" if r.failure else ""),
            outcome=outcome.stage.value, sentence=outcome.sentence)
        try:
            return await audit.record(self.store, entry)
        except Exception:  # the command went out: a log failure must not hide its answer
            log.exception("could not write the control audit entry")
            return None

    async def _finish_audit(self, outcome: ControlOutcome) -> None:
        if self.store is None or outcome.audit_id is None:
            return
        try:
            await audit.finish(self.store, outcome.audit_id, outcome.stage.value, outcome.sentence)
        except Exception:
            log.exception("could not complete the control audit entry")
