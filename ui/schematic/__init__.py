"""The cabinet schematic (painted with Qt graphics)."""

from .scene import CabinetScene, CabinetView

__all__ = ["CabinetScene", "CabinetView"]
