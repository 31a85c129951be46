"""The metric catalogue: every numeric reading worth a trend, with its unit and a human label.

Labels are English source strings; the UI translates them (context "Metric"). A metric is one
field of one device kind; a *series* is a metric of one device of one cabinet (or computer) of a
gantry.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.protocol.messages import DEVICE_MODELS


@dataclass(frozen=True)
class Metric:
    kind: str  # device kind (DEVICE_MODELS key)
    field: str  # reading name on the model (a column of `<kind>_history`)
    unit: str
    label: str  # English; translated by the UI

    @property
    def key(self) -> str:
        return f"{self.kind}.{self.field}"

    @property
    def scope(self) -> str:
        """"computer" for computer readings, else "cabinet"."""
        return "computer" if self.kind == "computer" else "cabinet"


# Device kinds as words (English, translated by the UI), in the order a list reads them.
KIND_LABELS: dict[str, str] = {
    "thermohygrometer": "Thermohygrometer",
    "mains": "Mains input",
    "rectifier": "Rectifier",
    "ups": "UPS / battery",
    "surge_protector": "Surge protector",
    "computer": "Computer",
}

METRICS: tuple[Metric, ...] = (
    Metric("thermohygrometer", "temperature", "°C", "Cabinet temperature"),
    Metric("thermohygrometer", "humidity", "%RH", "Cabinet humidity"),
    Metric("mains", "voltage", "V", "Mains voltage"),
    Metric("mains", "current", "A", "Mains current"),
    Metric("mains", "power", "kW", "Mains power"),
    Metric("mains", "frequency", "Hz", "Mains frequency"),
    Metric("mains", "energy", "kWh", "Mains energy (cumulative)"),
    Metric("rectifier", "output_voltage", "V", "Rectifier output voltage"),
    Metric("rectifier", "output_current", "A", "Rectifier output current"),
    Metric("rectifier", "output_power", "kW", "Rectifier output power"),
    Metric("ups", "charge_voltage", "V", "UPS charge voltage"),
    Metric("ups", "charge_current", "A", "UPS charge current"),
    Metric("ups", "discharge_voltage", "V", "UPS discharge voltage"),
    Metric("ups", "discharge_current", "A", "UPS discharge current"),
    Metric("ups", "charge_percent", "%", "Battery charge"),
    Metric("ups", "remaining_minutes", "min", "Battery remaining time"),
    Metric("ups", "remaining_capacity", "Ah", "Battery remaining capacity"),
    Metric("ups", "temperature", "°C", "Battery temperature"),
    Metric("surge_protector", "lightning_count", "strikes", "Surge strike count"),
    Metric("computer", "cpu_usage", "%", "CPU usage"),
    Metric("computer", "memory_usage", "%", "Memory usage"),
    Metric("computer", "sys_disk_usage", "%", "System disk usage"),
    Metric("computer", "data_disk_usage", "%", "Data disk usage"),
    Metric("computer", "net_usage", "%", "Network usage"),
    Metric("computer", "cpu_temperature", "°C", "CPU temperature"),
)

BY_KEY: dict[str, Metric] = {m.key: m for m in METRICS}


def metric(key: str) -> Metric:
    try:
        return BY_KEY[key]
    except KeyError:
        raise KeyError(f"unknown metric {key!r}; known: {', '.join(BY_KEY)}") from None


def metrics_of_kind(kind: str) -> tuple[Metric, ...]:
    return tuple(m for m in METRICS if m.kind == kind)


def fields_by_kind() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for m in METRICS:
        out.setdefault(m.kind, []).append(m.field)
    return {k: tuple(v) for k, v in out.items()}


@dataclass(frozen=True)
class Series:
    """One metric of one device: what a curve or an export column shows."""

    gantry_id: str
    metric: Metric
    cabinet_id: int | None = None  # None for computers
    device_id: int = 1

    @property
    def key(self) -> str:
        where = "computers" if self.cabinet_id is None else f"cabinet{self.cabinet_id}"
        return f"{self.gantry_id}/{where}/{self.metric.key}/{self.device_id}"

    def english_label(self) -> str:
        """A plain English name (export headers, CLI); the UI builds its own translated one."""
        dev = f" {self.device_id}" if self.metric.kind != "thermohygrometer" else ""
        where = "" if self.cabinet_id is None else f"Cabinet {self.cabinet_id} "
        what = KIND_LABELS[self.metric.kind] + dev
        return f"{where}{what}: {self.metric.label}"


# Units that are words (the window translates them); the others are symbols read everywhere.
WORD_UNITS = frozenset({"min", "strikes"})


def _check() -> None:
    # Every catalogue entry is a numeric reading of its model: a typo fails at import.
    for m in METRICS:
        types = DEVICE_MODELS[m.kind].value_types()
        if types.get(m.field) not in (float, int):
            raise AssertionError(f"{m.key} is not a numeric reading")


_check()
