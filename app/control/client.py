"""httpx client for a device's `remotecontrol.do` (PROTOCOL.md §8).

The body is serialised once; exactly those bytes are signed (`binfile-md5`) and sent. An answer is
one of: success, a protocol code the device refused with, or a transport failure (refused,
timeout, TLS, an answer that is not the protocol's JSON). Only `updateNow` and cmd 10 are retried,
once, and only after a transport failure; a state-changing command is never sent twice by itself.
An identical request still in flight is not sent again: the second caller shares the first answer.
"""

from __future__ import annotations

import asyncio
import json
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import Enum

import httpx
from pydantic import ValidationError

from app.protocol import ResultCode, encode_body, signed_headers
from app.protocol.codes import MEANINGS
from app.protocol.control import (
    DEVICE_PATH,
    DEVICE_PORT,
    ControlAnswer,
    control_wire_dict,
)

from . import commands as c
from .battery import BatteryReport
from .commands import Command, ControlKind

DEFAULT_TIMEOUT_S = 5.0
MAX_ANSWER_KEPT = 4000  # characters of an odd answer kept for the audit log


class FailureKind(str, Enum):
    REFUSED = "connection refused"
    TIMEOUT = "timeout"
    TLS = "TLS failure"
    NETWORK = "network error"
    BAD_ANSWER = "bad answer"


RETRY_ON = frozenset({FailureKind.REFUSED, FailureKind.TIMEOUT, FailureKind.NETWORK})


def default_control_url(ip: str, port: int = DEVICE_PORT, scheme: str = "http") -> str:
    return f"{scheme}://{ip}:{port}{DEVICE_PATH}"


@dataclass(frozen=True)
class ControlResult:
    """What came of sending one command."""

    command: Command
    url: str
    request_body: bytes
    code: str | None = None  # the device's result code, when it answered the protocol's JSON
    message: str = ""  # the device's msg
    failure: FailureKind | None = None
    detail: str = ""  # technical detail of a transport failure
    answer_text: str = ""  # the answer as received (truncated), for the audit log
    battery: BatteryReport | None = None
    attempts: int = 1
    shared: bool = False  # an identical request was already in flight: its answer, not a resend

    @property
    def ok(self) -> bool:
        return self.failure is None and self.code == ResultCode.OK.value

    @property
    def sentence(self) -> str:
        """One clear English sentence for the operator."""
        what = self.command.describe()
        if self.ok:
            if self.battery is not None:
                return f"Battery test result: {self.battery.result_text}."
            return f"The device accepted the command to {what}."
        if self.failure is FailureKind.REFUSED:
            return f"The device at {self.url} could not be reached (connection refused)."
        if self.failure is FailureKind.TIMEOUT:
            return f"The device at {self.url} did not answer in time."
        if self.failure is FailureKind.TLS:
            return f"The secure connection to {self.url} failed: {self.detail}."
        if self.failure is FailureKind.NETWORK:
            return f"The connection to {self.url} failed: {self.detail}."
        if self.failure is FailureKind.BAD_ANSWER:
            return f"The device answered with something that is not a protocol answer: {self.detail}."
        meaning = _meaning(self.code)
        return (f"The device refused to {what}: {self.code} {self.message or ''}"
                f"{f' ({meaning})' if meaning else ''}.").replace("  ", " ")


def _meaning(code: str | None) -> str:
    try:
        return MEANINGS[ResultCode(code)]
    except ValueError:
        return ""


def make_http_client(timeout: httpx.Timeout | float = DEFAULT_TIMEOUT_S, verify_tls: bool = True
                     ) -> httpx.AsyncClient:
    """The httpx client for device requests (commands and media fetch)."""
    # trust_env=False: a workstation proxy must not carry commands meant for the LAN.
    return httpx.AsyncClient(timeout=timeout, verify=verify_tls, trust_env=False)


def classify_http_error(e: httpx.HTTPError) -> tuple[FailureKind, str]:
    """What kind of transport failure an httpx error is, with a short detail."""
    return _classify(e)


def _classify(e: httpx.HTTPError) -> tuple[FailureKind, str]:
    cause: BaseException | None = e
    while cause is not None:  # httpx wraps the ssl error a few levels down
        if isinstance(cause, ssl.SSLError):
            return FailureKind.TLS, getattr(cause, "reason", None) or str(cause)
        cause = cause.__cause__ or cause.__context__
    if isinstance(e, httpx.TimeoutException):
        return FailureKind.TIMEOUT, type(e).__name__
    if isinstance(e, httpx.ConnectError):
        return FailureKind.REFUSED, str(e) or "connection refused"
    return FailureKind.NETWORK, str(e) or type(e).__name__


def _describe_odd(text: str, status: int, content_type: str) -> str:
    t = text.lstrip().lower()
    if t.startswith("<"):
        return f"an HTML page (HTTP {status})"
    if not t:
        return f"an empty answer (HTTP {status})"
    return f"{content_type or 'unknown content'} (HTTP {status})"


def parse_answer(result: ControlResult, status: int, content_type: str, raw: bytes
                 ) -> ControlResult:
    """Turn the HTTP answer into the result's code, message and battery report."""
    text = raw.decode("utf-8", errors="replace")
    kept = text[:MAX_ANSWER_KEPT]
    try:
        doc = json.loads(text)
    except ValueError:
        doc = None
    if not isinstance(doc, dict) or "code" not in doc:
        return replace(result, failure=FailureKind.BAD_ANSWER, answer_text=kept,
                       detail=_describe_odd(text, status, content_type))
    try:
        answer = ControlAnswer.model_validate(
            {**doc, "code": str(doc["code"]), "msg": str(doc.get("msg", ""))})
    except ValidationError as e:
        where = ".".join(str(p) for p in e.errors()[0]["loc"])
        return replace(result, failure=FailureKind.BAD_ANSWER, answer_text=kept,
                       detail=f"the field {where} is not valid")
    out = replace(result, code=answer.code, message=answer.msg, answer_text=kept)
    if out.ok and result.command.kind is ControlKind.BATTERY_RESULT:
        if answer.battery_test_result is None:
            return replace(out, failure=FailureKind.BAD_ANSWER,
                           detail="the answer has no battery test result")
        out = replace(out, battery=BatteryReport.from_protocol(answer.battery_test_result))
    return out


@dataclass
class ControlClient:
    """Sends commands to one device. Share one instance per device to get the in-flight rule."""

    url: str
    gantry_id: str
    auth_code: str
    timeout_s: float = DEFAULT_TIMEOUT_S
    http: httpx.AsyncClient | None = None
    verify_tls: bool = True
    clock: Callable[[], float] = time.time
    _in_flight: dict[bytes, asyncio.Future[ControlResult]] = field(default_factory=dict, repr=False)
    _own_http: bool = field(default=False, repr=False)

    async def __aenter__(self) -> ControlClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self._own_http and self.http is not None:
            await self.http.aclose()
            self.http = None

    def _client(self) -> httpx.AsyncClient:
        if self.http is None:
            self.http = make_http_client(httpx.Timeout(self.timeout_s), self.verify_tls)
            self._own_http = True
        return self.http

    def pending(self, command: Command) -> bool:
        return self._key(command) in self._in_flight

    def _key(self, command: Command) -> bytes:
        wire = control_wire_dict(command.to_request(self.gantry_id, 0))
        return self.url.encode() + b"\0" + encode_body(wire)

    async def send(self, command: Command) -> ControlResult:
        key = self._key(command)
        running = self._in_flight.get(key)
        if running is not None:
            return replace(await asyncio.shield(running), shared=True)
        fut: asyncio.Future[ControlResult] = asyncio.get_running_loop().create_future()
        self._in_flight[key] = fut
        try:
            result = await self._exchange(command)
            fut.set_result(result)
            return result
        except BaseException as e:
            fut.set_exception(e)
            fut.exception()  # retrieved: no "never retrieved" warning when nobody shares it
            raise
        finally:
            del self._in_flight[key]

    async def _exchange(self, command: Command) -> ControlResult:
        request = command.to_request(self.gantry_id, self.clock())
        body = encode_body(control_wire_dict(request))  # once: these bytes are signed and sent
        headers = signed_headers(body, self.auth_code)
        attempts = 2 if command.retryable else 1
        result = ControlResult(command, self.url, body)
        for attempt in range(1, attempts + 1):
            result = await self._post_once(command, body, headers)
            result = replace(result, attempts=attempt)
            if result.failure not in RETRY_ON:
                break
        return result

    async def _post_once(self, command: Command, body: bytes, headers: dict[str, str]
                         ) -> ControlResult:
        base = ControlResult(command, self.url, body)
        try:
            r = await self._client().post(self.url, content=body, headers=headers,
                                          timeout=httpx.Timeout(self.timeout_s))
            raw = await r.aread()
        except httpx.HTTPError as e:
            kind, detail = _classify(e)
            return replace(base, failure=kind, detail=detail)
        return parse_answer(base, r.status_code, r.headers.get("content-type", ""), raw)

    # -- one typed call per command (§8.1, §8.2) -------------------------------------------------
    async def update_now(self, cabinet_id: int | None = None, computer: bool = False
                         ) -> ControlResult:
        return await self.send(c.update_now(cabinet_id, computer))

    async def set_server(self, address: str, computer: bool = False) -> ControlResult:
        return await self.send(c.set_server(address, computer))

    async def set_frequency(self, seconds: int, computer: bool = False) -> ControlResult:
        return await self.send(c.set_frequency(seconds, computer))

    async def reboot(self, relay_ip: str, relay_port: int) -> ControlResult:
        return await self.send(c.reboot(relay_ip, relay_port))

    async def unlock_door(self, cabinet_id: int, door: str | int) -> ControlResult:
        return await self.send(c.unlock_door(cabinet_id, door))

    async def air_on_off(self, cabinet_id: int, air_id: int, run: bool) -> ControlResult:
        return await self.send(c.air_on_off(cabinet_id, air_id, run))

    async def air_set_points(self, cabinet_id: int, air_id: int, cooling_c: float,
                             heating_c: float) -> ControlResult:
        return await self.send(c.air_set_points(cabinet_id, air_id, cooling_c, heating_c))

    async def power_mode(self, mode: int) -> ControlResult:
        return await self.send(c.power_mode(mode))

    async def arm_doors(self, armed: bool) -> ControlResult:
        return await self.send(c.arm_doors(armed))

    async def card_whitelist(self, cards: list[c.CardEntry]) -> ControlResult:
        return await self.send(c.card_whitelist(cards))

    async def rectifiers(self, cabinet_id: int, on: bool) -> ControlResult:
        return await self.send(c.rectifiers(cabinet_id, on))

    async def battery_test(self, cabinet_id: int, start: bool) -> ControlResult:
        return await self.send(c.battery_test(cabinet_id, start))

    async def battery_result(self, cabinet_id: int) -> ControlResult:
        return await self.send(c.battery_result(cabinet_id))
