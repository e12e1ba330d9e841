"""displaCy-style highlighting: entity surfaces located in a text and
marked by type, as Markdown (app/components/markdown.py: every character
of the text escaped, so a title or abstract containing markup is shown as
the characters it is). A mark with an href is a link titled with its type
(`.md a[title=Method]` in the CSS colours it); one without is bold, coloured
by the container's `marks-<type>` class."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from dash import html

from app.components import markdown
from app.components.canvas import TYPE_COLOURS
from graph.views.surfaces import surface_pattern


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
    pattern = surface_pattern(by_surface)
    if pattern is None or not text:
        return [(text, None)] if text else []
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


def badge(label: str) -> html.Span:
    """An entity type as a small coloured label, in the canvas's colours."""
    return html.Span(label, className="badge", style={"background": TYPE_COLOURS.get(label, "#999")})


def highlighted(text: str, targets: Iterable[Target]) -> str:
    """Markdown for `text` with the targets marked: links titled with their
    type when they have an href, bold otherwise."""
    out = []
    for piece, target in find_spans(text, targets):
        if target is None:
            out.append(markdown.text(piece))
        elif target.href:
            out.append(markdown.link(piece, target.href, target.label))
        else:
            out.append(f"**{markdown.text(piece)}**")
    return "".join(out)


# Abstracts arrive with arXiv's LaTeX left in ("85\%", "$\times 3$"). A
# full LaTeX parser (pylatexenc) treats every plain "%" as a comment and
# drops spaces in math, which ruins ordinary text, so only the common,
# unambiguous markup is rewritten and everything else is left as written.
_SYMBOLS = {
    "times": "×", "sim": "~", "approx": "≈", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "pm": "±",
    "cdot": "·", "to": "→", "rightarrow": "→", "leftarrow": "←", "infty": "∞", "ldots": "…", "dots": "…", "cdots": "…",
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "theta": "θ", "lambda": "λ", "mu": "μ",
    "pi": "π", "sigma": "σ", "tau": "τ", "phi": "φ", "omega": "ω", "Delta": "Δ", "Sigma": "Σ", "Omega": "Ω",
    "%": "%", "&": "&", "_": "_", "#": "#", "$": "$", "{": "{", "}": "}",
}
# A control word swallows the space after it (as in TeX), a control symbol does not.
_SYMBOL = re.compile(r"\\(?:([A-Za-z]+)\s?|([%&_#${}]))")
_WRAPPER = re.compile(r"\\(?:text(?:bf|it|tt|sc|rm)?|emph|math(?:rm|bf|it|cal|bb|sf|tt)|operatorname|mbox)\{([^{}]*)\}")
# $...$ only when it hugs its content ("$x$", not "$5 and $"), on one line.
_MATH = re.compile(r"(?<![\\$])\$(?=\S)([^$\n]{1,120}?)(?<=\S)\$")
_SCRIPT = re.compile(r"([\^_])\{?([0-9+\-]+)\}?")
_SUPERSCRIPT = str.maketrans("0123456789+-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻")
_SUBSCRIPT = str.maketrans("0123456789+-", "₀₁₂₃₄₅₆₇₈₉₊₋")


def clean_markup(text: str) -> str:
    """`85\\%` → `85%`, `$\\times 3$` → `×3`, `$O(n^2)$` → `O(n²)`,
    `\\textbf{X}` → `X`, ``` ``x'' ``` → `“x”`."""
    if not text or not any(ch in text for ch in "\\$`"):
        return text
    text = _MATH.sub(lambda m: _math(m.group(1)), text)
    text = _WRAPPER.sub(r"\1", text)
    text = _SYMBOL.sub(_symbol, text)
    return text.replace("``", "“").replace("''", "”")


def _math(inner: str) -> str:
    inner = _SCRIPT.sub(lambda m: m.group(2).translate(_SUPERSCRIPT if m.group(1) == "^" else _SUBSCRIPT), inner)
    inner = _WRAPPER.sub(r"\1", inner)
    inner = _SYMBOL.sub(_symbol, inner)
    return inner.replace("{", "").replace("}", "").replace("\\,", " ").strip()


def _symbol(match: re.Match) -> str:
    return _SYMBOLS.get(match.group(1) or match.group(2), match.group(0))
