"""The extraction id is derived from the files that decide extraction: a
changed word list, rule or model weight changes it; nothing else does."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ingest import fingerprint
from ingest.curation import Curation

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def package_copy(tmp_path, monkeypatch):
    """A copy of the ingest package (and of the fast model) that the
    fingerprint reads instead of the installed one."""
    ingest = tmp_path / "ingest"
    shutil.copytree(fingerprint.INGEST_DIR, ingest, ignore=shutil.ignore_patterns("models", "__pycache__"))
    model = tmp_path / "model"
    shutil.copytree(fingerprint.model_path("fast"), model)
    monkeypatch.setattr(fingerprint, "INGEST_DIR", ingest)
    monkeypatch.setattr(fingerprint, "MODELS_DIR", ingest / "extract" / "models")
    monkeypatch.setattr(fingerprint, "model_path", lambda name: model)
    fingerprint.extractor_fingerprint.cache_clear()
    yield ingest, model
    fingerprint.extractor_fingerprint.cache_clear()


def _changed(path: Path) -> str:
    before = fingerprint.extractor_fingerprint("fast")
    with open(path, "ab") as handle:
        handle.write(b"\n# changed\n" if path.suffix == ".py" else b"\nNewName\tMETHOD\n")
    fingerprint.extractor_fingerprint.cache_clear()
    after = fingerprint.extractor_fingerprint("fast")
    assert after.startswith("fast:")
    return before, after


def test_a_word_list_change_changes_the_fingerprint(package_copy):
    ingest, _ = package_copy
    before, after = _changed(ingest / "extract" / "data" / "gazetteer.tsv")
    assert before != after


def test_a_rule_change_changes_the_fingerprint(package_copy):
    ingest, _ = package_copy
    before, after = _changed(ingest / "extract" / "proposals.py")
    assert before != after
    before, after = _changed(ingest / "normalize.py")
    assert before != after


def test_a_model_change_changes_the_fingerprint(package_copy):
    _, model = package_copy
    before, after = _changed(model / "ner" / "cfg")
    assert before != after


def test_unrelated_files_leave_it(package_copy):
    ingest, _ = package_copy
    before = fingerprint.extractor_fingerprint("fast")
    (ingest / "extract" / "__pycache__").mkdir(exist_ok=True)
    (ingest / "extract" / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"compiled")
    (ingest / "run.py").write_text("# the ingest driver does not decide links\n")
    fingerprint.extractor_fingerprint.cache_clear()
    assert fingerprint.extractor_fingerprint("fast") == before


def test_same_inputs_same_id_across_processes():
    here = fingerprint.extraction_fingerprint("fast", Curation.empty())
    code = ("from ingest.fingerprint import extraction_fingerprint; from ingest.curation import Curation; "
            "print(extraction_fingerprint('fast', Curation.empty()))")
    there = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True).stdout.strip()
    assert there == here


def test_the_curation_is_part_of_the_id():
    extractor = fingerprint.extractor_fingerprint("fast")
    rules = {"merge": {"Segment Anything": "SAM"}, "drop": {"names": ["baseline", "our approach"]}}
    same = {"drop": {"names": ["our approach", "baseline"]}, "merge": {"segment anything": "SAM"}}
    assert fingerprint.extraction_id(extractor, Curation.from_mapping(rules)) == fingerprint.extraction_id(
        extractor, Curation.from_mapping(same))
    assert fingerprint.extraction_id(extractor, Curation.from_mapping(rules)) != fingerprint.extraction_id(
        extractor, Curation.empty())
