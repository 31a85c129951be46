"""The running simulated gantry over 127.0.0.1: posts to the real receiver (the `core` fixture),
remotecontrol.do driven with plain httpx requests, door-open captures fetched back."""

from __future__ import annotations

import io
import time
from collections.abc import AsyncIterator
from typing import Any

import av
import httpx
import pytest
from PIL import Image

from app.core import Core
from app.protocol import encode_body, md5_hex, signed_headers
from app.simulator import GantryConfig, SimulatedGantry
from app.simulator.model import FRONT_DOOR, UnlockType
from app.simulator.reports import time_text
from app.store import queries

GID = "G000211001002110099"


class Clock:
    """A clock the test moves; starts at the real time so the receiver's skew check passes."""

    def __init__(self) -> None:
        self.t = time.time()

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def gantry(core: Core, clock: Clock) -> AsyncIterator[SimulatedGantry]:
    config = GantryConfig(gantry_id=GID, seed=5, period_s=600, server_url=core.receiver.url,
                          door_open_s=30)
    async with SimulatedGantry(config, clock=clock, control_port=0) as g:
        yield g


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(timeout=10, trust_env=False) as c:
        yield c


async def send(http: httpx.AsyncClient, g: SimulatedGantry, method: str, fields: dict[str, Any],
               *, auth: str = "123456", md5: str | None = None,
               body: bytes | None = None) -> httpx.Response:
    doc = {"gantryId": g.gantry_id, "method": method, "timeStamp": str(int(time.time())),
           "version": "1001", method: fields}
    body = encode_body(doc) if body is None else body
    headers = signed_headers(body, auth)
    if md5 is not None:
        headers["binfile-md5"] = md5
    return await http.post(g.control_url, content=body, headers=headers)


def latest_cabinet(core: Core, cabinet_id: int = 1):
    return core.fleet.gantries[GID].cabinets[cabinet_id].cabinet


async def test_posts_are_accepted_and_counted(core, gantry):
    assert gantry.control_url == f"http://127.0.0.1:{gantry.port}/remotecontrol.do"
    assert gantry.port > 0
    posts = await gantry.tick()
    assert posts == [("computerStatusUpdate", "1000"), ("cabinetStatusUpdate", "1000"),
                     ("cabinetStatusUpdate", "1000")]
    assert gantry.stats.counts == {"1000": 3}
    assert gantry.stats.last_answer == {"code": "1000", "msg": "成功"}
    assert core.store.read_sync(queries.message_count, GID) == 3
    state = core.fleet.gantries[GID]
    assert state.monitor_ip() == "127.0.0.1"  # the monitoring PC reports its control address
    assert await gantry.tick() == []  # nothing due until the period runs out


async def test_wrong_auth_and_clock_skew_are_rejected_by_the_receiver(core, gantry, clock):
    await gantry.tick()
    gantry.model.wrong_auth = True
    gantry.model.pending.add(1)
    assert await gantry.tick() == [("cabinetStatusUpdate", "1001")]
    gantry.model.wrong_auth = False
    gantry.model.clock_skew_s = 3600
    gantry.model.pending.add(1)
    assert await gantry.tick() == [("cabinetStatusUpdate", "1003")]
    assert gantry.stats.counts == {"1000": 3, "1001": 1, "1003": 1}


async def test_unreachable_server_is_counted_not_raised(core, clock):
    config = GantryConfig(gantry_id=GID, seed=1, server_url="http://127.0.0.1:9/monitor.do")
    async with SimulatedGantry(config, clock=clock, control_port=0) as g:
        await g.tick()
    assert g.stats.counts == {"error ConnectError": 3}


async def test_control_checks_like_a_device(gantry, http):
    r = await send(http, gantry, "computerControl", {"updateNow": "1"}, md5="0" * 32)
    assert r.json() == {"code": "1004", "msg": "无效的签名"}
    assert r.headers["binfile-md5"] == md5_hex(r.content)
    r = await send(http, gantry, "computerControl", {"updateNow": "1"}, auth="bad")
    assert r.json()["code"] == "1001"
    bad = b"not json"
    r = await http.post(gantry.control_url, content=bad, headers=signed_headers(bad, "123456"))
    assert r.json()["code"] == "1002"
    r = await send(http, gantry, "cabinetControl", {"cmd": "9", "testStartStop": "0"})
    assert r.json() == {"code": "1007", "msg": "执行控制命令失败: no battery test is running"}
    r = await http.get(gantry.control_url)
    assert r.status_code == 405
    r = await http.post(gantry.control_url.replace("remotecontrol", "other"), content=b"{}")
    assert r.status_code == 404


async def test_door_capture_photo_then_video(core, gantry, clock, http):
    await gantry.tick()
    gantry.model.open_door(1, FRONT_DOOR, UnlockType.KEY)
    await gantry.tick()
    capture = gantry.captures.captures[-1]
    assert (capture.cabinet_id, capture.door) == (1, "front")
    door = latest_cabinet(core).doors[0]
    assert door.front_door_closed.value == 0
    opened = door.front_door_change_time.value
    assert opened == time_text(capture.time)

    query = {"cabinetId": "1", "doorOpenTime": opened}
    photo = await send(http, gantry, "getCabinetImageVedio", query)
    assert photo.headers["Content-Type"] == "image/jpeg"
    stamp = opened.replace("-", "").replace(" ", "").replace(":", "").replace(".", "")
    assert photo.headers["Content-Disposition"] == f"attachment;filename={GID}_{stamp}.jpg"
    assert photo.headers["binfile-md5"] == md5_hex(photo.content)
    assert photo.headers["binfile-auth"] == "123456"
    assert Image.open(io.BytesIO(photo.content)).size == (320, 240)
    assert len(photo.content) < 40_000

    video = await send(http, gantry, "getCabinetImageVedio", query)
    assert video.headers["Content-Type"] == "video/avi"
    assert video.headers["Content-Disposition"].endswith(f"{GID}_{stamp}.avi")
    assert video.headers["binfile-md5"] == md5_hex(video.content)
    assert len(video.content) < 60_000
    with av.open(io.BytesIO(video.content)) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.name == "mjpeg"
        assert sum(1 for _ in container.decode(video=0)) == 8

    again = await send(http, gantry, "getCabinetImageVedio", query)
    assert again.headers["Content-Type"] == "image/jpeg"

    # Nothing at that time, or on the other cabinet: 1009, with an image Content-Type.
    for miss in ({"cabinetId": "1", "doorOpenTime": "2001-01-01 00:00:00.000"},
                 {"cabinetId": "2", "doorOpenTime": opened}):
        r = await send(http, gantry, "getCabinetImageVedio", miss)
        assert r.headers["Content-Type"] == "image/jpeg"
        assert r.json() == {"code": "1009", "msg": "无对应图像/视频"}
        assert r.headers["binfile-md5"] == md5_hex(r.content)
