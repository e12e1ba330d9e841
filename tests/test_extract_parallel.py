"""Extraction in worker processes (spaCy's nlp.pipe(n_process=...)) gives
exactly the serial output on real seed abstracts."""
from __future__ import annotations

import pytest
from threadpoolctl import threadpool_info

from ingest.dedupe import dedupe
from ingest.extract import load_extractor
from ingest.sources import read_hf_daily
from tests.conftest import SEEDS


@pytest.fixture(scope="module")
def seed_texts():
    records = dedupe(r for path in sorted(SEEDS.glob("*.txt")) for r in read_hf_daily(path).records)
    return [(r.id, f"{r.title}\n\n{r.abstract}") for r in records[:60]]


@pytest.fixture(scope="module")
def extractor():
    return load_extractor("fast")


def test_two_workers_give_the_serial_mentions(extractor, seed_texts):
    serial = list(extractor.extract(seed_texts, workers=1))
    # batch_size 8 makes 60 abstracts several batches per worker.
    parallel = list(extractor.extract(seed_texts, batch_size=8, workers=2))
    assert [d.id for d in parallel] == [d.id for d in serial]
    assert parallel == serial
    mentions = [m for d in serial for m in d.mentions]
    # The per-doc state that used to break serialisation crossed the process boundary.
    assert any(m.proposed for m in mentions)
    assert any(m.aliases for m in mentions)


def test_long_text_pieces_are_rejoined_in_order(extractor, seed_texts):
    long_text = " ".join(text for _, text in seed_texts[:40])  # several 20k-char pieces
    docs = [("long", long_text)] + seed_texts[:20]
    serial = list(extractor.extract(docs, workers=1))
    parallel = list(extractor.extract(docs, batch_size=2, workers=2))
    assert parallel == serial
    assert all(long_text[m.start : m.end] == m.text for m in parallel[0].mentions)


def test_products_run_on_numpy_blas_one_thread_while_extracting(extractor, seed_texts):
    """The NER's matrix products go through numpy's BLAS (BLIS falls back to
    its slow reference kernel on this CPU), on one thread while extracting
    (a worker per core already): the limit is inherited by forked workers
    and lifted when extraction ends."""
    for name in ("tok2vec", "ner"):
        assert all(node.ops.use_blis is False for node in extractor.nlp.get_pipe(name).model.walk())

    def blas_threads() -> set[int]:
        return {lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"}

    before = blas_threads()
    docs = extractor.extract(seed_texts[:3], workers=1)
    next(docs)
    assert blas_threads() == {1}
    docs.close()
    assert blas_threads() == before
