"""`paperkg ingest`: paths → records → extraction → graph, with progress and a summary."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Sequence

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from graph import queries
from graph.store import GraphStore
from ingest.curation import Curation
from ingest.dedupe import dedupe
from ingest.extract import load_extractor
from ingest.load import LoadSummary, extraction_id, load_records
from ingest.records import PaperRecord, Problem
from ingest.sources import collect_inputs, read_path


@dataclass
class IngestOptions:
    format: str | None = None
    field_map: Mapping[str, str] | None = None
    year: int | None = None
    model: str = "fast"
    curation_path: Path | None = None


@dataclass
class IngestReport:
    files: int = 0
    records_read: int = 0
    papers: int = 0
    load: LoadSummary = field(default_factory=LoadSummary)
    problems: list[Problem] = field(default_factory=list)
    entities_by_label: dict[str, int] = field(default_factory=dict)
    mentions: int = 0
    total_papers: int = 0


def read_inputs(paths: Sequence[str], options: IngestOptions, console: Console | None = None) -> tuple[list[PaperRecord], IngestReport]:
    report = IngestReport()
    files, problems = collect_inputs(paths)
    report.problems.extend(problems)
    report.files = len(files)
    records: list[PaperRecord] = []
    with _progress(console) as progress:
        task = progress.add_task("reading", total=len(files))
        for path in files:
            result = read_path(path, format=options.format, field_map=options.field_map, year=options.year)
            records.extend(result.records)
            report.problems.extend(result.problems)
            progress.advance(task)
    report.records_read = len(records)
    unique = dedupe(records)
    report.papers = len(unique)
    return unique, report


def ingest_paths(store: GraphStore, paths: Sequence[str], options: IngestOptions, console: Console | None = None) -> IngestReport:
    records, report = read_inputs(paths, options, console)
    if records:
        curation = Curation.load(options.curation_path) if options.curation_path else Curation.empty()
        extractor = load_extractor(options.model)
        with _progress(console) as progress:
            task = progress.add_task("extracting", total=None)

            def extract(docs):
                docs = list(docs)
                progress.update(task, total=len(docs))
                return extractor.extract(docs)

            report.load = load_records(
                store,
                records,
                extract=extract,
                extraction=extraction_id(f"{options.model}@{extractor.nlp.meta.get('version')}", curation),
                curation=curation,
                on_extracted=lambda n: progress.advance(task, n),
            )
    fill_counts(store, report)
    return report


def fill_counts(store: GraphStore, report: IngestReport) -> None:
    report.entities_by_label = {}
    for papers, label, entities in store.read(queries.COUNTS).rows:
        report.total_papers = papers
        if label:
            report.entities_by_label[label] = entities
    report.mentions = store.scalar(queries.MENTION_COUNT) or 0


def _progress(console: Console | None) -> Progress:
    return Progress(
        TextColumn("{task.description:<10}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=console is None,
        transient=False,
    )
