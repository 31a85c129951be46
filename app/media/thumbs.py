"""Small JPEG posters of captures for thumbnails (no Qt: the UI turns the bytes into a pixmap).

Photos are scaled with Pillow; a video's first decodable frame is taken with PyAV.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

import av
from PIL import Image, UnidentifiedImageError

log = logging.getLogger(__name__)


def _jpeg(img: Image.Image, size: int) -> bytes:
    img = img.convert("RGB")
    img.thumbnail((size, size))
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=80)
    return buf.getvalue()


def poster(path: Path, kind: str, size: int = 160) -> bytes | None:
    """A JPEG of at most size x size pixels, or None when the file cannot be decoded."""
    try:
        if kind == "video":
            with av.open(str(path)) as container:
                for frame in container.decode(video=0):
                    return _jpeg(frame.to_image(), size)
            return None
        with Image.open(path) as img:
            return _jpeg(img, size)
    except (OSError, UnidentifiedImageError, av.FFmpegError, ValueError) as e:
        log.info("no poster for %s: %s", path, e)
        return None
