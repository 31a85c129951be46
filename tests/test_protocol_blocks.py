"""Blocks that read the same from report to report are validated once and shared."""

from __future__ import annotations

import time

from app.protocol import encode_body, parse
from app.protocol.parse import ReceivePolicy
from app.protocol.signing import signed_headers
from app.protocol.values import NoValue
from tests.conftest import example


def message(doc):
    body = encode_body(doc)
    return parse(body, signed_headers(body, "123456"), ReceivePolicy(skew_tolerance_s=0),
                 time.time()).message


def test_an_unchanged_block_is_shared_and_a_changed_one_is_not():
    first = example("cabinetStatusUpdate")
    second = example("cabinetStatusUpdate")
    second["cabinetStatus"]["elec"][0]["voltage"] = "231.5"
    a, b = message(first).cabinet, message(second).cabinet
    assert a.doors[0] is b.doors[0] and a.smoke_sensor is b.smoke_sensor
    assert a.mains[0] is not b.mains[0]
    assert (a.mains[0].voltage.value, b.mains[0].voltage.value) == (220.0, 231.5)
    # Shared or not, every reading is what was sent, no-value reasons included.
    assert b.doors[0].front_door_unlock_card_id.reason is NoValue.NO_DATA
    assert b.doors[0].id == 1 and len(b.air_conditioners) == 2


def test_the_same_readings_on_another_device_kind_are_not_confused():
    doc = example("cabinetStatusUpdate")
    doc["cabinetStatus"]["smokeSensor"] = dict(doc["cabinetStatus"]["waterloggingSensor"])
    cab = message(doc).cabinet
    assert type(cab.smoke_sensor).__name__ == "SmokeSensor"
    assert type(cab.water_sensor).__name__ == "WaterSensor"
