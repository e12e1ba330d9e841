"""Train the statistical NER of the `fast` pipeline from the gold train splits.

    python -m ingest.extract.train --out ingest/extract/models/fast

builds spaCy DocBins from `shared/gold/` (train splits, minus the held-out
slice of corpora without a dev split), trains `configs/ner.cfg` in a scratch
directory outside the repository and copies only the best model into --out.
No gold text ends up in the output: a spaCy model stores weights, vocabulary
strings and hashes, not documents.
"""
from __future__ import annotations

import argparse
import random
import shutil
import tempfile
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.util import filter_spans

from ingest.extract.corpora import LABEL_MAPS, eval_split, split_records

CONFIG = Path(__file__).parent / "configs" / "ner.cfg"
DEFAULT_TRAIN = ("scierc", "scirex", "tdmsci", "scier", "gsap")
DEFAULT_DEV = ("scierc", "scier", "gsap")
# gsap's dev set is large; a sample keeps evaluation during training cheap.
DEV_RECORDS_PER_CORPUS = 200


def model_label(corpus: str, label: str) -> str | None:
    """The one label the NER learns for a corpus label: DATASET stands for
    the dataset/benchmark group, BENCHMARK is decided by rules later."""
    mapped = LABEL_MAPS[corpus].get(label)
    return mapped[0] if mapped else None


def to_docbin(nlp, corpus: str, split: str, limit: int | None = None) -> tuple[DocBin, int]:
    records = split_records(corpus, split)
    if limit:
        records = random.Random(0).sample(records, min(limit, len(records)))
    docbin, dropped = DocBin(), 0
    for record in records:
        doc = nlp.make_doc(record.text)
        spans = []
        for ent in record.entities:
            label = model_label(corpus, ent.label)
            if label is None:
                continue
            span = doc.char_span(ent.start, ent.end, label=label, alignment_mode="contract")
            if span is None or not span.text.strip():
                dropped += 1
                continue
            spans.append(span)
        doc.ents = filter_spans(spans)
        docbin.add(doc)
    return docbin, dropped


def build_corpus(work: Path, train: tuple[str, ...], dev: tuple[str, ...]) -> tuple[Path, Path]:
    nlp = spacy.blank("en")
    train_bin, dev_bin = DocBin(), DocBin()
    for corpus in train:
        part, dropped = to_docbin(nlp, corpus, "train")
        train_bin.merge(part)
        print(f"train {corpus}: {len(part)} docs, {dropped} unaligned spans dropped")
    for corpus in dev:
        part, _ = to_docbin(nlp, corpus, eval_split(corpus), DEV_RECORDS_PER_CORPUS)
        dev_bin.merge(part)
    train_path, dev_path = work / "train.spacy", work / "dev.spacy"
    train_bin.to_disk(train_path)
    dev_bin.to_disk(dev_path)
    return train_path, dev_path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True, help="model directory to write")
    parser.add_argument("--train", default=",".join(DEFAULT_TRAIN), help="corpora to train on")
    parser.add_argument("--dev", default=",".join(DEFAULT_DEV), help="corpora to select the best model on")
    parser.add_argument("--config", type=Path, default=CONFIG)
    parser.add_argument("--vectors", default=None, help="spaCy vectors directory (see ingest.extract.vectors)")
    parser.add_argument("--work", type=Path, default=None, help="scratch directory (default: a temp dir)")
    parser.add_argument("overrides", nargs="*", help="spaCy config overrides, e.g. training.max_steps=3000")
    args = parser.parse_args(argv)

    from spacy.cli.train import train as spacy_train

    work = args.work or Path(tempfile.mkdtemp(prefix="paperkg-train-"))
    work.mkdir(parents=True, exist_ok=True)
    train_path, dev_path = build_corpus(work, tuple(args.train.split(",")), tuple(args.dev.split(",")))
    overrides = {"paths.train": str(train_path), "paths.dev": str(dev_path)}
    if args.vectors:
        overrides["paths.vectors"] = args.vectors
        overrides["components.tok2vec.model.embed.include_static_vectors"] = True
    for item in args.overrides:
        key, value = item.split("=", 1)
        overrides[key] = spacy.util.string_to_list(value) if value.startswith("[") else _literal(value)
    spacy_train(args.config, work / "output", overrides=overrides)
    if args.out.exists():
        shutil.rmtree(args.out)
    shutil.copytree(work / "output" / "model-best", args.out)
    print(f"model written to {args.out}")


def _literal(value: str):
    for cast in (int, float):
        try:
            return cast(value)
        except ValueError:
            pass
    return {"true": True, "false": False}.get(value.lower(), value)


if __name__ == "__main__":
    main()
