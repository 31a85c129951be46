"""Alarm thresholds: defaults for every gantry, with per-gantry overrides, stored in settings.

A threshold alarm rises when the value passes the limit and clears only once it is back by the
deadband, so a value sitting on a limit does not flap.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator


class Thresholds(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    cabinet_temperature_high: float = 50.0  # °C
    cabinet_humidity_high: float = 90.0  # %RH
    cpu_temperature_high: float = 80.0  # °C
    disk_usage_high: float = 90.0  # % (system and data disks)
    memory_usage_high: float = 90.0  # %
    ups_remaining_minutes_low: float = 30.0  # minutes of backup left
    ups_charge_low: float = 30.0  # % battery charge
    door_open_max_s: float = Field(600.0, gt=0)  # a door open longer than this raises an alarm
    temperature_deadband: float = Field(2.0, ge=0)  # °C
    humidity_deadband: float = Field(3.0, ge=0)  # %RH
    percent_deadband: float = Field(2.0, ge=0)  # % (disk, memory, charge)
    minutes_deadband: float = Field(5.0, ge=0)  # minutes (UPS backup time)


class AlarmSettings(BaseModel):
    """`[alarms.defaults]` and `[alarms.gantries.<id>]` tables of the settings file."""

    model_config = ConfigDict(extra="forbid")

    defaults: Thresholds = Field(default_factory=Thresholds)
    # Per gantry: only the limits that differ from the defaults.
    gantries: dict[str, dict[str, float]] = Field(default_factory=dict)
    watchdog_s: float = Field(5.0, gt=0)  # how often silence, open doors and shelving are checked

    @model_validator(mode="after")
    def _overrides_are_thresholds(self) -> AlarmSettings:
        for gid, over in self.gantries.items():
            try:
                Thresholds.model_validate({**self.defaults.model_dump(), **over})
            except ValidationError as e:
                err = e.errors()[0]
                raise ValueError(f"gantry {gid}: {'.'.join(map(str, err['loc']))}: {err['msg']}") from None
        return self

    def for_gantry(self, gantry_id: str) -> Thresholds:
        over = self.gantries.get(gantry_id)
        if not over:
            return self.defaults
        return Thresholds.model_validate({**self.defaults.model_dump(), **over})
