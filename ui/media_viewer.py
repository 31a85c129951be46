"""Door-open capture viewer: photos (zoom / fit / save as), videos (play, seek, frame step, speed,
snapshot) and a gallery of a gantry's captures by cabinet and time.

Video frames come through a `QVideoSink` and are painted by `FrameView`, not a native video
window: the same path works offscreen (tests, screenshots) and keeps the last frame visible when
paused. A video the platform cannot decode shows one line and "Open with the system player".
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon, QImage, QPainter, QPixmap, QWheelEvent
from PySide6.QtMultimedia import QMediaMetaData, QMediaPlayer, QVideoFrame, QVideoSink
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSlider,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.media import library as lib
from app.media.events import CaptureStored
from app.media.fetcher import FetchReport
from app.media.thumbs import poster
from ui.capture_fetch import FetchCaptureDialog
from ui.text import fill

Reader = Callable[..., Awaitable[Any]]
THUMB = 96
SPEEDS = (0.25, 0.5, 1.0, 2.0, 4.0)


def _ms_text(ms: int) -> str:
    s = max(ms, 0) / 1000
    return f"{int(s // 60):d}:{s % 60:05.2f}"


class ImageView(QGraphicsView):
    """A photo with fit-to-window or free zoom (wheel, buttons)."""

    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.item)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(Qt.GlobalColor.darkGray)
        self.fit = True
        self.image = QImage()

    def set_image(self, image: QImage) -> None:
        self.image = image
        self.item.setPixmap(QPixmap.fromImage(image))
        self.scene().setSceneRect(QRectF(self.item.boundingRect()))
        self.fit_to_window()

    def scale_factor(self) -> float:
        return self.transform().m11()

    def fit_to_window(self) -> None:
        self.fit = True
        if not self.image.isNull():
            self.fitInView(self.item, Qt.AspectRatioMode.KeepAspectRatio)
        self.zoom_changed.emit(self.scale_factor())

    def zoom(self, factor: float) -> None:
        self.fit = False
        new = min(max(self.scale_factor() * factor, 0.05), 32.0)
        self.resetTransform()
        self.scale(new, new)
        self.zoom_changed.emit(new)

    def actual_size(self) -> None:
        self.fit = False
        self.resetTransform()
        self.zoom_changed.emit(1.0)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom(1.25 if event.angleDelta().y() > 0 else 0.8)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.fit:
            self.fit_to_window()


class FrameView(QWidget):
    """Paints the newest video frame, letter-boxed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.image = QImage()
        self.frames = 0  # frames received: a test (and a curious operator) can tell it plays
        self.setMinimumSize(160, 120)

    def show_frame(self, frame: QVideoFrame) -> None:
        if not frame.isValid():
            return
        self.image = frame.toImage()
        self.frames += 1
        self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), Qt.GlobalColor.black)
        if self.image.isNull():
            return
        size = self.image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x, y = (self.width() - size.width()) / 2, (self.height() - size.height()) / 2
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.drawImage(QRectF(QPointF(x, y), size.toSizeF()), self.image)


class VideoPanel(QWidget):
    """Player with play/pause, seek bar, frame step, speed and snapshot."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.player = QMediaPlayer(self)
        self.sink = QVideoSink(self)
        self.player.setVideoSink(self.sink)
        self.frame_view = FrameView(self)
        self.sink.videoFrameChanged.connect(self.frame_view.show_frame)
        self.path: Path | None = None

        self.play_button = QPushButton(self.tr("Play"), self)
        self.back_button = QPushButton(self.tr("◀ Frame"), self)
        self.step_button = QPushButton(self.tr("Frame ▶"), self)
        self.seek = QSlider(Qt.Orientation.Horizontal, self)
        self.time_label = QLabel("0:00.00 / 0:00.00", self)
        self.speed = QComboBox(self)
        for s in SPEEDS:
            self.speed.addItem(f"{s:g}×", s)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.snapshot_button = QPushButton(self.tr("Snapshot…"), self)
        bar = QHBoxLayout()
        for w in (self.play_button, self.back_button, self.step_button):
            bar.addWidget(w)
        bar.addWidget(self.seek, 1)
        bar.addWidget(self.time_label)
        bar.addWidget(QLabel(self.tr("Speed:"), self))
        bar.addWidget(self.speed)
        bar.addWidget(self.snapshot_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.frame_view, 1)
        layout.addLayout(bar)

        self.play_button.clicked.connect(self.toggle_play)
        self.step_button.clicked.connect(lambda: self.step(1))
        self.back_button.clicked.connect(lambda: self.step(-1))
        self.seek.sliderMoved.connect(self.player.setPosition)
        self.speed.currentIndexChanged.connect(
            lambda i: self.player.setPlaybackRate(float(self.speed.itemData(i))))
        self.snapshot_button.clicked.connect(self._ask_snapshot)
        self.player.durationChanged.connect(lambda d: self.seek.setRange(0, max(d, 0)))
        self.player.positionChanged.connect(self._position)
        self.player.playbackStateChanged.connect(self._state)

    def open(self, path: Path) -> None:
        self.path = path
        self.frame_view.image = QImage()
        self.frame_view.frames = 0
        self.player.setSource(QUrl.fromLocalFile(str(path)))
        self.player.play()  # the operator wants to see who opened the door: start at once

    def stop(self) -> None:
        self.player.stop()
        self.player.setSource(QUrl())

    def toggle_play(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def frame_ms(self) -> int:
        rate = self.player.metaData().value(QMediaMetaData.Key.VideoFrameRate)
        try:
            fps = float(rate)
        except (TypeError, ValueError):
            fps = 0.0
        return int(round(1000 / fps)) if fps > 0 else 40

    def step(self, frames: int) -> None:
        self.player.pause()
        pos = self.player.position() + frames * self.frame_ms()
        self.player.setPosition(min(max(pos, 0), max(self.player.duration() - 1, 0)))

    def snapshot(self, target: Path) -> bool:
        return not self.frame_view.image.isNull() and self.frame_view.image.save(str(target))

    def _ask_snapshot(self) -> None:
        if self.frame_view.image.isNull():
            return
        base = self.path.with_suffix("") if self.path else Path("snapshot")
        suggested = f"{base}_{self.player.position()}ms.png"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save snapshot"), suggested,
                                              self.tr("Images (*.png *.jpg)"))
        if name:
            self.snapshot(Path(name))

    def _position(self, ms: int) -> None:
        if not self.seek.isSliderDown():
            self.seek.setValue(ms)
        self.time_label.setText(f"{_ms_text(ms)} / {_ms_text(self.player.duration())}")

    def _state(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))


class CaptureView(QWidget):
    """One capture: the photo or the video, a line about it, and its actions."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.path: Path | None = None
        self.kind = ""
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.image_view = ImageView(self)
        self.video = VideoPanel(self)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget(self)
        for w in (self.problem, self.image_view, self.video):
            self.pages.addWidget(w)
        self.fit_button = QPushButton(self.tr("Fit"), self)
        self.actual_button = QPushButton(self.tr("100%"), self)
        self.zoom_in = QPushButton(self.tr("Zoom in"), self)
        self.zoom_out = QPushButton(self.tr("Zoom out"), self)
        self.zoom_label = QLabel(self)
        self.save_button = QPushButton(self.tr("Save as…"), self)
        self.system_button = QPushButton(self.tr("Open with the system player"), self)
        bar = QHBoxLayout()
        for w in (self.fit_button, self.actual_button, self.zoom_in, self.zoom_out,
                  self.zoom_label):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        bar.addWidget(self.system_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bar)
        self.fit_button.clicked.connect(self.image_view.fit_to_window)
        self.actual_button.clicked.connect(self.image_view.actual_size)
        self.zoom_in.clicked.connect(lambda: self.image_view.zoom(1.25))
        self.zoom_out.clicked.connect(lambda: self.image_view.zoom(0.8))
        self.image_view.zoom_changed.connect(
            lambda f: self.zoom_label.setText(f"{f * 100:.0f}%"))
        self.save_button.clicked.connect(self._save_as)
        self.system_button.clicked.connect(self.open_with_system)
        self.video.player.errorOccurred.connect(self._video_error)
        self.video.player.mediaStatusChanged.connect(self._video_status)
        self.show_problem(self.tr("No capture selected."))

    def _image_tools(self, on: bool) -> None:
        for w in (self.fit_button, self.actual_button, self.zoom_in, self.zoom_out,
                  self.zoom_label):
            w.setVisible(on)

    def show_problem(self, text: str, offer_system: bool = False) -> None:
        self.problem.setText(text)
        self.pages.setCurrentWidget(self.problem)
        self._image_tools(False)
        self.system_button.setVisible(offer_system)
        self.save_button.setVisible(offer_system)

    def open(self, path: Path, kind: str, title: str = "") -> None:
        self.video.stop()
        self.path, self.kind = path, kind
        self.title.setText(title or path.name)
        if not path.is_file():
            self.show_problem(fill(self.tr("The file %1 is missing (deleted by retention or by "
                                           "hand?)."), str(path)))
            return
        self.save_button.setVisible(True)
        self.system_button.setVisible(kind == "video")
        if kind == "video":
            self._image_tools(False)
            self.pages.setCurrentWidget(self.video)
            self.video.open(path)
            return
        image = QImage(str(path))
        if image.isNull():
            self.show_problem(fill(self.tr("%1 cannot be shown as a picture."), path.name), True)
            return
        self._image_tools(True)
        self.pages.setCurrentWidget(self.image_view)
        self.image_view.set_image(image)
        self.title.setText(fill(self.tr("%1 — %2 × %3 pixels"), title or path.name,
                                str(image.width()), str(image.height())))

    def _video_error(self, _error: QMediaPlayer.Error, message: str) -> None:
        if self.path is None:
            return
        self.show_problem(fill(self.tr("This video cannot be played here (%1)."),
                               message or self.tr("unsupported format")), offer_system=True)

    def _video_status(self, status: QMediaPlayer.MediaStatus) -> None:
        player = self.video.player
        if self.kind != "video" or player.source().isEmpty():
            return
        if status == QMediaPlayer.MediaStatus.InvalidMedia:
            self._video_error(player.error(), player.errorString())
        elif status in (QMediaPlayer.MediaStatus.LoadedMedia,
                        QMediaPlayer.MediaStatus.BufferedMedia) and not player.hasVideo():
            self._video_error(player.error(), self.tr("no video stream it can decode"))

    def open_with_system(self) -> None:
        if self.path is not None:
            self.video.player.pause()
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))

    def _save_as(self) -> None:
        if self.path is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save capture as"),
                                              str(Path.home() / self.path.name))
        if name:
            with contextlib.suppress(OSError):
                Path(name).write_bytes(self.path.read_bytes())


class MediaViewer(QWidget):
    """Gallery of a gantry's captures (per cabinet, newest first) beside the capture view."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.reader: Reader | None = None
        self.data_dir: Path | None = None
        self.gantry_id: str | None = None
        self.records: list[lib.CaptureRecord] = []
        self.select_after_load: int | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self.cabinet = QComboBox(self)
        self.cabinet.addItem(self.tr("All cabinets"), None)
        for n in (1, 2):
            self.cabinet.addItem(fill(self.tr("Cabinet %1"), str(n)), n)
        self.heading = QLabel(self)
        self.gallery = QListWidget(self)
        self.gallery.setIconSize(QSize(THUMB, THUMB * 3 // 4))
        self.gallery.setWordWrap(True)
        self.gallery.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.gallery.setMinimumWidth(300)
        self.keep_button = QPushButton(self.tr("Keep this event"), self)
        self.keep_button.setCheckable(True)
        self.fetch_button = QPushButton(self.tr("Fetch capture…"), self)
        self.fetch_button.setToolTip(self.tr("Ask the gantry for the capture of a door opening "
                                             "or of any time"))
        self.fetch_dialog: FetchCaptureDialog | None = None
        self.view = CaptureView(self)
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(4, 4, 4, 4)
        lv.addWidget(self.heading)
        lv.addWidget(self.cabinet)
        lv.addWidget(self.gallery, 1)
        lv.addWidget(self.keep_button)
        lv.addWidget(self.fetch_button)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(self.view)
        split.setStretchFactor(1, 1)
        split.setSizes([320, 780])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.cabinet.currentIndexChanged.connect(lambda _i: self.refresh())
        self.gallery.currentRowChanged.connect(self._chosen)
        self.keep_button.toggled.connect(self._keep_toggled)
        self.fetch_button.clicked.connect(self.open_fetch_dialog)
        self.set_gantry(None)

    # -- wiring ----------------------------------------------------------------------------------
    def attach(self, core: Any) -> None:
        """Read captures from a running core and refresh when one arrives."""
        self.detach()
        self.reader, self.data_dir, self._core = core.store.read, core.data_dir, core
        self._unsubscribe = core.bus.subscribe(CaptureStored, self._on_stored)

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.reader = None

    def _on_stored(self, event: CaptureStored) -> None:
        if event.capture.gantry_id == self.gantry_id:
            self.refresh()

    def set_gantry(self, gantry_id: str | None, cabinet_id: int | None = None) -> None:
        self.gantry_id = gantry_id
        if cabinet_id is not None:
            i = self.cabinet.findData(cabinet_id)
            if i >= 0:
                self.cabinet.setCurrentIndex(i)
        self.heading.setText(fill(self.tr("Door-open captures of %1"), gantry_id) if gantry_id
                             else self.tr("Door-open captures: choose a gantry"))
        self.fetch_button.setEnabled(gantry_id is not None)
        self.refresh()

    # -- manual fetch ----------------------------------------------------------------------------
    def open_fetch_dialog(self) -> FetchCaptureDialog | None:
        """The "Fetch capture…" dialog for this gantry and cabinet (non-modal: fetches run on)."""
        core = getattr(self, "_core", None)
        if core is None or self.gantry_id is None:
            return None
        if self.fetch_dialog is not None:
            self.fetch_dialog.close()
        dialog = FetchCaptureDialog(core, self.gantry_id, self.cabinet.currentData() or 1, self)
        dialog.fetched.connect(self._fetched)
        self.fetch_dialog = dialog
        dialog.show()
        return dialog

    def _fetched(self, report: FetchReport) -> None:
        shown = report.captures or report.repeats
        if not shown or shown[0].gantry_id != self.gantry_id:
            return
        self.select_after_load = shown[0].id
        if self.cabinet.currentData() not in (None, shown[0].cabinet_id):
            self.cabinet.setCurrentIndex(0)  # all cabinets: refreshes
        else:
            self.refresh()

    # -- gallery ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.reader is None or self.gantry_id is None:
            self.show_records([])
            return
        asyncio.ensure_future(self._load(self.gantry_id, self.cabinet.currentData()))

    async def _load(self, gantry_id: str, cabinet_id: int | None) -> None:
        assert self.reader is not None
        records = await self.reader(lib.cabinet_captures, gantry_id, cabinet_id)
        posters = await asyncio.to_thread(self._posters, records)
        if gantry_id == self.gantry_id:
            self.show_records(records, posters)

    def _posters(self, records: list[lib.CaptureRecord]) -> list[bytes | None]:
        assert self.data_dir is not None
        return [poster(r.file(self.data_dir), r.kind, THUMB) for r in records]

    def show_records(self, records: list[lib.CaptureRecord],
                     posters: list[bytes | None] | None = None) -> None:
        current = self.records[self.gallery.currentRow()].id if (
            0 <= self.gallery.currentRow() < len(self.records)) else None
        self.records = records
        self.gallery.blockSignals(True)
        self.gallery.clear()
        for i, r in enumerate(records):
            kind = self.tr("Video") if r.kind == "video" else self.tr("Photo")
            door = {"front": self.tr("front door"), "back": self.tr("back door")}.get(r.door, r.door)
            label = fill(self.tr("%1 %2\nCabinet %3 %4"), r.door_time[:19], kind,
                         str(r.cabinet_id), door) + (" ★" + self.tr("kept") if r.keep else "")
            item = QListWidgetItem(label)
            data = posters[i] if posters else None
            if data:
                pm = QPixmap()
                pm.loadFromData(data)
                item.setIcon(QIcon(pm))
            self.gallery.addItem(item)
        self.gallery.blockSignals(False)
        if not records:
            self.view.show_problem(self.tr("No captures yet. They are fetched when a report "
                                           "shows a cabinet door opening."))
            self.keep_button.setEnabled(False)
            return
        ids = [r.id for r in records]
        if self.select_after_load in ids:  # a capture fetched by hand: show it
            current, self.select_after_load = self.select_after_load, None
        self.gallery.setCurrentRow(ids.index(current) if current in ids else 0)
        if self.gallery.currentRow() == 0 and current not in ids:
            self._chosen(0)

    def _chosen(self, row: int) -> None:
        if not 0 <= row < len(self.records) or self.data_dir is None:
            return
        r = self.records[row]
        self.keep_button.setEnabled(True)
        self.keep_button.blockSignals(True)
        self.keep_button.setChecked(r.keep)
        self.keep_button.blockSignals(False)
        door = {"front": self.tr("front door"), "back": self.tr("back door")}.get(
            r.door or "", r.door or "?")
        self.view.open(r.file(self.data_dir), r.kind, fill(
            self.tr("Cabinet %1, %2, opened %3"), str(r.cabinet_id), door, r.door_time))

    def _keep_toggled(self, keep: bool) -> None:
        row = self.gallery.currentRow()
        core = getattr(self, "_core", None)
        if core is None or not 0 <= row < len(self.records):
            return
        r = self.records[row]

        async def mark() -> None:
            await core.captures.set_keep(r.gantry_id, r.cabinet_id, r.door_time, keep)
            self.refresh()

        asyncio.ensure_future(mark())

    def show_capture(self, record: lib.CaptureRecord) -> None:
        """Show this capture at once, and select it in its gantry's gallery once loaded."""
        self.select_after_load = record.id
        if self.gantry_id != record.gantry_id or self.cabinet.currentData() not in (
                None, record.cabinet_id):
            self.set_gantry(record.gantry_id, record.cabinet_id)
        else:
            self.refresh()
        if self.data_dir is not None:
            self.view.open(record.file(self.data_dir), record.kind, fill(
                self.tr("Cabinet %1, %2 door, opened %3"), str(record.cabinet_id),
                record.door or "?", record.door_time))

    def open_file(self, path: Path, kind: str) -> None:
        """Show one file without the gallery (an alarm's or event's thumbnail was clicked)."""
        self.view.open(Path(path), kind)


def plug_media_viewer(window: Any, core: Any) -> MediaViewer:
    """Add the viewer as a bottom panel of the main window, following the tree's selection."""
    viewer = MediaViewer(window)
    viewer.attach(core)
    window.add_panel(viewer, viewer.tr("Door captures"), "bottom")
    window.tree.selected.connect(
        lambda kind, gid, n: viewer.set_gantry(gid, n if kind == "cabinet" else None))

    def show_capture(record: lib.CaptureRecord) -> None:
        viewer.show_capture(record)
        tabs = getattr(window, "bottom_tabs", None)
        if tabs is not None and tabs.indexOf(viewer) >= 0:
            tabs.setCurrentWidget(viewer)

    # Thumbnails beside door alarms and door events (ui.capture_links) open their capture here.
    from ui.capture_links import CaptureThumbs

    for thumbs in window.findChildren(CaptureThumbs):
        thumbs.open_requested.connect(show_capture)
    return viewer
