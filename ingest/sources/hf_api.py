"""Hugging Face papers API JSON: the answer of `GET /api/daily_papers?date=D`
(a list of listings, each `{"paper": {...}, "publishedAt": <listed>, ...}`)
and of `GET /api/papers/{arxiv_id}` (one paper object).

The paper object gives the arXiv id (`id`), `title` (hard line breaks
folded), `summary`, `authors` [{`name`}], `publishedAt` (first arXiv
version), `upvotes`, `organization` and optionally `githubRepo` and
`projectPage`. The day Daily Papers showed it (`listed`) is a listing's own
`publishedAt`, or a bare paper object's `submittedOnDailyAt`. The URL is the
arXiv abstract page; the hf.co/papers page, code repository and project
page go to `links`. `ai_summary` and `ai_keywords` are not read: they are
machine-written, not the authors' text.
"""
from __future__ import annotations

from typing import Any

from ingest.records import PaperRecord, Problem
from ingest.sources.build import iso_date, new_record, text, whole_number

_PAPER_KEYS = {"id", "title", "summary"}


def recognises(document: Any) -> bool:
    """A daily_papers list or a papers API object."""
    first = document[0] if isinstance(document, list) and document else document
    return isinstance(first, dict) and (
        isinstance(first.get("paper"), dict) and _PAPER_KEYS <= first["paper"].keys()
        or _PAPER_KEYS <= first.keys() and ("upvotes" in first or "publishedAt" in first))


def papers_key(document: Any) -> str | None:
    """Where the paper objects are: the document itself (a list or one object)."""
    return None


def to_record(item: dict, path: str, line: int | None) -> tuple[PaperRecord | None, list[Problem]]:
    paper = item["paper"] if isinstance(item.get("paper"), dict) else item
    listed = item.get("publishedAt") if paper is not item else paper.get("submittedOnDailyAt")
    problems: list[Problem] = []
    title = text(paper.get("title") or item.get("title"))
    if not title:
        return None, [Problem(path, "paper has no title; skipped", line)]
    arxiv = text(paper.get("id"))
    organization = paper.get("organization")
    if isinstance(organization, dict):
        organization = organization.get("fullname") or organization.get("name")
    links = [f"https://huggingface.co/papers/{arxiv}" if arxiv else None,
             paper.get("githubRepo"), paper.get("projectPage")]
    return new_record(
        title=title,
        path=path,
        line=line,
        arxiv=[arxiv],
        abstract=paper.get("summary"),
        published=iso_date(paper.get("publishedAt"), "publishedAt", problems, path, line),
        authors=[a.get("name") if isinstance(a, dict) else a for a in paper.get("authors") or ()],
        url=f"https://arxiv.org/abs/{arxiv}" if arxiv else None,
        upvotes=whole_number(paper.get("upvotes"), "upvotes", problems, path, line),
        organization=text(organization) or None,
        listed=iso_date(listed, "listing publishedAt", problems, path, line),
        links=tuple(text(link) for link in links if text(link)),
    ), problems

