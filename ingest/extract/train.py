"""Train the statistical NER of the `fast` pipeline from the gold train splits.

    python -m ingest.extract.train --out ingest/extract/models/fast

builds spaCy DocBins from `shared/gold/` (train splits, minus the held-out
slice of corpora without a dev split), trains `configs/ner.cfg` in a scratch
directory outside the repository and copies only the best model into --out.
No gold text ends up in the output: a spaCy model stores weights, vocabulary
strings and hashes, not documents. The run is deterministic (the config's
seed): with its defaults it rebuilds the shipped model.

`--pretrain LISTING` first pretrains the tok2vec on the abstracts of an
arXiv listing (`spacy pretrain`, its default character objective) and
trains from those weights: session 27 measured it (docs/extraction.md).
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.util import filter_spans

from spacy.matcher import PhraseMatcher

from ingest.extract import gazetteer
from ingest.extract.tokenizer import adjust_tokenizer
from ingest.extract.vocab import DETERMINERS, GENERIC_HEADS, GENERIC_MODIFIERS
from ingest.extract.corpora import LABEL_MAPS, eval_split, split_records
from ingest.sources.jsonl_file import iter_jsonl

CONFIG = Path(__file__).parent / "configs" / "ner.cfg"
SHIPPED_MODEL = Path(__file__).parent / "models" / "fast"
DEFAULT_TRAIN = ("scierc", "scirex", "tdmsci", "scier", "gsap")
DEFAULT_DEV = ("scierc", "scier", "gsap")
# GSAP-NER is ten times the others; repeating the small abstract corpora
# keeps their label meaning from being drowned out.
DEFAULT_REPEAT = "scierc=3,scirex=3,tdmsci=5"
# gsap's dev set is large; a sample keeps evaluation during training cheap.
DEV_RECORDS_PER_CORPUS = 200


def model_label(corpus: str, label: str) -> str | None:
    """The one label the NER learns for a corpus label: DATASET stands for
    the dataset/benchmark group, BENCHMARK is decided by rules later."""
    mapped = LABEL_MAPS[corpus].get(label)
    return mapped[0] if mapped else None


def unannotated_labels(corpus: str) -> set[str]:
    return {"METHOD", "DATASET", "TASK", "METRIC"} - {labels[0] for labels in LABEL_MAPS[corpus].values()}


def surface_matcher(nlp, corpora: tuple[str, ...]) -> PhraseMatcher:
    """Matches, by lower case, every gold surface of each label in `corpora`."""
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    surfaces: dict[str, set[str]] = {}
    for corpus in corpora:
        for record in split_records(corpus, "train"):
            for ent in record.entities:
                label = model_label(corpus, ent.label)
                if label and len(ent.text) > 2 and not _generic(ent.text):
                    surfaces.setdefault(label, set()).add(ent.text.lower())
    for label, texts in surfaces.items():
        matcher.add(label, list(nlp.tokenizer.pipe(sorted(texts))))
    return matcher


def _generic(text: str) -> bool:
    words = text.lower().split()
    return all(w in GENERIC_HEADS or w in GENERIC_MODIFIERS or w in DETERMINERS for w in words) or (
        len(words) == 1 and text.islower() and text.lower() not in gazetteer.label_index()
    )


def to_docbin(nlp, corpus: str, split: str, limit: int | None = None, known: PhraseMatcher | None = None) -> tuple[DocBin, int]:
    """Gold records as spaCy docs. With `known`, tokens that look like a
    label this corpus does not annotate (a METRIC name in GSAP-NER, a method
    in TDMSci) are marked missing rather than "not an entity", so the corpus
    does not teach the model to ignore them."""
    records = split_records(corpus, split)
    if limit:
        records = random.Random(0).sample(records, min(limit, len(records)))
    docbin, dropped = DocBin(), 0
    blind_to = unannotated_labels(corpus)
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
        ents = filter_spans(spans)
        missing = []
        if known is not None and blind_to:
            taken = {i for span in ents for i in range(span.start, span.end)}
            missing = [m for m in known(doc, as_spans=True)
                       if m.label_ in blind_to and not taken & set(range(m.start, m.end))]
        doc.set_ents(ents, missing=filter_spans(missing), default="outside")
        docbin.add(doc)
    return docbin, dropped


def build_corpus(work: Path, train: tuple[str, ...], dev: tuple[str, ...], repeat: dict[str, int]) -> tuple[Path, Path]:
    nlp = adjust_tokenizer(spacy.blank("en"))
    known = surface_matcher(nlp, train)
    train_bin, dev_bin = DocBin(), DocBin()
    for corpus in train:
        part, dropped = to_docbin(nlp, corpus, "train", known=known)
        for _ in range(repeat.get(corpus, 1)):
            train_bin.merge(part)
        print(f"train {corpus}: {len(part)} docs x{repeat.get(corpus, 1)}, {dropped} unaligned spans dropped")
    for corpus in dev:
        part, _ = to_docbin(nlp, corpus, eval_split(corpus), DEV_RECORDS_PER_CORPUS)
        dev_bin.merge(part)
    train_path, dev_path = work / "train.spacy", work / "dev.spacy"
    train_bin.to_disk(train_path)
    dev_bin.to_disk(dev_path)
    return train_path, dev_path


def write_raw_text(listing: Path, out: Path) -> int:
    """One {"text": title + abstract} line per unique paper of a JSON Lines
    listing, read as `paperkg ingest` reads one (any compression, arXiv's
    `summary` as the abstract; a bad line is reported with its number and
    skipped), the input of `spacy pretrain`. Returns the number of papers."""
    seen: set[str] = set()
    with out.open("w", encoding="utf-8") as raw:
        for chunk in iter_jsonl(listing):
            for problem in chunk.problems:
                print(problem, file=sys.stderr)
            for record in chunk.records:
                if record.id in seen:
                    continue  # a listing repeats a paper on each day it is announced
                seen.add(record.id)
                raw.write(json.dumps({"text": " ".join(f"{record.title}. {record.abstract}".split())}) + "\n")
    return len(seen)


def pretrain_tok2vec(config: Path, listing: Path, epochs: int, vectors: str, work: Path) -> tuple[Path, Path]:
    """`config` with spaCy's default [pretraining] block, and the tok2vec
    weights `spacy pretrain` learns with it on the listing's abstracts
    after `epochs` passes (the file to start training from)."""
    from spacy.cli.init_config import DEFAULT_CONFIG_PRETRAIN_PATH
    from spacy.training.pretrain import pretrain as spacy_pretrain
    from spacy.util import load_config

    raw = work / "pretrain.jsonl"
    print(f"pretraining on {write_raw_text(listing, raw)} abstracts of {listing}")
    with_pretraining = work / "with-pretraining.cfg"
    merged = load_config(DEFAULT_CONFIG_PRETRAIN_PATH).merge(load_config(config, interpolate=False))
    merged["pretraining"]["max_epochs"] = epochs
    merged.to_disk(with_pretraining)
    overrides = {"paths.raw_text": str(raw), "paths.vectors": vectors}
    (work / "pretrain").mkdir(parents=True, exist_ok=True)
    spacy_pretrain(load_config(with_pretraining, overrides=overrides, interpolate=True), work / "pretrain", silent=False)
    return with_pretraining, work / "pretrain" / f"model{epochs - 1}.bin"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True, help="model directory to write")
    parser.add_argument("--train", default=",".join(DEFAULT_TRAIN), help="corpora to train on")
    parser.add_argument("--dev", default=",".join(DEFAULT_DEV), help="corpora to select the best model on")
    parser.add_argument("--repeat", default=DEFAULT_REPEAT, help="corpus=N pairs: show a small corpus N times per epoch")
    parser.add_argument("--config", type=Path, default=CONFIG)
    parser.add_argument("--vectors", default=str(SHIPPED_MODEL),
                        help="spaCy vectors (a pipeline or vectors directory); default: the table the shipped model"
                             " carries, which `python -m ingest.extract.vectors` distils from scratch")
    parser.add_argument("--pretrain", type=Path, default=None, metavar="LISTING",
                        help="a JSON Lines listing (an arXiv crawl; compressed allowed) whose abstracts pretrain the tok2vec first")
    parser.add_argument("--pretrain-epochs", type=int, default=1, help="passes over the listing (default 1)")
    parser.add_argument("--work", type=Path, default=None, help="scratch directory (default: a temp dir)")
    parser.add_argument("overrides", nargs="*", help="spaCy config overrides, e.g. training.max_steps=3000")
    args = parser.parse_args(argv)

    from spacy.cli.train import train as spacy_train

    work = args.work or Path(tempfile.mkdtemp(prefix="paperkg-train-"))
    work.mkdir(parents=True, exist_ok=True)
    repeat = {k: int(v) for k, v in (pair.split("=") for pair in args.repeat.split(",") if pair)}
    train_path, dev_path = build_corpus(work, tuple(args.train.split(",")), tuple(args.dev.split(",")), repeat)
    overrides = {"paths.train": str(train_path), "paths.dev": str(dev_path), "paths.vectors": args.vectors}
    config = args.config
    if args.pretrain:
        config, weights = pretrain_tok2vec(args.config, args.pretrain, args.pretrain_epochs, args.vectors, work)
        overrides["paths.init_tok2vec"] = str(weights)
    for item in args.overrides:
        key, value = item.split("=", 1)
        overrides[key] = _literal(value)
    spacy_train(config, work / "output", overrides=overrides)
    if args.out.exists():
        shutil.rmtree(args.out)
    shutil.copytree(work / "output" / "model-best", args.out)
    print(f"model written to {args.out}")


def _literal(value: str):
    if value.startswith("["):
        return [_literal(v.strip()) for v in value.strip("[]").split(",")]
    for cast in (int, float):
        try:
            return cast(value)
        except ValueError:
            pass
    return {"true": True, "false": False}.get(value.lower(), value)


if __name__ == "__main__":
    main()
