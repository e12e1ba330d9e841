"""The extraction id: what decides a paper's entity links besides its text,
derived from the files themselves so that no change can leave stale links.

    extractor_fingerprint("fast")            # model files + extraction and normalisation code and data
    extraction_id(that, curation)            # ... + the curation rules: stored on every paper
    extraction_fingerprint("fast", curation) # both at once
    confidence_rules_id()                    # what stored confidences and edges were computed with (not per paper)

A paper whose stored id differs from the current one is re-extracted. The
extractor part travels with extraction output (`paperkg extract --cluster`
writes it into the mentions file), so `paperkg load` stamps papers with the
extraction that really produced their links.
"""
from __future__ import annotations

import ast
import dataclasses
import hashlib
import json
import textwrap
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from ingest.curation import Curation
from ingest.kb import ORDINARY_WORDS

INGEST_DIR = Path(__file__).parent
# Everything that turns a record into a paper's links: the text extraction
# reads (`text.py`: LaTeX markup rewritten), the extraction package (rule
# code, word lists, gazetteer, knowledge base data; the models are hashed
# separately, only the one in use), the knowledge base code, and
# normalisation (keys, acronyms, curation applied per paper).
SOURCES = ("text.py", "extract", "kb", "mentions.py", "normalize.py", "curation.py", "data/ordinary_words.txt")
# What builds the model and the shipped lists, which are hashed themselves:
# editing a training script re-extracts nothing. Extraction never imports
# these (tests/test_fingerprint.py loads the pipeline and checks).
BUILD_ONLY = ("extract/train.py", "extract/vectors.py", "extract/corpora.py", "extract/configs", "kb/build.py",
              "kb/name_review.tsv")
_SKIPPED = {"__pycache__", ".pytest_cache"}


def tree_digest(roots: Iterable[Path], base: Path, skip: Iterable[Path] = ()) -> str:
    """SHA-256 over the relative path and bytes of every file under `roots`
    (a root may be a file), in path order; files under `skip` are left out."""
    skip = {p.resolve() for p in skip}
    files = []
    for root in roots:
        candidates = [root] if root.is_file() else sorted(root.rglob("*"))
        for path in candidates:
            if not path.is_file() or _SKIPPED & set(path.parts) or path.suffix == ".pyc":
                continue
            if any(path.resolve().is_relative_to(s) for s in skip):
                continue
            files.append(path)
    digest = hashlib.sha256()
    for path in sorted(files, key=lambda p: p.relative_to(base).as_posix()):
        digest.update(path.relative_to(base).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@lru_cache(maxsize=None)
def extractor_fingerprint(model: str = "fast") -> str:
    """`model:hash` of the model's files and the extraction code and data.
    Computed once per process (about 50 ms, most of it the model weights)."""
    from ingest.extract import pipeline  # at call time: the loader imports this module, and needs no spaCy

    roots = [INGEST_DIR / name for name in SOURCES if (INGEST_DIR / name).exists()]
    code = tree_digest(roots, INGEST_DIR, skip=[pipeline.MODELS_DIR, *(INGEST_DIR / path for path in BUILD_ONLY)])
    model_files = tree_digest([pipeline.model_path(model)], pipeline.model_path(model))
    return f"{model}:{hashlib.sha256((code + model_files).encode()).hexdigest()[:16]}"


@lru_cache(maxsize=None)
def confidence_rules_id() -> str:
    """What an entity's stored confidence, label, co-occurrence edges and
    claimed names were computed with: the confidence rules
    (`ingest/confidence.py`, its weights and ceilings), the type across
    papers (`ingest/corpus_labels.py`), the function that gathers an
    entity's evidence (`load.entity_properties`), its tally
    (`load.EntityTally`), the names it claims (`ingest/normalize.py`:
    `alias_keys_of`) and the line between candidates and visible entities
    (`graph.settings.MIN_CONFIDENCE`, which decides the edges). A claim
    stored under other rules is not followed (`Dialect.alias_claims`): after
    a change to which names lead where, the batches of the next ingest must
    not resolve papers by what the old rules claimed (on session 24's 40k
    graph the old claims kept ResNet50 on a garbled one-paper long form for
    149 papers through a full re-extraction).
    The code counts as parsed, without docstrings, comments or imports
    (`code_digest`): a reworded comment or a tidied import rescores nothing,
    while a changed weight, condition or call does. Confidence decides no
    paper's links, so it is not in the extraction id: an entity stored under
    other rules is scored again from its stored tally (`load.rescore_stale`)
    at the end of the next ingest or load, and no paper is re-extracted. The
    knowledge base, field list and list of ordinary words (`kb.ordinary_words`)
    it reads are in the extraction id already (extraction reads the words too,
    `sanity._word_for_a_capitals_name`); the words are here as well, for the
    rules that read them."""
    import inspect

    from graph import settings
    from ingest import load

    rules = ":".join(code_digest((INGEST_DIR / name).read_text(encoding="utf-8"))
                     for name in ("confidence.py", "corpus_labels.py", "normalize.py"))
    rules += ":" + hashlib.sha256((INGEST_DIR / ORDINARY_WORDS).read_bytes()).hexdigest()
    evidence = ":".join(code_digest(textwrap.dedent(inspect.getsource(part))) for part in (load.entity_properties, load.EntityTally))
    return hashlib.sha256(f"{rules}:{evidence}:{settings.MIN_CONFIDENCE!r}".encode()).hexdigest()[:12]


def code_digest(source: str) -> str:
    """SHA-256 of Python code as parsed: its syntax tree without positions,
    docstrings or import statements (what the imported names are is decided
    where they are used, and the modules they come from are hashed where
    they matter). Comments and layout never reach the tree. Empty fields are
    left out, so the digest does not change with the Python version: 3.12's
    trees carry `type_params=[]` that 3.11's lack, and `ast.dump` printed
    them, which rescored a whole graph built with one version when the other
    loaded into it."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        kept = [statement for statement in body if not isinstance(statement, (ast.Import, ast.ImportFrom))]
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and kept \
                and isinstance(kept[0], ast.Expr) and isinstance(kept[0].value, ast.Constant) \
                and isinstance(kept[0].value.value, str):
            kept = kept[1:]
        node.body = kept or [ast.Pass()]
    return hashlib.sha256(repr(_shape(tree)).encode()).hexdigest()


def _shape(node):
    """A syntax tree as nested lists of node names and non-empty fields."""
    if isinstance(node, ast.AST):
        return [type(node).__name__, [(name, _shape(value)) for name, value in ast.iter_fields(node)
                                      if value is not None and value != []]]
    if isinstance(node, list):
        return [_shape(item) for item in node]
    return repr(node)


def curation_digest(curation: Curation) -> str:
    """A hash of the curation's rules that decide a paper's links (every
    field but those marked `per_paper: False`, such as variant links), in a
    stable order."""
    rules = {f.name: _stable(getattr(curation, f.name)) for f in dataclasses.fields(curation)
             if f.metadata.get("per_paper", True)}
    return hashlib.sha256(json.dumps(rules, sort_keys=True).encode()).hexdigest()[:12]


def extraction_id(extractor: str, curation: Curation) -> str:
    """The id stored on a paper: its extractor's fingerprint and the curation."""
    return f"{extractor}:{curation_digest(curation)}"


def extraction_fingerprint(model: str, curation: Curation) -> str:
    """The extraction id of the current code and model `model` under `curation`."""
    return extraction_id(extractor_fingerprint(model), curation)


def _stable(value):
    if isinstance(value, (set, frozenset)):
        return sorted(_stable(v) for v in value)
    if isinstance(value, dict) or hasattr(value, "items"):
        return sorted([str(k), _stable(v)] for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return [_stable(v) for v in value]
    return value
