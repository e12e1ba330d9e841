"""TASK_NAMED_RULE (ingest/confidence.py): a Task outside the knowledge base
is shown once a paper names it as a task, in its title or as "the X task".
Real ingests on the embedded store; the papers are written for the test."""
from __future__ import annotations

import pytest

from graph import views
from graph.settings import MIN_CONFIDENCE
from ingest.curation import Curation
from ingest.extract import load_extractor
from ingest.load import load_records
from ingest.normalize import names_as_task
from ingest.records import PaperRecord
from tests.graphdata import entity_fields, in_top_list


@pytest.mark.parametrize("title, evidence, surfaces, expected", [
    ("Scene Flow Estimation from Event Cameras", "", ("scene flow estimation",), True),  # the title, in any case
    ("RAG: Retrieval-Augmented Generation for Chat", "", ("Augmented Generation",), False),  # inside a longer name
    # the means a title names, not its task (MEANS_IN_TITLE_RULE, session 60)
    ("Face Reenactment with 3D Geometric Guidance", "", ("3D Geometric Guidance",), False),
    ("Material Identification Via RFID For Shopping", "", ("RFID",), False),
    ("Face Reenactment with 3D Geometric Guidance", "", ("face reenactment",), True),
    ("From Label Error Detection to Correction", "", ("label error detection",), True),  # "from" is no means
    ("Flow estimation revisited", "We study scene flow estimation on KITTI.", ("scene flow estimation",), False),  # in passing
    (None, "Results on the scene flow estimation task improve.", ("scene flow estimation",), True),
    (None, "We report on scene flow estimation (SFE) benchmarks.", ("scene flow estimation", "SFE"), True),
    (None, "We address the problem of scene flow estimation.", ("scene flow estimation",), True),
    (None, "It helps tasks such as scene flow estimation and depth completion.", ("scene flow estimation",), True),
    (None, "Scene flow estimation methods improve.", ("scene flow estimation",), False),
    (None, "It wins on scene flow estimation, stereo matching and optical flow tasks.", ("scene flow estimation",), True),
    (None, "It wins on scene flow estimation, stereo matching and optical flow models.", ("scene flow estimation",), False),
    (None, "It is tested on three tasks, i.e., stereo matching, scene flow estimation and optical flow.",
     ("scene flow estimation",), True),
    (None, "Scene flow estimation (SFE) aims to recover 3D motion.", ("scene flow estimation", "SFE"), True),
    (None, "Scene flow estimation is a challenging task in robotics.", ("scene flow estimation",), True),
    (None, "Scene flow estimation is a key part of our method.", ("scene flow estimation",), False),
])
def test_a_paper_names_a_task_in_its_title_or_as_a_task(title, evidence, surfaces, expected):
    assert names_as_task(title, evidence, surfaces) is expected


def paper(n: int, title: str, abstract: str) -> PaperRecord:
    return PaperRecord(id=f"named:{n}", title=title, abstract=abstract, published=f"2025-05-{n:02d}", upvotes=0, sources=("test",))


IN_PASSING = [
    paper(1, "Sparse labels for CT", "Our network improves lesion detection on DeepLesion with sparse labels."),
    paper(2, "CT meets MRI", "We fuse CT and MRI scans, which also helps lesion detection on DeepLesion."),
]
# The model reads no task in a title: the title names the task its abstract mentions.
TITLED = paper(3, "Lesion Detection with Sparse Labels", "We present a network that improves lesion detection on DeepLesion.")


def lesion_detection(store) -> list:
    return list(entity_fields(store, "lesiondetection", "label", "kb_id", "task_named_papers", "paper_count",
                              "confidence").values())


def listed(store) -> bool:
    return in_top_list(store, "Task", "lesiondetection")


def test_a_task_no_paper_names_waits_until_a_title_names_it(store):
    from app.components.details import _confidence

    extract = load_extractor("fast").extract
    load_records(store, IN_PASSING, extract=extract, extraction="test", curation=Curation.empty())
    label, kb_id, named, papers, confidence = lesion_detection(store)
    assert (label, kb_id, named, papers) == ("Task", None, 0, 2) and confidence < MIN_CONFIDENCE and not listed(store)
    shown = str(_confidence(views.entity_details(store, "lesiondetection").entity).children)
    assert 'no paper names it as a task, in its title or as "the lesion detection task"' in shown

    load_records(store, [TITLED], extract=extract, extraction="test", curation=Curation.empty())
    assert lesion_detection(store)[2:4] == [1, 3] and lesion_detection(store)[4] >= MIN_CONFIDENCE and listed(store)
    # Extracted again (another extraction id): each link is taken back with its stored title and sentence.
    load_records(store, [*IN_PASSING, TITLED], extract=extract, extraction="test-2", curation=Curation.empty())
    assert lesion_detection(store)[2:4] == [1, 3] and listed(store)


def test_a_tally_stored_before_tasks_were_named_is_rebuilt_from_the_papers(store):
    extract = load_extractor("fast").extract
    load_records(store, [*IN_PASSING, TITLED], extract=extract, extraction="test", curation=Curation.empty())
    store.write("MATCH (e:Entity {key: 'lesiondetection'}) REMOVE e.task_named_papers "
                      "SET e.confidence = 0.0, e.confidence_rules = 'old'")
    load_records(store, [], extract=extract, extraction="test", curation=Curation.empty())
    assert lesion_detection(store)[2:4] == [1, 3] and lesion_detection(store)[4] >= MIN_CONFIDENCE


def test_a_later_sentence_that_names_the_task_is_the_links_evidence(store):
    """The stored sentence is the first that calls the phrase a task, so a
    paper naming it so after a first mention in passing counts."""
    later = paper(4, "Sparse labels for MRI", "Our network helps lesion detection on DeepLesion. "
                                              "The lesion detection task remains hard for small lesions.")
    extract = load_extractor("fast").extract
    load_records(store, [*IN_PASSING, later], extract=extract, extraction="test", curation=Curation.empty())
    evidence = store.read("MATCH (:Paper {id: 'named:4'})-[m:MENTIONS]->(:Entity {key: 'lesiondetection'}) "
                          "RETURN m.evidence").rows[0][0]
    assert evidence == "The lesion detection task remains hard for small lesions."
    assert lesion_detection(store)[2:4] == [1, 3] and listed(store)

