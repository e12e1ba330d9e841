"""displaCy-style highlighting: entity surfaces located in a text and
marked by type, as Markdown (app/components/markdown.py: every character
of the text escaped, so a title or abstract containing markup is shown as
the characters it is). A mark with an href is a link titled with its type
(`.md a[title=Method]` in the CSS colours it); one without is bold, coloured
by the container's `marks-<type>` class."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from dash import html

from app.components import markdown
from app.components.canvas import TYPE_COLOURS
from graph.views.surfaces import surface_pattern
from ingest.text import fold_scripts


@dataclass(frozen=True)
class Target:
    surface: str
    label: str  # entity type, for the colour
    href: str | None = None  # where the mark links to


def find_spans(text: str, targets: Iterable[Target]) -> list[tuple[str, Target | None]]:
    """Split `text` into plain and matched pieces. Longer surfaces win
    overlaps ("vision transformer" over "transformer"); matching ignores
    case and respects word boundaries so "ViT" does not light up "ViTs".
    A name extraction read in plain text ("M3CoT") lights up where the text
    shows it with scripts ("M³CoT", `ingest.text`)."""
    by_surface: dict[str, Target] = {}
    for target in targets:
        if target.surface.strip():
            by_surface.setdefault(target.surface.casefold(), target)
    pattern = surface_pattern(by_surface)
    if pattern is None or not text:
        return [(text, None)] if text else []
    pieces: list[tuple[str, Target | None]] = []
    last = 0
    urls = [(url.start(), url.end()) for url in markdown.URL.finditer(text)]
    for match in pattern.finditer(fold_scripts(text)):
        if any(start < match.end() and match.start() < end for start, end in urls):
            continue  # "https://x2-gaussian.github.io/": a link inside a link breaks the Markdown
        if match.start() > last:
            pieces.append((text[last : match.start()], None))
        pieces.append((text[match.start() : match.end()], by_surface[match.group(0).casefold()]))
        last = match.end()
    if last < len(text):
        pieces.append((text[last:], None))
    return pieces


def badge(label: str) -> html.Span:
    """An entity type as a small coloured label, in the canvas's colours."""
    return html.Span(label, className="badge", style={"background": TYPE_COLOURS.get(label, "#999")})


def highlighted(text: str, targets: Iterable[Target]) -> str:
    """Markdown for `text` with the targets marked: links titled with their
    type when they have an href, bold otherwise."""
    out = []
    for piece, target in find_spans(text, targets):
        if target is None:
            out.append(markdown.text_with_links(piece))
        elif target.href:
            out.append(markdown.link(piece, target.href, target.label))
        else:
            out.append(f"**{markdown.text(piece)}**")
    return "".join(out)
