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
from ingest.extract import pipeline

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def package_copy(tmp_path, monkeypatch):
    """A copy of the ingest package (and of the fast model) that the
    fingerprint reads instead of the installed one."""
    ingest = tmp_path / "ingest"
    shutil.copytree(fingerprint.INGEST_DIR, ingest, ignore=shutil.ignore_patterns("models", "__pycache__"))
    model = tmp_path / "model"
    shutil.copytree(pipeline.model_path("fast"), model)
    monkeypatch.setattr(fingerprint, "INGEST_DIR", ingest)
    monkeypatch.setattr(pipeline, "MODELS_DIR", ingest / "extract" / "models")
    monkeypatch.setattr(pipeline, "model_path", lambda name: model)
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


def test_training_and_build_scripts_leave_it(package_copy):
    ingest, _ = package_copy
    before = fingerprint.extractor_fingerprint("fast")
    for path in fingerprint.BUILD_ONLY:
        target = ingest / path
        (target / "extra.cfg" if target.is_dir() else target).open("a").write("\n# a training change\n")
    fingerprint.extractor_fingerprint.cache_clear()
    assert fingerprint.extractor_fingerprint("fast") == before
    (ingest / "extract" / "sanity.py").open("a").write("\n# a rule change\n")
    fingerprint.extractor_fingerprint.cache_clear()
    assert fingerprint.extractor_fingerprint("fast") != before


def test_extraction_imports_none_of_the_build_scripts():
    """What the fingerprint leaves out must not decide links: building the
    pipeline and extracting a text loads none of it."""
    modules = ["ingest." + path.removesuffix(".py").replace("/", ".") for path in fingerprint.BUILD_ONLY if path.endswith(".py")]
    probe = ("import sys\nfrom ingest.extract import load_extractor\n"
             "list(load_extractor('fast').extract([('a', 'We train ResNet-50 on ImageNet.')], workers=1))\n"
             f"print(sorted(m for m in {modules!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, check=True)
    assert out.stdout.strip() == "[]"


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


@pytest.mark.parametrize("module, old, new, extracted", [
    ("confidence.py", "FIELD_CEILING = 0.2", "FIELD_CEILING = 0.25", False),
    ("corpus_labels.py", "KB_PRIOR_SHARE = 1 / 3", "KB_PRIOR_SHARE = 1 / 2", False),  # labels are re-derived too
    # the word list confidence reads, which extraction reads too (`sanity._word_for_a_capitals_name`)
    ("data/ordinary_words.txt", "\nfindings\n", "\nfindings\nquoxnet\n", True),
])
def test_the_confidence_rules_id_is_derived_from_the_rules(package_copy, monkeypatch, module, old, new, extracted):
    ingest, _ = package_copy
    fingerprint.confidence_rules_id.cache_clear()
    before = fingerprint.confidence_rules_id()
    extraction = fingerprint.extractor_fingerprint("fast")
    rules = ingest / module
    assert old in rules.read_text()
    rules.write_text(rules.read_text().replace(old, new))
    fingerprint.confidence_rules_id.cache_clear()
    fingerprint.extractor_fingerprint.cache_clear()
    try:
        assert fingerprint.confidence_rules_id() != before
        # confidence decides no paper's links: nothing is re-extracted for it
        assert (fingerprint.extractor_fingerprint("fast") != extraction) is extracted
    finally:
        fingerprint.confidence_rules_id.cache_clear()


def test_entities_scored_under_other_confidence_rules_are_scored_again(store, monkeypatch):
    """A changed weight reaches every stored entity at the next load, from the
    stored tallies, and co-occurrence edges follow entities across the line."""
    from ingest import confidence, load
    from ingest.load import load_records, rescore_stale
    from ingest.mentions import ExtractedDoc, Mention
    from ingest.records import PaperRecord

    def doc(n: int, names: list[str]) -> ExtractedDoc:
        text = f"Paper {n}: " + " and ".join(names) + "."
        return ExtractedDoc(f"rules:{n}", text, [Mention(text.index(s), text.index(s) + len(s), "METHOD", s, s.lower(),
                                                         sentence_end=len(text)) for s in names])

    docs = {d.id: d for d in (doc(1, ["Quoxnet", "Glarpformer"]), doc(2, ["Quoxnet", "Glarpformer"]), doc(3, ["Zibbit"]))}
    records = [PaperRecord(id=i, title=f"Quox {i}", abstract=d.text, published="2025-01-01", sources=("t",)) for i, d in docs.items()]
    load_records(store, records, extract=lambda pairs: [docs[i] for i, _ in pairs], extraction="t", curation=Curation.empty())
    read = lambda: dict(store.read("MATCH (e:Entity) RETURN e.key, e.confidence").rows)  # noqa: E731
    edges = lambda: store.read("MATCH ()-[c:CO_OCCURS]->() RETURN count(c)").rows[0][0]  # noqa: E731
    scored = read()
    assert edges() == 1 and rescore_stale(store, Curation.empty()) == 0  # fresh: nothing to do

    # a second paper no longer counts: the two-paper names fall below the line
    monkeypatch.setattr(confidence, "SECOND_PAPER", 0.0)
    monkeypatch.setattr(load, "confidence_rules_id", lambda: "other rules")
    assert rescore_stale(store, Curation.empty()) == 3
    assert read()["quoxnet"] < scored["quoxnet"] and read()["zibbit"] == scored["zibbit"]
    assert edges() == 0  # demoted: their co-occurrence edge is gone
    assert rescore_stale(store, Curation.empty()) == 0

    monkeypatch.undo()
    assert rescore_stale(store, Curation.empty()) == 3  # and back: the edge is built again
    assert read() == scored and edges() == 1


def test_a_rescoring_names_and_scores_an_entity_as_the_fresh_build_did(store, monkeypatch):
    """Two forms written equally often: the fresh build once named the entity
    by the form met first ("Quoxnet architecture", a described method held
    back), a rescoring from the stored tally by the first in its sorted
    aliases ("Quoxnet", visible): on the 40k graph Q-Former, REVERSE and AI
    Tutors became visible by a rescoring alone."""
    from ingest import load
    from ingest.load import load_records, rescore_stale
    from ingest.mentions import ExtractedDoc, Mention
    from ingest.records import PaperRecord

    def doc(n: int, form: str) -> ExtractedDoc:
        text = f"Paper {n} uses {form} here."
        start = text.index(form)
        return ExtractedDoc(f"tie:{n}", text, [Mention(start, start + len(form), "METHOD", form, "quoxnet", sentence_end=len(text))])

    docs = {d.id: d for d in (doc(1, "Quoxnet architecture"), doc(2, "Quoxnet"))}
    records = [PaperRecord(id=i, title=f"Tie {i}", abstract=d.text, published="2025-01-01", sources=("t",)) for i, d in docs.items()]
    load_records(store, records, extract=lambda pairs: [docs[i] for i, _ in pairs], extraction="t", curation=Curation.empty())
    read = lambda: store.read("MATCH (e:Entity {key: 'quoxnet'}) RETURN e.name, e.confidence").rows  # noqa: E731
    fresh = read()
    monkeypatch.setattr(load, "confidence_rules_id", lambda: "other rules")
    assert rescore_stale(store, Curation.empty()) == 1
    assert read() == fresh == [["Quoxnet", fresh[0][1]]]


def test_the_code_digest_is_the_same_on_every_python_version():
    """Python 3.12's syntax trees carry fields 3.11's lack (`type_params=[]`):
    a digest of `ast.dump` rescored a whole graph built with one version when
    the other loaded into it. This digest was computed on 3.11 and on 3.12."""
    source = '''
def scored(evidence: "Evidence", weight: float = 0.3) -> float:
    """Docstring."""
    import math
    return min(1.0, weight * (evidence.papers or 0))  # a comment


class Tally:
    papers: int = 0
'''
    assert fingerprint.code_digest(source) == "de7aeeab04ce784070f3239eba02bb5ee98ed8f3e9b02373da2dddce7bc9ce5f"


def test_the_confidence_rules_id_follows_the_code_not_its_text(package_copy):
    """Comments, docstrings and imports decide no score: rewording them keeps
    the id (a byte hash rescored all 175k entities of the 40k graph for a
    tidied import); the threshold that decides co-occurrence edges is in it."""
    from graph import settings

    ingest, _ = package_copy
    fingerprint.confidence_rules_id.cache_clear()
    before = fingerprint.confidence_rules_id()
    rules = ingest / "confidence.py"
    text = rules.read_text()
    reworded = (text.replace('"""How much an entity', '"""How far an entity', 1)
                .replace("from typing import Sequence\n", "from typing import Sequence  # for defined()\nimport math\n")
                .replace("KB_WEIGHT = 0.6", "# the knowledge base counts most\nKB_WEIGHT = 0.6"))
    assert reworded != text
    rules.write_text(reworded)
    fingerprint.confidence_rules_id.cache_clear()
    try:
        assert fingerprint.confidence_rules_id() == before
        rules.write_text(reworded.replace("score * (0.5 + 0.5 *", "score * (0.4 + 0.6 *"))
        fingerprint.confidence_rules_id.cache_clear()
        assert fingerprint.confidence_rules_id() != before
        rules.write_text(text)
        fingerprint.confidence_rules_id.cache_clear()
        assert fingerprint.confidence_rules_id() == before
        settings_before = settings.MIN_CONFIDENCE
        settings.MIN_CONFIDENCE = 0.35
        fingerprint.confidence_rules_id.cache_clear()
        assert fingerprint.confidence_rules_id() != before
    finally:
        settings.MIN_CONFIDENCE = settings_before
        fingerprint.confidence_rules_id.cache_clear()


def test_a_new_threshold_moves_the_edges_of_entities_it_moves_across(store, monkeypatch):
    """Raised above two-paper names, the line takes their co-occurrence edge
    at the next load, though their scores did not change; lowered back, the
    edge returns. Stored scores alone cannot tell which side of the old line
    an entity was on: the edges say it."""
    from graph import settings
    from ingest import load
    from ingest.load import load_records, rescore_stale
    from ingest.mentions import ExtractedDoc, Mention
    from ingest.records import PaperRecord

    def doc(n: int, names: list[str]) -> ExtractedDoc:
        text = f"Paper {n}: " + " and ".join(names) + "."
        return ExtractedDoc(f"line:{n}", text, [Mention(text.index(s), text.index(s) + len(s), "METHOD", s, s.lower(),
                                                        sentence_end=len(text)) for s in names])

    docs = {d.id: d for d in (doc(1, ["Quoxnet", "Glarpformer"]), doc(2, ["Quoxnet", "Glarpformer"]))}
    records = [PaperRecord(id=i, title=f"Line {i}", abstract=d.text, published="2025-01-01", sources=("t",)) for i, d in docs.items()]
    load_records(store, records, extract=lambda pairs: [docs[i] for i, _ in pairs], extraction="t", curation=Curation.empty())
    edges = lambda: store.read("MATCH ()-[c:CO_OCCURS]->() RETURN count(c)").rows[0][0]  # noqa: E731
    scores = dict(store.read("MATCH (e:Entity) RETURN e.key, e.confidence").rows)
    assert edges() == 1 and set(scores.values()) == {0.3}

    fingerprint.confidence_rules_id.cache_clear()
    monkeypatch.setattr(settings, "MIN_CONFIDENCE", 0.35)
    monkeypatch.setattr(load, "MIN_CONFIDENCE", 0.35)
    try:
        assert rescore_stale(store, Curation.empty()) == 2
        assert edges() == 0 and dict(store.read("MATCH (e:Entity) RETURN e.key, e.confidence").rows) == scores
        monkeypatch.undo()
        fingerprint.confidence_rules_id.cache_clear()
        assert rescore_stale(store, Curation.empty()) == 2
        assert edges() == 1
    finally:
        fingerprint.confidence_rules_id.cache_clear()


def test_a_changed_type_rule_relabels_stored_entities_from_their_tallies(store, monkeypatch):
    """The type across papers is re-derived like confidence: COCO, read as a
    benchmark by its papers, stored a Benchmark under a rule that let papers
    decide, is a Dataset (the curated KB's type) after the next load's rescoring,
    with its papers' links, and no paper re-extracted."""
    from ingest import load
    from ingest.load import load_records, rescore_stale
    from ingest.mentions import ExtractedDoc, Mention
    from ingest.records import PaperRecord

    def doc(n: int) -> ExtractedDoc:
        text = f"Paper {n}: results on the COCO benchmark."
        return ExtractedDoc(f"types:{n}", text, [Mention(text.index("COCO"), text.index("COCO") + 4, "BENCHMARK", "COCO", "coco",
                                                         sentence_end=len(text))])

    docs = {d.id: d for d in (doc(1), doc(2))}
    records = [PaperRecord(id=i, title=f"Coco {i}", abstract=d.text, published="2025-01-01", sources=("t",)) for i, d in docs.items()]
    papers_decide = load.corpus_label
    monkeypatch.setattr(load, "corpus_label", lambda votes, kb_label=None, kb_curated=False: papers_decide(votes, kb_label))
    extracted = []

    def extract(pairs):
        extracted.extend(pairs := list(pairs))
        return [docs[i] for i, _ in pairs]

    load_records(store, records, extract=extract, extraction="t", curation=Curation.empty())
    label = lambda: store.read("MATCH (e:Entity {key: 'coco'}) RETURN e.label, labels(e)").rows  # noqa: E731
    assert label()[0][0] == "Benchmark" and "Benchmark" in label()[0][1]

    monkeypatch.undo()
    monkeypatch.setattr(load, "confidence_rules_id", lambda: "other rules")
    assert rescore_stale(store, Curation.empty()) >= 1
    assert label()[0][0] == "Dataset" and "Dataset" in label()[0][1] and "Benchmark" not in label()[0][1]
    assert store.read("MATCH (:Paper)-[:MENTIONS]->(e:Dataset {key: 'coco'}) RETURN count(*)").rows == [[2]]
    assert len(extracted) == 2  # the first load's extraction only
