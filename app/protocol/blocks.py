"""Validating a cabinet's device blocks once per distinct content.

A cabinet reports every few seconds to minutes, and most of its blocks (doors, water and smoke
sensors, air conditioners, surge protectors) read the same from one report to the next. Each
distinct block is validated once and its (frozen, so shareable) model reused; only blocks whose
readings moved are validated again. Anything unusual is left as it came, for the full validation
of the message to accept or to reject with the field's path.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from .messages import Block, Cabinet

_CACHE_LIMIT = 4096
_cache: dict[tuple[type[Block], tuple[tuple[str, Any], ...]], Block] = {}

# Wire name of each block of a cabinet -> its model, and whether it is a list of them.
_WIRE_BLOCKS: dict[str, tuple[type[Block], bool]] = {
    **{Cabinet.model_fields[n].alias or n: (m, True) for n, m in Cabinet.LIST_BLOCKS},
    **{Cabinet.model_fields[n].alias or n: (m, False) for n, m in Cabinet.SINGLE_BLOCKS},
}


def _block(model: type[Block], raw: Any) -> Any:
    if type(raw) is not dict:
        return raw
    key = (model, tuple(raw.items()))
    try:
        hit = _cache.get(key)
    except TypeError:  # a nested object or array as a value: not ours to judge here
        return raw
    if hit is None:
        try:
            hit = model.model_validate(raw)
        except ValidationError:
            return raw
        if len(_cache) >= _CACHE_LIMIT:
            _cache.clear()  # readings that move fill it with one-off blocks; start again
        _cache[key] = hit
    return hit


def with_validated_blocks(cabinet: dict[str, Any]) -> dict[str, Any]:
    """The (normalised) cabinet object with each well-formed device block already a model."""
    out = dict(cabinet)
    for wire, (model, is_list) in _WIRE_BLOCKS.items():
        raw = out.get(wire)
        if is_list and type(raw) is list:
            out[wire] = [_block(model, b) for b in raw]
        elif not is_list and raw is not None:
            out[wire] = _block(model, raw)
    return out
