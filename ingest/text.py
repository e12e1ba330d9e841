"""What extraction reads and the app shows: a record's text with arXiv's
LaTeX markup turned into the characters it stands for.

Abstracts arrive with LaTeX left in ("85\\%", "$\\times 3$", "M$^3$CoT",
"PixArt-$\\alpha$", "$\\textbf{A}$daptive", "Fr\\'echet"). Names written with inline math
were lost to extraction: the tokenizer cut "M$^3$CoT" into six pieces, and
the model, which learned from plain text, read none of them as a name
(about 100 papers of the first 10,000 arXiv abstracts write such a name).
A full LaTeX parser (pylatexenc) treats every plain "%" as a comment and
drops spaces in math, which ruins ordinary text, so only the common,
unambiguous markup is rewritten and everything else is left as written.

`plain_text` writes a script digit as a digit ("M3CoT", "F1-score",
"HumanEval+"), the way names are written in plain text and the way the model
and the name lists know them; `display_text` as a superscript or subscript
("M³CoT", "O(n²)"), for reading. The two differ only in those characters,
one for one (`fold_scripts`), so a name found in the one is found at the
same place in the other.
"""
from __future__ import annotations

import re
import unicodedata

from ingest.records import PaperRecord

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
# Accents: "Fr\'echet", "Fr\'{e}chet" and "Fr{\'e}chet" are Fréchet (186 of the 40,717
# arXiv abstracts write one; "Fr\'echet Inception Distance" was read as "Inception Distance").
# A letter-named accent only with its braces ("\c{c}"): "\v" may start a word.
_ACCENT_MARKS = {"'": "\u0301", "`": "\u0300", '"': "\u0308", "^": "\u0302", "~": "\u0303", "=": "\u0304",
                 ".": "\u0307", "c": "\u0327", "v": "\u030c", "u": "\u0306", "H": "\u030b", "k": "\u0328"}
_ACCENT = re.compile(r"\{\\(['`\"^~=.])([A-Za-z])\}|\\(['`\"^~=.])\{([A-Za-z])\}|\\(['`\"^~=.])([A-Za-z])"
                     r"|\\([cvuHk])\{([A-Za-z])\}")
_SCRIPT = re.compile(r"([\^_])\{?([0-9+\-]+)\}?")
_SUPERSCRIPT = str.maketrans("0123456789+-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻")
_SUBSCRIPT = str.maketrans("0123456789+-", "₀₁₂₃₄₅₆₇₈₉₊₋")
_FOLD = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻₀₁₂₃₄₅₆₇₈₉₊₋", "0123456789+-0123456789+-")


def display_text(text: str) -> str:
    """`85\\%` → `85%`, `$\\times 3$` → `×3`, `$O(n^2)$` → `O(n²)`,
    `\\textbf{X}` → `X`, ``` ``x'' ``` → `“x”`."""
    return _rewrite(text, scripts=True)


def plain_text(text: str) -> str:
    """`display_text` with script digits as digits: `M$^3$CoT` → `M3CoT`."""
    return _rewrite(text, scripts=False)


def fold_scripts(text: str) -> str:
    """Superscript and subscript digits and signs as plain ones, one character for one."""
    return text.translate(_FOLD)


_TITLE_BREAK = "\n\n"


def paper_text(record: PaperRecord) -> str:
    """What extraction reads: the title, then the abstract, as plain text.
    Built from the record that is stored, so the links are found in the
    text the app shows (`display_text` of the same fields)."""
    title = plain_text(record.title)
    return f"{title}{_TITLE_BREAK}{plain_text(record.abstract)}" if record.abstract else title


def abstract_of(text: str) -> str:
    """The abstract of a `paper_text`; the whole text where no title comes before it."""
    return text.partition(_TITLE_BREAK)[2] or text


def title_of(text: str) -> str:
    """The title of a `paper_text`; the whole text where no abstract follows it."""
    return text.partition(_TITLE_BREAK)[0]


def _rewrite(text: str, scripts: bool) -> str:
    if not text or not any(ch in text for ch in "\\$`"):
        return text
    text = _MATH.sub(lambda m: _math(m.group(1), scripts), text)
    text = accented(text)
    text = _WRAPPER.sub(r"\1", text)
    text = _SYMBOL.sub(_symbol, text)
    return text.replace("``", "“").replace("''", "”")


def _math(inner: str, scripts: bool) -> str:
    def script(m: re.Match) -> str:
        return m.group(2).translate(_SUPERSCRIPT if m.group(1) == "^" else _SUBSCRIPT) if scripts else m.group(2)

    inner = _SCRIPT.sub(script, inner)
    inner = _WRAPPER.sub(r"\1", inner)
    inner = _SYMBOL.sub(_symbol, inner)
    return inner.replace("{", "").replace("}", "").replace("\\,", " ").strip()


def accented(text: str) -> str:
    """LaTeX accents as the letters they mark: `Fr\\'echet` → `Fréchet`."""
    return _ACCENT.sub(_accented_letter, text) if "\\" in text else text


def _accented_letter(match: re.Match) -> str:
    mark, letter = (group for group in match.groups() if group is not None)
    return unicodedata.normalize("NFC", letter + _ACCENT_MARKS[mark])


def _symbol(match: re.Match) -> str:
    return _SYMBOLS.get(match.group(1) or match.group(2), match.group(0))
