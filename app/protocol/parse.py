"""`parse(body, headers)`: a request to `monitor.do` in, a typed message or a rejection out.

Applies the receiver's checks of PROTOCOL.md §4 in order; the first failure answers. Pure code:
the caller supplies the time and the rate limiter.
"""

from __future__ import annotations

import codecs
import gzip
import json
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson
from pydantic import ValidationError

from .blocks import with_validated_blocks
from .codes import ResultCode
from .legacy import normalise_cabinet, normalise_computers, normalise_method
from .messages import (
    MESSAGE_TYPES,
    PROTOCOL_VERSION,
    CabinetStatusUpdate,
    ComputerStatusUpdate,
    StatusMessage,
)
from .ratelimit import RateLimiter
from .signing import AUTH_HEADER, GZIP_HEADER, MD5_HEADER, auth_matches, md5_matches

GANTRY_ID = re.compile(r"^[A-Za-z0-9_\-]{1,20}$")
DEFAULT_AUTH_CODE = "123456"  # the spec's test value


@dataclass
class ReceivePolicy:
    auth_code: str = DEFAULT_AUTH_CODE
    gantry_auth_codes: dict[str, str] = field(default_factory=dict)
    skew_tolerance_s: float = 300.0  # 0 disables the check
    accepted_versions: frozenset[str] = frozenset({PROTOCOL_VERSION})
    max_body_bytes: int = 1024 * 1024

    def auth_code_for(self, gantry_id: str | None) -> str:
        if gantry_id and gantry_id in self.gantry_auth_codes:
            return self.gantry_auth_codes[gantry_id]
        return self.auth_code


@dataclass(frozen=True)
class Rejection:
    code: ResultCode
    reason: str  # for the log and the operator
    gantry_id: str | None = None
    method: str | None = None

    @property
    def detail(self) -> str | None:
        """What follows the prescribed text in `msg`: only for bad parameters."""
        return self.reason if self.code is ResultCode.BAD_PARAMETERS else None


@dataclass(frozen=True)
class Accepted:
    message: StatusMessage
    legacy: tuple[str, ...] = ()  # older names/shapes that were normalised

    @property
    def gantry_id(self) -> str:
        return self.message.gantry_id

    @property
    def method(self) -> str:
        return self.message.method


def _header(headers: Mapping[str, str], name: str) -> str | None:
    v = headers.get(name)
    if v is None and not hasattr(headers, "getall"):  # a plain dict: compare names ourselves
        for k, val in headers.items():
            if k.lower() == name:
                return val
    return v  # a multidict (what the receiver passes) already ignores case


def _is_gzip(headers: Mapping[str, str]) -> bool:
    flag = (_header(headers, GZIP_HEADER) or "").strip().lower() in ("true", "1")
    return flag or "gzip" in (_header(headers, "content-encoding") or "").lower()


def _gunzip(data: bytes, limit: int) -> bytes:
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = d.decompress(data, limit + 1)
    if len(out) > limit or d.unconsumed_tail:
        raise ValueError(f"decompressed body over {limit} bytes")
    if not d.eof:
        raise ValueError("truncated gzip body")
    return out


def _decode_json(payload: bytes) -> Any:
    payload = payload.removeprefix(codecs.BOM_UTF8)
    try:
        return orjson.loads(payload)
    except orjson.JSONDecodeError:
        # The json module has the last word (lone surrogates, huge integers) and its messages.
        return json.loads(payload.decode("utf-8"))


def _field_path(loc: tuple[Any, ...]) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path


def _describe(err: ValidationError) -> str:
    first = err.errors()[0]
    path = _field_path(first["loc"])
    msg = first["msg"].removeprefix("Value error, ")
    if first["type"] == "missing":
        msg = "missing"
    more = f" (+{err.error_count() - 1} more)" if err.error_count() > 1 else ""
    return f"{path}: {msg}{more}"


def _check_common(obj: dict[str, Any]) -> tuple[str, str, int, str] | str:
    """The four common fields, or the reason they are unusable."""
    for name in ("gantryId", "method", "timeStamp", "version"):
        if name not in obj or obj[name] is None or obj[name] == "":
            return f"missing {name}"
    gantry, method, ts, version = obj["gantryId"], obj["method"], obj["timeStamp"], obj["version"]
    if not isinstance(gantry, str) or not GANTRY_ID.match(gantry):
        return f"gantryId {gantry!r} is not 1-20 letters, digits, '-' or '_'"
    if not isinstance(method, str) or len(method) > 128:
        return "method is not a name"
    if isinstance(ts, str) and ts.strip().isdigit() and len(ts.strip()) <= 19:
        ts_int = int(ts.strip())
    elif isinstance(ts, int) and not isinstance(ts, bool) and ts >= 0:
        ts_int = ts
    else:
        return f"timeStamp {ts!r} is not Unix seconds"
    if isinstance(version, int) and not isinstance(version, bool):
        version = str(version)
    if not isinstance(version, str) or len(version) > 14:
        return f"version {version!r} is not a version number"
    return gantry, method, ts_int, version.strip()


def parse(
    body: bytes,
    headers: Mapping[str, str],
    policy: ReceivePolicy,
    now: float,
    rate: RateLimiter | None = None,
) -> Accepted | Rejection:
    """Check one request to monitor.do and turn it into a message (§4 steps 2–8)."""
    # 2. Signature over the exact bytes received (or, for gzip, possibly over the decompressed body).
    md5 = _header(headers, MD5_HEADER)
    payload = body
    signed = md5_matches(md5, body)
    if _is_gzip(headers):
        try:
            payload = _gunzip(body, policy.max_body_bytes)
        except (ValueError, zlib.error, EOFError, gzip.BadGzipFile) as e:
            if not signed:
                return Rejection(ResultCode.BAD_SIGNATURE, "binfile-md5 does not match the body")
            return Rejection(ResultCode.BAD_PARAMETERS, f"body is not valid gzip ({e})")
        signed = signed or md5_matches(md5, payload)
    if not signed:
        reason = "binfile-md5 missing" if not md5 else "binfile-md5 does not match the body"
        return Rejection(ResultCode.BAD_SIGNATURE, reason)

    # The gantry id is needed to pick its own auth code, so decode first, answer later.
    try:
        obj: Any = _decode_json(payload)
        json_error = None
    except (ValueError, UnicodeDecodeError) as e:
        obj, json_error = None, f"body is not JSON ({e})"
    gantry = obj.get("gantryId") if isinstance(obj, dict) else None
    gantry = gantry if isinstance(gantry, str) else None
    method_raw = obj.get("method") if isinstance(obj, dict) else None
    method_raw = method_raw if isinstance(method_raw, str) else None

    # 3. Auth code: the gantry's own when configured, else the global one.
    if not auth_matches(_header(headers, AUTH_HEADER), policy.auth_code_for(gantry)):
        return Rejection(ResultCode.NOT_AUTHORISED, "binfile-auth does not match", gantry, method_raw)

    # 4. JSON object with the common fields and a known method.
    if json_error:
        return Rejection(ResultCode.BAD_PARAMETERS, json_error, gantry, method_raw)
    if not isinstance(obj, dict):
        return Rejection(ResultCode.BAD_PARAMETERS, "body is not a JSON object")
    common = _check_common(obj)
    if isinstance(common, str):
        return Rejection(ResultCode.BAD_PARAMETERS, common, gantry, method_raw)
    gantry, method_raw, ts, version = common
    method = normalise_method(method_raw)
    legacy: list[str] = [f"method {method_raw}"] if method != method_raw else []
    model = MESSAGE_TYPES.get(method)
    if model is None:
        return Rejection(ResultCode.BAD_PARAMETERS, f"unknown method {method_raw}", gantry, method_raw)

    # 5. Interface version.
    if version not in policy.accepted_versions:
        return Rejection(ResultCode.UNKNOWN_VERSION, f"version {version} is not accepted",
                         gantry, method)

    # 6. Clock skew.
    if policy.skew_tolerance_s > 0 and abs(ts - now) > policy.skew_tolerance_s:
        hint = " (milliseconds instead of seconds?)" if ts > now * 100 else ""
        return Rejection(ResultCode.CLOCK_SKEW,
                         f"timeStamp {ts} is {ts - now:+.0f} s from this workstation's clock "
                         f"(tolerance {policy.skew_tolerance_s:g} s){hint}", gantry, method)

    # 7. Rate per gantry.
    if rate is not None and not rate.allow(gantry, now):
        return Rejection(ResultCode.TOO_FREQUENT,
                         f"over {rate.rate:g} requests/s (burst {rate.burst:g})", gantry, method)

    # 8. Message fields.
    fields = {**obj, "method": method, "version": version, "timeStamp": ts}
    if model is CabinetStatusUpdate:
        cab = fields.get("cabinetStatus")
        if not isinstance(cab, dict):
            what = "missing" if cab is None else "not an object"
            return Rejection(ResultCode.BAD_PARAMETERS, f"cabinetStatus: {what}", gantry, method)
        fields["cabinetStatus"] = with_validated_blocks(normalise_cabinet(cab, legacy))
    elif model is ComputerStatusUpdate:
        comps = fields.get("computerStatus")
        if not isinstance(comps, (list, dict)):
            what = "missing" if comps is None else "not an array"
            return Rejection(ResultCode.BAD_PARAMETERS, f"computerStatus: {what}", gantry, method)
        fields["computerStatus"] = normalise_computers(comps, legacy)
    try:
        message = model.model_validate(fields)
    except ValidationError as e:
        return Rejection(ResultCode.BAD_PARAMETERS, _describe(e), gantry, method)
    return Accepted(message, tuple(legacy))


_GZIP_MAGIC = b"\x1f\x8b"  # no JSON text starts with these bytes
_STORED_LIMIT = 256 * 1024 * 1024  # an accepted body was within the limit of its day


def logged_payload(body: bytes, limit: int = _STORED_LIMIT) -> bytes:
    """The JSON of a body as the communication log keeps it: gzip bodies (PROTOCOL.md §2) are
    logged as they were sent, since their MD5 may be over the compressed bytes. Raises
    ValueError past `limit` bytes unpacked (a rejected body may be a gzip bomb)."""
    return _gunzip(body, limit) if body.startswith(_GZIP_MAGIC) else body


def parse_stored(payload: bytes) -> StatusMessage:
    """Re-read a body that was accepted before (from the archive): fields only, no checks."""
    obj = _decode_json(logged_payload(payload))
    method = normalise_method(obj["method"])
    notes: list[str] = []
    fields = {**obj, "method": method, "timeStamp": int(str(obj["timeStamp"]).strip())}
    if method == CabinetStatusUpdate.METHOD:
        fields["cabinetStatus"] = normalise_cabinet(obj["cabinetStatus"], notes)
        return CabinetStatusUpdate.model_validate(fields)
    fields["computerStatus"] = normalise_computers(obj["computerStatus"], notes)
    return ComputerStatusUpdate.model_validate(fields)
