"""Ingest reads its input as a stream: peak memory of reading, batching and
merging does not grow with the number of lines (measured in a subprocess on
generated gzip-compressed JSON Lines, 5k against 50k lines)."""
from __future__ import annotations

import gzip
import json
import random
import subprocess
import sys

MEASURE = """
import resource, sys
from pathlib import Path
from ingest.dedupe import dedupe
from ingest.run import IngestOptions, IngestReport, _read_batches

report = IngestReport()
batches = 0
for batch in _read_batches([Path(sys.argv[1])], IngestOptions(), report, lambda n: None):
    dedupe(batch)
    batches += 1
print(report.records_read, report.papers, batches, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
WORDS = "model data training attention benchmark vision language graph robust sparse token loss".split()


def listings(path, lines: int, rng: random.Random) -> None:
    abstracts = [" ".join(rng.choices(WORDS, k=180)) for _ in range(97)]
    with gzip.open(path, "wt", compresslevel=1) as out:
        for n in range(lines):
            paper = n if n % 5 else n // 2  # every fifth line repeats an earlier paper
            out.write(json.dumps({
                "id": f"2501.{paper:05d}",
                "title": f"Paper {paper} on {WORDS[paper % len(WORDS)]}",
                "summary": abstracts[paper % len(abstracts)],
                "authors": [f"Author {paper}", f"Author {n}"],
            }) + "\n")


def peak_kb(path) -> tuple[list[int], int]:
    out = subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True, check=True)
    *counts, peak = map(int, out.stdout.split())
    return counts, peak


def test_memory_does_not_grow_with_the_input(tmp_path):
    rng = random.Random(7)
    small, large = tmp_path / "small.jsonl.gz", tmp_path / "large.jsonl.gz"
    listings(small, 5_000, rng)
    listings(large, 50_000, rng)
    (read_small, unique_small, _), peak_small = peak_kb(small)
    (read_large, unique_large, batches), peak_large = peak_kb(large)
    assert (read_small, read_large) == (5_000, 50_000)
    assert unique_small < read_small and unique_large < read_large and batches >= unique_large // 200
    # 45k more lines hold ~70 MB of text; streamed, only the ids seen (for the
    # count of unique papers) stay.
    assert peak_large - peak_small < 20_000, (peak_small, peak_large)
