"""Bus events of the capture fetcher."""

from __future__ import annotations

from dataclasses import dataclass

from .library import CaptureRecord, FetchRecord


@dataclass(frozen=True)
class CaptureStored:
    """A verified capture is on disk and in the captures table."""

    capture: CaptureRecord


@dataclass(frozen=True)
class CaptureFetchChanged:
    """A fetch for a door event started, waits for a retry, or finished (stored or failed)."""

    fetch: FetchRecord
