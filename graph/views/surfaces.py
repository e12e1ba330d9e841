"""Finding an entity's surface forms in text: one pattern shared by the
evidence picked for a link and the highlighting the app draws."""
from __future__ import annotations

import functools
import re
from typing import Iterable

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9])")


def surface_pattern(surfaces: Iterable[str]) -> re.Pattern | None:
    """Any of `surfaces`, ignoring case and respecting word boundaries (so
    "ViT" does not match inside "ViTs"); longer surfaces win overlaps
    ("vision transformer" over "transformer"). None for no surfaces."""
    words = sorted({s.casefold() for s in surfaces if s and s.strip()}, key=lambda w: (-len(w), w))
    return _compiled(tuple(words)) if words else None


# A link view matches each of its 30 papers' surfaces of both ends twice
# (evidence, marks), mostly the same few entities: more patterns than `re`
# keeps compiled, and building one cost more than the search.
@functools.lru_cache(maxsize=1024)
def _compiled(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(_bounded(re.escape(w), w) for w in words), re.IGNORECASE)


def _bounded(escaped: str, surface: str) -> str:
    start = r"(?<!\w)" if surface[0].isalnum() else ""
    end = r"(?!\w)" if surface[-1].isalnum() else ""
    return start + escaped + end


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text or "") if s.strip()]
