"""Builds the extraction pipelines: a trained spaCy NER (when shipped) with
the rule components on top, in the order each one's input requires."""
from __future__ import annotations

import sys
from pathlib import Path

import spacy
from spacy.language import Language
from thinc.api import NumpyOps

from ingest.extract.tokenizer import adjust_tokenizer

# Imported for their @Language registrations.
from ingest.extract import (  # noqa: F401
    acronyms, benchmarks, gazetteer, introduced_names, latex, line_breaks, metric_values, proposals,
    resource_phrases, result_lists, sanity, span_filter, versions,
)

MODELS_DIR = Path(__file__).parent / "models"
MODELS = {"fast": "fast", "accurate": "accurate"}
# Rules run after the statistical NER: clean its spans, let curated names
# override it, then derive acronyms, labels and proposals from the result.
RULES = (
    "paperkg_span_filter",
    "paperkg_gazetteer",
    "paperkg_resource_phrases",
    "paperkg_versions",
    "paperkg_introduced_names",
    "paperkg_result_lists",
    "paperkg_metric_values",
    "paperkg_acronyms",
    "paperkg_benchmark_rule",
    "paperkg_sanity",
    "paperkg_proposals",
)


def model_path(model: str) -> Path:
    if model not in MODELS:
        raise ValueError(f"unknown extraction model {model!r}; choose one of {sorted(MODELS)}")
    return MODELS_DIR / MODELS[model]


def build_pipeline(model: str = "fast") -> Language:
    """The full pipeline for `model`. Without a shipped model directory the
    pipeline is rules and gazetteer only."""
    path = model_path(model)
    if (path / "config.cfg").exists():
        nlp = spacy.load(path, exclude=["senter", "parser", "tagger", "lemmatizer"])
    elif model == "fast":
        nlp = spacy.blank("en")
    else:
        raise ValueError(f"model {model!r} is not installed: {path} is missing; train it with python -m ingest.extract.train")
    multiply_with_numpy(nlp)
    adjust_tokenizer(nlp)
    if "sentencizer" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("paperkg_line_breaks", after="sentencizer")
    nlp.add_pipe("paperkg_latex_accents", after="paperkg_line_breaks")
    for name in RULES:
        nlp.add_pipe(name)
    return nlp


def multiply_with_numpy(nlp: Language) -> None:
    """Run the models' matrix products through numpy's BLAS (OpenBLAS, which
    picks its kernels for the CPU at run time) instead of thinc's default,
    the BLIS bundled with the `blis` package: on this machine (AMD EPYC) BLIS
    falls back to its generic reference kernel, and tok2vec's products took
    ~3x the CPU (4.9 -> 3.0 ms per arXiv abstract). Same products, same
    weights; float32 sums may differ in the last bits. The extractor runs
    them on one BLAS thread (`Extractor.extract`)."""
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


def spacy_has_profiling_hooks() -> bool:
    """Whether this spaCy was compiled with Cython's profiling hooks. Its
    wheels for Python 3.11 are (spaCy builds them with `profile` below 3.12),
    and in compiled code that runs without the GIL, as the NER's transition
    loop does, each hook takes the GIL: the NER costs ~7x the CPU it takes on
    Python 3.12 (5.9 -> 0.7 ms per arXiv abstract), the whole extraction ~1.6x.
    Read off the build itself: a hooked tokenizer call reaches a profiler."""
    from spacy.tokenizer import Tokenizer
    from spacy.vocab import Vocab

    tokenizer, hooked = Tokenizer(Vocab()), []

    def profiler(frame, event: str, _arg) -> None:
        if event == "call" and frame.f_code.co_filename.endswith(".pyx"):
            hooked.append(frame.f_code.co_name)

    previous = sys.getprofile()
    sys.setprofile(profiler)
    try:
        tokenizer("probe")
    finally:
        sys.setprofile(previous)
    return bool(hooked)
