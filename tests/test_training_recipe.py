"""The training recipe in the repository rebuilds the shipped model
(`python -m ingest.extract.train`), and its opt-in pretraining reads each
paper of a listing once and yields weights training starts from."""
from __future__ import annotations

import gzip
import json
from itertools import islice

import pytest
from spacy.util import load_config

from ingest.extract.corpora import GOLD_DIR
from ingest.extract.train import CONFIG, SHIPPED_MODEL, pretrain_tok2vec, write_raw_text

LISTING = GOLD_DIR.parent / "corpora" / "arxiv-cs-2025.jsonl.gz"


def test_the_shipped_model_was_trained_with_the_repository_config():
    recipe, shipped = load_config(CONFIG, interpolate=False), load_config(SHIPPED_MODEL / "config.cfg", interpolate=False)
    assert set(recipe) == set(shipped)
    for section in recipe:
        if section != "paths":  # where one run kept its files
            assert recipe[section] == shipped[section], section


@pytest.fixture
def listing(tmp_path):
    if not LISTING.exists():
        pytest.skip("needs ../shared/corpora")
    with gzip.open(LISTING, "rt", encoding="utf-8") as lines:
        papers = [json.loads(line) for line in islice(lines, 40)]
    path = tmp_path / "listing.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for paper in papers + papers[:5]:  # announced again on a later day
            out.write(json.dumps(paper) + "\n")
    return path, papers


def test_pretraining_text_is_each_papers_title_and_abstract_once(listing, tmp_path):
    path, papers = listing
    raw = tmp_path / "raw.jsonl"
    unique = {p["id"] for p in papers}
    assert write_raw_text(path, raw) == len(unique)
    texts = [json.loads(line)["text"] for line in raw.read_text(encoding="utf-8").splitlines()]
    assert len(texts) == len(unique)
    assert texts[0] == " ".join(f"{papers[0]['title']}. {papers[0]['summary']}".split()) and "\n" not in texts[0]


def test_pretrained_weights_fit_the_tok2vec_training_starts_from(listing, tmp_path):
    from spacy.training.initialize import init_tok2vec
    from spacy.util import load_model_from_config

    config, weights = pretrain_tok2vec(CONFIG, listing[0], 1, str(SHIPPED_MODEL), tmp_path)
    loaded = load_config(config, overrides={"paths.init_tok2vec": str(weights)}, interpolate=True)
    nlp = load_model_from_config(loaded, auto_fill=True)
    before = nlp.get_pipe("tok2vec").model.to_bytes()
    assert init_tok2vec(nlp, loaded["pretraining"], loaded["initialize"])  # what `spacy train` calls
    assert nlp.get_pipe("tok2vec").model.to_bytes() != before
