"""The attention sound: a short two-tone chime written with the stdlib `wave` module."""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

_BASE = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[1]))
SOUND = _BASE / "resources" / "sounds" / "alarm.wav"
RATE = 22050


def write_chime(path: Path = SOUND) -> Path:
    """Two 0.18 s tones (880 Hz, 660 Hz), repeated twice, with soft edges: 16-bit mono."""
    frames = bytearray()
    for _ in range(2):
        for freq in (880.0, 660.0):
            n = int(RATE * 0.18)
            for i in range(n):
                edge = min(1.0, i / 400, (n - i) / 400)  # no clicks
                frames += struct.pack("<h", int(0.45 * 32767 * edge *
                                                 math.sin(2 * math.pi * freq * i / RATE)))
            frames += b"\0\0" * int(RATE * 0.05)
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(bytes(frames))
    return path


def sound_file() -> Path:
    return SOUND if SOUND.exists() else write_chime()


if __name__ == "__main__":
    print(write_chime())
