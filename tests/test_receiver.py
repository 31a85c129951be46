"""Every row of PROTOCOL.md §4 and the bad inputs of the receiver issue, over 127.0.0.1."""

from __future__ import annotations

import asyncio
import codecs
import gzip
import json
import socket
import sqlite3
import time

import httpx
import pytest

from app.protocol import encode_body, md5_hex, signed_headers
from app.store import queries
from tests.conftest import Poster, example

GANTRY = "G000211001002110010"


def history_rows(core) -> int:
    return core.store.read_sync(queries.message_count)


def last_log(core) -> dict:
    return core.store.read_sync(queries.comm_log, 0, 1)[0]


async def test_examples_round_trip_every_value(core, poster):
    cab, comp = example("cabinetStatusUpdate"), example("computerStatusUpdate")
    assert (await poster.post(cab)).json() == {"code": "1000", "msg": "成功"}
    assert (await poster.post(comp)).json() == {"code": "1000", "msg": "成功"}
    from app.fleet import gantry_json, load_gantry

    doc = gantry_json(load_gantry(core.store, GANTRY))
    sent = cab["cabinetStatus"]
    got = doc["cabinets"][0]
    assert got["mains"][0]["voltage"] == 220.0 and got["mains"][0]["energy"] == 100.0
    assert got["ups"][0]["remaining_minutes"] == 3600.0
    assert got["doors"][0]["front_door_change_time"] == sent["doors"]["frontDoorChangeTime"]
    assert got["doors"][0]["front_door_unlock_card_id"] is None
    assert got["doors"][0]["no_value"]["front_door_unlock_card_id"] == "NoData"
    assert [a["id"] for a in got["air_conditioners"]] == [1, 2]
    assert got["surge_protectors"][0]["lightning_count"] == 1
    assert got["smoke_sensor"]["warning_change_time"] == "2019-08-28 20:12:01.321"
    ips = [c["ip"] for c in doc["computers"]]
    assert ips == ["192.168.1.1", "192.168.1.2"]
    assert doc["computers"][0]["sys_disk_size"] == 10485760


async def test_response_carries_md5_of_its_body(poster):
    r = await poster.post(example("cabinetStatusUpdate"))
    assert r.headers["binfile-md5"] == md5_hex(r.content)


@pytest.mark.parametrize("md5", [None, "", "0" * 32, "nothex"])
async def test_bad_or_missing_signature_1004(core, poster, md5):
    body = encode_body(example("cabinetStatusUpdate"))
    headers = signed_headers(body, "123456")
    if md5 is None:
        del headers["binfile-md5"]
    else:
        headers["binfile-md5"] = md5
    r = await poster.client.post(poster.url, content=body, headers=headers)
    assert r.json()["code"] == "1004"
    assert history_rows(core) == 0
    assert last_log(core)["code"] == "1004"


async def test_upper_case_md5_accepted(poster):
    body = encode_body(example("cabinetStatusUpdate"))
    assert await poster.code(body, md5=md5_hex(body).upper()) == "1000"


async def test_wrong_auth_1001_and_logged_with_reason(core, poster):
    assert await poster.code(example("cabinetStatusUpdate"), auth="654321") == "1001"
    entry = last_log(core)
    assert entry["gantry_id"] == GANTRY and "binfile-auth" in entry["reason"]
    assert history_rows(core) == 0


async def test_per_gantry_auth_code(tmp_path):
    from app.core import Core
    from tests.conftest import make_settings

    s = make_settings(tmp_path, gantries={GANTRY: {"auth_code": "own-code"}})
    c = Core(s)
    await c.start()
    p = Poster(c.receiver.url)
    try:
        assert await p.code(example("cabinetStatusUpdate"), auth="123456") == "1001"
        assert await p.code(example("cabinetStatusUpdate"), auth="own-code") == "1000"
        other = example("cabinetStatusUpdate") | {"gantryId": "G2"}
        assert await p.code(other, auth="123456") == "1000"
    finally:
        await p.client.aclose()
        await c.stop()


@pytest.mark.parametrize("body, why", [
    (b"not json", "not JSON"),
    (b"[1, 2]", "not a JSON object"),
    (b"\xff\xfe{}", "not JSON"),
])
async def test_not_json_1002(core, poster, body, why):
    r = await poster.post(body)
    assert r.json()["code"] == "1002"
    assert why in last_log(core)["reason"]


@pytest.mark.parametrize("field", ["gantryId", "method", "timeStamp", "version"])
async def test_missing_common_field_1002(core, poster, field):
    doc = example("cabinetStatusUpdate")
    del doc[field]
    r = await poster.post(doc)
    assert r.json()["code"] == "1002"
    assert f"missing {field}" in r.json()["msg"]
    assert history_rows(core) == 0


async def test_unknown_method_names_it(poster):
    doc = example("cabinetStatusUpdate") | {"method": "fooUpdate"}
    r = await poster.post(doc)
    assert r.json() == {"code": "1002", "msg": "参数有误: unknown method fooUpdate"}


async def test_version_1006(poster):
    assert await poster.code(example("cabinetStatusUpdate") | {"version": "1000"}) == "1006"


async def test_clock_skew_1003(core, poster):
    doc = example("cabinetStatusUpdate", now=time.time() - 301)
    assert await poster.code(doc) == "1003"
    assert await poster.code(example("cabinetStatusUpdate", now=time.time() - 200)) == "1000"
    ms = example("cabinetStatusUpdate") | {"timeStamp": str(int(time.time() * 1000))}
    assert await poster.code(ms) == "1003"
    assert "milliseconds" in last_log(core)["reason"]


async def test_flood_1005_per_gantry(core, poster):
    codes = await asyncio.gather(*[poster.code(example("computerStatusUpdate"))
                                   for _ in range(40)])
    assert codes.count("1000") >= 20 and codes.count("1005") >= 10
    assert history_rows(core) == codes.count("1000")
    # Another gantry is not throttled by the first one's flood.
    assert await poster.code(example("computerStatusUpdate") | {"gantryId": "G2"}) == "1000"


@pytest.mark.parametrize("path, value, expect", [
    (("cabinetStatus", "ups", 0, "powerRate"), {"x": 1}, "cabinetStatus.ups[0].powerRate"),
    (("cabinetStatus", "elec", 0, "voltage"), "abc", "cabinetStatus.elec[0].voltage"),
    (("cabinetStatus", "airConditioners"), "nope", "cabinetStatus.airConditioners"),
    (("cabinetStatus", "doors", "frontDoorChangeTime"), "yesterday",
     "cabinetStatus.doors[0].frontDoorChangeTime"),
])
async def test_field_of_wrong_shape_names_path(core, poster, path, value, expect):
    doc = example("cabinetStatusUpdate")
    target = doc
    for p in path[:-1]:
        target = target[p]
    target[path[-1]] = value
    r = await poster.post(doc)
    assert r.json()["code"] == "1002"
    assert expect in r.json()["msg"]
    assert history_rows(core) == 0


async def test_cabinet_status_missing_1002(poster):
    doc = example("cabinetStatusUpdate")
    del doc["cabinetStatus"]
    r = await poster.post(doc)
    assert r.json() == {"code": "1002", "msg": "参数有误: cabinetStatus: missing"}


async def test_storage_failure_1008_and_still_serving(core, poster, monkeypatch):
    import app.store as store_mod

    def broken(conn, items):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store_mod, "write_messages", broken)
    r = await poster.post(example("cabinetStatusUpdate"))
    assert r.json()["code"] == "1008"
    monkeypatch.undo()
    assert await poster.code(example("cabinetStatusUpdate")) == "1000"
    assert history_rows(core) == 1


async def test_a_disk_that_failed_a_sync_refuses_everything_and_says_so(core, poster,
                                                                         monkeypatch):
    import app.store.syncer as syncer_mod
    from app.events import ReceiverState

    states: list[ReceiverState] = []
    core.bus.subscribe(ReceiverState, states.append)

    def broken(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(syncer_mod, "_sync_file", broken)
    r = await poster.post(example("cabinetStatusUpdate"))
    assert r.json()["code"] == "1008"
    monkeypatch.undo()
    assert await poster.code(example("cabinetStatusUpdate")) == "1008"  # until a restart
    assert [(s.listening, "restarted" in s.error) for s in states] == [(False, True)]


async def test_oversized_body_413_without_history(core, poster):
    doc = example("cabinetStatusUpdate")
    doc["padding"] = "x" * (1024 * 1024 + 10)
    r = await poster.post(doc)
    assert r.status_code == 413
    assert history_rows(core) == 0
    assert await poster.code(example("cabinetStatusUpdate")) == "1000"


async def test_wrong_path_404_and_method_405(core):
    base = core.receiver.url.removesuffix("/monitor.do")
    async with httpx.AsyncClient(trust_env=False) as c:
        assert (await c.post(base + "/other.do", content=b"{}")).status_code == 404
        assert (await c.get(core.receiver.url)).status_code == 405


async def test_utf8_bom_and_content_types(core, poster):
    body = codecs.BOM_UTF8 + encode_body(example("cabinetStatusUpdate"))
    assert await poster.code(body) == "1000"
    for ctype in ("text/plain", None):
        body = encode_body(example("computerStatusUpdate"))
        h = signed_headers(body, "123456")
        if ctype:
            h["Content-Type"] = ctype
        else:
            del h["Content-Type"]
        r = await poster.client.post(poster.url, content=body, headers=h)
        assert r.json()["code"] == "1000"


async def test_numbers_and_empty_strings(core, poster):
    doc = example("cabinetStatusUpdate")
    doc["timeStamp"] = int(time.time())
    doc["version"] = 1001
    doc["cabinetStatus"]["ups"][0].update({"powerRate": 87.5, "temperature": "", "status": True})
    assert await poster.code(doc) == "1000"
    ups = core.fleet.gantries[GANTRY].cabinets[1].cabinet.ups[0]
    assert ups.charge_percent.value == 87.5
    assert ups.temperature.value is None and ups.temperature.reason.value == "Empty"
    assert ups.status.value == 1


async def test_field_error_values_kept_as_reasons(core, poster):
    doc = example("cabinetStatusUpdate")
    doc["cabinetStatus"]["thermohygrometer"]["temperature"] = "GetFailed"
    doc["cabinetStatus"]["thunderSpd"][0]["lightningCount"] = "NotSupport"
    assert await poster.code(doc) == "1000"
    series = core.store.read_sync(queries.metric_series, GANTRY, "thermohygrometer",
                                  "temperature", 0, 1e12, 1)
    assert series[-1][1:] == (None, "GetFailed")


async def test_gzip_body_signed_either_way(core, poster):
    raw = encode_body(example("cabinetStatusUpdate"))
    packed = gzip.compress(raw)
    for signed_over in (packed, raw):
        h = signed_headers(packed, "123456") | {"binfile-md5": md5_hex(signed_over),
                                                 "Content-Encoding": "gzip"}
        r = await poster.client.post(poster.url, content=packed, headers=h)
        assert r.json()["code"] == "1000"
    h = signed_headers(packed, "123456") | {"binfile-gzip": "true"}
    assert (await poster.client.post(poster.url, content=packed, headers=h)).json()["code"] == "1000"


async def test_chunked_transfer_encoding(poster):
    body = encode_body(example("cabinetStatusUpdate"))

    async def chunks():
        for i in range(0, len(body), 100):
            yield body[i:i + 100]

    r = await poster.client.post(poster.url, content=chunks(),
                                 headers=signed_headers(body, "123456"))
    assert r.json()["code"] == "1000"


async def test_many_requests_on_one_keep_alive_connection(core):
    host, port = "127.0.0.1", core.receiver.port
    reader, writer = await asyncio.open_connection(host, port)
    try:
        for i in range(20):
            doc = example("computerStatusUpdate") | {"gantryId": f"K{i}"}
            body = encode_body(doc)
            head = (f"POST /monitor.do HTTP/1.1\r\nHost: {host}\r\nContent-Length: {len(body)}\r\n"
                    f"binfile-md5: {md5_hex(body)}\r\nbinfile-auth: 123456\r\n\r\n").encode()
            writer.write(head + body)
            await writer.drain()
            status = await reader.readline()
            assert b"200" in status
            length = 0
            while (line := await reader.readline()) != b"\r\n":
                if line.lower().startswith(b"content-length"):
                    length = int(line.split(b":")[1])
            answer = json.loads(await reader.readexactly(length))
            assert answer["code"] == "1000"
    finally:
        writer.close()
    assert core.store.read_sync(queries.message_count) == 20


async def test_garbage_on_the_socket_does_not_stop_the_server(core, poster):
    s = socket.create_connection(("127.0.0.1", core.receiver.port))
    s.sendall(b"\x00\x01GARBAGE\r\n\r\n")
    s.close()
    assert await poster.code(example("cabinetStatusUpdate")) == "1000"


async def test_older_firmware_names_normalised(core, poster):
    doc = example("cabinetStatusUpdate") | {"method": "cabinStatusUpdate"}
    cab = doc["cabinetStatus"]
    doors = cab.pop("doors")
    doors["frontDoorStatus"] = "0"
    del doors["frontDoorClosed"]
    doors["denfendMode"] = doors.pop("defendMode")
    cab["gateMagneticSensor"] = doors
    cab["ups"] = {k: v for k, v in cab["ups"][0].items() if k != "id"}
    cab["elec"] = cab["elec"][0]
    del cab["thunderSpd"]
    assert await poster.code(doc) == "1000"
    c = core.fleet.gantries[GANTRY].cabinets[1].cabinet
    assert c.doors[0].front_door_closed.value == 0
    assert c.ups[0].id == 1 and c.mains[0].voltage.value == 220.0
    assert c.surge_protectors == []
    assert "gateMagneticSensor" in last_log(core)["legacy"]


async def test_missing_field_in_device_block_is_nodata(core, poster):
    doc = example("cabinetStatusUpdate")
    del doc["cabinetStatus"]["doors"]["frontDoorOpenIllegally"]
    assert await poster.code(doc) == "1000"
    door = core.fleet.gantries[GANTRY].cabinets[1].cabinet.doors[0]
    assert door.front_door_open_illegally.reason.value == "NoData"


async def test_fleet_rebuilt_from_store_after_restart(tmp_path):
    from app.core import Core
    from tests.conftest import make_settings

    c = Core(make_settings(tmp_path))
    await c.start()
    p = Poster(c.receiver.url)
    await p.post(example("cabinetStatusUpdate"))
    await p.client.aclose()
    await c.stop()
    c2 = Core(make_settings(tmp_path))
    await c2.start()
    try:
        state = c2.fleet.gantries[GANTRY]
        assert state.cabinets[1].cabinet.thermohygrometer.humidity.value == 20.0
        assert state.last_heard > 0
    finally:
        await c2.stop()


async def test_gzip_reports_and_an_unreadable_body_still_let_it_start(tmp_path):
    """The log keeps a gzip body as sent (its MD5 may be over those bytes); the fleet, `latest`
    and the comm-log view read it unpacked. A stored body that cannot be read again costs
    that part of the state until the next report, never the start."""
    import zlib

    from app.core import Core
    from app.fleet import gantry_json, load_gantry
    from tests.conftest import make_settings
    from ui.commlog import raw_text

    c = Core(make_settings(tmp_path))
    await c.start()
    p = Poster(c.receiver.url)
    for name in ("cabinetStatusUpdate", "computerStatusUpdate"):
        packed = gzip.compress(encode_body(example(name)))
        h = signed_headers(packed, "123456") | {"binfile-gzip": "true"}
        assert (await p.client.post(p.url, content=packed, headers=h)).json()["code"] == "1000"
    await p.client.aclose()
    live = gantry_json(c.fleet.gantries[GANTRY])
    logged = c.store.read_sync(queries.comm_log_body, last_log(c)["id"])
    assert logged.startswith(b"\x1f\x8b")  # kept as sent
    assert json.loads(raw_text(logged))["method"] == "computerStatusUpdate"
    await c.stop()

    c2 = Core(make_settings(tmp_path))
    await c2.start()
    try:
        assert gantry_json(c2.fleet.gantries[GANTRY]) == live
        # Spoil the newest cabinet body: the computers still come back, and the core starts.
        await c2.store.write(lambda conn: conn.execute(
            "UPDATE comm_log SET body = ? WHERE id = (SELECT l.id FROM comm_log l"
            " JOIN messages m ON m.log_id = l.id WHERE m.kind = 'cabinet')",
            [zlib.compress(b"\x1f\x8b not gzip")]))
        state = load_gantry(c2.store, GANTRY)
        assert state is not None and not state.cabinets and state.computers
        # A body gone altogether (NULL) or not zlib at all: the same.
        for spoilt in (None, b"not zlib"):
            await c2.store.write(lambda conn, b=spoilt: conn.execute(
                "UPDATE comm_log SET body = ? WHERE id = (SELECT l.id FROM comm_log l"
                " JOIN messages m ON m.log_id = l.id WHERE m.kind = 'cabinet')", [b]))
            state = load_gantry(c2.store, GANTRY)
            assert state is not None and not state.cabinets and state.computers
    finally:
        await c2.stop()
    c3 = Core(make_settings(tmp_path))
    await c3.start()
    await c3.stop()
