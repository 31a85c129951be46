"""Translations: Qt Linguist files under resources/translations (Chinese by default).

Source strings are English (tr()); `gantry_monitor_zh_CN.ts` holds the Chinese. The compiled
`.qm` is committed; when it is missing or older than the `.ts` (a developer edited the
translations) it is rebuilt with `pyside6-lrelease` if that tool is at hand.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

_BASE = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[1]))
TRANSLATIONS = _BASE / "resources" / "translations"
DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"gantry_monitor_{language}.ts"


def qm_path(language: str) -> Path:
    return TRANSLATIONS / f"gantry_monitor_{language}.qm"


def lrelease() -> str | None:
    """The lrelease tool PySide6-Essentials installs beside the interpreter, or on PATH."""
    here = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):
        if (here / name).exists():
            return str(here / name)
    return shutil.which("pyside6-lrelease")


def ensure_qm(language: str) -> Path | None:
    """The compiled translation, rebuilt from the .ts when stale; None when there is none."""
    ts, qm = ts_path(language), qm_path(language)
    stale = ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime)
    tool = lrelease() if stale else None
    if stale and tool:
        try:
            subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True,
                           capture_output=True, timeout=60)
        except (OSError, subprocess.SubprocessError) as e:
            log.warning("could not compile %s: %s", ts, e)
    return qm if qm.exists() else None


def normalise(language: object) -> str:
    s = str(language or DEFAULT_LANGUAGE)
    return s if s in LANGUAGES else ("en" if s.startswith("en") else DEFAULT_LANGUAGE)


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install our and Qt's own translators for `language`; English needs none."""
    language = normalise(language)
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return []
    out: list[QTranslator] = []
    qm = ensure_qm(language)
    ours = QTranslator(app)
    if qm is not None and ours.load(str(qm)):
        app.installTranslator(ours)
        out.append(ours)
    else:
        log.warning("no %s translation found in %s: showing English", language, TRANSLATIONS)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        out.append(qt)
    return out


def uninstall(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for t in translators:
        app.removeTranslator(t)
