"""The schematic's red/amber follow the alarm engine (issue 6): real requests to the app's
receiver, the real engine, and after each step the coloured elements are exactly those with an
open, standing, unshelved alarm; the greys stay the readings'."""

from __future__ import annotations

import os
import time
from pathlib import Path

from app.alarms.model import Alarm
from app.alarms.settings import AlarmSettings
from tests.conftest import example
from tests.ui.conftest import GANTRY, wait_until
from ui import style
from ui.schematic.elements import alarm_look
from ui.style import Severity

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def cabinet(water: str = "0", ups_state: str = "1", **doors: str) -> dict:
    doc = example("cabinetStatusUpdate")
    c = doc["cabinetStatus"]
    c["waterloggingSensor"]["isWarning"] = water
    c["ups"][0]["runningState"] = ups_state
    c["doors"].update(doors)
    return doc


def device_time(t: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(t)) + ".000"


def coloured(scene) -> dict[str, Severity]:
    return {e.title: e.severity for e in scene.elements() if e.severity >= Severity.WARNING}


def expected(scene, alarms: list[Alarm]) -> dict[str, Severity]:
    """What the engine's alarms say each element must look like (the rule under test)."""
    out: dict[str, Severity] = {}
    for a in alarms:
        e = scene.element_for(a)
        if e is not None and a.standing and alarm_look(a) >= Severity.WARNING:
            out[e.title] = max(out.get(e.title, Severity.NORMAL), alarm_look(a))
    return out


def test_elements_are_coloured_exactly_by_the_engines_open_alarms(run, desktop, poster):
    core, window = desktop.core, desktop.window
    scene = window.schematic.scene
    engine = core.alarms
    engine.alarm_settings = AlarmSettings(gantries={GANTRY: {"door_open_max_s": 60}})

    def water_alarms() -> list[Alarm]:
        return [a for a in engine.active() if a.key.kind == "water_sensor" and a.standing]

    async def settle(doc: dict, predicate) -> None:
        assert await poster.code(doc) == "1000"
        await engine.wait_idle()
        await wait_until(lambda: scene.state is not None and predicate())
        assert coloured(scene) == expected(scene, engine.active())

    async def body() -> None:
        await settle(cabinet(), lambda: scene.water.block is not None)
        assert scene.water.severity is Severity.NORMAL and not water_alarms()

        # Raised: the sensor's element turns red, unacknowledged (solid).
        await settle(cabinet(water="1"), lambda: scene.water.severity is Severity.ALARM)
        (leak,) = water_alarms()
        assert not scene.water.acked and scene.water.tag() == "ALARM"
        assert scene.water.fill() == style.ALARM_FILL
        assert "Alarm: Water leak detected (Unacknowledged)" in scene.water.toolTip()

        # Acknowledged: still red and still saying ALARM, calmer (outlined, a tick, no fill).
        await engine.acknowledge([leak.id], "tester")
        await wait_until(lambda: scene.water.acked)
        assert scene.water.severity is Severity.ALARM and scene.water.tag() == "✓ ALARM"
        assert scene.water.fill() == style.SURFACE
        assert "(Acknowledged)" in scene.water.toolTip()

        # Back to normal (acknowledged, so closed): the element is normal again.
        await settle(cabinet(), lambda: scene.water.severity is Severity.NORMAL)
        assert not water_alarms() and scene.water.tag() == ""

        # Only when: shelved, the alarm leaves the picture although the reading still says water.
        await settle(cabinet(water="1"), lambda: scene.water.severity is Severity.ALARM)
        (again,) = water_alarms()
        await engine.shelve([again.id], 600, "tester")
        await wait_until(lambda: scene.water.severity is Severity.NORMAL)
        assert "WATER DETECTED" in scene.water.alerts  # the device's word stays, uncoloured
        assert coloured(scene) == expected(scene, engine.active())

        # An alarm no reading carries: a door open too long is amber from the engine alone.
        opened = device_time(time.time() - 120)
        await settle(cabinet(water="1", frontDoorClosed="0", frontDoorLocked="0",
                             frontDoorUnlockType="1", frontDoorChangeTime=opened),
                     lambda: scene.front_door.severity is Severity.WARNING)
        assert scene.front_door.is_open and scene.front_door.tag() == "WARNING"
        assert "open for more than 1 min" in scene.front_door.toolTip()
        assert scene.back_door.severity is Severity.NORMAL

        # It clears when the door closes (cleared, unacknowledged: no longer coloured).
        await settle(cabinet(water="1", frontDoorChangeTime=device_time(time.time())),
                     lambda: scene.front_door.severity is Severity.NORMAL)
        door = [a for a in engine.active() if a.key.condition == "front_door_open_long"]
        assert len(door) == 1 and not door[0].standing and not door[0].acked

    run(body())


def test_failed_reading_stays_grey_and_acked_alarm_beside_a_new_one(run, desktop, poster):
    core, window = desktop.core, desktop.window
    scene = window.schematic.scene
    engine = core.alarms

    async def body() -> None:
        doc = cabinet(water="1", ups_state="3")  # water leak and UPS on battery
        doc["cabinetStatus"]["thermohygrometer"]["temperature"] = "GetFailed"
        assert await poster.code(doc) == "1000"
        await engine.wait_idle()
        await wait_until(lambda: scene.ups[0].severity is Severity.ALARM
                         and scene.water.severity is Severity.ALARM)
        # The get_failed alarm exists, yet the element keeps the reading's "no data" grey.
        assert any(a.key.kind == "thermohygrometer" and a.key.condition.startswith("get_failed")
                   for a in engine.active())
        assert scene.thermohygrometer.severity is Severity.NO_DATA
        ups = [a.id for a in engine.active() if a.key.kind == "ups"]
        await engine.acknowledge(ups, "tester")
        await wait_until(lambda: scene.ups[0].acked)

    run(body())
    assert scene.ups[0].tag() == "✓ ALARM" and not scene.water.acked
    assert coloured(scene) == expected(scene, engine.active())
    if os.environ.get("GM_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(exist_ok=True)
        window.refresh(force=True)
        assert window.schematic.grab().save(str(SCREENSHOTS / "schematic_alarms.png"))
