"""Access-card whitelist files (cmd 7): CSV with `card_id,expire_date` (yyyy-mm-dd)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from .commands import CardEntry, InvalidCommand

HEADER = ("card_id", "expire_date")


def parse_cards_csv(text: str) -> list[CardEntry]:
    """Cards from CSV text; a header row is optional, blank lines are skipped."""
    cards: list[CardEntry] = []
    for n, row in enumerate(csv.reader(io.StringIO(text)), 1):
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if n == 1 and tuple(c.lower() for c in cells[:2]) == HEADER:
            continue
        if len(cells) < 2:
            raise InvalidCommand(f"Line {n} of the card list needs a card id and an expiry date.")
        try:
            expires = date.fromisoformat(cells[1])
        except ValueError:
            raise InvalidCommand(f"Line {n} of the card list: '{cells[1]}' is not a date like "
                                 "2030-12-31.") from None
        cards.append(CardEntry(cells[0], expires))
    return cards


def read_cards_csv(path: Path) -> list[CardEntry]:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")  # Excel writes a BOM
    except (OSError, UnicodeDecodeError) as e:
        raise InvalidCommand(f"Cannot read the card list {path}: {e}.") from e
    return parse_cards_csv(text)


def cards_csv(cards: list[CardEntry]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(HEADER)
    for c in cards:
        w.writerow((c.card_id, c.expires.isoformat()))
    return out.getvalue()


def write_cards_csv(path: Path, cards: list[CardEntry]) -> None:
    Path(path).write_text(cards_csv(cards), encoding="utf-8")
