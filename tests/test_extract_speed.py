"""Extraction computes thinc's matrix products with numpy (matmul_ops.py),
which is faster than thinc's blis path here, and extracts exactly what the
blis path extracts."""
from __future__ import annotations

from thinc.api import NumpyOps

from ingest.extract import load_extractor
from ingest.extract.corpora import read_gold
from ingest.extract.matmul_ops import MatmulOps
from tests.conftest import GOLD


def _mentions(extractor, docs):
    return [[(m.start, m.end, m.label, m.canonical) for m in d.mentions] for d in extractor.extract(docs, workers=1)]


def test_matmul_ops_extract_what_the_blis_path_extracts():
    extractor = load_extractor("fast")
    layers = [node for _, pipe in extractor.nlp.pipeline if hasattr(getattr(pipe, "model", None), "walk")
              for node in pipe.model.walk()]
    assert layers and all(isinstance(node.ops, MatmulOps) for node in layers)
    records = list(read_gold(GOLD / "gsap_ner.dev.jsonl"))[:20]
    docs = [(r.id, r.text) for r in records]
    with_matmul = _mentions(extractor, docs)
    blis = NumpyOps()
    for node in layers:
        node.ops = blis
    assert _mentions(extractor, docs) == with_matmul
    assert sum(map(len, with_matmul)) > 30
