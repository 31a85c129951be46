"""Door-open captures (issue 8, PROTOCOL.md §8.4): fetch, verify, keep, retain.

- `client`: one streamed, MD5-verified `getCabinetImageVedio` exchange (`MediaClient`).
- `doors`: door openings from consecutive reports.
- `fetcher`: `CaptureFetcher`, the core's auto-fetch with retry, keep and retention.
- `library`: files under `<data>/captures/<gantry>/<date>/` and the `captures` table.
- `thumbs`: small JPEG posters of photos and videos (no Qt).
- `cli`: `gantry-monitor fetch-capture`.
"""

# Only the settings here: app.config imports them, and the rest imports app.config.
from .settings import MediaSettings

__all__ = ["MediaSettings"]
