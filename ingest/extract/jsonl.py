"""The JSON lines extraction reads and writes.

`paperkg extract IN.jsonl -o OUT.jsonl`: JSON lines of {"id", "text"
[, "title"]} in, {"id", "entities": [...]} out. Offsets index into "text";
entities found in the title carry "field": "title" and index into it.

A mentions file (`paperkg extract --papers/--cluster`, read by `paperkg
load`): one line per paper, {"id", "extractor", "text", "entities",
"paper"}: the extractor fingerprint that produced the entities, the text
they index into (title and abstract, as `ingest` extracts them), every
field of each Mention, and the paper record as read.
"""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ingest.mentions import ExtractedDoc, Mention
from ingest.records import PaperRecord, Problem


class ExtractInputError(ValueError):
    """A line of the input that is not a {"id", "text"} object."""

    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def json_objects(path: str | Path) -> Iterator[tuple[int, dict]]:
    """(line number, object) per non-blank line; raises ExtractInputError
    naming the line that is not a JSON object."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line_no, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ExtractInputError(Problem(str(path), f"not valid JSON ({exc.msg})", line_no)) from None
            if not isinstance(row, dict):
                raise ExtractInputError(Problem(str(path), "expected a JSON object", line_no))
            yield line_no, row


def read_inputs(path: str | Path) -> Iterator[tuple[str, str, str]]:
    """(id, title, text) per line; raises ExtractInputError naming the line."""
    for line_no, row in json_objects(path):
        if not isinstance(row.get("id"), (str, int)) or not isinstance(row.get("text"), str):
            raise ExtractInputError(Problem(str(path), 'expected "id" (string) and "text" (string)', line_no))
        title = row.get("title")
        if title is not None and not isinstance(title, str):
            raise ExtractInputError(Problem(str(path), '"title" must be a string', line_no))
        yield str(row["id"]), title or "", row["text"]


def extract_jsonl(in_path: str | Path, out_path: str | Path, model: str = "fast", progress: bool = True,
                  workers: int | None = None) -> int:
    """Extract every line of `in_path` into `out_path`; returns the number of
    records written. The input is validated fully before anything is written."""
    from rich.progress import Progress

    from ingest.extract.extractor import load_extractor

    records = list(read_inputs(in_path))
    extractor = load_extractor(model)
    texts = ((f"{i}\ttext", text) for i, _, text in records)
    titles = ((f"{i}\ttitle", title) for i, title, _ in records)
    with Progress(disable=not progress, transient=True) as bar, open(out_path, "w", encoding="utf-8") as out:
        task = bar.add_task(f"extracting {Path(in_path).name}", total=len(records))
        for (doc_id, _, _), body, head in zip(
            records, extractor.extract(texts, workers=workers), extractor.extract(titles, workers=workers)
        ):
            entities = [{**m.as_json(), "field": "title"} for m in head.mentions]
            entities += [{**m.as_json(), "field": "text"} for m in body.mentions]
            out.write(json.dumps({"id": doc_id, "entities": entities}, ensure_ascii=False) + "\n")
            bar.advance(task)
    return len(records)


@dataclass(frozen=True)
class PaperMentions:
    """One line of a mentions file."""

    record: PaperRecord
    doc: ExtractedDoc  # doc.id is record.id; offsets index into doc.text
    extractor: str  # ingest.fingerprint.extractor_fingerprint of the extraction that produced doc

    def as_json_line(self) -> str:
        row = {
            "id": self.record.id,
            "extractor": self.extractor,
            "text": self.doc.text,
            "entities": [dataclasses.asdict(m) for m in self.doc.mentions],
            "paper": dataclasses.asdict(self.record),
        }
        return json.dumps(row, ensure_ascii=False) + "\n"


def read_paper_mentions(path: str | Path) -> Iterator[tuple[int, PaperMentions]]:
    """(line number, PaperMentions) per line; raises ExtractInputError naming the line."""
    for line_no, row in json_objects(path):
        try:
            record = _from_json(PaperRecord, row["paper"])
            doc = ExtractedDoc(record.id, row["text"], [_from_json(Mention, m) for m in row["entities"]])
            found = PaperMentions(record, doc, row["extractor"])
        except (KeyError, TypeError, AttributeError) as exc:
            raise ExtractInputError(Problem(
                str(path), f"not a mentions line ({exc!r}); write one with paperkg extract --papers", line_no
            )) from None
        if row.get("id") != record.id or not isinstance(found.extractor, str) or not isinstance(doc.text, str):
            raise ExtractInputError(Problem(str(path), '"id", "extractor" or "text" does not match the paper', line_no))
        yield line_no, found


def _from_json(cls, row: dict):
    """A frozen dataclass from its asdict() form (JSON lists back to tuples)."""
    values = dict(row)
    for f in dataclasses.fields(cls):
        if isinstance(values.get(f.name), list):
            values[f.name] = tuple(values[f.name])
    return cls(**values)
