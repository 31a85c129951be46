"""A running simulated gantry: posts to monitor.do, serves remotecontrol.do, makes captures.

Time comes from an injectable clock (`clock=time.time` by default). `run()` ticks it once a
second; tests call `tick()` themselves after moving a fake clock, which keeps them fast and exact.

Photo or video (`getCabinetImageVedio`, PROTOCOL.md §8.4): the request has no field to choose,
so the device alternates per door opening: the first request for a door-open time returns the
JPEG, the next one the AVI, then the JPEG again, and so on. A time that matches no capture within
one second answers the 1009 JSON with `Content-Type: image/jpeg`, as real devices do.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import httpx
from aiohttp import web

from app.protocol import ResultCode, encode_body, md5_hex, response_body, signed_headers
from app.protocol.control import (
    DEVICE_PATH,
    DEVICE_PORT,
    ComputerControl,
    ControlAnswer,
    MediaRequest,
    control_wire_dict,
)
from app.protocol.device import DeviceRejection, check_control

from . import commands
from .captures import CaptureStore, make_capture
from .faults import apply_scenario
from .model import COMPUTERS, GantryConfig, GantryModel
from .reports import cabinet_update, computer_update, wire_body

log = logging.getLogger(__name__)

PostCallback = Callable[[str, str, str], None]  # gantry id, method, code


@dataclass
class PostStats:
    """The answers the gantry got: counts per code and the last answer."""

    counts: Counter[str] = field(default_factory=Counter)
    last_code: str | None = None
    last_answer: dict[str, Any] | None = None
    sent: int = 0


class SimulatedGantry:
    def __init__(
        self,
        config: GantryConfig,
        *,
        clock: Callable[[], float] = time.time,
        client: httpx.AsyncClient | None = None,
        host: str = "127.0.0.1",
        control_port: int = DEVICE_PORT,
        scenario: str | None = None,
        on_post: PostCallback | None = None,
        captures: bool = True,
    ) -> None:
        # The monitoring PC reports the address its remotecontrol.do listens on.
        ip = "127.0.0.1" if host in ("", "0.0.0.0", "localhost") else host
        self.config = replace(config, monitor_ip=ip)
        self.clock = clock
        self.model = GantryModel(self.config, start=clock())
        if scenario:
            apply_scenario(self.model, scenario)
        self.host = host
        self.port = control_port
        self.stats = PostStats()
        self.captures = CaptureStore()
        self.make_captures = captures
        self._client = client
        self._own_client = client is None
        self._on_post = on_post
        self._runner: web.AppRunner | None = None
        self._lock = asyncio.Lock()
        self._wake = asyncio.Event()

    @property
    def gantry_id(self) -> str:
        return self.config.gantry_id

    @property
    def control_url(self) -> str:
        return f"http://{self.model.computers[-1].ip}:{self.port}{DEVICE_PATH}"

    # ---- life cycle -------------------------------------------------------------------------

    async def start(self) -> None:
        """Bind remotecontrol.do (port 0 picks a free one; `port` then tells which)."""
        if self._client is None:
            self._client = httpx.AsyncClient(timeout=10.0, trust_env=False)
        app = web.Application(client_max_size=1024 * 1024)
        app.router.add_post(DEVICE_PATH, self._handle_control)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()
        self.port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self._own_client and self._client is not None:
            await self._client.aclose()
            self._client = None

    async def __aenter__(self) -> SimulatedGantry:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    async def run(self, tick_s: float = 1.0) -> None:
        """Tick until cancelled; a command that wants a post now wakes the loop early."""
        while True:
            await self.tick()
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), tick_s)

    async def tick(self, now: float | None = None) -> list[tuple[str, str]]:
        """Move the state to `now` (default: the clock), make captures, post what is due.

        Returns (method, code) of each post made.
        """
        async with self._lock:
            now = self.clock() if now is None else now
            self.model.step(now)
            for e in self.model.take_events():
                if e.kind == "door-opened" and self.make_captures and e.cabinet_id is not None:
                    t = self.model.device_time(e.time)
                    capture = await asyncio.to_thread(make_capture, self.gantry_id, e.cabinet_id,
                                                      e.detail, t)
                    self.captures.add(capture)
            return [await self.post(item) for item in self.model.due_posts(now)]

    # ---- posting ----------------------------------------------------------------------------

    async def post(self, item: str | int) -> tuple[str, str]:
        """Post one message (COMPUTERS or a cabinet id) and record the answer's code."""
        message = computer_update(self.model) if item == COMPUTERS else cabinet_update(
            self.model, int(item))
        body = wire_body(self.model, message)
        auth = self.config.auth_code + ("-wrong" if self.model.wrong_auth else "")
        assert self._client is not None, "start() the gantry first"
        try:
            r = await self._client.post(self.model.server_url, content=body,
                                        headers=signed_headers(body, auth))
            try:
                answer = r.json()
                code = str(answer.get("code")) if isinstance(answer, dict) else f"HTTP {r.status_code}"
            except ValueError:
                answer, code = None, f"HTTP {r.status_code}"
        except httpx.HTTPError as e:
            answer, code = None, f"error {type(e).__name__}"
        self.stats.sent += 1
        self.stats.counts[code] += 1
        self.stats.last_code, self.stats.last_answer = code, answer
        if self._on_post is not None:
            self._on_post(self.gantry_id, message.method, code)
        return message.method, code

    # ---- remotecontrol.do -------------------------------------------------------------------

    async def _handle_control(self, request: web.Request) -> web.Response:
        body = await request.read()
        async with self._lock:
            self.model.step(max(self.model.now, self.clock()))
            checked = check_control(body, request.headers, self.config.auth_code, self.gantry_id)
            if isinstance(checked, DeviceRejection):
                log.info("%s: control rejected %s (%s)", self.gantry_id, checked.code.value,
                         checked.reason)
                return _json_answer(response_body(checked.code, checked.detail))
            if isinstance(checked, MediaRequest):
                return self._media(checked)
            if isinstance(checked, ComputerControl):
                outcome = commands.apply_computer_control(self.model, checked)
            else:
                outcome = commands.apply_cabinet_control(self.model, checked)
        answer = control_wire_dict(ControlAnswer(**response_body(outcome.code, outcome.detail),
                                                 battery_test_result=outcome.battery_result))
        if self.model.pending:
            self._wake.set()  # updateNow, a door opened by command, …: post at once
        return _json_answer(answer)

    def _media(self, request: MediaRequest) -> web.Response:
        q = request.query
        capture = self.captures.find(q.cabinet_id, q.door_open_time)
        if capture is None:
            # §8.4: the failure may keep an image Content-Type; devices do that.
            return _json_answer(response_body(ResultCode.NO_MEDIA), content_type="image/jpeg")
        capture.requests += 1
        photo = capture.requests % 2 == 1
        data = capture.jpeg if photo else capture.avi
        ext, mime = ("jpg", "image/jpeg") if photo else ("avi", "video/avi")
        return web.Response(body=data, headers={
            "Content-Type": mime,
            "Content-Disposition": f"attachment;filename={self.gantry_id}_{capture.file_stamp()}.{ext}",
            "binfile-md5": md5_hex(data),
            "binfile-auth": self.config.auth_code,
        })


def _json_answer(answer: dict[str, Any], content_type: str = "application/json;charset=UTF-8"
                 ) -> web.Response:
    data = encode_body(answer)
    return web.Response(body=data, headers={"Content-Type": content_type,
                                            "binfile-md5": md5_hex(data)})
