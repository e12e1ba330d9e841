"""Checks on query text before any parser sees it.

FalkorDB's parser takes time exponential in the nesting depth of brackets
(measured: depth 16 takes 0.3 s, 18 takes 1.7 s, 22 took 50 s; depth 50,000
crashes the server) and no query timeout covers parsing, so a 57-character
query could hold a worker thread for minutes. Length and depth are bounded
here, the same on both stores, with a message that says what to change, and
so is `range()` over literal bounds (a list FalkorDB builds in one piece,
before its memory cap or timeout is checked). A range over parameters or
computed bounds is not caught here; the server's memory cap and the
client's deadline still end it.
"""
from __future__ import annotations

import re

from graph.settings import QUERY_MAX_CHARS, QUERY_MAX_NESTING, QUERY_MAX_RANGE
from graph.store import QueryRefused

_RANGE = re.compile(
    r"\brange\s*\(\s*(?P<start>-?\d+)\s*,\s*(?P<end>-?\d+)\s*(?:,\s*(?P<step>-?\d+)\s*)?\)", re.IGNORECASE
)
_OPEN = "([{"
_CLOSE = ")]}"
_QUOTES = "'\"`"


def check_query_text(query: str) -> None:
    """Raise QueryRefused when the text is too long, nests too deeply or
    asks for a list too large to build."""
    if len(query) > QUERY_MAX_CHARS:
        raise QueryRefused(
            f"The query is {len(query):,} characters long; the limit is {QUERY_MAX_CHARS:,}. "
            "Pass long values as parameters (--param name=value) instead of writing them into the query."
        )
    code = _code(query)
    depth = _depth(code)
    if depth > QUERY_MAX_NESTING:
        raise QueryRefused(
            f"The query nests brackets {depth} deep; the limit is {QUERY_MAX_NESTING}. "
            "Remove redundant parentheses or split the expression with WITH."
        )
    for match in _RANGE.finditer(code):
        start, end, step = int(match["start"]), int(match["end"]), int(match["step"] or 1)
        items = 0 if step == 0 else max(0, (end - start) // step + 1)
        if items > QUERY_MAX_RANGE:
            # FalkorDB builds the whole list before any memory or time check
            # applies: range(1, 300000000) took 5 GB and 30 s.
            raise QueryRefused(
                f"range({match['start']}, {match['end']}) would build a list of {items:,} values; "
                f"the limit is {QUERY_MAX_RANGE:,}."
            )


def nesting_depth(query: str) -> int:
    """Deepest nesting of (), [] and {} outside string literals and comments."""
    return _depth(_code(query))


def _depth(code: str) -> int:
    depth = deepest = 0
    for char in code:
        if char in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif char in _CLOSE:
            depth = max(0, depth - 1)
    return deepest


def _code(query: str) -> str:
    """The query with string literals and comments blanked out."""
    out, i, n = [], 0, len(query)
    while i < n:
        char = query[i]
        if char in _QUOTES:
            end = _end_of_literal(query, i)
        elif query.startswith("//", i):
            newline = query.find("\n", i)
            end = n if newline < 0 else newline
        elif query.startswith("/*", i):
            close = query.find("*/", i + 2)
            end = n if close < 0 else close + 2
        else:
            out.append(char)
            i += 1
            continue
        out.append(" ")
        i = end
    return "".join(out)


def _end_of_literal(query: str, start: int) -> int:
    quote, i = query[start], start + 1
    while i < len(query):
        if query[i] == "\\":
            i += 2
            continue
        if query[i] == quote:
            return i + 1
        i += 1
    return len(query)
