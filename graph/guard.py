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
    """The query with string literals and comments blanked out (same length)."""
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
        out.append(" " * (end - i))  # same length, so offsets map back to the query
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


_CLAUSE_END = re.compile(r"\b(ORDER\s+BY|SKIP|LIMIT)\b", re.IGNORECASE)
_RETURN = re.compile(r"\bRETURN\b(\s+DISTINCT\b)?", re.IGNORECASE)
_AS = re.compile(r"\bAS\b", re.IGNORECASE)
_ALIAS = re.compile(r"`([^`]+)`|(\w+)")


def returned_columns(query: str) -> list[str] | None:
    """The column names of the query's final RETURN, in the order written, or
    None when they cannot be read from the text (RETURN *, no RETURN).

    A capped read is wrapped as `CALL { query } RETURN *`, which hands the
    columns back in an order of the server's choosing; this restores the
    order the user wrote."""
    code = _code(query)
    found = None
    for match in _RETURN.finditer(code):
        if _open_depth(code[: match.start()]) == 0:  # not a RETURN inside a subquery
            found = match
    if found is None:
        return None
    start = found.end()
    end = len(code)
    for match in _CLAUSE_END.finditer(code, start):
        if _open_depth(code[start : match.start()]) == 0:
            end = match.start()
            break
    names, depth, item_start = [], 0, start
    for i in range(start, end + 1):
        char = code[i] if i < end else ","
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth -= 1
        elif char == "," and depth == 0:
            names.append(_column_name(query, code, item_start, i))
            item_start = i + 1
    return None if names == ["*"] else names


def _column_name(query: str, code: str, start: int, end: int) -> str:
    """An item's alias when it has one, else its text (what the server names it)."""
    aliased = [m for m in _AS.finditer(code, start, end) if _open_depth(code[start : m.start()]) == 0]
    if not aliased:
        return query[start:end].strip()
    position = aliased[-1].end()
    while position < end and query[position].isspace():
        position += 1
    alias = _ALIAS.match(query, position, end)
    return (alias.group(1) or alias.group(2)) if alias else query[start:end].strip()


def _open_depth(code: str) -> int:
    depth = 0
    for char in code:
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth -= 1
    return depth
