"""The capture viewer offscreen: a simulated AVI loads and its frames arrive through the video
sink; a JPEG shows at its size; the gallery lists a gantry's captures fed by the real fetcher
from the simulated gantry; screenshots of a photo and of a video paused mid-way."""

from __future__ import annotations

import os
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtMultimedia import QMediaPlayer  # noqa: E402

from app.simulator.captures import VIDEO_FRAMES, make_avi, make_jpeg  # noqa: E402
from tests.ui.shots import save_shot
from ui.media_viewer import CaptureView, MediaViewer  # noqa: E402

GID = "G000211001002110077"
LOADED = (QMediaPlayer.MediaStatus.LoadedMedia, QMediaPlayer.MediaStatus.BufferedMedia,
          QMediaPlayer.MediaStatus.EndOfMedia)


@pytest.fixture
def avi(tmp_path: Path) -> Path:
    p = tmp_path / f"{GID}_20260506070809123.avi"
    p.write_bytes(make_avi(GID, 1, "front", time.time()))
    return p


@pytest.fixture
def jpeg(tmp_path: Path) -> Path:
    p = tmp_path / f"{GID}_20260506070809123.jpg"
    p.write_bytes(make_jpeg(GID, 1, "front", time.time()))
    return p


def test_video_loads_and_frames_arrive(qtbot, avi, tmp_path):
    view = CaptureView()
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.show()
    view.open(avi, "video")
    player = view.video.player
    qtbot.waitUntil(lambda: player.mediaStatus() in LOADED, timeout=10000)
    qtbot.waitUntil(lambda: view.video.frame_view.frames >= 3, timeout=10000)
    assert player.error() == QMediaPlayer.Error.NoError
    assert view.pages.currentWidget() is view.video
    img = view.video.frame_view.image
    assert (img.width(), img.height()) == (160, 120)
    assert 1500 <= player.duration() <= 2500  # 8 frames at 4 fps
    # Frame step pauses and moves one frame (250 ms at 4 fps).
    qtbot.waitUntil(lambda: player.mediaStatus() in LOADED[:2] or player.position() > 0)
    view.video.step(1)
    assert player.playbackState() != QMediaPlayer.PlaybackState.PlayingState
    assert view.video.frame_ms() == 250
    shot = tmp_path / "snap.png"
    assert view.video.snapshot(shot) and shot.stat().st_size > 0


def test_frames_of_the_whole_video_arrive(qtbot, avi):
    view = CaptureView()
    qtbot.addWidget(view)
    view.open(avi, "video")
    qtbot.waitUntil(lambda: view.video.player.mediaStatus() == QMediaPlayer.MediaStatus.EndOfMedia,
                    timeout=15000)
    assert view.video.frame_view.frames >= VIDEO_FRAMES


def test_jpeg_shows_at_its_size_with_zoom_and_fit(qtbot, jpeg):
    view = CaptureView()
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    view.open(jpeg, "photo")
    assert view.pages.currentWidget() is view.image_view
    iv = view.image_view
    assert (iv.image.width(), iv.image.height()) == (320, 240)
    assert iv.item.pixmap().size().toTuple() == (320, 240)
    assert "320 × 240" in view.title.text()
    iv.actual_size()
    assert iv.scale_factor() == 1.0
    iv.zoom(2.0)
    assert iv.scale_factor() == pytest.approx(2.0)
    iv.fit_to_window()
    shown = iv.mapFromScene(iv.item.sceneBoundingRect()).boundingRect()
    # Fit: the whole picture in the view, one side filling it.
    assert shown.width() <= iv.viewport().width() + 2 and shown.height() <= iv.viewport().height() + 2
    assert max(shown.width() / iv.viewport().width(), shown.height() / iv.viewport().height()) > 0.95


def test_undecodable_video_says_so_and_offers_the_system_player(qtbot, tmp_path):
    bad = tmp_path / "broken.avi"
    bad.write_bytes(b"RIFF\0\0\0\0AVI " + b"\x13" * 4000)
    view = CaptureView()
    qtbot.addWidget(view)
    view.show()
    view.open(bad, "video")
    qtbot.waitUntil(lambda: view.pages.currentWidget() is view.problem, timeout=10000)
    assert "cannot be played here" in view.problem.text()
    assert not view.system_button.isHidden()


def test_missing_file_is_one_sentence(qtbot, tmp_path):
    view = CaptureView()
    qtbot.addWidget(view)
    view.open(tmp_path / "gone.jpg", "photo")
    assert view.pages.currentWidget() is view.problem and "missing" in view.problem.text()


def test_screenshots_photo_and_video_paused_mid_way(qtbot, jpeg, avi, tmp_path):
    from app.media import library as lib

    data_dir = tmp_path
    records = []
    for i, (path, kind) in enumerate(((avi, "video"), (jpeg, "photo"))):
        rec = lib.CaptureRecord(i + 1, GID, 1, "front", "2026-05-06 07:08:09.123",
                                lib.door_ts("2026-05-06 07:08:09.123"), None, time.time(), kind,
                                "", path.name, path.name, path.stat().st_size, "0" * 32)
        records.append(rec)
    viewer = MediaViewer()
    qtbot.addWidget(viewer)
    viewer.data_dir = data_dir
    viewer.gantry_id = GID
    viewer.heading.setText(f"Door-open captures of {GID}")
    viewer.resize(1100, 620)
    viewer.show()
    from app.media.thumbs import poster

    viewer.show_records(records[::-1], [poster(r.file(data_dir), r.kind, 96)
                                        for r in records[::-1]])
    assert viewer.gallery.count() == 2
    assert viewer.view.pages.currentWidget() is viewer.view.image_view
    qtbot.wait(100)
    save_shot(viewer, "media_viewer_photo.png")

    viewer.gallery.setCurrentRow(1)  # the video
    player = viewer.view.video.player
    qtbot.waitUntil(lambda: viewer.view.video.frame_view.frames >= 1, timeout=10000)
    player.pause()
    player.setPosition(1000)  # mid-way through the two seconds
    qtbot.waitUntil(lambda: abs(player.position() - 1000) <= 250, timeout=5000)
    qtbot.wait(300)
    assert player.playbackState() == QMediaPlayer.PlaybackState.PausedState
    assert not viewer.view.video.frame_view.image.isNull()
    save_shot(viewer, "media_viewer_video_paused.png")


def test_window_gallery_and_thumbnail_follow_the_fetcher(desktop, run):
    """The real window, core and fetcher with the simulated gantry: a door opening shows up in
    the viewer's gallery and in a door event's thumbnail once fetched."""
    from app.config import GantryEntry
    from app.simulator import GantryConfig, SimulatedGantry
    from app.simulator.model import FRONT_DOOR, UnlockType
    from app.simulator.reports import time_text
    from tests.ui.conftest import wait_until
    from ui.media_thumbs import CaptureThumbnail

    core = desktop.core
    core.settings.media.first_delay_s = 0
    viewer = desktop.media
    assert viewer is not None and desktop.window.bottom_tabs.indexOf(viewer) >= 0
    config = GantryConfig(gantry_id=GID, seed=3, period_s=600, server_url=core.receiver.url)

    async def scenario() -> tuple[str, CaptureThumbnail]:
        async with SimulatedGantry(config, control_port=0) as g:
            core.settings.gantries[GID] = GantryEntry(control_url=g.control_url)
            await g.tick()
            viewer.set_gantry(GID, 1)
            g.model.open_door(1, FRONT_DOOR, UnlockType.CARD, card_id="12345")
            door_time = time_text(g.model.device_time(g.model.cabinets[1].doors[FRONT_DOOR]
                                                      .change_time))
            thumb = CaptureThumbnail(core)
            thumb.show_event(GID, 1, door_time)
            assert thumb.record is None and thumb.text() == "no capture yet"
            await g.tick()
            await wait_until(lambda: viewer.gallery.count() == 2 and not core.captures.pending(),
                             timeout=10)
            await wait_until(lambda: thumb.record is not None)
            return door_time, thumb

    door_time, thumb = run(scenario())
    assert [r.kind for r in viewer.records] == ["photo", "video"]
    assert all(r.door_time == door_time for r in viewer.records)
    assert thumb.record.kind == "photo" and not thumb.pixmap().isNull()
    assert thumb.pixmap().width() == 96
    thumb.deleteLater()
