"""Per-gantry token bucket (PROTOCOL.md §4 step 7). Pure: the caller passes the time."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RateLimiter:
    rate: float = 10.0  # requests per second, sustained; 0 disables
    burst: float = 20.0
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)  # id -> (tokens, time)

    def allow(self, key: str, now: float) -> bool:
        if self.rate <= 0:
            return True
        tokens, last = self._buckets.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if tokens < 1.0:
            self._buckets[key] = (tokens, now)
            return False
        self._buckets[key] = (tokens - 1.0, now)
        if len(self._buckets) > 10_000:  # forget idle gantries so a scan of fake ids can't grow it
            self._forget_full(now)
        return True

    def _forget_full(self, now: float) -> None:
        for k, (t, last) in list(self._buckets.items()):
            if t + (now - last) * self.rate >= self.burst:
                del self._buckets[k]
