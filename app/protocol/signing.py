"""Request signing (PROTOCOL.md §2): `binfile-md5` of the exact body bytes and the auth code."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

MD5_HEADER = "binfile-md5"
AUTH_HEADER = "binfile-auth"
GZIP_HEADER = "binfile-gzip"


def md5_hex(data: bytes) -> str:
    return hashlib.md5(data).hexdigest()


def md5_matches(header_value: str | None, data: bytes) -> bool:
    """Case-insensitive comparison of a hex MD5 header against the bytes' digest."""
    if not header_value:
        return False
    return hmac.compare_digest(header_value.strip().lower().encode(), md5_hex(data).encode())


def auth_matches(header_value: str | None, expected: str) -> bool:
    """Constant-time comparison of the auth code (§2 decision)."""
    if header_value is None:
        return False
    return hmac.compare_digest(header_value.encode("utf-8"), expected.encode("utf-8"))


def encode_body(obj: Any) -> bytes:
    """Serialise a JSON body once; these exact bytes are what gets signed and sent."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def signed_headers(body: bytes, auth_code: str) -> dict[str, str]:
    return {
        MD5_HEADER: md5_hex(body),
        AUTH_HEADER: auth_code,
        "Content-Type": "application/json;charset=UTF-8",
    }
