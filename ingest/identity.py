"""Stable paper identifiers: arXiv id or DOI when known, else a title hash."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_ARXIV = re.compile(r"(?:arxiv\.org/(?:abs|pdf)/|arxiv:\s*)?(\d{4}\.\d{4,5})(?:v\d+)?", re.I)
_ARXIV_OLD = re.compile(r"(?:arxiv\.org/(?:abs|pdf)/|arxiv:\s*)([a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?", re.I)
_DOI = re.compile(r"(?:doi\.org/|doi:\s*)?(10\.\d{4,9}/\S+)", re.I)


def normalise_title(title: str) -> str:
    """Case-, accent-, punctuation- and whitespace-insensitive form of a title."""
    text = unicodedata.normalize("NFKD", title)
    if not text.isascii():  # most titles are: nothing to strip
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^\w]+", " ", text.casefold())
    return " ".join(text.split())


def arxiv_id(value: str | None) -> str | None:
    if not value:
        return None
    match = _ARXIV.search(value) or _ARXIV_OLD.search(value)
    return match.group(1) if match else None


def doi(value: str | None) -> str | None:
    if not value:
        return None
    match = _DOI.search(value)
    return match.group(1).rstrip(".,;").lower() if match else None


@lru_cache(maxsize=1 << 17)  # a record's title_key is asked for ~8 times per listing while planning
def title_hash(title: str) -> str:
    digest = hashlib.sha1(normalise_title(title).encode("utf-8")).hexdigest()
    return f"title:{digest[:16]}"


def paper_id(title: str, *candidates: str | None) -> str:
    """The id a paper is stored under: the first arXiv id or DOI among the
    candidates (id fields, URLs), else a hash of the normalised title, so the
    same paper read from two listings gets one id."""
    for value in candidates:
        found = arxiv_id(value)
        if found:
            return f"arxiv:{found}"
    for value in candidates:
        found = doi(value)
        if found:
            return f"doi:{found}"
    return title_hash(title)
