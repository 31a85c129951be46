"""The cabinet schematic: a QGraphicsScene laid out like a real outdoor cabinet, and its view.

Front door on the left, back door on the right, the cabinet body between them: air conditioners
at the top, sensors and surge protectors, mains distribution, rectifier shelf, the UPS and
batteries at the bottom with the water sensor on the floor. The view scales the whole scene to
its size, so the picture grows and shrinks with the window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from app.alarms.model import Alarm
from app.fleet import CabinetState
from app.protocol import Block
from ui import style

from .elements import (
    AccessElement,
    AirConditionerElement,
    DoorElement,
    Element,
    MainsElement,
    RectifierElement,
    SmokeSensorElement,
    SurgeProtectorElement,
    ThermohygrometerElement,
    UpsElement,
    WaterSensorElement,
)

SCENE_W = 1000.0
DOOR_W = 200.0
GAP = 10.0
BODY_X = DOOR_W + 15
BODY_W = SCENE_W - 2 * BODY_X
HEADER_H = 30.0
MIN_HEIGHT = 400.0


class CabinetBody(QGraphicsItem):
    """The cabinet's outline, rails and name."""

    def __init__(self) -> None:
        super().__init__()
        self.rect = QRectF(BODY_X, 0, BODY_W, MIN_HEIGHT)
        self.title = ""
        self.offline = False
        self.setZValue(-1)

    def set_height(self, h: float) -> None:
        self.prepareGeometryChange()
        self.rect.setHeight(h)
        self.update()

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-4, -4, 4, 4)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(style.FRAME, 4, Qt.PenStyle.DashLine if self.offline
                            else Qt.PenStyle.SolidLine))
        painter.setBrush(style.BACKGROUND)
        painter.drawRect(self.rect)
        rail = QPen(style.FRAME, 1)
        painter.setPen(rail)
        for x in (self.rect.left() + 8, self.rect.right() - 8):
            painter.drawLine(int(x), int(self.rect.top() + HEADER_H), int(x),
                             int(self.rect.bottom() - 6))
        font = QFont(painter.font())
        font.setPixelSize(15)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(style.TEXT)
        painter.drawText(self.rect.adjusted(14, 4, -14, 0).adjusted(0, 0, 0, -self.rect.height()
                                                                   + HEADER_H),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)


class CabinetScene(QGraphicsScene):
    """One cabinet's devices as elements; rebuilt only when the set of devices changes."""

    sparkline_clicked = Signal(str, int)  # metric key, device id (an element's sparkline)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setBackgroundBrush(style.SURFACE.lighter(104))
        self.body = CabinetBody()
        self.addItem(self.body)
        self.front_door = DoorElement(QCoreApplication.translate("Schematic", "Front door"), "front")
        self.back_door = DoorElement(QCoreApplication.translate("Schematic", "Back door"), "back")
        self.access = AccessElement(QCoreApplication.translate("Schematic", "Door access"))
        self.thermohygrometer = ThermohygrometerElement(QCoreApplication.translate("Schematic", "Thermohygrometer"))
        self.smoke = SmokeSensorElement(QCoreApplication.translate("Schematic", "Smoke sensor"))
        self.water = WaterSensorElement(QCoreApplication.translate("Schematic", "Water sensor"))
        for e in (self.front_door, self.back_door, self.access, self.thermohygrometer,
                  self.smoke, self.water):
            self.addItem(e)
        self.mains: list[MainsElement] = []
        self.rectifiers: list[RectifierElement] = []
        self.ups: list[UpsElement] = []
        self.air_conditioners: list[AirConditionerElement] = []
        self.surge_protectors: list[SurgeProtectorElement] = []
        self._shape: tuple[int, ...] | None = None
        self.state: CabinetState | None = None
        # cabinet id -> the engine's open, unshelved alarms of that cabinet of the shown gantry
        self.alarm_source: Callable[[int], list[Alarm]] | None = None
        self.language = "zh_CN"
        self.show_cabinet(None, "", online=False)

    # -- model ---------------------------------------------------------------------------------

    def elements(self) -> list[Element]:
        return [self.front_door, self.back_door, self.access, *self.air_conditioners,
                self.thermohygrometer, self.smoke, *self.surge_protectors, *self.mains,
                *self.rectifiers, *self.ups, self.water]

    def spark_elements(self) -> list[Element]:
        """Elements drawing a sparkline (temperature, UPS charge) that have a device shown."""
        return [e for e in (self.thermohygrometer, *self.ups) if e.block is not None]

    def show_cabinet(self, state: CabinetState | None, title: str, online: bool) -> None:
        self.state = state
        c = state.cabinet if state else None
        t = state.reported_at if state else 0.0
        shape = (len(c.mains), len(c.rectifiers), len(c.ups), len(c.air_conditioners),
                 len(c.surge_protectors)) if c else (1, 1, 1, 1, 1)
        if shape != self._shape:
            self._rebuild(shape)
        self.body.title = title
        self.body.offline = not online
        doors = c.doors[0] if c and c.doors else None
        self.front_door.set_block(doors, t)
        self.back_door.set_block(doors, t)
        self.access.set_block(doors, t)
        self.thermohygrometer.set_block(c.thermohygrometer if c else None, t)
        self.smoke.set_block(c.smoke_sensor if c else None, t)
        self.water.set_block(c.water_sensor if c else None, t)
        for elements, blocks in ((self.mains, c.mains if c else []),
                                 (self.rectifiers, c.rectifiers if c else []),
                                 (self.ups, c.ups if c else []),
                                 (self.air_conditioners, c.air_conditioners if c else []),
                                 (self.surge_protectors, c.surge_protectors if c else [])):
            for i, e in enumerate(elements):
                block: Block | None = blocks[i] if i < len(blocks) else None
                e.set_block(block, t)
        for e in self.elements():
            e.set_offline(not online)
        self.refresh_alarms()
        self._layout()
        self.body.update()

    # -- alarms --------------------------------------------------------------------------------

    def set_alarm_source(self, source: Callable[[int], list[Alarm]] | None,
                         language: str = "zh_CN") -> None:
        """Take red/amber from these alarms from now on (None: from the readings alone)."""
        self.alarm_source, self.language = source, language
        self.refresh_alarms()

    def refresh_alarms(self) -> None:
        """Give each element the open alarms of its device (call when alarms change)."""
        if self.alarm_source is None:
            for e in self.elements():
                e.set_alarms(None)
            return
        cabinet_id = self.state.cabinet.id if self.state is not None else None
        alarms = self.alarm_source(cabinet_id) if cabinet_id is not None else []
        mine: dict[int, list[Alarm]] = {id(e): [] for e in self.elements()}
        for a in alarms:
            e = self.element_for(a)
            if e is not None:
                mine[id(e)].append(a)
        for e in self.elements():
            e.set_alarms(mine[id(e)], self.language)

    def element_for(self, a: Alarm) -> Element | None:
        """The drawn element an alarm's source is (None: not on this picture, e.g. offline)."""
        kind, device, condition = a.key.kind, a.key.device_id, a.key.condition
        if kind == "doors":
            field = condition.partition(":")[2] or condition  # get_failed:front_door_closed
            if field.startswith("front_door"):
                return self.front_door
            if field.startswith("back_door"):
                return self.back_door
            return self.access
        single = {"thermohygrometer": self.thermohygrometer, "smoke_sensor": self.smoke,
                  "water_sensor": self.water}
        if kind in single:
            return single[kind]
        numbered = {"mains": self.mains, "rectifier": self.rectifiers, "ups": self.ups,
                    "air_conditioner": self.air_conditioners,
                    "surge_protector": self.surge_protectors}.get(kind, [])
        for i, e in enumerate(numbered):
            if (e.block.id if e.block is not None else i + 1) == device:
                return e
        return None

    def _rebuild(self, shape: tuple[int, ...]) -> None:
        for e in (*self.mains, *self.rectifiers, *self.ups, *self.air_conditioners,
                  *self.surge_protectors):
            self.removeItem(e)
        n_mains, n_rect, n_ups, n_air, n_spd = shape
        self.mains = [MainsElement(QCoreApplication.translate("Schematic", "Mains input %1").replace("%1", str(i + 1)))
                      for i in range(max(1, n_mains))]
        self.rectifiers = [RectifierElement(QCoreApplication.translate("Schematic", "Rectifier %1").replace("%1", str(i + 1)))
                           for i in range(max(1, n_rect))]
        self.ups = [UpsElement(QCoreApplication.translate("Schematic", "UPS / battery %1").replace("%1", str(i + 1)))
                    for i in range(max(1, n_ups))]
        self.air_conditioners = [
            AirConditionerElement(QCoreApplication.translate("Schematic", "Air conditioner %1").replace("%1", str(i + 1)))
            for i in range(max(1, n_air))]
        self.surge_protectors = [
            SurgeProtectorElement(QCoreApplication.translate("Schematic", "Surge protector %1").replace("%1", str(i + 1)))
            for i in range(n_spd)]
        for e in (*self.mains, *self.rectifiers, *self.ups, *self.air_conditioners,
                  *self.surge_protectors):
            self.addItem(e)
        self._shape = shape

    # -- layout --------------------------------------------------------------------------------

    def _row(self, y: float, items: list[Element], fixed: dict[int, float] | None = None) -> float:
        """Place items side by side across the body at y; returns the row's bottom."""
        if not items:
            return y
        fixed = fixed or {}
        x0, width = BODY_X + 18, BODY_W - 36
        free = width - sum(fixed.values()) - GAP * (len(items) - 1)
        n_free = len(items) - len(fixed)
        h = max(e.wanted_height() for e in items)
        x = x0
        for i, e in enumerate(items):
            w = fixed.get(i, free / max(1, n_free))
            e.set_geometry(QRectF(x, y, w, h))
            x += w + GAP
        return y + h + GAP

    def _layout(self) -> None:
        y = HEADER_H + 6
        y = self._row(y, list(self.air_conditioners))
        y = self._row(y, [self.thermohygrometer, self.smoke])
        y = self._row(y, [*self.mains, *self.surge_protectors])
        y = self._row(y, list(self.rectifiers))
        n_ups = len(self.ups)
        y = self._row(y, [*self.ups, self.water], {n_ups: 190.0})
        door_h = max(self.front_door.wanted_height(), self.back_door.wanted_height())
        height = max(MIN_HEIGHT, y + 4, door_h + GAP + self.access.wanted_height())
        self.body.set_height(height)
        self.front_door.set_geometry(QRectF(0, 0, DOOR_W, door_h))
        self.back_door.set_geometry(QRectF(SCENE_W - DOOR_W, 0, DOOR_W, door_h))
        self.access.set_geometry(QRectF(0, door_h + GAP, DOOR_W, self.access.wanted_height()))
        self.setSceneRect(QRectF(-6, -6, SCENE_W + 12, height + 12))


class CabinetView(QGraphicsView):
    """Shows the whole scene, scaled to the widget (keeping proportions)."""

    def __init__(self, scene: CabinetScene, parent: QWidget | None = None):
        super().__init__(scene, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        scene.sceneRectChanged.connect(lambda _r: self._fit())

    def _fit(self) -> None:
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit()
