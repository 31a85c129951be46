"""File > Settings: dialog -> file -> dialog round trip, one-sentence validation next to the
field, the self-signed certificate button, the test-code banner, and a port change applied to
the running app (receiver restarted, window still open)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from PySide6.QtCore import QSettings

from app.config import load_settings, save_settings, update_settings
from tests.conftest import Poster, example, make_settings
from tests.ui.shots import save_shot
from ui.settings_dialog import GANTRY_COLUMNS, SettingsDialog, uses_test_code


def _dialog(qtbot, tmp_path: Path, settings=None) -> SettingsDialog:
    settings = settings or make_settings(tmp_path / "data", gantries={
        "G1": {"name": "North", "location": "K12+300", "period_s": 60}})
    path = save_settings(settings, tmp_path / "settings.toml")  # what the app read at start
    (tmp_path / "settings.before").write_bytes(path.read_bytes())
    qs = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    d = SettingsDialog(settings, tmp_path / "settings.toml", qs)
    qtbot.addWidget(d)
    return d


def _unsaved(tmp_path: Path) -> bool:
    """The settings file still holds what `_dialog` wrote before the dialog opened."""
    return ((tmp_path / "settings.toml").read_bytes()
            == (tmp_path / "settings.before").read_bytes())


def _set_cell(d: SettingsDialog, row: int, key: str, value: str) -> None:
    col = [k for k, _ in GANTRY_COLUMNS].index(key)
    d.gantries.item(row, col).setText(value)


def test_command_line_overrides_stay_out_of_the_file(qtbot, tmp_path: Path):
    """Started with `--port 9999 --gantry G9=URL`: the dialog shows them, and saving an
    unrelated change keeps the file's own port and gantries."""
    file_settings = make_settings(tmp_path / "data", port=8080, gantries={
        "G1": {"name": "North", "period_s": 60}})
    save_settings(file_settings, tmp_path / "settings.toml")
    running = update_settings(file_settings, port=9999, gantries={
        "G1": {"name": "North", "period_s": 60},
        "G9": {"control_url": "http://127.0.0.1:3700/remotecontrol.do"}})
    qs = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    d = SettingsDialog(running, tmp_path / "settings.toml", qs)
    qtbot.addWidget(d)
    assert d.fields["port"].text() == "9999"
    d.fields["rate_per_s"].setText("3")
    _set_cell(d, 0, "name", "North gate")  # G1 is the first row
    saved = []
    d.accepted_settings.connect(saved.append)
    d.save()
    assert saved and saved[0].port == 9999 and "G9" in saved[0].gantries  # this run keeps them
    s = load_settings(tmp_path / "settings.toml")
    assert (s.port, s.rate_per_s) == (8080, 3.0)
    assert set(s.gantries) == {"G1"} and s.gantries["G1"].name == "North gate"


def test_round_trip_dialog_file_dialog(qtbot, tmp_path: Path):
    d = _dialog(qtbot, tmp_path)
    f = d.fields
    f["port"].setText("9443")
    f["auth_code"].setText("k7-site-code")
    f["skew_tolerance_s"].setText("120")
    f["rate_per_s"].setText("4")
    f["raw_history_days"].setText("30")
    f["media.keep_days"].setText("14")
    f["alarms.defaults.cabinet_temperature_high"].setText("55.5")
    f["operator_name"].setText("王工")
    f["control_pin"].setText("2468")
    d.language.setCurrentIndex(d.language.findData("en"))
    d.auto_fetch.setChecked(False)
    row = d.add_gantry("G2", {})
    for key, value in (("name", "South"), ("control_url", "http://10.0.0.9:3699/remotecontrol.do"),
                       ("device_auth_code", "dev-code"), ("auth_code", "recv-code"),
                       ("period_s", "300")):
        _set_cell(d, row, key, value)
    saved = []
    d.accepted_settings.connect(saved.append)
    d.save()
    assert d.result() == SettingsDialog.DialogCode.Accepted and len(saved) == 1

    s = load_settings(tmp_path / "settings.toml")
    assert (s.port, s.auth_code, s.skew_tolerance_s, s.rate_per_s) == (9443, "k7-site-code",
                                                                      120.0, 4.0)
    assert (s.raw_history_days, s.media.keep_days, s.media.auto_fetch) == (30.0, 14.0, False)
    assert s.alarms.defaults.cabinet_temperature_high == 55.5
    assert (s.operator_name, s.control_pin, s.language) == ("王工", "2468", "en")
    assert s.gantries["G1"].name == "North" and s.gantries["G1"].period_s == 60
    g2 = s.gantries["G2"]
    assert (g2.name, g2.device_auth_code, g2.auth_code, g2.period_s) == ("South", "dev-code",
                                                                        "recv-code", 300.0)
    assert s == saved[0]

    again = _dialog(qtbot, tmp_path, s)  # the file's settings back in a new dialog
    assert again.fields["port"].text() == "9443"
    assert again.fields["alarms.defaults.cabinet_temperature_high"].text() == "55.5"
    assert again.fields["operator_name"].text() == "王工"
    assert again.language.currentData() == "en" and not again.auto_fetch.isChecked()
    assert again.gantries.rowCount() == 2
    assert again.validate() == s


def test_bad_values_are_one_sentence_next_to_their_field_and_nothing_is_saved(qtbot, tmp_path):
    d = _dialog(qtbot, tmp_path)
    d.show()
    d.fields["port"].setText("70000")
    d.fields["alarms.defaults.door_open_max_s"].setText("-1")
    d.save()
    assert d.result() != SettingsDialog.DialogCode.Accepted
    assert _unsaved(tmp_path)
    port_error = d.errors["port"]
    assert port_error.isVisible() and "65535" in port_error.text()  # its page is in front
    assert port_error.text().count(".") == 1 and port_error.text().endswith(".")
    door_error = d.errors["alarms.defaults.door_open_max_s"]
    assert not door_error.isHidden() and "greater than 0" in door_error.text()
    assert d.errors["host"].isHidden()

    d.fields["port"].setText("8090")
    d.fields["alarms.defaults.door_open_max_s"].setText("900")
    _set_cell(d, 0, "id", "bad id!")
    d.save()
    assert d.errors["port"].isHidden()
    assert "bad id!" in d.errors["gantries"].text() and d.tabs.currentIndex() == 1
    _set_cell(d, 0, "id", "G1")
    d.save()
    assert load_settings(tmp_path / "settings.toml").port == 8090


def test_time_zones_global_and_per_gantry(qtbot, tmp_path: Path):
    d = _dialog(qtbot, tmp_path)
    d.show()
    zone = d.fields["time_zone"]
    assert zone.text() == "" and zone.placeholderText()  # empty: this PC's zone
    # Typing part of a name offers the full IANA names.
    completer = zone.completer()
    completer.setCompletionPrefix("kathm")
    assert completer.currentCompletion() == "Asia/Kathmandu"
    zone.setText("Beijing")
    d.save()
    assert _unsaved(tmp_path)
    assert "Asia/Shanghai" in d.errors["time_zone"].text() and d.tabs.currentIndex() == 0
    zone.setText("Asia/Shanghai")
    _set_cell(d, 0, "time_zone", "Asia/Kathmandu")
    d.save()
    s = load_settings(tmp_path / "settings.toml")
    assert (s.time_zone, s.gantries["G1"].time_zone) == ("Asia/Shanghai", "Asia/Kathmandu")
    assert str(s.gantry_zone("G1")) == "Asia/Kathmandu"
    assert str(s.gantry_zone("G7")) == "Asia/Shanghai"
    save_shot(d, "settings_receiver_time_zone.png")


def test_create_self_signed_certificate_fills_both_fields(qtbot, tmp_path: Path):
    d = _dialog(qtbot, tmp_path)
    d.create_certificate()
    cert, key = Path(d.fields["tls_cert"].text()), Path(d.fields["tls_key"].text())
    assert cert.parent == tmp_path / "data" / "tls"
    assert cert.read_text().startswith("-----BEGIN CERTIFICATE-----")
    assert "PRIVATE KEY" in key.read_text()
    s = d.validate()
    assert s is not None and s.tls_cert == str(cert) and s.tls_key == str(key)


def test_the_test_code_banner_follows_the_settings(qtbot, tmp_path: Path):
    s = make_settings(tmp_path)
    assert uses_test_code(s)
    assert not uses_test_code(s.model_copy(update={"auth_code": "own"}))
    assert uses_test_code(make_settings(tmp_path, auth_code="own",
                                        gantries={"G1": {"auth_code": "123456"}}))


def test_port_change_from_the_dialog_restarts_the_receiver_without_restarting_the_app(
        desktop, run, tmp_path: Path):
    window = desktop.window
    assert window.banner.isVisible() and "123456" in window.banner.text()
    desktop.config_path = tmp_path / "settings.toml"
    old_url = desktop.core.receiver.url
    dialog = desktop.open_settings()
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    dialog.fields["port"].setText(str(port))
    dialog.fields["auth_code"].setText("site-code-7")
    dialog.save()
    run(_wait_tasks(desktop))
    assert desktop.core.receiver.port == port and window.isVisible()
    assert not window.banner.isVisible()
    assert load_settings(desktop.config_path).port == port
    p = Poster(desktop.core.receiver.url, auth_code="site-code-7")
    try:
        assert run(p.code(example("cabinetStatusUpdate"))) == "1000"
    finally:
        run(p.client.aclose())
    try:
        httpx.post(old_url, content=b"{}", timeout=2, trust_env=False)
        raise AssertionError("the old port still answers")
    except httpx.ConnectError:
        pass
    save_shot(window, "settings_applied_window.png")


async def _wait_tasks(desktop) -> None:
    import asyncio

    while desktop.tasks:
        await asyncio.gather(*desktop.tasks, return_exceptions=True)


INSTALLER_FILE = """\
# Gantry Monitor at the Xinjin toll station - edited by hand, keep these notes.
port = 8080  # the firewall opens 8080 only
auth_code = "s3cret"

[gantries.G1]
name = "K12+300 eastbound"  # the gantry's sign
period_s = 600

[gantries.G2]
name = "to be removed"

[alarms.defaults]
cabinet_temperature_high = 55.0  # this cabinet runs hot, agreed with maintenance
"""


def test_saving_edits_the_file_in_place(tmp_path: Path) -> None:
    """An installer's settings file keeps its comments, order and values; a change lands where
    its value stands; defaults are not written out; a removed gantry goes."""
    path = tmp_path / "settings.toml"
    path.write_text(INSTALLER_FILE, encoding="utf-8")
    settings = load_settings(path, named=True)
    gantries = {"G1": settings.gantries["G1"].model_copy(update={"time_zone": "Asia/Shanghai"}),
                "G3": {"name": "new one"}}
    save_settings(update_settings(settings, port=8081, gantries=gantries), path)
    saved = path.read_text(encoding="utf-8")
    assert saved.splitlines()[:3] == [
        "# Gantry Monitor at the Xinjin toll station - edited by hand, keep these notes.",
        "port = 8081  # the firewall opens 8080 only", 'auth_code = "s3cret"']
    assert 'name = "K12+300 eastbound"  # the gantry\'s sign' in saved
    assert 'time_zone = "Asia/Shanghai"' in saved and "to be removed" not in saved
    assert "[gantries.G3]" in saved and 'name = "new one"' in saved
    assert "cabinet_temperature_high = 55.0  # this cabinet runs hot" in saved
    assert "skew_tolerance_s" not in saved and "max_body_kib" not in saved  # defaults
    again = load_settings(path, named=True)
    assert again.port == 8081 and set(again.gantries) == {"G1", "G3"}
    assert again.alarms.defaults.cabinet_temperature_high == 55.0
    # A file written from nothing holds only what differs from the defaults.
    fresh = tmp_path / "fresh.toml"
    save_settings(update_settings(load_settings(tmp_path / "none.toml"), port=9000), fresh)
    assert fresh.read_text(encoding="utf-8").strip() == "port = 9000"


@pytest.mark.parametrize("layout", [
    # dotted keys: a new table placed after them would swallow the root keys below
    '# site\ngantries.G1.name = "x"\nport = 9000  # firewall\nauth_code = "s3cret"\n',
    'gantries.G1.name = "a"\ngantries.G2.name = "b"\ngantries.G3.name = "c"\n',
    # inline tables cannot take a table inside
    'gantries = { G1 = { name = "x" } }\nalarms = { defaults = { ups_charge_low = 40.0 } }\n',
    # the last gantry removed; overrides removed key by key
    '[gantries.G1]\nname = "x"\n\n[alarms.gantries.G1]\ncpu_temperature_high = 70.0\n'
    'disk_usage_high = 80.0\n',
])
def test_any_layout_reads_back_as_saved(tmp_path: Path, layout: str) -> None:
    """Found by a reviewer: each of these wrote a file the app refused, crashed the save, or
    kept what was removed. Whatever the layout, the file reads back as what was saved."""
    from app.config import GantryEntry

    path = tmp_path / "settings.toml"
    path.write_text(layout, encoding="utf-8")
    settings = load_settings(path, named=True)
    variants = [
        update_settings(settings, port=9100, gantries={"G2": GantryEntry(name="new")}),
        update_settings(settings, gantries={}, alarms={
            **settings.alarms.model_dump(), "gantries": {"G1": {"cpu_temperature_high": 75.0}}}),
        update_settings(settings, gantries={}, alarms={**settings.alarms.model_dump(),
                                                       "gantries": {}}),
    ]
    for wanted in variants:
        save_settings(wanted, path)
        assert load_settings(path, named=True).model_dump() == wanted.model_dump()
    if layout.startswith("# site"):  # a file that could not be edited in place is written
        assert "port" in path.read_text(encoding="utf-8")  # anew, with what differs
