"""Door-open captures of a simulated gantry: a small JPEG and a short MJPEG AVI per opening.

The pictures are drawn with Pillow and the video written with PyAV (FFmpeg bundled in its wheels),
both in memory. Each shows the gantry id, cabinet, door and time, so a fetched file can be checked
by eye and by test.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from app.protocol.values import device_time

from .reports import time_text

if TYPE_CHECKING:
    from PIL import Image

WIDTH, HEIGHT = 320, 240
VIDEO_WIDTH, VIDEO_HEIGHT = 160, 120  # keeps the AVI at a few tens of KB
VIDEO_FRAMES = 8
VIDEO_FPS = 4
KEEP = 20  # captures kept per gantry; older ones answer 1009


@dataclass
class Capture:
    cabinet_id: int
    door: str  # front | back
    time: float  # device time of the opening (the door's change time)
    jpeg: bytes
    avi: bytes
    requests: int = 0  # how often it was asked for: odd -> photo, even -> video

    @property
    def time_text(self) -> str:
        return time_text(self.time)

    def file_stamp(self) -> str:
        """`yyyyMMddHHmmsszzz` of the Content-Disposition file name (§8.4)."""
        return self.time_text.replace("-", "").replace(" ", "").replace(":", "").replace(".", "")


def _frame(lines: list[str], size: tuple[int, int], shade: int) -> Image.Image:
    from PIL import Image, ImageDraw  # imported on first capture: keeps the CLI's start fast

    img = Image.new("RGB", size, (shade, shade + 8, shade + 16))
    draw = ImageDraw.Draw(img)
    w, h = size
    draw.rectangle((w // 2 - w // 8, h // 4, w // 2 + w // 8, h - 8), outline=(200, 200, 200))
    for i, line in enumerate(lines):
        draw.text((6, 6 + 12 * i), line, fill=(255, 255, 255))
    return img


def _labels(gantry_id: str, cabinet_id: int, door: str, t: float) -> list[str]:
    return [gantry_id, f"cabinet {cabinet_id} {door} door", time_text(t)]


def make_jpeg(gantry_id: str, cabinet_id: int, door: str, t: float) -> bytes:
    buf = io.BytesIO()
    _frame(_labels(gantry_id, cabinet_id, door, t), (WIDTH, HEIGHT), 40).save(
        buf, format="JPEG", quality=70)
    return buf.getvalue()


def make_avi(gantry_id: str, cabinet_id: int, door: str, t: float) -> bytes:
    import av  # imported on first capture: keeps the CLI's start fast

    buf = io.BytesIO()
    with av.open(buf, "w", format="avi") as container:
        stream = container.add_stream("mjpeg", rate=VIDEO_FPS)
        stream.width, stream.height, stream.pix_fmt = VIDEO_WIDTH, VIDEO_HEIGHT, "yuvj420p"
        for i in range(VIDEO_FRAMES):
            lines = _labels(gantry_id, cabinet_id, door, t + i / VIDEO_FPS)
            frame = av.VideoFrame.from_image(_frame(lines, (VIDEO_WIDTH, VIDEO_HEIGHT), 30 + 4 * i))
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return buf.getvalue()


def make_capture(gantry_id: str, cabinet_id: int, door: str, t: float) -> Capture:
    return Capture(cabinet_id, door, t, make_jpeg(gantry_id, cabinet_id, door, t),
                   make_avi(gantry_id, cabinet_id, door, t))


@dataclass
class CaptureStore:
    captures: list[Capture] = field(default_factory=list)

    def add(self, capture: Capture) -> None:
        self.captures.append(capture)
        del self.captures[:-KEEP]

    def find(self, cabinet_id: int, door_open_time: str,
             tolerance_s: float = 1.0) -> Capture | None:
        """The capture of this cabinet nearest to the given door time, within the tolerance."""
        try:
            wanted = device_time(_normalise(door_open_time)).timestamp()
        except ValueError:
            return None
        near = [c for c in self.captures
                if c.cabinet_id == cabinet_id and abs(c.time - wanted) <= tolerance_s]
        return min(near, key=lambda c: abs(c.time - wanted), default=None)


def _normalise(text: str) -> str:
    text = text.strip()
    for fmt in ("%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M:%S"):
        try:
            return datetime.strptime(text, fmt).strftime("%Y-%m-%d %H:%M:%S.%f")
        except ValueError:
            continue
    raise ValueError(text)
