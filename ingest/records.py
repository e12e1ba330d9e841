"""The typed records that flow from sources into extraction and loading."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ingest.identity import title_hash


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, located precisely enough to fix it."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class PaperRecord:
    """One paper as read from a source, before extraction.

    `id` is the arXiv id or DOI when the source has one, otherwise a stable
    hash of the normalised title (see `ingest.identity.paper_id`).
    """

    id: str
    title: str
    abstract: str = ""
    published: str | None = None  # ISO date, YYYY-MM-DD
    upvotes: int | None = None
    authors: tuple[str, ...] = ()
    authors_count: int | None = None
    organization: str | None = None
    url: str | None = None
    sources: tuple[str, ...] = ()  # "path:line" of each place the record was read from
    # Read by the API and bibliography readers; a format without them leaves the defaults.
    categories: tuple[str, ...] = ()  # arXiv categories, primary first
    published_approximate: bool = False  # `published` is only a month (from the arXiv id) or a year, as its first day
    listed: str | None = None  # ISO date a listing (Hugging Face Daily Papers) showed it
    cited_by_count: int | None = None
    links: tuple[str, ...] = ()  # other pages besides `url`: hf.co/papers, code, project page

    def in_categories(self, wanted: Iterable[str]) -> bool:
        """Whether any of its arXiv categories is one of `wanted` (case
        aside); an archive alone (`cs`, `stat`) stands for all of its
        categories. A paper with no categories is in none."""
        wanted = {w.casefold() for w in wanted}
        return any(c.casefold() in wanted or c.casefold().split(".")[0] in wanted for c in self.categories)

    @property
    def title_key(self) -> str:
        """The normalised title's key: the id of a paper known by its title
        only, and how such a paper finds its arXiv or DOI copy."""
        return title_hash(self.title)


@dataclass
class SourceResult:
    """What reading one input file gives: the good records and the problems."""

    path: str
    records: list[PaperRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Bytes of the file (as stored, compressed or not) read when this result
    # was made, for progress; None when the whole file was.
    read_to: int | None = None
