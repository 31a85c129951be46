"""File > Settings: receiver, gantry registry, data and retention, alarm limits, operator.

The dialog edits a copy of `Settings`; OK validates the whole model (pydantic) and shows each
problem as one sentence next to its field. Valid settings are saved with `save_settings` and
handed back through `accepted_settings`; the app applies them without restarting (the receiver
restarts by itself when host, port or TLS changed).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.config import ConfigError, Settings, edits_onto, load_settings, save_settings
from app.gantry_time import zone_names
from app.protocol.parse import DEFAULT_AUTH_CODE
from ui import lifecycle

log = logging.getLogger(__name__)
LANGUAGES = (("zh_CN", "中文（简体）"), ("en", "English"))


def _t(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


# Alarm limits (Thresholds fields) in the operator's words.
THRESHOLD_LABELS = {
    "cabinet_temperature_high": QT_TRANSLATE_NOOP("SettingsDialog",
                                                  "Cabinet temperature high (°C)"),
    "cabinet_humidity_high": QT_TRANSLATE_NOOP("SettingsDialog", "Cabinet humidity high (%RH)"),
    "cpu_temperature_high": QT_TRANSLATE_NOOP("SettingsDialog", "CPU temperature high (°C)"),
    "disk_usage_high": QT_TRANSLATE_NOOP("SettingsDialog", "Disk usage high (%)"),
    "memory_usage_high": QT_TRANSLATE_NOOP("SettingsDialog", "Memory usage high (%)"),
    "ups_remaining_minutes_low": QT_TRANSLATE_NOOP("SettingsDialog", "UPS backup time low (min)"),
    "ups_charge_low": QT_TRANSLATE_NOOP("SettingsDialog", "Battery charge low (%)"),
    "door_open_max_s": QT_TRANSLATE_NOOP("SettingsDialog", "Door open longer than (s)"),
    "temperature_deadband": QT_TRANSLATE_NOOP("SettingsDialog", "Temperature deadband (°C)"),
    "humidity_deadband": QT_TRANSLATE_NOOP("SettingsDialog", "Humidity deadband (%RH)"),
    "percent_deadband": QT_TRANSLATE_NOOP("SettingsDialog", "Percentage deadband (%)"),
    "minutes_deadband": QT_TRANSLATE_NOOP("SettingsDialog", "Backup time deadband (min)"),
}
# Gantry registry columns: GantryEntry fields (the id is the key).
GANTRY_COLUMNS = (
    ("id", QT_TRANSLATE_NOOP("SettingsDialog", "Gantry id")),
    ("name", QT_TRANSLATE_NOOP("SettingsDialog", "Name")),
    ("location", QT_TRANSLATE_NOOP("SettingsDialog", "Location")),
    ("control_url", QT_TRANSLATE_NOOP("SettingsDialog", "Control URL")),
    ("device_auth_code", QT_TRANSLATE_NOOP("SettingsDialog", "Device auth code")),
    ("auth_code", QT_TRANSLATE_NOOP("SettingsDialog", "Receive auth code")),
    ("period_s", QT_TRANSLATE_NOOP("SettingsDialog", "Reporting period (s)")),
    ("time_zone", QT_TRANSLATE_NOOP("SettingsDialog", "Time zone")),
)
# pydantic's checks in the operator's language (other problems keep pydantic's sentence).
VALIDATION = {
    "less_than_equal": (QT_TRANSLATE_NOOP("SettingsDialog", "Must be at most %1."), "le"),
    "less_than": (QT_TRANSLATE_NOOP("SettingsDialog", "Must be less than %1."), "lt"),
    "greater_than_equal": (QT_TRANSLATE_NOOP("SettingsDialog", "Must be at least %1."), "ge"),
    "greater_than": (QT_TRANSLATE_NOOP("SettingsDialog", "Must be greater than %1."), "gt"),
    "int_parsing": (QT_TRANSLATE_NOOP("SettingsDialog", "Must be a whole number."), ""),
    "int_from_float": (QT_TRANSLATE_NOOP("SettingsDialog", "Must be a whole number."), ""),
    "float_parsing": (QT_TRANSLATE_NOOP("SettingsDialog", "Must be a number."), ""),
}


def error_sentence(err: dict[str, Any]) -> str:
    """One sentence for one pydantic error."""
    if err.get("loc", ())[-1:] == ("time_zone",) and err.get("type") == "value_error":
        return _t("%1 is not a time zone name such as Asia/Shanghai (leave it empty for this "
                  "PC's zone).").replace("%1", repr(str(err.get("input", "")).strip()))
    known = VALIDATION.get(err.get("type", ""))
    if known:
        template, key = known
        limit = (err.get("ctx") or {}).get(key, "")
        return _t(template).replace("%1", _num(limit))
    msg = str(err["msg"]).removeprefix("Value error, ")
    return msg[:1].upper() + msg[1:] + ("" if msg.endswith(".") else ".")


def uses_test_code(settings: Settings) -> bool:
    """The spec's test auth code is the global code or a gantry's own receive code."""
    return settings.auth_code == DEFAULT_AUTH_CODE or any(
        e.auth_code == DEFAULT_AUTH_CODE for e in settings.gantries.values())


def test_code_warning(settings: Settings) -> str:
    if not uses_test_code(settings):
        return ""
    return _t("The test auth code 123456 from the protocol specification is in use: anyone who "
              "knows it can send data. Set your own auth code in File > Settings.")


def _num(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _zone_completer(parent: QWidget) -> QCompleter:
    """Completes IANA zone names from any part typed ("Shanghai" finds Asia/Shanghai)."""
    c = QCompleter(zone_names(), parent)
    c.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    c.setFilterMode(Qt.MatchFlag.MatchContains)
    return c


class SettingsDialog(QDialog):
    accepted_settings = Signal(object)  # the saved Settings

    def __init__(self, settings: Settings, config_path: Path | None, qsettings: QSettings,
                 parent: QWidget | None = None,
                 make_certificate: Callable[[Path, Path], None] | None = None):
        super().__init__(parent)
        self.settings = settings
        self.config_path = config_path
        self.qsettings = qsettings
        self.make_certificate = make_certificate
        self.result_settings: Settings | None = None
        self.fields: dict[str, QLineEdit] = {}  # dotted setting name -> editor
        self.errors: dict[str, QLabel] = {}  # dotted setting name -> its error line
        self.setWindowTitle(_t("Settings"))
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._receiver_page(), _t("Receiver"))
        self.tabs.addTab(self._gantries_page(), _t("Gantries"))
        self.tabs.addTab(self._data_page(), _t("Data and retention"))
        self.tabs.addTab(self._alarms_page(), _t("Alarm limits"))
        self.tabs.addTab(self._operator_page(), _t("Operator"))
        self.general_error = self._error_label()
        self.buttons = QDialogButtonBox(self)
        self.buttons.addButton(_t("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(_t("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.resize(760, 560)

    # -- building ------------------------------------------------------------------------------

    def _error_label(self) -> QLabel:
        label = QLabel(self)
        label.setObjectName("fieldError")
        label.setStyleSheet("color: #b00020;")
        label.setWordWrap(True)
        label.hide()
        return label

    def _row(self, form: QFormLayout, name: str, label: str, value: Any,
             extra: QWidget | None = None, password: bool = False) -> QLineEdit:
        edit = QLineEdit(_num(value), self)
        edit.setObjectName(name)
        if password:
            edit.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        error = self._error_label()
        box = QWidget(self)
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(1)
        line = QHBoxLayout()
        line.addWidget(edit, 1)
        if extra is not None:
            line.addWidget(extra)
        col.addLayout(line)
        col.addWidget(error)
        form.addRow(label, box)
        self.fields[name] = edit
        self.errors[name] = error
        return edit

    def _page(self) -> tuple[QWidget, QFormLayout]:
        inner = QWidget(self)
        form = QFormLayout(inner)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        return scroll, form

    def _browse(self, target: str, folder: bool = False) -> QPushButton:
        b = QPushButton(_t("Browse…"), self)

        def pick() -> None:
            edit = self.fields[target]
            if folder:
                path = QFileDialog.getExistingDirectory(self, _t("Data folder"), edit.text())
            else:
                path, _ = QFileDialog.getOpenFileName(self, _t("Choose a PEM file"), edit.text(),
                                                      _t("PEM files (*.pem *.crt *.key);;All files (*)"))
            if path:
                edit.setText(path)

        b.clicked.connect(pick)
        return b

    def _receiver_page(self) -> QWidget:
        s = self.settings
        page, form = self._page()
        self._row(form, "host", _t("Listen address:"), s.host)
        self._row(form, "port", _t("Port:"), s.port)
        self._row(form, "tls_cert", _t("TLS certificate:"), s.tls_cert,
                  self._browse("tls_cert"))
        self._row(form, "tls_key", _t("TLS private key:"), s.tls_key, self._browse("tls_key"))
        self.cert_button = QPushButton(_t("Create a self-signed certificate"), self)
        self.cert_button.clicked.connect(self.create_certificate)
        self.cert_note = QLabel(_t("Leave both empty to receive over plain HTTP."), self)
        self.cert_note.setWordWrap(True)
        form.addRow("", self.cert_button)
        form.addRow("", self.cert_note)
        self._row(form, "auth_code", _t("Auth code (all gantries):"), s.auth_code, password=True)
        self._row(form, "skew_tolerance_s", _t("Clock skew tolerance (s, 0: off):"),
                  s.skew_tolerance_s)
        zone = self._row(form, "time_zone", _t("Gantries' time zone:"), s.time_zone)
        zone.setPlaceholderText(_t("this PC's time zone"))
        zone.setCompleter(_zone_completer(zone))
        zone_note = QLabel(_t("Devices send times without a zone (door and capture times). "
                              "Leave this empty when the gantries' clocks are set like this "
                              "PC's; otherwise give the zone, e.g. Asia/Shanghai. A gantry's "
                              "own zone (Gantries page) comes first."), self)
        zone_note.setWordWrap(True)
        form.addRow("", zone_note)
        self._row(form, "rate_per_s", _t("Requests per second per gantry:"), s.rate_per_s)
        self._row(form, "rate_burst", _t("Burst of requests allowed:"), s.rate_burst)
        return page

    def _gantries_page(self) -> QWidget:
        page = QWidget(self)
        self.gantries = QTableWidget(0, len(GANTRY_COLUMNS), page)
        self.gantries.setHorizontalHeaderLabels([_t(title) for _, title in GANTRY_COLUMNS])
        self.gantries.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.gantries.horizontalHeader().setStretchLastSection(True)
        self.gantries.verticalHeader().hide()
        for gid, entry in self.settings.gantries.items():
            self.add_gantry(gid, entry.model_dump())
        self.gantries.resizeColumnsToContents()
        add = QPushButton(_t("Add gantry"), page)
        add.clicked.connect(lambda: self.add_gantry("", {}))
        remove = QPushButton(_t("Remove selected"), page)
        remove.clicked.connect(self._remove_gantries)
        self.errors["gantries"] = self._error_label()
        note = QLabel(_t("Empty auth codes use the global one; an empty control URL uses "
                         "http://<monitoring PC address>:3699/remotecontrol.do; an empty time "
                         "zone uses the gantries' time zone of the Receiver page."), page)
        note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.gantries, 1)
        layout.addWidget(self.errors["gantries"])
        layout.addLayout(buttons)
        layout.addWidget(note)
        return page

    def add_gantry(self, gid: str, values: dict[str, Any]) -> int:
        row = self.gantries.rowCount()
        self.gantries.insertRow(row)
        for col, (key, _title) in enumerate(GANTRY_COLUMNS):
            value = gid if key == "id" else values.get(key, 600 if key == "period_s" else "")
            self.gantries.setItem(row, col, QTableWidgetItem(_num(value)))
        return row

    def _remove_gantries(self) -> None:
        for row in sorted({i.row() for i in self.gantries.selectedIndexes()}, reverse=True):
            self.gantries.removeRow(row)

    def _data_page(self) -> QWidget:
        s = self.settings
        page, form = self._page()
        self._row(form, "data_dir", _t("Data folder:"), str(s.resolved_data_dir()),
                  self._browse("data_dir", folder=True))
        note = QLabel(_t("A new data folder is used from the next start; it must be on a "
                         "local disk."), self)
        note.setWordWrap(True)
        form.addRow("", note)
        self._row(form, "raw_history_days", _t("Keep every report for (days):"),
                  s.raw_history_days)
        self._row(form, "rollup_history_years", _t("Keep hourly summaries for (years):"),
                  s.rollup_history_years)
        self.auto_fetch = QCheckBox(_t("Fetch door-open photos and videos automatically"), self)
        self.auto_fetch.setChecked(s.media.auto_fetch)
        form.addRow("", self.auto_fetch)
        self._row(form, "media.keep_days", _t("Keep captures for (days, 0: no limit):"),
                  s.media.keep_days)
        self._row(form, "media.max_total_mib", _t("Captures may use at most (MiB, 0: no limit):"),
                  s.media.max_total_mib)
        return page

    def _alarms_page(self) -> QWidget:
        page, form = self._page()
        defaults = self.settings.alarms.defaults
        for name, label in THRESHOLD_LABELS.items():
            self._row(form, f"alarms.defaults.{name}", _t(label) + ":", getattr(defaults, name))
        return page

    def _operator_page(self) -> QWidget:
        s = self.settings
        page, form = self._page()
        self.language = QComboBox(self)
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(s.language)))
        form.addRow(_t("Language:"), self.language)
        self._row(form, "operator_name", _t("Operator name:"), s.operator_name)
        self._row(form, "control_pin", _t("Control PIN (empty: none):"), s.control_pin,
                  password=True)
        self.tray = QCheckBox(_t("Closing the window keeps Gantry Monitor running in the "
                                 "notification area"), self)
        self.tray.setChecked(lifecycle.minimise_to_tray(self.qsettings))
        self.tray.setEnabled(lifecycle.tray_available())
        if not lifecycle.tray_available():
            self.tray.setToolTip(_t("This desktop has no notification area."))
        form.addRow("", self.tray)
        return page

    # -- certificate ---------------------------------------------------------------------------

    def create_certificate(self) -> None:
        base = Path(self.fields["data_dir"].text() or self.settings.resolved_data_dir()) / "tls"
        cert = Path(self.fields["tls_cert"].text() or base / "receiver-cert.pem")
        key = Path(self.fields["tls_key"].text() or base / "receiver-key.pem")
        if (cert.exists() or key.exists()) and QMessageBox.question(
                self, _t("Replace certificate"),
                _t("Replace the existing certificate and key?")) != \
                QMessageBox.StandardButton.Yes:
            return
        make = self.make_certificate
        if make is None:
            from app.tls import make_self_signed as make
        try:
            make(cert, key)
        except (OSError, ValueError) as e:
            log.exception("creating a certificate failed")
            self.cert_note.setText(_t("Could not create the certificate: %1").replace(
                "%1", str(e)))
            return
        self.fields["tls_cert"].setText(str(cert))
        self.fields["tls_key"].setText(str(key))
        self.cert_note.setText(_t("Certificate created for this computer; devices must be set "
                                  "to trust it. Save to use it."))

    # -- collecting and validating -------------------------------------------------------------

    def collect(self) -> dict[str, Any]:
        """The dialog's values as a settings document (not yet validated)."""
        doc = self.settings.model_dump()
        for name, edit in self.fields.items():
            target = doc
            *path, last = name.split(".")
            for p in path:
                target = target[p]
            target[last] = edit.text().strip()
        doc["media"]["auto_fetch"] = self.auto_fetch.isChecked()
        doc["language"] = self.language.currentData()
        gantries: dict[str, Any] = {}
        for row in range(self.gantries.rowCount()):
            values = {key: (self.gantries.item(row, col).text().strip()
                            if self.gantries.item(row, col) else "")
                      for col, (key, _t_) in enumerate(GANTRY_COLUMNS)}
            gid = values.pop("id")
            if not gid and not any(v for k, v in values.items() if k != "period_s"):
                continue  # an empty new row
            if gid in gantries:
                raise _DuplicateGantry(gid)
            gantries[gid] = values
        doc["gantries"] = gantries
        return doc

    def show_errors(self, errors: dict[str, str]) -> None:
        for label in [*self.errors.values(), self.general_error]:
            label.hide()
        for i, (name, message) in enumerate(errors.items()):
            label = self.errors.get(name, self.general_error)
            label.setText(message)
            label.show()
            if i == 0 and name in self.fields:  # the first problem's page comes forward
                self._show_tab_of(self.fields[name])
            elif i == 0 and name == "gantries":
                self.tabs.setCurrentIndex(1)

    def _show_tab_of(self, widget: QWidget) -> None:
        for i in range(self.tabs.count()):
            if self.tabs.widget(i).isAncestorOf(widget):
                self.tabs.setCurrentIndex(i)
                return

    def _field_of(self, loc: tuple[Any, ...]) -> str:
        parts = [str(p) for p in loc]
        if parts and parts[0] == "gantries":
            return "gantries"
        for n in range(len(parts), 0, -1):
            name = ".".join(parts[:n])
            if name in self.errors:
                return name
        return ""

    def validate(self) -> Settings | None:
        """The new settings, or None with the problems shown next to their fields."""
        try:
            doc = self.collect()
        except _DuplicateGantry as e:
            self.show_errors({"gantries": _t("Gantry %1 is listed twice.").replace("%1", e.gid)})
            return None
        try:
            settings = Settings.model_validate(doc)
        except ValidationError as e:
            errors: dict[str, str] = {}
            for err in e.errors():
                name = self._field_of(err["loc"])
                where = ".".join(str(p) for p in err["loc"][1:]) if name == "gantries" else ""
                sentence = error_sentence(err)
                errors.setdefault(name, f"{where}: {sentence}" if where else sentence)
            self.show_errors(errors)
            return None
        from app.datadir import DataDirError, check_data_dir

        try:
            check_data_dir(settings.resolved_data_dir())
        except DataDirError as e:
            self.show_errors({"data_dir": str(e)})
            return None
        self.show_errors({})
        return settings

    def save(self) -> None:
        settings = self.validate()
        if settings is None:
            return
        try:
            if self.config_path is not None:
                # Only what was changed here goes into the file, not this run's overrides.
                file_settings = load_settings(self.config_path)
                save_settings(edits_onto(self.settings, settings, file_settings),
                              self.config_path)
        except (OSError, ConfigError) as e:
            log.exception("saving the settings failed")
            self.show_errors({"": _t("Could not save the settings: %1").replace("%1", str(e))})
            return
        self.qsettings.setValue("ui/language", settings.language)
        if self.tray.isEnabled():
            self.qsettings.setValue(lifecycle.TRAY_KEY, self.tray.isChecked())
        self.qsettings.sync()
        self.result_settings = settings
        self.accepted_settings.emit(settings)
        self.accept()


class _DuplicateGantry(Exception):
    def __init__(self, gid: str):
        super().__init__(gid)
        self.gid = gid


def restart_notes(old: Settings, new: Settings) -> list[str]:
    """What only takes effect at the next start (said once after saving)."""
    notes = []
    if old.resolved_data_dir() != new.resolved_data_dir():
        notes.append(_t("The new data folder is used from the next start."))
    if old.language != new.language:
        notes.append(_t("The language changes the next time Gantry Monitor starts."))
    return notes

