"""Finding an entity's surface forms in text: one pattern shared by the
evidence picked for a link and the highlighting the app draws."""
from __future__ import annotations

import re
from typing import Iterable

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9])")


def surface_pattern(surfaces: Iterable[str]) -> re.Pattern | None:
    """Any of `surfaces`, ignoring case and respecting word boundaries (so
    "ViT" does not match inside "ViTs"); longer surfaces win overlaps
    ("vision transformer" over "transformer"). None for no surfaces."""
    words = sorted({s.casefold() for s in surfaces if s and s.strip()}, key=len, reverse=True)
    if not words:
        return None
    return re.compile("|".join(_bounded(re.escape(w), w) for w in words), re.IGNORECASE)


def _bounded(escaped: str, surface: str) -> str:
    start = r"(?<!\w)" if surface[0].isalnum() else ""
    end = r"(?!\w)" if surface[-1].isalnum() else ""
    return start + escaped + end


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text or "") if s.strip()]
