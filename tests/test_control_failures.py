"""The control client against a misbehaving device (aiohttp on 127.0.0.1), and input checks."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import date, timedelta

import pytest
from aiohttp import web

from app.control import ControlClient, FailureKind, InvalidCommand
from app.control import commands as c
from app.control.cards import cards_csv, parse_cards_csv
from app.protocol import md5_hex

GANTRY = "G1"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class FakeDevice:
    """A device whose answer the test chooses; counts the requests it gets."""

    def __init__(self) -> None:
        self.requests: list[tuple[bytes, dict[str, str]]] = []
        self.handler: Handler = self.answer_json({"code": "1000", "msg": "成功"})
        self._runner: web.AppRunner | None = None
        self.url = ""

    @staticmethod
    def answer_json(doc: dict, delay: float = 0.0) -> Handler:
        async def h(request: web.Request) -> web.StreamResponse:
            await asyncio.sleep(delay)
            return web.json_response(doc)
        return h

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        self.requests.append((await request.read(), dict(request.headers)))
        return await self.handler(request)

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/remotecontrol.do", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}/remotecontrol.do"

    async def stop(self) -> None:
        if self._runner:
            await self._runner.cleanup()


@pytest.fixture
async def device() -> AsyncIterator[FakeDevice]:
    d = FakeDevice()
    await d.start()
    yield d
    await d.stop()


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now: connecting is refused
    return port


async def test_headers_sign_the_exact_bytes(device: FakeDevice) -> None:
    async with ControlClient(device.url, GANTRY, "secret") as cl:
        r = await cl.power_mode(2)
    assert r.ok
    body, headers = device.requests[0]
    assert body == r.request_body
    assert headers["binfile-md5"] == md5_hex(body)
    assert headers["binfile-auth"] == "secret"


async def test_connection_refused() -> None:
    url = f"http://127.0.0.1:{_closed_port()}/remotecontrol.do"
    async with ControlClient(url, GANTRY, "123456") as cl:
        r = await cl.unlock_door(1, "front")
    assert r.failure is FailureKind.REFUSED and not r.ok and r.code is None
    assert r.attempts == 1  # state-changing: never retried
    assert r.sentence == f"The device at {url} could not be reached (connection refused)."


async def test_refused_update_now_is_retried_once() -> None:
    url = f"http://127.0.0.1:{_closed_port()}/remotecontrol.do"
    async with ControlClient(url, GANTRY, "123456") as cl:
        r = await cl.update_now(1)
    assert r.failure is FailureKind.REFUSED and r.attempts == 2


async def test_slow_device_times_out_and_state_change_is_not_retried(device: FakeDevice) -> None:
    device.handler = device.answer_json({"code": "1000", "msg": "成功"}, delay=2.0)
    async with ControlClient(device.url, GANTRY, "123456", timeout_s=0.3) as cl:
        r = await cl.rectifiers(1, on=False)
    assert r.failure is FailureKind.TIMEOUT
    assert "did not answer in time" in r.sentence
    assert len(device.requests) == 1 and r.attempts == 1


async def test_slow_battery_result_is_retried_once(device: FakeDevice) -> None:
    device.handler = device.answer_json({"code": "1000", "msg": "成功"}, delay=2.0)
    async with ControlClient(device.url, GANTRY, "123456", timeout_s=0.3) as cl:
        r = await cl.battery_result(1)
    assert r.failure is FailureKind.TIMEOUT and r.attempts == 2
    assert len(device.requests) == 2


async def test_html_answer(device: FakeDevice) -> None:
    async def html(request: web.Request) -> web.Response:
        return web.Response(text="<html><body>Login</body></html>", content_type="text/html")
    device.handler = html
    async with ControlClient(device.url, GANTRY, "123456") as cl:
        r = await cl.arm_doors(True)
    assert r.failure is FailureKind.BAD_ANSWER
    assert "HTML page (HTTP 200)" in r.sentence
    assert r.answer_text.startswith("<html>")


async def test_garbage_answer(device: FakeDevice) -> None:
    async def garbage(request: web.Request) -> web.Response:
        return web.Response(body=b"\x00\xffnot json", content_type="application/octet-stream")
    device.handler = garbage
    async with ControlClient(device.url, GANTRY, "123456") as cl:
        r = await cl.arm_doors(True)
    assert r.failure is FailureKind.BAD_ANSWER and not r.ok
    assert "application/octet-stream" in r.sentence


async def test_json_without_code_and_battery_answer_without_result(device: FakeDevice) -> None:
    device.handler = device.answer_json({"result": "ok"})
    async with ControlClient(device.url, GANTRY, "123456") as cl:
        assert (await cl.arm_doors(True)).failure is FailureKind.BAD_ANSWER
        device.handler = device.answer_json({"code": "1000", "msg": "成功"})
        r = await cl.battery_result(1)
    assert r.failure is FailureKind.BAD_ANSWER
    assert "no battery test result" in r.sentence


@pytest.mark.parametrize(("code", "msg", "meaning"), [
    ("1001", "无权使用该接口", "not authorised"),
    ("1004", "无效的签名", "invalid signature"),
    ("1007", "执行控制命令失败", "control command failed"),
])
async def test_protocol_error_codes(device: FakeDevice, code: str, msg: str, meaning: str) -> None:
    device.handler = device.answer_json({"code": code, "msg": msg})
    async with ControlClient(device.url, GANTRY, "123456") as cl:
        r = await cl.unlock_door(1, "back")
    assert not r.ok and r.failure is None
    assert (r.code, r.message) == (code, msg)
    assert r.sentence == (f"The device refused to unlock the back door of cabinet 1: "
                          f"{code} {msg} ({meaning}).")
    assert r.attempts == 1


async def test_numeric_code_is_accepted(device: FakeDevice) -> None:
    device.handler = device.answer_json({"code": 1000, "msg": "成功"})
    async with ControlClient(device.url, GANTRY, "123456") as cl:
        assert (await cl.update_now()).ok


async def test_identical_request_in_flight_is_not_sent_twice(device: FakeDevice) -> None:
    device.handler = device.answer_json({"code": "1000", "msg": "成功"}, delay=0.3)
    async with ControlClient(device.url, GANTRY, "123456") as cl:
        cmd = c.unlock_door(1, "front")
        first = asyncio.ensure_future(cl.send(cmd))
        await asyncio.sleep(0.05)
        assert cl.pending(cmd)
        second = await cl.send(cmd)
        r1 = await first
        assert not cl.pending(cmd)
        other = await cl.unlock_door(1, "back")  # a different command does go out
    assert r1.ok and second.ok and second.shared and not r1.shared
    assert len(device.requests) == 2 and other.ok


# -- input checks, before anything is sent -------------------------------------------------------

@pytest.mark.parametrize(("build", "sentence"), [
    (lambda: c.card_whitelist([c.CardEntry("  ", date.today())]), "Card 1 has no card id."),
    (lambda: c.card_whitelist([c.CardEntry("A1", date(2020, 1, 1))]),
     "Card A1 expired on 2020-01-01, which is in the past."),
    (lambda: c.card_whitelist([]), "The whitelist is empty: add at least one card."),
    (lambda: c.air_set_points(1, 0, cooling_c=20, heating_c=20),
     "The heating set-point (20 °C) must be below the cooling set-point (20 °C)."),
    (lambda: c.air_set_points(1, 0, cooling_c=200, heating_c=5),
     "The cooling set-point 200 °C is outside -30 to 60 °C."),
    (lambda: c.unlock_door(3, "front"),
     "Cabinet 3 does not exist: a gantry has cabinets 1 to 2."),
    (lambda: c.unlock_door(1, "side"), "Door 'side' does not exist: choose front or back."),
    (lambda: c.air_on_off(1, 3, True),
     "Air conditioner 3 does not exist: choose 0 (all), 1 or 2."),
    (lambda: c.power_mode(4), "Power mode 4 does not exist: choose 0, 1, 2 or 3."),
    (lambda: c.reboot("relay", 80), "'relay' is not the IP address of a reboot relay."),
    (lambda: c.reboot("10.0.0.1", 70000), "Relay port 70000 is not between 1 and 65535."),
    (lambda: c.set_frequency(0), "The reporting period must be 1 to 86400 seconds, not 0."),
    (lambda: c.set_server(""), "'' is not a server address like 192.168.1.10:8080/monitor.do."),
])
def test_invalid_input_is_refused_with_one_sentence(build: Callable[[], object],
                                                    sentence: str) -> None:
    with pytest.raises(InvalidCommand) as e:
        build()
    assert str(e.value) == sentence


async def test_invalid_input_sends_nothing(device: FakeDevice) -> None:
    async with ControlClient(device.url, GANTRY, "123456") as cl:
        with pytest.raises(InvalidCommand):
            await cl.card_whitelist([c.CardEntry("", date.today())])
    assert device.requests == []


def test_card_csv_round_trip_and_errors() -> None:
    exp = date.today() + timedelta(days=1)
    cards = [c.CardEntry("A1", exp), c.CardEntry("B2", exp)]
    assert parse_cards_csv(cards_csv(cards)) == cards
    assert parse_cards_csv("X9, 2031-01-02\n\n") == [c.CardEntry("X9", date(2031, 1, 2))]
    with pytest.raises(InvalidCommand, match="Line 2 of the card list: '31/12/2030'"):
        parse_cards_csv("card_id,expire_date\nA1,31/12/2030\n")
    with pytest.raises(InvalidCommand, match="Line 1 of the card list needs"):
        parse_cards_csv("A1\n")


async def test_tls_failure(device: FakeDevice) -> None:
    # https to a plain-http device: the TLS handshake fails.
    url = device.url.replace("http://", "https://")
    async with ControlClient(url, GANTRY, "123456") as cl:
        r = await cl.arm_doors(False)
    assert r.failure is FailureKind.TLS, r
    assert r.sentence.startswith(f"The secure connection to {url} failed:")
