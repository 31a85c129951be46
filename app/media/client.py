"""One `getCabinetImageVedio` exchange (PROTOCOL.md §8.4): signed request, streamed answer.

The answer streams to a temporary file beside its final place while its MD5 is computed; it is
renamed into place only when every byte announced has arrived and the MD5 matches `binfile-md5`.
Whatever goes wrong (cut connection, timeout, wrong MD5, cancellation) the temporary file is
removed, so a partial download never appears as a capture. A JSON error body is recognised by
its first bytes whatever Content-Type it comes with.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import tempfile
import time
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import httpx

from app.control.client import FailureKind, classify_http_error, make_http_client
from app.protocol import ResultCode, signed_headers
from app.protocol.codes import MEANINGS
from app.protocol.media import (
    MAX_ERROR_BODY,
    attachment_filename,
    capture_kind,
    looks_like_json,
    media_error,
    media_request_body,
    sniff_kind,
)
from app.protocol.signing import MD5_HEADER

CONNECT_TIMEOUT_S = 5.0
WRITE_BATCH = 256 * 1024  # bytes gathered before one write in a worker thread


class Outcome(str, Enum):
    STORED = "stored"  # received, complete, MD5 verified, in place
    NO_MEDIA = "no media"  # 1009: nothing (yet) for that time
    REFUSED = "refused"  # another protocol code (1001, 1004, ...)
    MD5_MISMATCH = "MD5 mismatch"
    INCOMPLETE = "incomplete"  # the connection ended before the whole file arrived
    TRANSPORT = "transport"  # refused, timeout, TLS, network
    BAD_ANSWER = "bad answer"  # an HTTP error page, no MD5 header, ...


RETRYABLE = frozenset({Outcome.NO_MEDIA, Outcome.MD5_MISMATCH, Outcome.INCOMPLETE,
                       Outcome.TRANSPORT})


@dataclass(frozen=True)
class Received:
    """What one request brought back."""

    outcome: Outcome
    sentence: str  # one English sentence for the operator and the log
    url: str
    code: str | None = None
    message: str = ""
    path: Path | None = None  # the verified file in its final place (STORED only)
    file_name: str = ""
    content_type: str = ""
    kind: str = ""  # photo | video | file
    size: int = 0
    md5: str = ""
    failure: FailureKind | None = None

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.STORED


def _unique(folder: Path, name: str) -> Path:
    path = folder / name
    stem, dot, ext = name.rpartition(".")
    stem, ext = (stem, f".{ext}") if dot else (name, "")
    n = 1
    while path.exists():
        path = folder / f"{stem}_{n}{ext}"
        n += 1
    return path


def _meaning(code: str) -> str:
    try:
        return MEANINGS[ResultCode(code)]
    except ValueError:
        return "unknown code"


@dataclass
class MediaClient:
    """Fetches captures from one device's remotecontrol.do."""

    url: str
    gantry_id: str
    auth_code: str
    timeout_s: float = 30.0
    http: httpx.AsyncClient | None = None
    clock: Callable[[], float] = time.time

    def __post_init__(self) -> None:
        self._own_http = self.http is None

    async def aclose(self) -> None:
        if self._own_http and self.http is not None:
            await self.http.aclose()
            self.http = None

    def _client(self) -> httpx.AsyncClient:
        if self.http is None:
            self.http = make_http_client(self._timeout())
        return self.http

    def _timeout(self) -> httpx.Timeout:
        return httpx.Timeout(self.timeout_s, connect=min(CONNECT_TIMEOUT_S, self.timeout_s))

    async def fetch(self, cabinet_id: int, door_time: str, folder: Path) -> Received:
        """Ask for the capture of `cabinet_id` at `door_time`; a file lands in `folder`."""
        body = media_request_body(self.gantry_id, cabinet_id, door_time, self.clock())
        headers = signed_headers(body, self.auth_code)
        try:
            async with self._client().stream("POST", self.url, content=body, headers=headers,
                                              timeout=self._timeout()) as r:
                return await self._receive(r, folder)
        except httpx.HTTPError as e:
            if isinstance(e, (httpx.RemoteProtocolError, httpx.ReadError)) and getattr(
                    e, "_media_body_started", False):
                return self._incomplete(str(e) or type(e).__name__)
            kind, detail = classify_http_error(e)
            return Received(Outcome.TRANSPORT, _transport_sentence(kind, self.url, detail),
                            self.url, failure=kind)

    def _incomplete(self, detail: str) -> Received:
        return Received(Outcome.INCOMPLETE, f"The download from {self.url} was cut off before the "
                        f"whole file arrived ({detail}); nothing was kept.", self.url)

    async def _receive(self, r: httpx.Response, folder: Path) -> Received:
        chunks = _marking(r.aiter_bytes())
        try:
            return await self._receive_body(r, chunks, folder)
        finally:
            await chunks.aclose()

    async def _receive_body(self, r: httpx.Response, chunks: AsyncIterator[bytes],
                            folder: Path) -> Received:
        head = await _read_up_to(chunks, b"", 16)  # enough to tell a JSON answer from a file
        if looks_like_json(head):
            head = await _read_up_to(chunks, head, MAX_ERROR_BODY + 1)
            error = media_error(head)
            if error is not None:
                return self._error_answer(error.code, error.message)
        if r.status_code != 200:
            return Received(Outcome.BAD_ANSWER, f"The device at {self.url} answered HTTP "
                            f"{r.status_code} instead of a file.", self.url)
        if not head:
            return Received(Outcome.BAD_ANSWER, f"The device at {self.url} answered with an empty "
                            "body.", self.url)
        expected_md5 = (r.headers.get(MD5_HEADER) or "").strip().lower()
        if not expected_md5:
            return Received(Outcome.BAD_ANSWER, f"The device at {self.url} sent a file without "
                            f"its {MD5_HEADER}; it cannot be verified and was not kept.", self.url)
        length = r.headers.get("content-length")
        name = attachment_filename(r.headers.get("content-disposition"))
        content_type = r.headers.get("content-type", "")
        kind, ext = capture_kind(content_type, name)
        sniffed = sniff_kind(head)
        if sniffed is not None and kind == "file":
            kind = sniffed
        name = name or f"{self.gantry_id}_{int(self.clock() * 1000)}.{ext}"
        return await self._to_file(chunks, head, folder, name, expected_md5,
                                    int(length) if length and length.isdigit() else None,
                                    content_type, kind)

    async def _to_file(self, chunks: AsyncIterator[bytes], head: bytes, folder: Path, name: str, expected_md5: str,
                       length: int | None, content_type: str, kind: str) -> Received:
        await asyncio.to_thread(folder.mkdir, parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".part-", suffix=".download", dir=folder)
        tmp = Path(tmp_name)
        done = False
        try:
            with os.fdopen(fd, "wb") as f:
                digest = hashlib.md5(head)
                size = len(head)
                pending = [head]
                pending_size = size
                async for chunk in chunks:
                    digest.update(chunk)
                    size += len(chunk)
                    pending.append(chunk)
                    pending_size += len(chunk)
                    if pending_size >= WRITE_BATCH:
                        await asyncio.to_thread(f.write, b"".join(pending))
                        pending, pending_size = [], 0
                await asyncio.to_thread(f.write, b"".join(pending))
                await asyncio.to_thread(_sync, f)
            got = digest.hexdigest()
            if length is not None and size != length:
                return self._incomplete(f"{size} of {length} bytes")
            if got != expected_md5:
                return Received(Outcome.MD5_MISMATCH, (
                    f"The file from {self.url} does not match its {MD5_HEADER} (sent "
                    f"{expected_md5}, received bytes give {got}); it was not kept."), self.url,
                    file_name=name, content_type=content_type, kind=kind, size=size, md5=got)
            final = await asyncio.to_thread(_place, tmp, folder, name)
            done = True
            return Received(Outcome.STORED, f"Received {name} ({size} bytes, MD5 verified).",
                            self.url, code=ResultCode.OK.value, path=final, file_name=final.name,
                            content_type=content_type, kind=kind, size=size, md5=got)
        finally:
            if not done:
                with contextlib.suppress(OSError):
                    tmp.unlink()

    def _error_answer(self, code: str, message: str) -> Received:
        if code == ResultCode.NO_MEDIA.value:
            return Received(Outcome.NO_MEDIA, f"The device has no image or video for that time "
                            f"yet ({code} {message}).".replace(" )", ")"), self.url, code=code,
                            message=message)
        return Received(Outcome.REFUSED, f"The device refused the request: {code} {message} "
                        f"({_meaning(code)}).", self.url, code=code, message=message)


def _sync(f) -> None:
    f.flush()
    os.fsync(f.fileno())


def _place(tmp: Path, folder: Path, name: str) -> Path:
    final = _unique(folder, name)
    os.replace(tmp, final)
    return final


async def _read_up_to(chunks: AsyncIterator[bytes], head: bytes, size: int) -> bytes:
    while len(head) < size:
        chunk = await anext(chunks, None)
        if chunk is None:
            break
        head += chunk
    return head


async def _marking(stream: AsyncIterator[bytes]) -> AsyncGenerator[bytes, None]:
    """Pass chunks through; an httpx error once the body has started is a cut download."""
    try:
        async for chunk in stream:
            yield chunk
    except httpx.HTTPError as e:
        e._media_body_started = True  # type: ignore[attr-defined]
        raise


def _transport_sentence(kind: FailureKind, url: str, detail: str) -> str:
    if kind is FailureKind.REFUSED:
        return f"The device at {url} could not be reached (connection refused)."
    if kind is FailureKind.TIMEOUT:
        return f"The device at {url} did not answer in time."
    if kind is FailureKind.TLS:
        return f"The secure connection to {url} failed: {detail}."
    return f"The connection to {url} failed: {detail}."
