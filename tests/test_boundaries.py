"""DESIGN.md boundaries: no Qt under app/, wire names only in app/protocol."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import BaseModel

import app.protocol.control as control
import app.protocol.messages as messages

ROOT = Path(__file__).resolve().parents[1]
QT_IMPORT = re.compile(r"^\s*(from|import)\s+(PySide6|pyqtgraph|qasync|shiboken6|ui)\b", re.M)


def sources(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def test_no_qt_or_ui_import_under_app():
    offenders = [str(p.relative_to(ROOT)) for p in sources("app") if QT_IMPORT.search(p.read_text())]
    assert offenders == []


def _wire_names() -> set[str]:
    names: set[str] = set()
    for module in (messages, control):
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, BaseModel) and obj is not BaseModel:
                for name, f in obj.model_fields.items():
                    alias = f.alias or name
                    if alias != name and re.search(r"[a-z][A-Z]", alias):
                        names.add(alias)
    return names


def test_wire_names_only_in_protocol_package():
    wire = _wire_names()
    assert "gantryId" in wire and "frontDoorClosed" in wire  # the check sees the real aliases
    alternatives = "|".join(sorted(map(re.escape, wire)))
    quoted = re.compile(rf"""["']({alternatives})["']""")
    offenders = []
    for folder in ("app", "ui"):
        for p in sources(folder):
            if "protocol" in p.relative_to(ROOT).parts:
                continue
            for m in quoted.finditer(p.read_text(encoding="utf-8")):
                offenders.append(f"{p.relative_to(ROOT)}: {m.group(1)}")
    assert offenders == []
