"""Shared fixtures: a real receiver on 127.0.0.1 with its own data folder, and a signed poster."""

from __future__ import annotations

import json
import os
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.config import Settings
from app.core import Core
from app.protocol import encode_body, signed_headers

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

EXAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "protocol" / "examples"
if not EXAMPLES.exists():  # CI lays shared/ beside the clone; a developer may keep a copy in tests
    EXAMPLES = Path(__file__).resolve().parent / "data" / "examples"


def example(name: str, now: float | None = None) -> dict[str, Any]:
    """One of the spec's example messages, stamped with the current time."""
    doc = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    doc["timeStamp"] = str(int(now if now is not None else time.time()))
    return doc


def settings_file(path: Path) -> str:
    """An empty settings file (the defaults) for `--config`, which must name one that exists."""
    path.touch()
    return str(path)


def make_settings(data_dir: Path, **overrides: Any) -> Settings:
    base: dict[str, Any] = {"host": "127.0.0.1", "port": 0, "data_dir": str(data_dir)}
    base.update(overrides)
    return Settings.model_validate(base)


@pytest.fixture
async def core(tmp_path: Path) -> AsyncIterator[Core]:
    """The running core (store + receiver) on a free port of 127.0.0.1."""
    c = Core(make_settings(tmp_path / "data"))
    await c.start()
    yield c
    await c.stop()


class Poster:
    """Posts to a receiver like a device does: signed body, auth header."""

    def __init__(self, url: str, auth_code: str = "123456"):
        self.url = url
        self.auth_code = auth_code
        self.client = httpx.AsyncClient(timeout=10, trust_env=False)

    async def post(self, doc: dict[str, Any] | bytes, *, auth: str | None = None,
                   md5: str | None = None, headers: dict[str, str] | None = None
                   ) -> httpx.Response:
        body = doc if isinstance(doc, bytes) else encode_body(doc)
        h = signed_headers(body, self.auth_code if auth is None else auth)
        if md5 is not None:
            h["binfile-md5"] = md5
        h.update(headers or {})
        return await self.client.post(self.url, content=body, headers=h)

    async def code(self, doc: dict[str, Any] | bytes, **kw: Any) -> str:
        r = await self.post(doc, **kw)
        return r.json()["code"]


@pytest.fixture
async def poster(core: Core) -> AsyncIterator[Poster]:
    p = Poster(core.receiver.url)
    yield p
    await p.client.aclose()
