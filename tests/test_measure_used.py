"""MEASURE_USED_RULE (ingest/confidence.py): a lower-case Metric outside the
knowledge base is shown once a paper uses it as a measure, with a value,
"in terms of X" or beside a known measure. Real ingests on the embedded
store; the papers are written for the test."""
from __future__ import annotations

import pytest

from graph import views
from graph.settings import MIN_CONFIDENCE
from ingest.confidence import unused_measure
from ingest.curation import Curation
from ingest.extract import load_extractor
from ingest.load import load_records
from ingest.normalize import uses_as_measure
from ingest.records import PaperRecord
from tests.graphdata import entity_fields, in_top_list


@pytest.mark.parametrize("evidence, expected", [
    ("Our tracker lowers the position error to 0.8 pixels.", True),  # reported by, and a value
    ("It keeps the position error below 2 cm on all scenes.", True),
    ("The position error (PE) is 1.3 m for our model.", True),  # the acronym's brackets between
    ("It reaches a position error of $0.4$ m.", True),  # LaTeX value
    ("A 12% reduction in position error on MOT17.", True),  # value before
    ("It cuts 5.7{\\deg}reduction in position error on KITTI.", True),
    ("We compare methods in terms of position error and runtime.", True),
    ("We report accuracy, F1 and position error for every tracker.", True),  # listed with known measures
    ("Both position error metrics favour our tracker.", True),
    ("We smooth the position error of detected boxes with a graph filter.", False),  # in passing
    ("The impact of position error on the projection is studied.", False),
    ("Tracks, boxes and position error are stored per frame.", False),  # a list, but of no measures
    ("Our detection position errors stay small.", False),  # inside a longer word: "errors" is not the form
])
def test_a_paper_uses_a_measure_with_a_value_or_as_a_measure(evidence, expected):
    assert uses_as_measure(evidence, ("position error",)) is expected


def test_only_lower_case_metrics_outside_the_knowledge_base_need_a_use():
    assert unused_measure("position error", "Metric", ("position error",), 0, in_kb=False)
    assert not unused_measure("position error", "Metric", ("position error",), 1, in_kb=False)
    assert not unused_measure("position error", "Metric", ("position error",), 0, in_kb=True)
    assert not unused_measure("position error", "Metric", ("position error",), 0, in_kb=False, label_forced=True)
    assert not unused_measure("position error", "Task", ("position error",), 0, in_kb=False)
    assert not unused_measure("CRPS", "Metric", ("CRPS",), 0, in_kb=False)  # a name, not a phrase
    assert not unused_measure("Levenshtein distance", "Metric", ("Levenshtein distance",), 0, in_kb=False)
    # a hyphenated pair in lower case is a phrase too: "the latency-accuracy trade-off" (session 61)
    assert unused_measure("latency-accuracy", "Metric", ("latency-accuracy",), 0, in_kb=False)
    assert not unused_measure("ROUGE-L", "Metric", ("ROUGE-L",), 0, in_kb=False)


def paper(n: int, abstract: str) -> PaperRecord:
    return PaperRecord(id=f"measured:{n}", title=f"Tracking study {n}", abstract=abstract, published=f"2025-05-{n:02d}",
                       upvotes=0, sources=("test",))


IN_PASSING = [
    paper(1, "Our tracker smooths the position error of detected boxes with a graph filter on MOT17."),
    paper(2, "We study how the position error of anchors affects detection quality on MOT17."),
]
# The first sentence names it in passing, the second gives its value: the link stores the second.
MEASURED = paper(3, "We smooth the position error of detected boxes with a graph filter. On MOT17 our tracker lowers the "
                    "position error to 0.8 pixels.")


def shown(store, papers: list[PaperRecord], extraction: str = "test") -> bool:
    """Loads the papers; whether "position error" is a Metric in the top list, with its tally checked."""
    load_records(store, papers, extract=load_extractor("fast").extract, extraction=extraction, curation=Curation.empty())
    tally = entity_fields(store, "positionerror", "label", "kb_id", "confidence")
    assert (tally["label"], tally["kb_id"]) == ("Metric", None)
    listed = in_top_list(store, "Metric", "positionerror")
    assert listed is (tally["confidence"] >= MIN_CONFIDENCE)
    return listed


def counts(store) -> tuple[int, int]:
    tally = entity_fields(store, "positionerror", "measure_used_papers", "paper_count")
    return tally["measure_used_papers"], tally["paper_count"]


def test_a_measure_no_paper_uses_waits_until_one_gives_its_value(store):
    from app.components.details import _confidence

    assert not shown(store, IN_PASSING) and counts(store) == (0, 2)
    panel = str(_confidence(views.entity_details(store, "positionerror").entity).children)
    assert 'no paper uses it as a measure, with a value or as "in terms of position error"' in panel

    assert shown(store, [MEASURED]) and counts(store) == (1, 3)
    evidence = store.read("MATCH (:Paper {id: 'measured:3'})-[m:MENTIONS]->(:Entity {key: 'positionerror'}) "
                          "RETURN m.evidence").rows[0][0]
    assert evidence == "On MOT17 our tracker lowers the position error to 0.8 pixels."
    # Extracted again (another extraction id): each link is taken back with its stored sentence.
    assert shown(store, [*IN_PASSING, MEASURED], extraction="test-2") and counts(store) == (1, 3)


def test_a_tally_stored_before_measures_were_counted_is_rebuilt_from_the_papers(store):
    assert shown(store, [*IN_PASSING, MEASURED])
    store.write("MATCH (e:Entity {key: 'positionerror'}) REMOVE e.measure_used_papers "
                "SET e.confidence = 0.0, e.confidence_rules = 'old'")
    assert shown(store, []) and counts(store) == (1, 3)
