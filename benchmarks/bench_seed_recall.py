"""Recall of metrics and of data sets / benchmarks on seed abstracts an
annotator outside the team marked (issue 8's recall target, on our own
annotation: `benchmarks/judgements/seed-recall-s26.jsonl`, names only,
40 of the 307 seed papers drawn at random; the abstracts are read from
../shared/seeds/).

    python benchmarks/bench_seed_recall.py            # figures
    python benchmarks/bench_seed_recall.py --misses   # and every name missed

An annotated name is found when a mention of its kind has its text (any of
the forms written "Long Form | LF"), case aside: "span exact"; when a
mention of its kind overlaps it as text: "span overlap"; when the paper's
links to the graph carry the form: "linked". A name counts once per paper.
The rules were changed after these were annotated, so the figures are a
development set's: the held-out annotation is the one that counts.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from ingest.extract import load_extractor
from ingest.extract.corpora import GOLD_DIR
from ingest.normalize import resolve
from ingest.sources.hf_daily import read_hf_daily
from ingest.text import paper_text

ANNOTATION = Path(__file__).parent / "judgements" / "seed-recall-s26.jsonl"
SEEDS = GOLD_DIR.parent / "seeds"
KINDS = {"metric": ("METRIC",), "data": ("DATASET", "BENCHMARK")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="list the names not found")
    args = parser.parse_args()
    records = {r.id: r for path in sorted(SEEDS.glob("*.txt")) for r in read_hf_daily(path).records}
    gold = [json.loads(line) for line in ANNOTATION.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = list(load_extractor("fast").extract([(g["id"], paper_text(records[g["id"]])) for g in gold], workers=1))
    links = resolve(docs, {})
    for kind, labels in KINDS.items():
        counts = {"names": 0, "span exact": 0, "span overlap": 0, "linked": 0}
        for g, doc in zip(gold, docs):
            spans = [m.text.lower() for m in doc.mentions if m.label in labels]
            linked = {s.lower() for link in links if link.paper_id == doc.id and link.label in labels for s in link.surfaces}
            for entry in g[kind]:
                forms = [form.strip().lower() for form in entry.split("|")]
                found = {
                    "span exact": any(text in forms for text in spans),
                    "span overlap": any(f in text or text in f for text in spans for f in forms),
                    "linked": any(f in linked for f in forms),
                }
                counts["names"] += 1
                for name, hit in found.items():
                    counts[name] += hit
                if args.misses and not found["span exact"]:
                    print(f"  missed {kind} in {g['id']}: {entry}")
        n = counts.pop("names")
        print(f"{kind}: {n} names in {len(gold)} papers; " + ", ".join(f"{k} {v / n:.0%}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
