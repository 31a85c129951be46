"""The protocol of PROTOCOL.md as pure code: bytes and headers in, typed messages out. No I/O."""

from .codes import ResultCode, response_body
from .messages import (
    DEVICE_MODELS,
    AirConditioner,
    Block,
    Cabinet,
    CabinetStatusUpdate,
    Computer,
    ComputerStatusUpdate,
    Doors,
    Mains,
    Rectifier,
    SmokeSensor,
    StatusMessage,
    SurgeProtector,
    Thermohygrometer,
    Ups,
    WaterSensor,
    to_wire_dict,
)
from .parse import Accepted, ReceivePolicy, Rejection, logged_payload, parse, parse_stored
from .ratelimit import RateLimiter
from .signing import encode_body, md5_hex, signed_headers
from .values import NO_DATA, NoValue, Reading

__all__ = [
    "DEVICE_MODELS",
    "NO_DATA",
    "Accepted",
    "AirConditioner",
    "Block",
    "Cabinet",
    "CabinetStatusUpdate",
    "Computer",
    "ComputerStatusUpdate",
    "Doors",
    "Mains",
    "NoValue",
    "RateLimiter",
    "Reading",
    "ReceivePolicy",
    "Rectifier",
    "Rejection",
    "ResultCode",
    "SmokeSensor",
    "StatusMessage",
    "SurgeProtector",
    "Thermohygrometer",
    "Ups",
    "WaterSensor",
    "encode_body",
    "md5_hex",
    "parse",
    "logged_payload",
    "parse_stored",
    "response_body",
    "signed_headers",
    "to_wire_dict",
]
