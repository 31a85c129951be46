"""A software gantry: a faithful device peer for the demo, the tests and installers' training.

- `model`: the gantry's state and how it evolves (pure; time passed in).
- `reports`: its status messages, built with `app.protocol` models.
- `commands`: what it does with each control command of PROTOCOL.md §8 (pure).
- `faults`: named faults and scenarios.
- `captures`: door-open JPEG / MJPEG AVI.
- `gantry`: `SimulatedGantry`, the running device (posts, remotecontrol.do, captures).
- `cli`: `gantry-monitor simulate`.
"""

from .faults import FAULTS, SCENARIOS, apply_scenario, inject, schedule_fault
from .gantry import PostStats, SimulatedGantry
from .model import GantryConfig, GantryModel

__all__ = ["FAULTS", "SCENARIOS", "GantryConfig", "GantryModel", "PostStats", "SimulatedGantry",
           "apply_scenario", "inject", "schedule_fault"]
