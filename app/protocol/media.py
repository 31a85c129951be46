"""`getCabinetImageVedio` answers (PROTOCOL.md §8.4), as pure code.

A success is the file itself, named by `Content-Disposition` and signed by `binfile-md5`. A failure
is a JSON `{"code": ..., "msg": ...}` body, and the spec lets it keep an image/video
Content-Type: the body's first bytes decide, never the header.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from email.message import Message

from .control import MediaQuery, MediaRequest, control_wire_dict
from .signing import encode_body

# A JSON error answer is a few dozen bytes; anything bigger that starts with "{" is not one.
MAX_ERROR_BODY = 64 * 1024
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")

# Content types and file-name extensions a capture comes with -> (kind, extension).
PHOTO, VIDEO = "photo", "video"
_BY_TYPE = {
    "image/jpeg": (PHOTO, "jpg"), "image/jpg": (PHOTO, "jpg"), "image/png": (PHOTO, "png"),
    "image/bmp": (PHOTO, "bmp"), "video/avi": (VIDEO, "avi"), "video/x-msvideo": (VIDEO, "avi"),
    "video/msvideo": (VIDEO, "avi"), "video/mp4": (VIDEO, "mp4"),
}
_BY_EXT = {"jpg": PHOTO, "jpeg": PHOTO, "png": PHOTO, "bmp": PHOTO,
           "avi": VIDEO, "mp4": VIDEO, "mkv": VIDEO, "mov": VIDEO}


def media_request_body(gantry_id: str, cabinet_id: int, door_open_time: str, now: float) -> bytes:
    """The exact bytes to sign and send for one capture request."""
    request = MediaRequest(gantry_id=gantry_id, timestamp=int(now),
                           query=MediaQuery(cabinet_id=cabinet_id, door_open_time=door_open_time))
    return encode_body(control_wire_dict(request))


def attachment_filename(header: str | None) -> str | None:
    """The file name of a `Content-Disposition` header, reduced to a safe base name.

    Devices write `attachment;filename=G..._yyyyMMddHHmmsszzz.jpg` (no quotes, no space); the
    stdlib parser also takes quoted and RFC 2231 (`filename*=`) forms.
    """
    if not header:
        return None
    msg = Message()
    msg["content-disposition"] = header
    name = msg.get_filename()
    if not name:
        return None
    name = name.replace("\\", "/").rsplit("/", 1)[-1]  # never a path from the device
    stem, dot, ext = name.rpartition(".")
    stem, ext = (stem, ext) if dot else (name, "")
    stem = _SAFE_NAME.sub("_", stem).strip("._-")
    ext = _SAFE_NAME.sub("", ext).lower()
    if not stem:
        return None
    return f"{stem}.{ext}" if ext else stem


def looks_like_json(head: bytes) -> bool:
    """True when the body starts (after white space / a BOM) like a JSON object."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


@dataclass(frozen=True)
class MediaError:
    """A JSON error answer instead of a file."""

    code: str
    message: str


def media_error(body: bytes) -> MediaError | None:
    """The error of a JSON answer body, or None when the body is not one (then it is a file)."""
    if len(body) > MAX_ERROR_BODY or not looks_like_json(body):
        return None
    try:
        doc = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(doc, dict) or "code" not in doc:
        return None
    return MediaError(str(doc["code"]), str(doc.get("msg", "")))


def capture_kind(content_type: str | None, file_name: str | None) -> tuple[str, str]:
    """(photo | video | file, extension) from the Content-Type, else the file name."""
    ctype = (content_type or "").split(";", 1)[0].strip().lower()
    if ctype in _BY_TYPE:
        return _BY_TYPE[ctype]
    ext = file_name.rsplit(".", 1)[-1].lower() if file_name and "." in file_name else ""
    if ext in _BY_EXT:
        return _BY_EXT[ext], ext
    if ctype.startswith("image/"):
        return PHOTO, ext or "img"
    if ctype.startswith("video/"):
        return VIDEO, ext or "video"
    return "file", ext or "bin"


def sniff_kind(head: bytes) -> str | None:
    """Photo or video from the file's magic bytes (when the headers say nothing useful)."""
    if head[:3] == b"\xff\xd8\xff" or head[:8] == b"\x89PNG\r\n\x1a\n" or head[:2] == b"BM":
        return PHOTO
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return VIDEO
    if head[4:8] == b"ftyp" or head[:4] == b"\x1aE\xdf\xa3":
        return VIDEO
    return None
