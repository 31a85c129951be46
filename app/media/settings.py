"""Settings of the door-open capture fetch and retention (issue 8), a section of `Settings`."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class MediaSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    auto_fetch: bool = True  # fetch a capture when a report shows a door opening
    first_delay_s: float = Field(3.0, ge=0)  # the device needs a moment to write the photo
    retry_s: float = Field(300.0, ge=0)  # keep asking after 1009 for this long (video not ready)
    backoff_first_s: float = Field(2.0, gt=0)
    backoff_max_s: float = Field(30.0, gt=0)
    timeout_s: float = Field(30.0, gt=0)  # connect 5 s; this is the read timeout of a stream
    max_files_per_event: int = Field(4, ge=1)  # photo + video, with room for more
    keep_days: float = Field(90.0, ge=0)  # 0: no age limit
    max_total_mib: float = Field(2048.0, ge=0)  # 0: no size limit
