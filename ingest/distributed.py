"""Extraction apart from loading: on this machine or on a Dask cluster, into a
mentions file that `paperkg load` writes into the graph without re-extracting.

    paperkg extract listings/ --papers -o mentions.jsonl                 # here, all cores
    paperkg extract listings/ --cluster local -o mentions.jsonl          # a LocalCluster
    paperkg extract listings/ --cluster tcp://sched:8786 -o mentions.jsonl
    paperkg load mentions.jsonl

The input is read and deduplicated as `ingest` reads it; partitions of
papers go to the cluster's workers, each of which loads the extractor once
(cached per worker process) and returns its docs with its extractor
fingerprint; the partitions are written back in input order, so the file
is the same whichever way it was made. Loading goes through the same
Loader as `ingest` (same planning, idempotence and batch writes); a paper
whose stored text differs from the file's (another copy of it is already
in the graph) is extracted here.
"""
from __future__ import annotations

import itertools
import logging
import os
from collections import deque
from contextlib import ExitStack
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from graph.batches import batched
from graph.store import GraphStore
from ingest.curation import Curation
from ingest.dedupe import dedupe
from ingest.extract import Extractor, load_extractor
from ingest.extract.jsonl import ExtractInputError, PaperMentions, read_paper_mentions
from ingest.fingerprint import extraction_id, extractor_fingerprint
from ingest.load import Loader
from ingest.lock import ingest_lock
from ingest.mentions import ExtractedDoc
from ingest.records import PaperRecord, Problem
from ingest.run import BATCH_PAPERS, IngestOptions, IngestReport, fill_counts, finish_writes
from ingest.sources import collect_inputs, read_path
from ingest.text import paper_text

# Papers per task sent to a worker: big enough that scheduling (~1 ms a
# task) is noise against ~10 ms a paper, small enough to spread a few
# thousand papers over many workers.
PARTITION_PAPERS = 256


@dataclass
class ExtractReport:
    files: int = 0
    records_read: int = 0
    papers: int = 0
    extractor: str = ""
    workers: int = 0
    problems: list[Problem] = field(default_factory=list)


def extract_papers(paths: Iterable[str], out_path: str | Path, options: IngestOptions,
                   cluster: str | None = None, partition_size: int = PARTITION_PAPERS, on_done=None) -> ExtractReport:
    """Read paper listings like `ingest`, extract every unique paper (here,
    with `options.workers` processes, or on `cluster`: "local" or a
    scheduler address) and write a mentions file."""
    report = ExtractReport()
    files, problems = collect_inputs(list(paths))
    report.files, report.problems = len(files), problems
    records: list[PaperRecord] = []
    for path in files:
        result = read_path(path, format=options.format, field_map=options.field_map, year=options.year)
        records.extend(result.records)
        report.problems.extend(result.problems)
    report.records_read = len(records)
    records = dedupe(records)
    report.papers = len(records)
    texts = [(r.id, paper_text(r)) for r in records]
    with open(out_path, "w", encoding="utf-8") as out:
        if cluster is None:
            report.workers = options.workers or os.cpu_count() or 1
            report.extractor = extractor_fingerprint(options.model)
            parts = _local_parts(texts, options, report.extractor, partition_size)
        else:
            parts = _cluster_parts(texts, options, cluster, partition_size, report)
        pending = iter(records)
        for extractor, docs in parts:
            if report.extractor and extractor != report.extractor:
                raise RuntimeError(f"workers run different extraction code ({report.extractor} and {extractor}): "
                                   "install the same paperkg on every worker")
            report.extractor = extractor
            for doc, record in zip(docs, pending):  # docs first: zip must not draw a record past the last doc
                out.write(PaperMentions(record, doc, extractor).as_json_line())
            if on_done:
                on_done(len(docs))
    return report


def _local_parts(texts: list[tuple[str, str]], options: IngestOptions, extractor: str, size: int):
    for part in batched(load_extractor(options.model).extract(texts, workers=options.workers), size):
        yield extractor, part


def _cluster_parts(texts: list[tuple[str, str]], options: IngestOptions, cluster: str, size: int,
                   report: ExtractReport):
    """(extractor fingerprint, docs) per partition, in input order, with a
    bounded number of partitions in flight so memory stays flat."""
    from distributed import Client, LocalCluster

    with ExitStack() as stack:
        if cluster == "local":
            # One thread per worker process: a spaCy pipeline is not shared between threads.
            scheduler = stack.enter_context(LocalCluster(
                n_workers=options.workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.ERROR,
            ))
        else:
            scheduler = cluster
        client = stack.enter_context(Client(scheduler))
        report.workers = sum(client.nthreads().values())
        partitions = batched(texts, size)
        in_flight = deque(
            client.submit(extract_partition, part, options.model, pure=False)
            for part in itertools.islice(partitions, 2 * max(report.workers, 1))
        )
        while in_flight:
            extractor, docs = in_flight.popleft().result()
            following = next(partitions, None)
            if following is not None:
                in_flight.append(client.submit(extract_partition, following, options.model, pure=False))
            yield extractor, docs


def extract_partition(texts: list[tuple[str, str]], model: str) -> tuple[str, list[ExtractedDoc]]:
    """Runs on a worker: its extractor's fingerprint and the docs of `texts`."""
    return extractor_fingerprint(model), list(_cached_extractor(model).extract(texts, workers=1))


@lru_cache(maxsize=None)
def _cached_extractor(model: str) -> Extractor:
    """Loaded once per process (a worker's, on its first partition)."""
    return load_extractor(model)


def load_mentions(store: GraphStore, path: str | Path, curation: Curation, batch_size: int = BATCH_PAPERS,
                  wait: bool = True, on_batch=None) -> IngestReport:
    """Load a mentions file into `store` through the ingest Loader. The papers
    are stamped with the file's extractor fingerprint (and `curation`), so
    a later `ingest` with the same code extracts nothing again."""
    report = IngestReport(files=1)
    with ingest_lock(store, wait=wait):
        loader: Loader | None = None
        extractor: str | None = None
        for batch in batched(read_paper_mentions(path), batch_size):
            for line_no, found in batch:
                if extractor not in (None, found.extractor):
                    raise ExtractInputError(Problem(str(path), f"extractor {found.extractor} differs from the first "
                                                    f"line's {extractor}: one extraction per file", line_no))
                extractor = found.extractor
            loader = loader or Loader(store, extraction_id(extractor, curation), curation)
            in_file = {found.record.id: found.doc for _, found in batch}
            plan = loader.plan(found.record for _, found in batch)
            docs = [_doc_for(record, in_file.get(record.id), extractor) for record in plan.to_extract]
            if plan.papers:
                loader.written(plan, loader.write(plan, loader.resolve(docs)))
            report.load.add(plan.summary)
            report.records_read += len(batch)
            if on_batch:
                on_batch(len(batch))
        report.papers = report.records_read
        finish_writes(store, report, curation, loader)
    fill_counts(store, report)
    return report


def _doc_for(record: PaperRecord, doc: ExtractedDoc | None, extractor: str) -> ExtractedDoc:
    text = paper_text(record)
    if doc is not None and doc.text == text:
        return doc
    # The graph held another copy of this paper and the merged record reads
    # differently: extract what will be stored, with the file's model.
    return next(_cached_extractor(extractor.split(":", 1)[0]).extract([(record.id, text)], workers=1))
