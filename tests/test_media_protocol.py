"""Pure pieces of the capture fetch: Content-Disposition, JSON error sniffing, kinds, door watch."""

from __future__ import annotations

import json

import pytest

from app.media.doors import DoorWatch
from app.protocol import CabinetStatusUpdate
from app.protocol.media import (
    attachment_filename,
    capture_kind,
    media_error,
    media_request_body,
    sniff_kind,
)


@pytest.mark.parametrize(("header", "name"), [
    ("attachment;filename=G1_20240102030405678.jpg", "G1_20240102030405678.jpg"),
    ('attachment; filename="G1_20240102030405678.avi"', "G1_20240102030405678.avi"),
    ('attachment; filename="../../etc/pass wd.JPG"', "pass_wd.jpg"),
    ("attachment; filename*=UTF-8''%E9%97%A8.avi", None),  # nothing safe left of the stem
    ("attachment", None),
    (None, None),
])
def test_attachment_filename(header, name):
    assert attachment_filename(header) == name


def test_media_error_only_for_a_json_object_with_a_code():
    assert media_error(b' {"code":"1009","msg":"x"}').code == "1009"
    assert media_error('\ufeff{"code":1004}'.encode()).code == "1004"
    assert media_error(b"\xff\xd8\xff\xe0{}") is None
    assert media_error(b'{"no":"code"}') is None
    assert media_error(b"{" + b" " * 70000 + b"}") is None  # too big to be an error answer


def test_kinds():
    assert capture_kind("image/jpeg", None) == ("photo", "jpg")
    assert capture_kind("video/avi;charset=x", None) == ("video", "avi")
    assert capture_kind("application/octet-stream", "a.AVI") == ("video", "avi")
    assert sniff_kind(b"RIFF\0\0\0\0AVI LIST") == "video"
    assert sniff_kind(b"\xff\xd8\xff\xe0") == "photo"


def test_request_body_keeps_the_wire_spelling():
    doc = json.loads(media_request_body("G1", 2, "2024-01-02 03:04:05.678", 1700000000))
    assert doc["method"] == "getCabinetImageVedio" and doc["timeStamp"] == "1700000000"
    assert doc["getCabinetImageVedio"] == {"cabinetId": "2", "doorOpenTime": "2024-01-02 03:04:05.678"}


def _report(closed: str, change: str, back: str = "1") -> CabinetStatusUpdate:
    return CabinetStatusUpdate.model_validate({
        "gantryId": "G1", "method": "cabinetStatusUpdate", "timeStamp": "1", "version": "1001",
        "cabinetStatus": {"id": "1", "doors": {
            "frontDoorClosed": closed, "frontDoorChangeTime": change,
            "backDoorClosed": back, "backDoorChangeTime": "2024-01-01 00:00:00.000"}}})


def test_door_watch_openings():
    w = DoorWatch()
    assert w.apply(_report("1", "2024-01-02 03:00:00.000"), 1.0, 1) == []
    got = w.apply(_report("0", "2024-01-02 03:04:05.678"), 2.0, 2)
    assert [(o.door, o.door_time, o.received_at) for o in got] == [
        ("front", "2024-01-02 03:04:05.678", 2.0)]
    assert w.apply(_report("0", "2024-01-02 03:04:05.678"), 3.0, 3) == []  # same opening again
    # Closed and opened again between two reports: a new change time is a new opening.
    assert len(w.apply(_report("0", "2024-01-02 03:09:00.000"), 4.0, 4)) == 1
    assert w.apply(_report("NoData", "NoData"), 5.0, 5) == []  # no reading: state kept
    assert w.apply(_report("0", "2024-01-02 03:09:00.000"), 6.0, 6) == []
