"""displaCy-style highlighting: entity surfaces located in a text and
marked by type. Everything stays a React text child, so a title or
abstract containing markup is shown as the characters it is."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from dash import dcc, html


@dataclass(frozen=True)
class Target:
    surface: str
    label: str  # entity type, for the colour
    href: str | None = None  # where the mark links to


def find_spans(text: str, targets: Iterable[Target]) -> list[tuple[str, Target | None]]:
    """Split `text` into plain and matched pieces. Longer surfaces win
    overlaps ("vision transformer" over "transformer"); matching ignores
    case and respects word boundaries so "ViT" does not light up "ViTs"."""
    by_surface: dict[str, Target] = {}
    for target in targets:
        if target.surface.strip():
            by_surface.setdefault(target.surface.casefold(), target)
    if not by_surface or not text:
        return [(text, None)] if text else []
    alternatives = sorted(by_surface, key=len, reverse=True)
    pattern = re.compile(
        "|".join(_bounded(re.escape(s), s) for s in alternatives),
        re.IGNORECASE,
    )
    pieces: list[tuple[str, Target | None]] = []
    last = 0
    for match in pattern.finditer(text):
        if match.start() > last:
            pieces.append((text[last : match.start()], None))
        pieces.append((match.group(0), by_surface[match.group(0).casefold()]))
        last = match.end()
    if last < len(text):
        pieces.append((text[last:], None))
    return pieces


def _bounded(escaped: str, surface: str) -> str:
    start = r"(?<!\w)" if surface[0].isalnum() else ""
    end = r"(?!\w)" if surface[-1].isalnum() else ""
    return start + escaped + end


def highlighted(text: str, targets: Iterable[Target]) -> list:
    """Children for an html element: plain strings and <mark>s (links when
    the target has an href)."""
    children: list = []
    for piece, target in find_spans(text, targets):
        if target is None:
            children.append(piece)
            continue
        content = [piece, html.Span(target.label.upper(), className="mark-label")]
        inner = dcc.Link(content, href=target.href) if target.href else content
        children.append(html.Mark(inner, className=f"ent ent-{target.label}", title=target.label))
    return children
