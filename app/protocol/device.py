"""The device side of control (PROTOCOL.md §8): check a request to `remotecontrol.do`.

Pure code for the simulated gantry (and anything else that plays a device): bytes and headers in,
a typed control request or the code a device answers out. Checks in the order a device applies
them: signature (1004), auth code (1001), JSON and common fields (1002), version (1006), gantry id
and the command object (1002).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from .codes import ResultCode, response_body
from .control import CONTROL_TYPES, CabinetControl, ComputerControl, MediaRequest
from .messages import PROTOCOL_VERSION
from .parse import _check_common, _decode_json, _describe, _header
from .signing import AUTH_HEADER, MD5_HEADER, auth_matches, encode_body, md5_matches

ControlRequest = ComputerControl | CabinetControl | MediaRequest


@dataclass(frozen=True)
class DeviceRejection:
    code: ResultCode
    reason: str

    @property
    def detail(self) -> str | None:
        """What follows the prescribed text in `msg`: only for bad parameters."""
        return self.reason if self.code is ResultCode.BAD_PARAMETERS else None


def check_control(
    body: bytes,
    headers: Mapping[str, str],
    auth_code: str,
    gantry_id: str | None = None,
) -> ControlRequest | DeviceRejection:
    """Check one request to a device's remotecontrol.do; `gantry_id` is the device's own id."""
    md5 = _header(headers, MD5_HEADER)
    if not md5_matches(md5, body):
        reason = "binfile-md5 missing" if not md5 else "binfile-md5 does not match the body"
        return DeviceRejection(ResultCode.BAD_SIGNATURE, reason)
    if not auth_matches(_header(headers, AUTH_HEADER), auth_code):
        return DeviceRejection(ResultCode.NOT_AUTHORISED, "binfile-auth does not match")
    try:
        obj: Any = _decode_json(body)
    except (ValueError, UnicodeDecodeError) as e:
        return DeviceRejection(ResultCode.BAD_PARAMETERS, f"body is not JSON ({e})")
    if not isinstance(obj, dict):
        return DeviceRejection(ResultCode.BAD_PARAMETERS, "body is not a JSON object")
    common = _check_common(obj)
    if isinstance(common, str):
        return DeviceRejection(ResultCode.BAD_PARAMETERS, common)
    gantry, method, ts, version = common
    model = CONTROL_TYPES.get(method)
    if model is None:
        return DeviceRejection(ResultCode.BAD_PARAMETERS, f"unknown method {method}")
    if version != PROTOCOL_VERSION:
        return DeviceRejection(ResultCode.UNKNOWN_VERSION, f"version {version} is not accepted")
    if gantry_id is not None and gantry != gantry_id:
        return DeviceRejection(ResultCode.BAD_PARAMETERS,
                               f"gantryId {gantry} is not this device ({gantry_id})")
    if not isinstance(obj.get(method), dict):
        what = "missing" if obj.get(method) is None else "not an object"
        return DeviceRejection(ResultCode.BAD_PARAMETERS, f"{method}: {what}")
    try:
        return model.model_validate({**obj, "timeStamp": ts, "version": version}, by_alias=True)
    except ValidationError as e:
        return DeviceRejection(ResultCode.BAD_PARAMETERS, _describe(e))


def answer_body(code: ResultCode, detail: str | None = None) -> bytes:
    """A device's JSON answer as bytes (sign them with `md5_hex` for the response header)."""
    return encode_body(response_body(code, detail))
