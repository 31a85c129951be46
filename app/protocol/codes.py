"""Result codes of the protocol (PROTOCOL.md §4), with the exact message texts to send."""

from __future__ import annotations

from enum import Enum


class ResultCode(str, Enum):
    OK = "1000"
    NOT_AUTHORISED = "1001"
    BAD_PARAMETERS = "1002"
    CLOCK_SKEW = "1003"
    BAD_SIGNATURE = "1004"
    TOO_FREQUENT = "1005"
    UNKNOWN_VERSION = "1006"
    CONTROL_FAILED = "1007"
    SYSTEM_ERROR = "1008"
    NO_MEDIA = "1009"

    @property
    def text(self) -> str:
        """The `msg` text the protocol prescribes for this code."""
        return _TEXTS[self]


_TEXTS = {
    ResultCode.OK: "成功",
    ResultCode.NOT_AUTHORISED: "无权使用该接口",
    ResultCode.BAD_PARAMETERS: "参数有误",
    ResultCode.CLOCK_SKEW: "系统时间偏差太大",
    ResultCode.BAD_SIGNATURE: "无效的签名",
    ResultCode.TOO_FREQUENT: "请求过于频繁",
    ResultCode.UNKNOWN_VERSION: "未知的接口版本号",
    ResultCode.CONTROL_FAILED: "执行控制命令失败",
    ResultCode.SYSTEM_ERROR: "未知系统异常",
    ResultCode.NO_MEDIA: "无对应图像/视频",
}

# English meanings, for logs and the operator's view of the communication log.
MEANINGS = {
    ResultCode.OK: "success",
    ResultCode.NOT_AUTHORISED: "not authorised",
    ResultCode.BAD_PARAMETERS: "bad parameters",
    ResultCode.CLOCK_SKEW: "clock skew too large",
    ResultCode.BAD_SIGNATURE: "invalid signature",
    ResultCode.TOO_FREQUENT: "too many requests",
    ResultCode.UNKNOWN_VERSION: "unknown interface version",
    ResultCode.CONTROL_FAILED: "control command failed",
    ResultCode.SYSTEM_ERROR: "unknown system error",
    ResultCode.NO_MEDIA: "no matching image/video",
}


def response_body(code: ResultCode, detail: str | None = None) -> dict[str, str]:
    """The JSON answer `{"code", "msg"}`; a detail follows the prescribed text, never replaces it."""
    msg = code.text if not detail else f"{code.text}: {detail}"
    return {"code": code.value, "msg": msg}
