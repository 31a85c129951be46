"""Settings: a TOML file in the platform's user config folder, overridable by command-line options."""

from __future__ import annotations

import tomllib
from datetime import tzinfo
from pathlib import Path
from typing import Any

import platformdirs
import tomlkit
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from tomlkit.items import InlineTable

from app.alarms.settings import AlarmSettings
from app.gantry_time import check_zone_name, zone
from app.media.settings import MediaSettings
from app.protocol.parse import DEFAULT_AUTH_CODE, GANTRY_ID, ReceivePolicy

APP_NAME = "GantryMonitor"
DEFAULT_PORT = 8080


class ConfigError(Exception):
    """A settings problem the user can fix; the message is one sentence."""


class GantryEntry(BaseModel):
    """A gantry the operator registered (or one simulated on this machine)."""

    model_config = ConfigDict(extra="forbid")
    name: str = ""
    location: str = ""
    control_url: str = ""  # empty: http://<monitoring PC ip>:3699/remotecontrol.do
    device_auth_code: str = ""  # sent to the device; empty: the global auth code
    auth_code: str = ""  # expected from the device on monitor.do; empty: the global one
    period_s: float = Field(600.0, gt=0)
    time_zone: str = ""  # the gantry's clock (IANA name); empty: the global time_zone

    _zone = field_validator("time_zone")(check_zone_name)


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    host: str = "0.0.0.0"
    port: int = Field(DEFAULT_PORT, ge=0, le=65535)
    tls_cert: str = ""
    tls_key: str = ""
    auth_code: str = DEFAULT_AUTH_CODE
    skew_tolerance_s: float = Field(300.0, ge=0)
    rate_per_s: float = Field(10.0, ge=0)
    rate_burst: float = Field(20.0, ge=1)
    max_body_kib: int = Field(1024, ge=1)
    accepted_versions: list[str] = Field(default_factory=lambda: ["1001"])
    data_dir: str = ""
    operator_name: str = ""
    control_pin: str = ""  # operator PIN asked before reboot and door unlock; empty: none
    language: str = "zh_CN"
    gantries: dict[str, GantryEntry] = Field(default_factory=dict)
    alarms: AlarmSettings = Field(default_factory=AlarmSettings)  # thresholds (issue 6)
    media: MediaSettings = Field(default_factory=MediaSettings)  # door-open captures (issue 8)
    # Retention (issue 5): raw reports, then hourly rollups (min/mean/max) for much longer.
    raw_history_days: float = Field(90.0, gt=0)
    rollup_history_years: float = Field(5.0, gt=0)
    # The gantries' clock (PROTOCOL.md §5), an IANA name; empty: this workstation's zone.
    time_zone: str = ""

    _zone = field_validator("time_zone")(check_zone_name)

    @field_validator("gantries")
    @classmethod
    def _gantry_ids(cls, v: dict[str, GantryEntry]) -> dict[str, GantryEntry]:
        for gid in v:
            if not GANTRY_ID.match(gid):
                raise ValueError(f"gantry id {gid!r} is not 1-20 letters, digits, '-' or '_'")
        return v

    def receive_policy(self) -> ReceivePolicy:
        return ReceivePolicy(
            auth_code=self.auth_code,
            gantry_auth_codes={g: e.auth_code for g, e in self.gantries.items() if e.auth_code},
            skew_tolerance_s=self.skew_tolerance_s,
            accepted_versions=frozenset(self.accepted_versions),
            max_body_bytes=self.max_body_kib * 1024,
        )

    def gantry_zone(self, gantry_id: str | None) -> tzinfo | None:
        """The zone a gantry's device times are in (None: the workstation's)."""
        entry = self.gantries.get(gantry_id or "")
        return zone(entry.time_zone if entry and entry.time_zone else self.time_zone)

    def resolved_data_dir(self) -> Path:
        return Path(self.data_dir) if self.data_dir else default_data_dir()


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.toml"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def _first_error(e: ValidationError) -> str:
    err = e.errors()[0]
    where = ".".join(str(p) for p in err["loc"])
    return f"{where}: {err['msg']}"


def load_settings(path: Path | None = None, named: bool = False) -> Settings:
    """Read the settings file; a missing file gives the defaults, except one the user named
    (`--config`): a typo there must not quietly start with the test auth code and port 8080."""
    path = path or default_config_path()
    if not path.exists():
        if named:
            raise ConfigError(f"The settings file {path} does not exist (leave out --config to"
                              f" use {default_config_path()}).")
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"Cannot read the settings file {path}: {e}") from e
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"The settings file {path} is not valid TOML: {e}") from e
    try:
        return Settings.model_validate(data)
    except ValidationError as e:
        raise ConfigError(f"The settings file {path} has a bad value: {_first_error(e)}") from e


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write `settings` into the file, edited in place: what the installer wrote (comments,
    order, values equal to the defaults) stays; a value changed is changed where it stands;
    a value not in the file is added only if it differs from the default; a gantry removed
    is removed. Whatever the file's layout, what is written reads back as `settings`: when
    editing in place cannot promise that (dotted keys, inline tables), the file is written
    anew with the values that differ from the defaults (its comments are then lost)."""
    path = path or default_config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = settings.model_dump(mode="json")
    text = None
    try:
        if path.exists():
            doc = tomlkit.parse(path.read_text(encoding="utf-8"))
            _edit_table(doc, data, _DEFAULTS)
            text = tomlkit.dumps(doc)
            if _read_back(text) != data:
                text = None
    except Exception:  # noqa: BLE001  (a layout tomlkit cannot edit: written anew below)
        text = None
    if text is None:
        doc = tomlkit.document()
        _edit_table(doc, data, _DEFAULTS)
        text = tomlkit.dumps(doc)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)  # atomic: a crash never leaves half a settings file
    return path


def _read_back(text: str) -> dict[str, Any] | None:
    try:
        return Settings.model_validate(tomllib.loads(text)).model_dump(mode="json")
    except (tomllib.TOMLDecodeError, ValidationError):
        return None


_DEFAULTS = Settings().model_dump(mode="json")
_GANTRY_DEFAULTS = GantryEntry().model_dump(mode="json")
# Tables whose keys are entries (a gantry id each), not fixed fields: entries come and go.
_ENTRY_TABLES = {("gantries",): _GANTRY_DEFAULTS, ("alarms", "gantries"): {}}


def _edit_table(table: Any, new: dict[str, Any], defaults: dict[str, Any],
                path: tuple[str, ...] = ()) -> None:
    """Bring a TOML table to `new`, touching only what differs (see save_settings)."""
    if path[:-1] in _ENTRY_TABLES and len(path) >= 2 and not _ENTRY_TABLES[path[:-1]]:
        for gone in [k for k in table if k not in new]:  # an override removed
            del table[gone]
    for key, value in new.items():
        default = defaults.get(key)
        here = path + (key,)
        if isinstance(value, dict):
            if key not in table:
                if value == default or not value:
                    continue
                table[key] = tomlkit.table()
            sub = table[key]
            if isinstance(sub, InlineTable):  # edited in place would need tables inside it
                raise ValueError("inline table")
            if here in _ENTRY_TABLES:
                for gone in [k for k in sub if k not in value]:
                    del sub[gone]
                for entry_key, entry in value.items():
                    created = entry_key not in sub
                    if created:
                        sub[entry_key] = tomlkit.table()
                    _edit_table(sub[entry_key], entry, _ENTRY_TABLES[here], here + (entry_key,))
                    if created:
                        sub[entry_key].add(tomlkit.nl())  # a blank line before the next
                continue
            _edit_table(sub, value, default if isinstance(default, dict) else {}, here)
        elif key in table:
            old = table[key]
            if (old.unwrap() if hasattr(old, "unwrap") else old) != value:
                table[key] = value
        elif value != default:
            table[key] = value


def edits_onto(shown: Settings, edited: Settings, file_settings: Settings) -> Settings:
    """What to write back to the settings file after a settings dialog: the file's own
    settings with only the fields the user changed (`shown` -> `edited`). Values that came
    from the command line for this run (`--port`, `--data-dir`, `--gantry`) were shown but
    not changed, so they stay out of the file. Gantries are compared one by one."""
    before, after = shown.model_dump(), edited.model_dump()
    base = file_settings.model_dump()
    for name, value in after.items():
        if name == "gantries":
            gantries = dict(base["gantries"])
            for gid in before["gantries"].keys() - value.keys():  # removed in the dialog
                gantries.pop(gid, None)
            for gid, entry in value.items():
                if before["gantries"].get(gid) != entry:
                    gantries[gid] = entry
            base["gantries"] = gantries
        elif before.get(name) != value:
            base[name] = value
    return update_settings(Settings(), **base)


def update_settings(settings: Settings, **changes: Any) -> Settings:
    """A copy with changes applied and validated; bad values raise ConfigError."""
    try:
        return Settings.model_validate({**settings.model_dump(), **changes})
    except ValidationError as e:
        raise ConfigError(f"Bad setting: {_first_error(e)}") from e
