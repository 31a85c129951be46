"""The embedded HTTP receiver for `POST /monitor.do` (PROTOCOL.md §4).

checks (app.protocol.parse) -> store (awaits the commit) -> publish -> answer. Every request,
accepted or rejected, goes to the communication log with its code and reason.
"""

from __future__ import annotations

import asyncio
import errno
import functools
import json
import logging
import ssl
import time
from collections import Counter
from collections.abc import Callable

from aiohttp import web

from app.bus import EventBus
from app.config import Settings
from app.events import MessageStored, ReceiverState, RequestRejected
from app.protocol import (
    RateLimiter,
    Rejection,
    ResultCode,
    md5_hex,
    parse,
    response_body,
)
from app.protocol.signing import MD5_HEADER
from app.store import DiskWriteFailed, LogEntry, Store

log = logging.getLogger(__name__)
PATH = "/monitor.do"
SHUTDOWN_S = 1.5  # requests still in flight at stop get this long (aiohttp's default: 60 s)


class ReceiverError(Exception):
    """The receiver cannot start; the message is one sentence for the user.

    `problem` names the kind of trouble and `params` its details, so that the window can say
    it in the operator's language: port_in_use (port, where), no_permission (where),
    cannot_listen (where, detail), tls_no_key, tls_cannot_load (cert, detail)."""

    def __init__(self, message: str, problem: str = "", **params: str):
        super().__init__(message)
        self.problem = problem
        self.params = params


@functools.cache
def _answer_bytes(code: ResultCode, detail: str | None) -> tuple[bytes, str]:
    body = json.dumps(response_body(code, detail), ensure_ascii=False).encode("utf-8")
    return body, md5_hex(body)


def _answer(code: ResultCode, detail: str | None = None) -> web.Response:
    # Details name the caller's field paths: don't let them fill the cache of fixed answers.
    body, md5 = _answer_bytes(code, None) if detail is None else _answer_bytes.__wrapped__(
        code, detail)
    return web.Response(body=body, content_type="application/json", charset="utf-8",
                        headers={MD5_HEADER: md5})


class Receiver:
    def __init__(self, settings: Settings, store: Store, bus: EventBus,
                 clock: Callable[[], float] = time.time):
        self.settings = settings
        self.store = store
        self.bus = bus
        self.clock = clock
        self.policy = settings.receive_policy()
        self.rate = RateLimiter(settings.rate_per_s, settings.rate_burst)
        self.answers: Counter[str] = Counter()  # answers given since start, by code
        self._runner: web.AppRunner | None = None
        self.port: int | None = None
        self._disk_failed = False  # the store can write nothing more (store/syncer.py)

    @property
    def scheme(self) -> str:
        return "https" if self.settings.tls_cert else "http"

    @property
    def url(self) -> str:
        host = self.settings.host if self.settings.host not in ("0.0.0.0", "::", "") else "127.0.0.1"
        return f"{self.scheme}://{host}:{self.port}{PATH}"

    def _ssl_context(self) -> ssl.SSLContext | None:
        s = self.settings
        if not s.tls_cert:
            return None
        if not s.tls_key:
            raise ReceiverError("A TLS certificate is set but no key file: set tls_key too.",
                                "tls_no_key")
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        try:
            ctx.load_cert_chain(s.tls_cert, s.tls_key)
        except (OSError, ssl.SSLError) as e:
            raise ReceiverError(f"Cannot load the TLS certificate/key ({s.tls_cert}): {e}",
                                "tls_cannot_load", cert=str(s.tls_cert), detail=str(e)) from e
        return ctx

    async def start(self) -> str:
        """Listen; returns the URL devices should post to. Raises ReceiverError."""
        ctx = self._ssl_context()
        app = web.Application(client_max_size=self.policy.max_body_bytes)
        app.router.add_post(PATH, self._handle)
        # Bodies stay as sent: the MD5 may be over the compressed bytes (PROTOCOL.md §2).
        runner = web.AppRunner(app, access_log=None, auto_decompress=False,
                               handle_signals=False, shutdown_timeout=SHUTDOWN_S)
        await runner.setup()
        site = web.TCPSite(runner, self.settings.host, self.settings.port, ssl_context=ctx,
                           reuse_address=True)
        try:
            await site.start()
        except OSError as e:
            await runner.cleanup()
            where = f"{self.settings.host}:{self.settings.port}"
            port = str(self.settings.port)
            if e.errno == errno.EADDRINUSE:
                msg = f"Port {port} is already in use by another program ({where})."
                error = ReceiverError(msg, "port_in_use", port=port, where=where)
            elif e.errno == errno.EACCES:
                msg = f"No permission to listen on {where}; choose a port above 1024."
                error = ReceiverError(msg, "no_permission", where=where)
            else:
                detail = str(e.strerror or e)
                msg = f"Cannot listen on {where}: {detail}."
                error = ReceiverError(msg, "cannot_listen", where=where, detail=detail)
            self.bus.publish(ReceiverState(False, where, msg, error.problem,
                                           tuple(error.params.items())))
            raise error from e
        self._runner = runner
        self.port = runner.addresses[0][1]
        self.bus.publish(ReceiverState(True, self.url))
        log.info("receiver listening on %s", self.url)
        return self.url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
            self.bus.publish(ReceiverState(False, self.url, "stopped", "stopped"))

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        now = self.clock()
        peer = request.remote or ""
        limit = self.policy.max_body_bytes
        if request.content_length is not None and request.content_length > limit:
            return await self._too_large(peer, now, request.content_length)
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            return await self._too_large(peer, now, None)
        try:
            result = parse(body, request.headers, self.policy, now, self.rate)
        except Exception:
            log.exception("unexpected error checking a request from %s", peer)
            result = Rejection(ResultCode.SYSTEM_ERROR, "unexpected error checking the request")
        if isinstance(result, Rejection):
            return await self._reject(result, peer, now, body)
        entry = LogEntry(now, peer, result.gantry_id, result.method, ResultCode.OK.value,
                         "accepted", body, ",".join(result.legacy))
        try:
            message_id = await self.store.store_message(result.message, entry)
        except Exception as e:
            if isinstance(e, DiskWriteFailed):  # nothing is stored from now on: say so once
                if not self._disk_failed:
                    self._disk_failed = True
                    self.bus.publish(ReceiverState(False, self.url, str(e.strerror),
                                                   "disk_failed", (("detail", str(e.strerror)),)))
            else:
                log.exception("storing a message from %s failed", result.gantry_id)
            failure = Rejection(ResultCode.SYSTEM_ERROR, f"storage failed: {e}",
                                result.gantry_id, result.method)
            return await self._reject(failure, peer, now, body)
        self.answers[ResultCode.OK.value] += 1
        # Subscribers (fleet, alarms, UI) run right after the answer is on its way, not before it.
        asyncio.get_running_loop().call_soon(
            self.bus.publish, MessageStored(result.message, now, peer, message_id))
        return _answer(ResultCode.OK)

    async def _reject(self, r: Rejection, peer: str, now: float, body: bytes) -> web.Response:
        self.answers[r.code.value] += 1
        log.warning("rejected %s from %s (gantry %s, method %s): %s", r.code.value, peer,
                    r.gantry_id, r.method, r.reason)
        try:
            await self.store.log_request(
                LogEntry(now, peer, r.gantry_id, r.method, r.code.value, r.reason, body))
        except Exception:
            log.exception("could not write the communication log")
        self.bus.publish(RequestRejected(r.gantry_id, r.method, r.code.value, r.reason, peer, now))
        return _answer(r.code, r.detail)

    async def _too_large(self, peer: str, now: float, size: int | None) -> web.Response:
        reason = f"body over {self.policy.max_body_bytes} bytes" + (f" ({size})" if size else "")
        self.answers["413"] += 1
        log.warning("rejected 413 from %s: %s", peer, reason)
        try:
            await self.store.log_request(LogEntry(now, peer, None, None, "413", reason, b""))
        except Exception:
            log.exception("could not write the communication log")
        self.bus.publish(RequestRejected(None, None, "413", reason, peer, now))
        # Close the connection: the unread rest of the body must not be parsed as a request.
        return web.Response(status=413, text=reason, headers={"Connection": "close"})
