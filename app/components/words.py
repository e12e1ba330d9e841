"""Counts in words: "1 paper", "12 papers"."""
from __future__ import annotations


def count(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def joined(parts: list, separator: str = " · ") -> list:
    """The non-empty parts (strings or components), separated."""
    out: list = []
    for part in parts:
        if part:
            out += [separator, part] if out else [part]
    return out
