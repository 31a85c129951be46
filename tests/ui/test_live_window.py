"""The live window over real requests: post to the app's receiver, read what the widgets show."""

from __future__ import annotations

import socket
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel

from app.protocol import NoValue
from tests.conftest import example, make_settings
from tests.ui.conftest import GANTRY, PERIOD_S, wait_until
from ui.main import DesktopApp
from ui.style import Severity


def cabinet(**doors: str) -> dict:
    doc = example("cabinetStatusUpdate")
    doc["cabinetStatus"]["doors"].update(doors)
    return doc


def test_door_opening_turns_the_door_open_in_the_schematic(run, desktop, poster):
    scene = desktop.window.schematic.scene

    async def body() -> None:
        assert await poster.code(cabinet()) == "1000"
        await wait_until(lambda: scene.front_door.is_open is False)
        assert "closed" in scene.front_door.lines
        assert scene.front_door.severity is Severity.NORMAL
        opened = cabinet(frontDoorClosed="0", frontDoorLocked="0", frontDoorUnlockType="1",
                         frontDoorUnlockCardId="88001234",
                         frontDoorChangeTime="2026-01-02 03:04:05.678")
        assert await poster.code(opened) == "1000"
        await wait_until(lambda: scene.front_door.is_open is True)
        await core.alarms.wait_idle()
        desktop.window.refresh(force=True)

    core = desktop.core
    run(body())
    door = scene.front_door
    assert door.lines[0] == "OPEN"
    assert "unlocked" in door.lines
    assert "Unlock: card" in door.lines
    assert "Card: 88001234" in door.lines
    assert "2026-01-02 03:04:05" in door.lines
    # Opened by card while disarmed raises no alarm: open in words and shape, not in colour.
    assert door.severity is Severity.NORMAL and door.lines[0] == "OPEN"
    assert scene.back_door.is_open is False  # only the front door opened


def test_illegal_opening_is_an_alarm_in_words(run, desktop, poster):
    scene = desktop.window.schematic.scene

    async def body() -> None:
        doc = cabinet(defendMode="1", backDoorClosed="0", backDoorOpenIllegally="1",
                      backDoorUnlockType="3")
        assert await poster.code(doc) == "1000"
        await wait_until(lambda: scene.back_door.is_open is True)
        await wait_until(lambda: scene.back_door.severity is Severity.ALARM)  # the engine's

    run(body())
    assert scene.back_door.severity is Severity.ALARM
    assert "OPENED ILLEGALLY" in scene.back_door.alerts
    assert "Unlock: key" in scene.back_door.lines
    assert scene.access.lines == ["armed"]


def test_get_failed_value_shows_its_reason(run, desktop, poster):
    scene = desktop.window.schematic.scene

    async def body() -> None:
        doc = example("cabinetStatusUpdate")
        doc["cabinetStatus"]["thermohygrometer"]["temperature"] = "GetFailed"
        doc["cabinetStatus"]["ups"][0]["surplusTime"] = "NotSupport"
        assert await poster.code(doc) == "1000"
        await wait_until(lambda: scene.thermohygrometer.block is not None)

    run(body())
    th = scene.thermohygrometer
    assert th.block.temperature.reason is NoValue.GET_FAILED
    assert th.lines[0] == "read failed (GetFailed)"
    assert th.lines[1] == "20 %RH"
    assert th.severity is Severity.NO_DATA and "NO DATA" in th.shown_text()
    assert "Temperature: read failed (GetFailed)" in th.toolTip()
    assert "Status: normal" in th.toolTip()
    ups = scene.ups[0]
    assert "Backup not supported (NotSupport)" in ups.lines[1]
    assert ups.severity is Severity.NORMAL  # NotSupport is the hardware's, not missing data


def test_warning_texts_and_alarm_states_are_shown(run, desktop, poster):
    scene = desktop.window.schematic.scene

    async def body() -> None:
        doc = example("cabinetStatusUpdate")
        doc["cabinetStatus"]["elec"][0]["warningMsg"] = "输入过压,AC L1 phase loss"
        doc["cabinetStatus"]["waterloggingSensor"]["isWarning"] = "1"
        doc["cabinetStatus"]["airConditioners"][1]["isWorking"] = "0"
        assert await poster.code(doc) == "1000"
        await wait_until(lambda: scene.mains[0].block is not None)
        await wait_until(lambda: scene.water.severity is Severity.ALARM)  # the engine's alarms

    run(body())
    assert scene.mains[0].alerts == ["输入过压", "AC L1 phase loss"]
    assert scene.mains[0].severity is Severity.ALARM
    assert scene.mains[0].lines[0] == "220 V   10 A"
    assert scene.water.severity is Severity.ALARM and "WATER DETECTED" in scene.water.alerts
    assert [e.lines[0] for e in scene.air_conditioners] == ["running", "standby"]
    assert scene.surge_protectors[0].lines == ["normal", "Strikes 1"]


def test_silent_gantry_turns_offline(run, desktop, poster, clock):
    w = desktop.window

    async def body() -> None:
        assert await poster.code(example("cabinetStatusUpdate")) == "1000"
        await wait_until(lambda: w.tree.is_online(GANTRY) is True)
        assert not w.schematic.scene.front_door.offline
        clock.offset = 2 * PERIOD_S + 1  # no report for twice the period
        await wait_until(lambda: w.tree.is_online(GANTRY) is False, timeout=3)
        await wait_until(lambda: w.schematic.scene.front_door.offline, timeout=3)

    run(body())
    top = w.tree.items[("gantry", GANTRY, None)]
    assert "offline" in top.text(1)
    assert all(e.offline for e in w.schematic.scene.elements())
    assert "OFFLINE" in w.schematic.scene.thermohygrometer.shown_text()
    assert "0 / 1" in w.status.online.text()


def test_computers_view_roles_and_human_sizes(run, desktop, poster):
    w = desktop.window

    async def body() -> None:
        doc = example("computerStatusUpdate")
        doc["computerStatus"][0]["cpuTemperature"] = "NotSupport"
        doc["computerStatus"].append({**doc["computerStatus"][1], "id": "3",
                                      "isMonitorComputer": "1", "ip": "10.0.0.3"})
        assert await poster.code(doc) == "1000"
        await wait_until(lambda: w.computers.table.rowCount() > 0)

    run(body())
    view = w.computers
    assert view.cell(0, 0) == "Toll PC (primary) 1"
    assert view.cell(1, 0) == "Toll PC (standby) 2"
    assert view.cell(0, 1) == "192.168.1.1"
    assert view.cell(0, 2) == "99.9%"  # 99.99 % CPU: not "100.0%"
    assert view.cell(0, 3) == "not supported (NotSupport)"
    assert view.cell(0, 4).endswith("8.0 GB")  # 8388608 KB
    assert view.cell(0, 5).endswith("10.0 GB")  # 10485760 KB
    roles = [view.cell(r, 0) for r in range(view.table.rowCount())]
    assert roles[2] == "Monitoring PC 3" and view.cell(2, 1) == "10.0.0.3"
    # The tree lists the gantry's computers under it, cabinets first.
    top = w.tree.items[("gantry", GANTRY, None)]
    assert "Test gantry" in top.text(0) and GANTRY in top.text(0)


def test_comm_log_lists_requests_and_shows_raw_json(run, desktop, poster):
    w = desktop.window
    w.centre_tabs.setCurrentWidget(w.comm_log)

    async def body() -> None:
        assert await poster.code(example("cabinetStatusUpdate")) == "1000"
        assert await poster.code(example("cabinetStatusUpdate"), auth="wrong") == "1001"
        await wait_until(lambda: w.comm_log.table.rowCount() == 2)
        w.comm_log.table.selectRow(1)  # newest first: row 1 is the accepted one
        await wait_until(lambda: "cabinetStatus" in w.comm_log.body.toPlainText())
        w.status.refresh_counts()
        await wait_until(lambda: w.status.counts == {"1000": 1, "1001": 1})

    run(body())
    log = w.comm_log
    assert log.table.item(0, 4).text().startswith("✗ 1001")
    assert log.table.item(1, 4).text() == "✓ 1000 成功"
    assert GANTRY in log.body.toPlainText()
    assert w.status.traffic.text() == "Last hour: 1 accepted, 1 rejected"
    assert "Receiving on http://127.0.0.1:" in w.status.receiver.text()


def test_alarm_badges_come_from_the_counter_hook(run, desktop, poster):
    w = desktop.window
    w.tree.set_alarm_counter(None)  # the alarm engine is plugged in by DesktopApp (issue 6)
    assert w.tree.tree.isColumnHidden(2)  # no counter: no badges at all

    async def body() -> None:
        assert await poster.code(example("cabinetStatusUpdate")) == "1000"
        await wait_until(lambda: ("cabinet", GANTRY, 1) in w.tree.items)

    run(body())
    w.tree.set_alarm_counter(lambda g, cab, pc: 2 if cab == 1 else 0)
    w.tree.refresh(desktop.core.fleet)
    assert not w.tree.tree.isColumnHidden(2)
    assert w.tree.items[("cabinet", GANTRY, 1)].text(2) == "▲ 2"
    assert w.tree.items[("gantry", GANTRY, None)].text(2) == ""


def test_filter_hides_gantries_that_do_not_match(run, desktop, poster):
    w = desktop.window

    async def body() -> None:
        assert await poster.code(example("cabinetStatusUpdate")) == "1000"
        await wait_until(lambda: ("cabinet", GANTRY, 1) in w.tree.items)

    run(body())
    top = w.tree.items[("gantry", GANTRY, None)]
    w.tree.filter.setText("nothing like it")
    assert top.isHidden()
    w.tree.filter.setText("test gan")
    assert not top.isHidden()


def test_port_in_use_is_said_in_a_box_and_settings_start_receiving(run, tmp_path: Path, qapp
                                                                    ) -> None:
    """A taken port: the window opens with history and trends working, says why in red and
    in a message box, in the operator's language; saving a free port starts receiving."""
    from app.config import update_settings
    from tests.conftest import Poster
    from ui import i18n

    translators = i18n.install(qapp, "zh_CN")

    blocker = socket.socket()
    blocker.bind(("127.0.0.1", 0))
    blocker.listen()
    port = blocker.getsockname()[1]
    try:
        app = DesktopApp(make_settings(tmp_path / "data", port=port), language="zh_CN",
                         qsettings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
        app.window.show()
        assert run(app.start()) is True
        label: QLabel = app.window.status.receiver
        assert f"端口 {port} 已被其他程序占用" in label.text()
        assert "c62828" in label.styleSheet()  # red
        box = app.receiver_down_box
        assert box is not None and box.isVisible()
        assert box.text() == f"端口 {port} 已被其他程序占用（127.0.0.1:{port}）。"
        assert "文件 > 设置" in box.informativeText()
        assert app.window.isVisible() and app.trends is not None  # the history is there
        assert app.core.store.read_sync(lambda db: db["messages"].count) == 0

        async def settle_on_a_free_port() -> None:
            error = await app.apply_settings(update_settings(app.core.settings, port=0))
            assert error == ""
            poster = Poster(app.core.receiver.url)
            assert await poster.code(example("cabinetStatusUpdate")) == "1000"
            await poster.client.aclose()
            await wait_until(lambda: "127.0.0.1" in label.text() and "c62828" not in
                             label.styleSheet())

        run(settle_on_a_free_port())
        assert app.receiver_down_box is None and not box.isVisible()
        assert app.core.store.read_sync(lambda db: db["messages"].count) == 1
        app.window.close()
        run(app.stop())
    finally:
        blocker.close()
        i18n.uninstall(qapp, translators)


def test_panels_plug_in_and_layout_is_remembered(run, tmp_path: Path, qtbot):
    from PySide6.QtWidgets import QWidget

    ini = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    app = DesktopApp(make_settings(tmp_path / "data"), qsettings=ini)
    w = app.window
    w.resize(760, 560)  # inside the offscreen screen (800x600): geometry is restored as saved
    w.show()
    panel = QWidget()
    w.add_panel(panel, "Control", "right")
    assert w.right_tabs.isVisible() and w.right_tabs.widget(0) is panel
    w.main_split.setSizes([250, 510])
    w.close()
    again = DesktopApp(make_settings(tmp_path / "data"), qsettings=ini)
    again.window.show()
    assert again.window.size().width() == 760
    qtbot.waitUntil(lambda: abs(again.window.main_split.sizes()[0] - 250) <= 2, timeout=2000)
    again.window.close()


def test_a_percentage_just_under_100_never_reads_as_100() -> None:
    from app.protocol import Reading
    from ui import text

    assert text.number(Reading(99.99), "%") == "99.9%"  # a disk that is not quite full
    assert text.number(Reading(100.0), "%") == "100%"
    assert text.number(Reading(42.06), "%") == "42.1%"
    assert text.number(Reading(99.99), "V") == "100.0 V"  # only shares of a whole


def test_comm_log_view_never_unpacks_or_shows_more_than_its_limit() -> None:
    """Anyone who reaches the port can have a body logged: a 50 KB gzip of 50 MB, or one long
    line, must not stall the window (one line of 256 KB took 3.7 s to lay out)."""
    import gzip

    from ui.commlog import SHOW_LIMIT, raw_text

    bomb = gzip.compress(b"A" * 50_000_000)
    said = raw_text(bomb)
    assert said.startswith(f"(a gzip body of {len(bomb)} bytes, not unpacked") and len(said) < 200
    long = raw_text(b"x" * (4 * SHOW_LIMIT))
    assert len(long) < SHOW_LIMIT + 100 and long.endswith(f"({3 * SHOW_LIMIT} more bytes not shown)")
    assert raw_text(gzip.compress(b'{"a": 1}')) == '{\n  "a": 1\n}'
