"""Reading an input file as text, turning unreadable input into Problems
instead of exceptions, so one bad file never stops a batch."""
from __future__ import annotations

from os import PathLike
from pathlib import Path

from ingest.records import Problem, SourceResult


def open_source(path: str | PathLike) -> tuple[SourceResult, str | None]:
    """A fresh result for `path` and the file's text, or None for the text
    when there is nothing to parse (the problem is in the result)."""
    result = SourceResult(str(path))
    return result, read_text(Path(path), result)


def read_text(path: Path, result: SourceResult) -> str | None:
    """The file's text with newlines normalised to "\\n", or None when there
    is nothing to parse. Each trouble found is added to `result.problems`.

    Invalid UTF-8 bytes are replaced with U+FFFD and reported once, at the
    first bad line, so the rest of the file is still read."""
    try:
        data = path.read_bytes()
    except OSError as error:
        result.problems.append(Problem(str(path), f"cannot read file: {error.strerror or error}"))
        return None
    if not data.strip():
        result.problems.append(Problem(str(path), "empty file"))
        return None
    if b"\0" in data:
        result.problems.append(
            Problem(str(path), "binary file (contains NUL bytes); expected UTF-8 text"))
        return None
    data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    bad_lines = [number for number, line in enumerate(data.split(b"\n"), start=1)
                 if not _is_utf8(line)]
    more = f" (and {len(bad_lines) - 1} more lines)" if len(bad_lines) > 1 else ""
    result.problems.append(Problem(
        str(path), f"invalid UTF-8 bytes{more}; replaced with U+FFFD", line=bad_lines[0]))
    return data.decode("utf-8-sig", errors="replace")


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
