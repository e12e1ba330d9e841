"""Score extraction against a gold corpus: `paperkg eval GOLD.jsonl --map NAME`.

Gold labels are mapped to paperkg labels by the corpus's label map (see
`ingest.extract.corpora.LABEL_MAPS`): e.g. SciERC `Material` counts as
DATASET or BENCHMARK, GSAP-NER `Method`, `MLModel` and `ModelArchitecture`
all count as METHOD. Scoring is per label group (METHOD, DATASET =
DATASET|BENCHMARK, TASK, METRIC):
  * gold entities with unmapped labels (Generic, OtherScientificTerm,
    ReferenceLink...) are removed before scoring;
  * predictions whose group the corpus does not annotate (METRIC in SciER,
    METHOD in TDMSci) are dropped before scoring;
  * every other prediction that matches no gold span counts as a false positive.
Exact: same start, end and group. Overlap: spans share a character and the
group agrees, matched one-to-one.

    python -m ingest.evaluate            # every corpus on its dev / held-out slice
"""
from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ingest.extract.corpora import FILES, GOLD_DIR, HOLDOUT_EVERY, LABEL_MAPS, GoldRecord, eval_split, read_gold

MAP_ALIASES = {stem: corpus for corpus, stem in FILES.items()}


def group(label: str) -> str:
    return "DATASET" if label in ("DATASET", "BENCHMARK") else label


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "p": round(100 * self.precision, 2),
                "r": round(100 * self.recall, 2), "f1": round(100 * self.f1, 2)}


@dataclass
class EvalReport:
    gold_path: str
    label_map: str
    model: str
    documents: int
    exact: dict[str, Counts] = field(default_factory=dict)
    overlap: dict[str, Counts] = field(default_factory=dict)

    def micro(self, kind: str = "exact") -> Counts:
        table = self.exact if kind == "exact" else self.overlap
        return Counts(sum(c.tp for c in table.values()), sum(c.fp for c in table.values()), sum(c.fn for c in table.values()))

    def as_dict(self) -> dict:
        return {
            "gold": self.gold_path, "map": self.label_map, "model": self.model, "documents": self.documents,
            "exact": {**{k: v.as_dict() for k, v in sorted(self.exact.items())}, "micro": self.micro("exact").as_dict()},
            "overlap": {**{k: v.as_dict() for k, v in sorted(self.overlap.items())}, "micro": self.micro("overlap").as_dict()},
        }

    def rows(self) -> list[tuple[str, Counts, Counts]]:
        labels = sorted(self.exact)
        return [(label, self.exact[label], self.overlap[label]) for label in labels] + [
            ("micro", self.micro("exact"), self.micro("overlap"))
        ]

    def format(self) -> str:
        lines = [f"{self.gold_path} (map {self.label_map}, model {self.model}, {self.documents} documents)",
                 f"{'label':<10} {'P':>6} {'R':>6} {'F1':>6}   {'oP':>6} {'oR':>6} {'oF1':>6}   gold"]
        for label, exact, overlap in self.rows():
            lines.append(f"{label:<10} {100*exact.precision:6.1f} {100*exact.recall:6.1f} {100*exact.f1:6.1f}   "
                         f"{100*overlap.precision:6.1f} {100*overlap.recall:6.1f} {100*overlap.f1:6.1f}   {exact.tp + exact.fn}")
        return "\n".join(lines)

    def to_rich_table(self):
        from rich.table import Table

        table = Table(title=f"{Path(self.gold_path).name} · map {self.label_map} · model {self.model} · {self.documents} docs")
        for column in ("label", "P", "R", "F1", "overlap P", "overlap R", "overlap F1", "gold"):
            table.add_column(column, justify="left" if column == "label" else "right")
        for label, exact, overlap in self.rows():
            table.add_row(label, *(f"{100*v:.1f}" for v in (exact.precision, exact.recall, exact.f1,
                                                              overlap.precision, overlap.recall, overlap.f1)),
                          str(exact.tp + exact.fn))
        return table


def resolve_map(label_map: str) -> str:
    name = MAP_ALIASES.get(label_map, label_map)
    if name not in LABEL_MAPS:
        raise ValueError(f"unknown label map {label_map!r}; choose one of {sorted(LABEL_MAPS)}")
    return name


def evaluate(gold_path: str | Path, label_map: str, model: str = "fast", heldout_only: bool = False) -> EvalReport:
    """Score `model` on the gold file. `heldout_only` keeps the slice of a
    train file that training leaves out (every HOLDOUT_EVERY-th record)."""
    from ingest.extract import load_extractor

    corpus = resolve_map(label_map)
    records = list(read_gold(gold_path))
    if heldout_only:
        records = [r for i, r in enumerate(records) if i % HOLDOUT_EVERY == 0]
    return score(records, corpus, load_extractor(model), str(gold_path))


def score(records: list[GoldRecord], corpus: str, extractor, gold_path: str = "<records>") -> EvalReport:
    """Run `extractor` over gold `records` and score it with `corpus`'s map."""
    predictions = extractor.extract((r.id, r.text) for r in records)
    report = EvalReport(gold_path, corpus, extractor.model, len(records))
    scored = {group(label) for labels in LABEL_MAPS[corpus].values() for label in labels}
    for label in scored:
        report.exact[label], report.overlap[label] = Counts(), Counts()
    for record, predicted in zip(records, predictions):
        gold = gold_spans(record, corpus)
        pred = {(m.start, m.end, group(m.label)) for m in predicted.mentions if group(m.label) in scored}
        score_exact(gold, pred, report.exact)
        score_overlap(gold, pred, report.overlap)
    return report


def gold_spans(record: GoldRecord, corpus: str) -> set[tuple[int, int, str]]:
    spans = set()
    for ent in record.entities:
        labels = LABEL_MAPS[corpus].get(ent.label)
        if labels:
            spans.add((ent.start, ent.end, group(labels[0])))
    return spans


def score_exact(gold: set, pred: set, table: dict[str, Counts]) -> None:
    for span in pred:
        if span in gold:
            table[span[2]].tp += 1
        else:
            table[span[2]].fp += 1
    for span in gold - pred:
        table[span[2]].fn += 1


def score_overlap(gold: set, pred: set, table: dict[str, Counts]) -> None:
    unmatched = set(gold)
    for start, end, label in sorted(pred):
        match = next((g for g in sorted(unmatched) if g[2] == label and g[0] < end and start < g[1]), None)
        if match:
            unmatched.discard(match)
            table[label].tp += 1
        else:
            table[label].fp += 1
    for span in unmatched:
        table[span[2]].fn += 1


def evaluate_corpus(corpus: str, model: str = "fast") -> EvalReport:
    """`corpus` on its dev split, or on the held-out slice of train."""
    split = eval_split(corpus)
    stem = FILES[corpus]
    if split == "dev":
        return evaluate(GOLD_DIR / f"{stem}.dev.jsonl", corpus, model)
    return evaluate(GOLD_DIR / f"{stem}.train.jsonl", corpus, model, heldout_only=True)


DEFAULT_CORPORA = ("scierc", "tdmsci", "scirex", "scier", "gsap")


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Score extraction on the gold dev / held-out slices")
    parser.add_argument("--model", default="fast")
    parser.add_argument("--corpora", default=",".join(DEFAULT_CORPORA))
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    args = parser.parse_args(list(argv) if argv is not None else None)
    from rich.console import Console

    console = Console()
    for corpus in args.corpora.split(","):
        report = evaluate_corpus(corpus, args.model)
        if args.json:
            print(json.dumps(report.as_dict()))
        else:
            console.print(report.to_rich_table())


if __name__ == "__main__":
    main()
