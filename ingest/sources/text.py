"""Reading an input file as text, turning unreadable input into Problems
instead of exceptions, so one bad file never stops a batch.

Compressed files (gzip, bzip2, xz, zstd) are recognised by their magic
bytes, not their name, and read through the matching decompressor, so
every reader accepts `listings.jsonl.gz` as it accepts `listings.jsonl`.
`decompressed` is the one place that decides how a file's bytes are read.
"""
from __future__ import annotations

import bz2
import gzip
import io
import lzma
from collections.abc import Iterator
from os import PathLike
from pathlib import Path
from typing import BinaryIO

import zstandard

from ingest.records import Problem, SourceResult

_MAGIC = (
    (b"\x1f\x8b", lambda raw: gzip.GzipFile(fileobj=raw)),
    (b"BZh", bz2.BZ2File),
    (b"\xfd7zXZ\x00", lzma.LZMAFile),
    (b"\x28\xb5\x2f\xfd", lambda raw: io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(raw))),
)
COMPRESSED_SUFFIXES = (".gz", ".bz2", ".xz", ".zst")
# What reading a missing, unreadable or corrupt (compressed) file raises.
READ_ERRORS = (OSError, EOFError, lzma.LZMAError, zstandard.ZstdError)
# A NUL byte this early means a binary file (git's rule); later ones are
# stray bytes in a text file, stripped from the records they fall in.
_BINARY_PROBE_BYTES = 8000


def decompressed(raw: io.BufferedReader) -> BinaryIO:
    """`raw`'s bytes, decompressed when they are gzip, bzip2, xz or zstd.
    The caller closes `raw`; its position tells how far into the file the
    reading has got."""
    head = raw.peek(8)[:8]
    for magic, opener in _MAGIC:
        if head.startswith(magic):
            return opener(raw)
    return raw


def format_suffix(path: str | PathLike) -> str:
    """The extension that names the format, under any compression suffix:
    `.jsonl` for `day.jsonl.gz`."""
    path = Path(path)
    if path.suffix.lower() in COMPRESSED_SUFFIXES:
        path = path.with_suffix("")
    return path.suffix.lower()


def read_head(path: str | PathLike, size: int) -> bytes:
    """Up to `size` decompressed bytes from the start of the file."""
    with open(path, "rb") as raw:
        return decompressed(raw).read(size)


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
        with open(path, "rb") as raw:
            data = decompressed(raw).read()
    except READ_ERRORS as error:
        result.problems.append(Problem(str(path), f"cannot read file: {getattr(error, 'strerror', None) or error}"))
        return None
    if not _usable(data, path, result):
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


def iter_lines(path: Path, result: SourceResult) -> Iterator[tuple[int, str, int]]:
    """(line number, text, bytes of the file read so far) for each line,
    read as a stream so a file of any size takes constant memory. Problems
    go to `result`: unreadable or binary files yield nothing; a line with
    invalid UTF-8 is decoded with U+FFFD and named."""
    try:
        raw = open(path, "rb")
    except OSError as error:
        result.problems.append(Problem(str(path), f"cannot read file: {error.strerror or error}"))
        return
    with raw:
        try:
            stream = decompressed(raw)
            head = stream.peek(_BINARY_PROBE_BYTES)[:_BINARY_PROBE_BYTES]
            if not _usable(head, path, result):
                return
            for number, data in enumerate(stream, start=1):
                if number == 1:
                    data = data.removeprefix(b"\xef\xbb\xbf")
                try:
                    line = data.decode("utf-8")
                except UnicodeDecodeError:
                    result.problems.append(Problem(
                        str(path), "invalid UTF-8 bytes; replaced with U+FFFD", line=number))
                    line = data.decode("utf-8", errors="replace")
                yield number, line.rstrip("\r\n"), raw.tell()
        except READ_ERRORS as error:
            result.problems.append(Problem(str(path), f"cannot read file (corrupt or cut short?): {error}"))


def _usable(data: bytes, path: Path, result: SourceResult) -> bool:
    if not data.strip():
        result.problems.append(Problem(str(path), "empty file"))
        return False
    if b"\0" in data[:_BINARY_PROBE_BYTES]:
        result.problems.append(
            Problem(str(path), "binary file (contains NUL bytes); expected UTF-8 text"))
        return False
    return True


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
