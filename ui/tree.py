"""The gantry tree: gantry -> cabinets and computers, with online state and alarm badges."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from app.fleet import Fleet, GantryState
from ui import style, text

# Where a tree row points: ("gantry", id, None) / ("cabinet", id, n) / ("computer", id, n).
NodeKey = tuple[str, str, int | None]
# The alarm badge of a node: (gantry id, cabinet id or None, computer id or None) -> number of
# active alarms. Point it at the alarm engine (app/alarms) with `GantryTree.set_alarm_counter`;
# until then the tree shows no badges at all.
AlarmCounter = Callable[[str, int | None, int | None], int]

COL_NAME, COL_STATE, COL_ALARMS = 0, 1, 2


class GantryTree(QWidget):
    selected = Signal(str, str, object)  # kind, gantry id, cabinet/computer id or None

    def __init__(self, parent: QWidget | None = None, clock: Callable[[], float] = time.time):
        super().__init__(parent)
        self.clock = clock
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter by name or id"))
        self.filter.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Gantry"), self.tr("State"), self.tr("Alarms")])
        self.tree.setColumnHidden(COL_ALARMS, True)  # no alarm engine yet: no badges
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)  # gantry rows: name on one line, id on the next
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(COL_NAME, self.tree.header().ResizeMode.Stretch)
        for col in (COL_STATE, COL_ALARMS):
            self.tree.header().setSectionResizeMode(col,
                                                    self.tree.header().ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self.alarm_counter: AlarmCounter | None = None
        self.items: dict[NodeKey, QTreeWidgetItem] = {}
        self.filter.textChanged.connect(self._apply_filter)
        self.tree.currentItemChanged.connect(self._current_changed)

    def set_alarm_counter(self, counter: AlarmCounter | None) -> None:
        """Show a badge per node from `counter` (the alarm engine); None hides the badges."""
        self.alarm_counter = counter
        self.tree.setColumnHidden(COL_ALARMS, counter is None)

    # -- refresh -------------------------------------------------------------------------------

    def refresh(self, fleet: Fleet) -> None:
        now = self.clock()
        for gid in sorted(fleet.gantries):
            self._refresh_gantry(fleet.gantries[gid], now)
        self._apply_filter(self.filter.text())

    def _item(self, key: NodeKey, parent: QTreeWidgetItem | None,
              index: int | None = None) -> QTreeWidgetItem:
        item = self.items.get(key)
        if item is None:
            item = QTreeWidgetItem()
            item.setData(COL_NAME, Qt.ItemDataRole.UserRole, key)
            if parent is None:
                self.tree.addTopLevelItem(item)
                item.setExpanded(True)
            elif index is None:
                parent.addChild(item)
            else:
                parent.insertChild(min(index, parent.childCount()), item)
            self.items[key] = item
        return item

    def _refresh_gantry(self, g: GantryState, now: float) -> None:
        online = g.online(now)
        top = self._item(("gantry", g.gantry_id, None), None)
        name = f"{g.name} · {g.gantry_id}" if g.name else g.gantry_id
        if not g.last_heard:
            state = self.tr("never heard")
        elif online:
            state = "● " + self.tr("online")
        else:
            state = "○ " + self.tr("offline") + " · " + text.age(now - g.last_heard)
        self._set(top, name, state, online, self._badge(g.gantry_id, None, None))
        top.setToolTip(COL_NAME, self.tr("Last report: %1 from %2").replace(
            "%1", text.clock_time(g.last_heard)).replace("%2", g.peer or "-"))
        for i, cid in enumerate(sorted(g.cabinets)):  # cabinets first, then computers
            item = self._item(("cabinet", g.gantry_id, cid), top, i)
            self._set(item, self.tr("Cabinet %1").replace("%1", str(cid)), "", online,
                      self._badge(g.gantry_id, cid, None))
        for pc in g.computers:
            item = self._item(("computer", g.gantry_id, pc.id), top)
            self._set(item, computer_role(pc.is_monitor_computer.value, pc.is_main_computer.value,
                                          pc.id), text.text_value(pc.ip), online,
                      self._badge(g.gantry_id, None, pc.id))

    def _badge(self, gid: str, cabinet: int | None, computer: int | None) -> str:
        if self.alarm_counter is None:
            return ""
        n = self.alarm_counter(gid, cabinet, computer)
        return f"▲ {n}" if n else ""

    def _set(self, item: QTreeWidgetItem, name: str, state: str, online: bool,
             badge: str) -> None:
        shown = (name, state, online, badge)
        if item.data(COL_ALARMS, Qt.ItemDataRole.UserRole) == shown:
            return  # unchanged: a burst of reports costs no item updates
        item.setData(COL_ALARMS, Qt.ItemDataRole.UserRole, shown)
        if item.text(COL_NAME) != name:
            item.setText(COL_NAME, name)
        if state and item.text(COL_STATE) != state:
            item.setText(COL_STATE, state)
        item.setText(COL_ALARMS, badge)
        item.setForeground(COL_ALARMS, QBrush(style.ALARM))
        colour = style.TEXT if online else style.MUTED_TEXT
        font = QFont(item.font(COL_NAME))
        font.setItalic(not online)
        for col in (COL_NAME, COL_STATE):
            item.setForeground(col, QBrush(colour))
            item.setFont(col, font)
        item.setData(COL_STATE, Qt.ItemDataRole.UserRole, online)

    # -- filter and selection ------------------------------------------------------------------

    def _apply_filter(self, needle: str) -> None:
        needle = needle.strip().lower()
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            hay = [top.text(COL_NAME)] + [top.child(j).text(COL_NAME)
                                          for j in range(top.childCount())]
            top.setHidden(bool(needle) and not any(needle in h.lower() for h in hay))

    def select(self, key: NodeKey) -> None:
        item = self.items.get(key)
        if item is not None:
            self.tree.setCurrentItem(item)

    def current_key(self) -> NodeKey | None:
        item = self.tree.currentItem()
        return item.data(COL_NAME, Qt.ItemDataRole.UserRole) if item else None

    def is_online(self, gantry_id: str) -> bool | None:
        item = self.items.get(("gantry", gantry_id, None))
        return None if item is None else bool(item.data(COL_STATE, Qt.ItemDataRole.UserRole))

    def _current_changed(self, current: QTreeWidgetItem | None, _prev) -> None:
        if current is not None:
            kind, gid, n = current.data(COL_NAME, Qt.ItemDataRole.UserRole)
            self.selected.emit(kind, gid, n)


def computer_role(is_monitor: object, is_main: object, computer_id: int) -> str:
    """Monitoring PC, or toll PC primary/standby (PROTOCOL.md §6), with its id."""
    if is_monitor == 1:
        role = QCoreApplication.translate("Computers", "Monitoring PC")
    elif is_main == 1:
        role = QCoreApplication.translate("Computers", "Toll PC (primary)")
    elif is_main == 0:
        role = QCoreApplication.translate("Computers", "Toll PC (standby)")
    else:
        role = QCoreApplication.translate("Computers", "Computer")
    return f"{role} {computer_id}"
