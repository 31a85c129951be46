"""Screenshots from UI tests are opt-in: GM_SCREENSHOTS=1 saves them under screenshots/ (or
GM_SCREENSHOTS=DIR there), so an ordinary test run leaves the working tree clean."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QWidget

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "screenshots"


def shots_dir() -> Path | None:
    value = os.environ.get("GM_SCREENSHOTS", "")
    if value in ("", "0"):
        return None
    return DEFAULT_DIR if value == "1" else Path(value)


def save_shot(widget: QWidget, name: str) -> Path | None:
    """Grab `widget`; save it as `name` only when screenshots are asked for."""
    picture = widget.grab()
    assert not picture.isNull()
    out = shots_dir()
    if out is None:
        return None
    out.mkdir(parents=True, exist_ok=True)
    path = out / name
    assert picture.save(str(path))
    return path
