"""HMI colours and the severity scale (DESIGN.md: grey normal, colour only for abnormal state).

One place decides how a severity looks, so every element, tree row and table cell agrees.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor


class Severity(IntEnum):
    """Ordered: the worse of two is `max(a, b)`."""

    NORMAL = 0
    NO_DATA = 1  # a reading missing (NoData / GetFailed): the picture is incomplete
    WARNING = 2
    ALARM = 3


SURFACE = QColor("#e6e6e6")  # element fill
BACKGROUND = QColor("#d4d4d4")  # scene / cabinet interior
FRAME = QColor("#7a7a7a")  # normal outlines
TEXT = QColor("#1e1e1e")
MUTED_TEXT = QColor("#5a5a5a")
ALARM = QColor("#c62828")
ALARM_FILL = QColor("#f6d5d5")
WARNING = QColor("#b26a00")  # dark amber: readable as text on grey
WARNING_FILL = QColor("#f7e3bf")
NO_DATA = QColor("#8c8c8c")
NO_DATA_FILL = QColor("#cfcfcf")
OFFLINE_FILL = QColor("#c4c4c4")


def severity_colour(s: Severity) -> QColor:
    return {Severity.ALARM: ALARM, Severity.WARNING: WARNING, Severity.NO_DATA: NO_DATA}.get(
        s, FRAME)


def severity_fill(s: Severity) -> QColor:
    return {Severity.ALARM: ALARM_FILL, Severity.WARNING: WARNING_FILL,
            Severity.NO_DATA: NO_DATA_FILL}.get(s, SURFACE)


def severity_tag(s: Severity) -> str:
    """The word that carries the state without colour (empty for normal)."""
    if s is Severity.ALARM:
        return QCoreApplication.translate("Severity", "ALARM")
    if s is Severity.WARNING:
        return QCoreApplication.translate("Severity", "WARNING")
    if s is Severity.NO_DATA:
        return QCoreApplication.translate("Severity", "NO DATA")
    return ""


def offline_tag() -> str:
    return QCoreApplication.translate("Severity", "OFFLINE")


# The window's style sheet: calm grey, no decoration that competes with abnormal colours.
STYLE_SHEET = """
QMainWindow, QWidget#central { background: #dcdcdc; }
QTreeWidget, QTableView, QPlainTextEdit { background: #f2f2f2; alternate-background-color: #e9e9e9; }
QStatusBar QLabel { padding: 0 8px; }
QLabel#receiverError { color: #c62828; font-weight: bold; }
"""
