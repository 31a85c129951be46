"""Door-open captures against the simulated gantry and misbehaving fake devices over 127.0.0.1:
auto-fetch on a door opening, 1009 retry, MD5 mismatch, JSON errors under an image type, cut
downloads, keep and retention, the fetch-capture command."""

from __future__ import annotations

import asyncio
import hashlib
import io
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import av
import pytest
from aiohttp import web
from PIL import Image

from app.config import GantryEntry
from app.core import Core
from app.media import library as lib
from app.media.client import MediaClient, Outcome
from app.media.events import CaptureFetchChanged, CaptureStored
from app.protocol import encode_body, md5_hex
from app.protocol.control import DEVICE_PATH
from app.simulator import GantryConfig, SimulatedGantry
from app.simulator.captures import make_capture, make_jpeg
from app.simulator.model import FRONT_DOOR, UnlockType
from app.simulator.reports import time_text
from app.store import queries
from tests.conftest import make_settings
from tests.test_simulator_server import Clock

GID = "G000211001002110088"
FAST_RETRY = {"first_delay_s": 0, "retry_s": 10, "backoff_first_s": 0.05, "backoff_max_s": 0.2}


async def until(predicate: Callable[[], bool | Awaitable[bool]], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        got = predicate()
        if isinstance(got, Awaitable):
            got = await got
        if got:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        await asyncio.sleep(0.02)


@pytest.fixture
async def core(tmp_path: Path) -> AsyncIterator[Core]:
    c = Core(make_settings(tmp_path / "data", rate_per_s=0, skew_tolerance_s=0, media=FAST_RETRY))
    await c.start()
    yield c
    await c.stop()


@pytest.fixture
async def gantry(core: Core) -> AsyncIterator[SimulatedGantry]:
    config = GantryConfig(gantry_id=GID, seed=5, period_s=600, server_url=core.receiver.url,
                          door_open_s=30)
    async with SimulatedGantry(config, clock=Clock(), control_port=0) as g:
        core.settings.gantries[GID] = GantryEntry(control_url=g.control_url)
        await g.tick()  # boot posts: the doors are known closed
        yield g


def captures_of(core: Core, cabinet: int, door_time: str) -> list[lib.CaptureRecord]:
    return core.store.read_sync(lib.captures_for_event, GID, cabinet, door_time)


def open_front_door(g: SimulatedGantry) -> str:
    g.model.open_door(1, FRONT_DOOR, UnlockType.KEY)
    return time_text(g.model.device_time(g.model.cabinets[1].doors[FRONT_DOOR].change_time))


async def test_door_opening_stores_verified_jpeg_and_avi_linked_to_the_event(core, gantry):
    stored: list[CaptureStored] = []
    core.bus.subscribe(CaptureStored, stored.append)
    door_time = open_front_door(gantry)
    await gantry.tick()  # the capture is made, the report posted
    await until(lambda: len(stored) == 2 and not core.captures.pending())

    caps = captures_of(core, 1, door_time)
    assert [c.kind for c in caps] == ["photo", "video"]
    sim = gantry.captures.find(1, door_time)
    assert sim is not None
    for c, expected in zip(caps, (sim.jpeg, sim.avi), strict=True):
        data = c.file(core.data_dir).read_bytes()
        assert data == expected
        assert c.md5 == hashlib.md5(data).hexdigest() and c.size == len(data)
        assert c.door == "front" and c.door_time == door_time
        assert c.path.startswith(f"captures/{GID}/{door_time[:10]}/")
    assert caps[0].file_name == f"{GID}_{sim.file_stamp()}.jpg"
    assert caps[1].file_name == f"{GID}_{sim.file_stamp()}.avi"
    with Image.open(caps[0].file(core.data_dir)) as img:
        assert img.size == (320, 240)
    with av.open(str(caps[1].file(core.data_dir))) as container:
        assert sum(1 for _ in container.decode(video=0)) == 8
    # Linked to the door event as the event log shows it.
    events = core.store.read_sync(queries.door_events, GID, 1)
    opening = [e for e in events if e.opened][-1]
    assert opening.change_time == door_time and caps[0].event_ts == opening.ts
    fetch = core.store.read_sync(lib.latest_fetch, GID, 1, door_time)
    assert fetch.state == "done" and fetch.files == 2
    # No temporary files left behind.
    assert sorted(p.name for p in caps[0].file(core.data_dir).parent.iterdir()) == sorted(
        c.file_name for c in caps)


async def test_a_report_repeating_an_open_door_fetches_once(core, gantry):
    door_time = open_front_door(gantry)
    await gantry.tick()
    await until(lambda: len(captures_of(core, 1, door_time)) == 2 and not core.captures.pending())
    gantry.model.pending.add(1)  # the door still open, same change time, reported again
    await gantry.tick()
    await asyncio.sleep(0.2)
    assert core.captures.pending() == []
    assert len(captures_of(core, 1, door_time)) == 2
    assert sum(c.requests for c in gantry.captures.captures) == 3  # photo, video, repeat


async def test_1009_then_success_after_back_off(core, gantry):
    changes: list[CaptureFetchChanged] = []
    core.bus.subscribe(CaptureFetchChanged, changes.append)
    gantry.make_captures = False  # the device has nothing yet: 1009
    door_time = open_front_door(gantry)
    await gantry.tick()
    await until(lambda: sum(c.fetch.state == "retrying" for c in changes) >= 2)
    assert captures_of(core, 1, door_time) == []
    assert "1009" in [c for c in changes if c.fetch.state == "retrying"][-1].fetch.sentence
    t = gantry.model.device_time(gantry.model.cabinets[1].doors[FRONT_DOOR].change_time)
    gantry.captures.add(make_capture(GID, 1, "front", t))  # now it is ready
    await until(lambda: not core.captures.pending())
    assert [c.kind for c in captures_of(core, 1, door_time)] == ["photo", "video"]
    fetch = core.store.read_sync(lib.latest_fetch, GID, 1, door_time)
    assert fetch.state == "done" and fetch.attempts >= 4  # >=2 x 1009, photo, video, repeat


async def test_1009_for_the_whole_retry_period_fails_with_the_reason(core, gantry):
    core.settings.media.retry_s = 0.3
    gantry.make_captures = False
    door_time = open_front_door(gantry)
    await gantry.tick()
    await until(lambda: bool(core.captures.pending()))
    await until(lambda: not core.captures.pending())
    fetch = core.store.read_sync(lib.latest_fetch, GID, 1, door_time)
    assert fetch.state == "failed" and fetch.attempts >= 2 and "1009" in fetch.sentence
    assert captures_of(core, 1, door_time) == []


async def test_restart_does_not_fetch_an_event_again(tmp_path, core, gantry):
    door_time = open_front_door(gantry)
    await gantry.tick()
    await until(lambda: len(captures_of(core, 1, door_time)) == 2 and not core.captures.pending())
    await core.stop()
    again = Core(core.settings)
    await again.start()
    try:
        # The door watch is seeded from the store: the same open door is no new opening.
        assert again.captures.doors.states[(GID, 1, 1, "front")].change_time == door_time
        gantry.model.server_url = again.receiver.url
        gantry.model.pending.add(1)
        await gantry.tick()
        await asyncio.sleep(0.2)
        assert again.captures.pending() == []
    finally:
        await again.stop()


async def test_fetch_capture_command_prints_where_it_stored(core, gantry, capsys):
    from app.cli import main

    door_time = open_front_door(gantry)
    gantry.make_captures = True
    core.captures.media.auto_fetch = False
    await gantry.tick()
    args = ["fetch-capture", "--data-dir", str(core.data_dir), "--gantry", GID, "--cabinet", "1",
            "--time", door_time, "--url", gantry.control_url]
    code = await asyncio.to_thread(main, args)
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert [line.split()[0] for line in out] == ["photo", "video"]
    for line in out:
        assert Path(line.rsplit(": ", 1)[1]).is_file()
    assert len(captures_of(core, 1, door_time)) == 2
    # A time with no capture: one line on stderr, exit 1.
    code = await asyncio.to_thread(main, [*args[:-3], "2001-01-01 00:00:00.000", "--url",
                                          gantry.control_url])
    err = capsys.readouterr().err
    assert code == 1 and "1009" in err and len(err.strip().splitlines()) == 1


# -- misbehaving devices -------------------------------------------------------------------------

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@pytest.fixture
async def fake_device() -> AsyncIterator[Callable[[Handler], Awaitable[str]]]:
    runners: list[web.AppRunner] = []

    async def start(handler: Handler) -> str:
        app = web.Application()
        app.router.add_post(DEVICE_PATH, handler)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        runners.append(runner)
        return f"http://127.0.0.1:{runner.addresses[0][1]}{DEVICE_PATH}"

    yield start
    for r in runners:
        await r.cleanup()


JPEG = make_jpeg(GID, 1, "front", time.time())
DOOR_TIME = "2026-05-06 07:08:09.123"


def file_response(data: bytes, md5: str | None = None, ctype: str = "image/jpeg") -> web.Response:
    return web.Response(body=data, headers={
        "Content-Type": ctype, "binfile-md5": md5 or md5_hex(data),
        "Content-Disposition": f"attachment;filename={GID}_20260506070809123.jpg"})


async def test_md5_mismatch_is_rejected_and_reported(fake_device, tmp_path, core):
    async def handler(request: web.Request) -> web.Response:
        await request.read()
        return file_response(JPEG, md5="0" * 32)

    url = await fake_device(handler)
    got = await MediaClient(url, GID, "123456").fetch(1, DOOR_TIME, tmp_path / "f")
    assert got.outcome is Outcome.MD5_MISMATCH and got.path is None
    assert got.md5 == md5_hex(JPEG) and "does not match" in got.sentence
    assert list((tmp_path / "f").iterdir()) == []
    # Through the fetcher: retried, then reported as the event's failure.
    changes: list[CaptureFetchChanged] = []
    core.bus.subscribe(CaptureFetchChanged, changes.append)
    core.settings.gantries[GID] = GantryEntry(control_url=url)
    report = await core.captures.fetch_event(GID, 1, DOOR_TIME, retry_s=1)
    assert report.captures == () and report.last.outcome is Outcome.MD5_MISMATCH
    assert report.fetch.state == "failed" and "does not match" in report.fetch.sentence
    assert report.fetch.attempts >= 2
    assert changes[-1].fetch.state == "failed"
    assert core.store.read_sync(lib.latest_fetch, GID, 1, DOOR_TIME).state == "failed"
    assert not list((core.data_dir / "captures").rglob("*.*"))


@pytest.mark.parametrize("ctype", ["image/jpeg", "video/avi", "application/json"])
async def test_json_error_recognised_whatever_the_content_type(fake_device, tmp_path, ctype):
    seen: list[dict] = []

    async def handler(request: web.Request) -> web.Response:
        seen.append(await request.json())
        body = encode_body({"code": "1009", "msg": "无对应图像/视频"})
        return web.Response(body=body, headers={"Content-Type": ctype})

    url = await fake_device(handler)
    got = await MediaClient(url, GID, "123456").fetch(2, DOOR_TIME, tmp_path / "f")
    assert got.outcome is Outcome.NO_MEDIA and got.code == "1009"
    assert seen[0]["getCabinetImageVedio"] == {"cabinetId": "2", "doorOpenTime": DOOR_TIME}
    assert not (tmp_path / "f").exists() or list((tmp_path / "f").iterdir()) == []


async def test_other_codes_are_refusals_not_retried(fake_device, tmp_path, core):
    calls = 0

    async def handler(request: web.Request) -> web.Response:
        nonlocal calls
        calls += 1
        return web.Response(body=encode_body({"code": "1001", "msg": "无权使用该接口"}),
                            headers={"Content-Type": "image/jpeg"})

    url = await fake_device(handler)
    core.settings.gantries[GID] = GantryEntry(control_url=url)
    report = await core.captures.fetch_event(GID, 1, DOOR_TIME, retry_s=5)
    assert report.last.outcome is Outcome.REFUSED and calls == 1
    assert "1001" in report.fetch.sentence and "not authorised" in report.fetch.sentence


async def test_simulated_gantry_1009_with_image_content_type(gantry, tmp_path):
    client = MediaClient(gantry.control_url, GID, "123456")
    got = await client.fetch(1, "2001-01-01 00:00:00.000", tmp_path)
    assert got.outcome is Outcome.NO_MEDIA and got.code == "1009"
    await client.aclose()


async def _cut_server(body_head: bytes, headers: str) -> tuple[asyncio.Server, str]:
    """A raw device that announces a file, sends part of it and closes the connection."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        length = int([h for h in head.split(b"\r\n") if h.lower().startswith(b"content-length")][
            0].split(b":")[1])
        await reader.readexactly(length)
        writer.write(b"HTTP/1.1 200 OK\r\n" + headers.encode() + b"\r\n" + body_head)
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    return server, f"http://127.0.0.1:{port}{DEVICE_PATH}"


@pytest.mark.parametrize("framing", ["content-length", "chunked", "until-close"])
async def test_download_cut_half_way_leaves_nothing(tmp_path, framing):
    from app.simulator.captures import make_avi

    avi = make_avi(GID, 1, "front", time.time())
    half = avi[: len(avi) // 2]
    common = (f"Content-Type: video/avi\r\nbinfile-md5: {md5_hex(avi)}\r\n"
              f"Content-Disposition: attachment;filename={GID}_20260506070809123.avi\r\n")
    if framing == "content-length":
        server, url = await _cut_server(half, common + f"Content-Length: {len(avi)}\r\n")
    elif framing == "chunked":
        chunk = f"{len(avi):x}\r\n".encode() + half
        server, url = await _cut_server(chunk, common + "Transfer-Encoding: chunked\r\n")
    else:
        server, url = await _cut_server(half, common + "Connection: close\r\n")
    folder = tmp_path / "captures"
    async with server:
        got = await MediaClient(url, GID, "123456").fetch(1, DOOR_TIME, folder)
    expected = Outcome.MD5_MISMATCH if framing == "until-close" else Outcome.INCOMPLETE
    assert got.outcome is expected and got.path is None
    assert list(folder.iterdir()) == []  # not even the temporary file


async def test_cancelled_download_leaves_nothing(fake_device, tmp_path):
    started, release = asyncio.Event(), asyncio.Event()

    async def handler(request: web.Request) -> web.StreamResponse:
        await request.read()
        r = web.StreamResponse(headers={"Content-Type": "video/avi", "binfile-md5": "0" * 32})
        await r.prepare(request)
        await r.write(b"RIFF" + b"\0" * 70000)
        started.set()
        await release.wait()
        return r

    url = await fake_device(handler)
    folder = tmp_path / "f"
    task = asyncio.ensure_future(MediaClient(url, GID, "123456").fetch(1, DOOR_TIME, folder))
    await started.wait()
    await until(lambda: folder.exists() and any(folder.iterdir()))  # the .part file exists
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    release.set()
    assert list(folder.iterdir()) == []


# -- keep and retention --------------------------------------------------------------------------

async def _add(core: Core, n: int, size: int, fetched_at: float, keep: bool = False
               ) -> lib.CaptureRecord:
    door_time = f"2026-01-0{n} 10:00:00.000"
    folder = lib.capture_folder(core.data_dir, GID, door_time)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"c{n}.jpg"
    data = bytes([n]) * size
    path.write_bytes(data)
    rec = lib.CaptureRecord(None, GID, 1, "front", door_time, lib.door_ts(door_time), None,
                            fetched_at, "photo", "image/jpeg", path.name,
                            lib.relative(core.data_dir, path), size, md5_hex(data), keep)
    rec_id = await core.store.write(lambda conn: lib.insert_capture(conn, rec))
    return lib.CaptureRecord(**{**rec.__dict__, "id": rec_id})


async def test_retention_by_age_and_size_never_deletes_kept_captures(core):
    now = time.time()
    m = core.settings.media
    m.keep_days, m.max_total_mib = 30, 3000 / (1024 * 1024)  # 3000 bytes
    old = await _add(core, 1, 1000, now - 40 * 86400)
    old_kept = await _add(core, 2, 1000, now - 50 * 86400)
    a = await _add(core, 3, 1000, now - 3 * 86400)
    b = await _add(core, 4, 1000, now - 2 * 86400)
    c = await _add(core, 5, 1000, now - 1 * 86400)
    await core.captures.set_keep(GID, 1, old_kept.door_time, True)
    removed = await core.captures.apply_retention()
    left = {r.id for r in core.store.read_sync(lib.cabinet_captures, GID, 1)}
    # Too old: 1 (2 is kept). Then 2+3+4+5 = 4000 > 3000: the oldest unkept, 3, goes.
    assert removed == 2 and left == {old_kept.id, b.id, c.id}
    assert not old.file(core.data_dir).exists() and not a.file(core.data_dir).exists()
    assert old_kept.file(core.data_dir).exists() and c.file(core.data_dir).exists()
    # Unkeep: the next pass may take it.
    await core.captures.set_keep(GID, 1, old_kept.door_time, False)
    assert await core.captures.apply_retention() == 1
    assert not old_kept.file(core.data_dir).exists()


async def test_same_file_twice_is_one_capture(core):
    a = await _add(core, 1, 100, time.time())
    rec = lib.CaptureRecord(None, GID, 1, "", a.door_time, a.door_ts, None, time.time(), "photo",
                            "", "x.jpg", "captures/x.jpg", 100, a.md5)
    assert await core.store.write(lambda conn: lib.insert_capture(conn, rec)) is None


def test_jpeg_fixture_is_a_real_jpeg():
    with Image.open(io.BytesIO(JPEG)) as img:
        assert img.format == "JPEG"
