"""BibTeX / BibLaTeX files (Zotero, dblp, ACM, IEEE, Scopus, Wiley,
Crossref exports), parsed by bibtexparser 2.

Per entry: `title` and `abstract` with LaTeX accents, commands and braces
decoded (`{\\"U}ber` -> Über), `author` split on "and", `doi`, the arXiv id
from `eprint` (with `archiveprefix = {arXiv}` or an arXiv-looking value) or
an arxiv.org `url`, `date` (BibLaTeX) else `year` and `month` (approximate,
as the first of the month or year), `url`. Field names are matched
case-insensitively (`Title` as `title`). An entry without an abstract still
loads, with only its title searched for entities; one without a title
(a `@proceedings` that others cross-reference, say) is skipped and reported.
`crossref` is resolved within the file: the entry takes the fields it
lacks from the one it names (year, month, date, booktitle, ...), but never
the parent's title, authors, abstract, DOI, eprint or URL; a parent missing
from the file is reported. `@string` macros beyond bibtexparser's own are
not resolved. Two entries sharing a citation key are both read.
"""
from __future__ import annotations

import logging
import re
from os import PathLike
from pathlib import Path

import bibtexparser
from bibtexparser.model import DuplicateBlockKeyBlock, Entry, ParsingFailedBlock
from pylatexenc.latex2text import LatexNodes2Text

from ingest.dates import month_number
from ingest.records import Problem, SourceResult
from ingest.sources.build import iso_date, new_record, note_missing_abstracts, text
from ingest.sources.text import open_source

_LATEX = LatexNodes2Text()
# bibtexparser logs each entry it cannot parse; read_bibtex reports them as Problems instead.
logging.getLogger("bibtexparser").setLevel(logging.ERROR)
_AUTHOR_SEPARATOR = re.compile(r"\s+and\s+", re.I)
# Fields a `crossref` child never takes from its parent (BibLaTeX turns the
# parent's title into the child's booktitle; it is no title of the child).
_OWN_FIELDS = frozenset({"title", "abstract", "author", "doi", "eprint", "archiveprefix", "url", "crossref", "ids"})


def looks_like_bibtex(text_start: str) -> bool:
    return re.search(r"^\s*@[A-Za-z]+\s*[{(]", text_start, re.M) is not None


def read_bibtex(path: str | PathLike) -> SourceResult:
    path = Path(path)
    result, body = open_source(path)
    if body is None:
        return result
    library = bibtexparser.parse_string(body)
    # bibtexparser 2 does not resolve `crossref` (a TODO in its middlewares): done here.
    parents = {entry.key.casefold(): _fields(entry) for entry in library.entries}
    for block in library.failed_blocks:
        line = block.start_line + 1  # bibtexparser counts lines from 0
        if isinstance(block, DuplicateBlockKeyBlock):
            # parsed alone, it gets the same value clean-up as every other entry
            for entry in bibtexparser.parse_string(block.raw).entries:
                _add_entry(result, entry, line, parents)
        elif isinstance(block, ParsingFailedBlock):
            reason = getattr(block.error, "abort_reason", None) or str(block.error) or "not a BibTeX entry"
            result.problems.append(Problem(str(path), f"entry not understood ({reason.strip()}); skipped", line))
    for entry in library.entries:
        _add_entry(result, entry, entry.start_line + 1, parents)
    result.records.sort(key=lambda record: int(record.sources[0].rsplit(":", 1)[1]))
    if not library.entries and not library.failed_blocks:
        result.problems.append(Problem(str(path), "no BibTeX entries found"))
    note_missing_abstracts(result)
    return result


def _fields(entry: Entry) -> dict[str, str]:
    return {field.key.casefold(): text(field.value) for field in entry.fields}


def _inherited(fields: dict[str, str], parents: dict[str, dict[str, str]], result: SourceResult,
               line: int) -> dict[str, str]:
    """`fields` with the ones it lacks taken from the entry its `crossref`
    names (a proceedings volume, a book), as BibTeX does, except the fields
    that belong to one work only: a volume's DOI, URL or abstract is not its
    papers'."""
    if not (key := fields.get("crossref")):
        return fields
    parent = parents.get(key.casefold())
    if parent is None:
        result.problems.append(Problem(result.path, f"crossref {{{key}}} is not in this file; read without it", line))
        return fields
    return {**{name: value for name, value in parent.items() if name not in _OWN_FIELDS}, **fields}


def _add_entry(result: SourceResult, entry: Entry, line: int, parents: dict[str, dict[str, str]]) -> None:
    fields = _inherited(_fields(entry), parents, result, line)
    title = _decoded(fields.get("title"))
    if not title:
        result.problems.append(Problem(result.path, f"@{entry.entry_type}{{{entry.key}}} has no title; skipped", line))
        return
    eprint = fields.get("eprint", "")
    on_arxiv = fields.get("archiveprefix", "").casefold() == "arxiv" or re.fullmatch(r"\d{4}\.\d{4,5}(v\d+)?", eprint)
    month = month_number(fields.get("month", "")) or (int(fields["month"]) if fields.get("month", "").isdigit() else None)
    year = fields.get("year", "")
    published = iso_date(fields.get("date"), "date", result.problems, result.path, line)
    result.records.append(new_record(
        title=title,
        path=result.path,
        line=line,
        arxiv=[eprint if on_arxiv else None, fields.get("url") if "arxiv.org/" in fields.get("url", "") else None],
        dois=[fields.get("doi")],
        abstract=_decoded(fields.get("abstract")),
        published=published,
        year=f"{year}-{month:02d}" if month and re.fullmatch(r"\d{4}", year) and 1 <= month <= 12 else year,
        authors=[_decoded(name) for name in _AUTHOR_SEPARATOR.split(fields.get("author", "")) if name],
        url=fields.get("url") or None,
    ))


def _decoded(value: str | None) -> str:
    """LaTeX to plain text: accents, escapes, math symbols; braces dropped."""
    return text(_LATEX.latex_to_text(value)) if value else ""
