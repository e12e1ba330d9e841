"""The review buttons in an entity's details, in headless Chromium: merging
"COCO 2014" into COCO through the form writes the curation file, changes
the graph, and redraws the details and the canvas; keeping a candidate shows it."""
from __future__ import annotations

import json
import uuid

import pytest

from ingest.curation import Curation
from tests.browser.test_app_browser import click, cy_count, url_state, wait_for

# Written for this test: three papers naming COCO and its 2014 release.
PAPERS = [
    {"title": "Detection on COCO 2014", "published": "2024-03-01",
     "abstract": "We train a detector on the COCO 2014 split and evaluate it on COCO. It improves mAP."},
    {"title": "Segmentation with transformers", "published": "2024-04-01",
     "abstract": "Our model improves accuracy on COCO and on ADE20K."},
    {"title": "Captioning results", "published": "2024-05-01",
     "abstract": "We report results on COCO 2014 with a ResNet-50 encoder."},
    {"title": "FlowZap: recurrent flow estimation", "published": "2024-06-01",
     "abstract": "We propose FlowZap, a recurrent network that estimates optical flow between video frames."},
]


@pytest.fixture
def review_store(paperkg_home, tmp_path, monkeypatch):
    from graph import StoreConfig, open_store
    from ingest.run import IngestOptions, ingest_paths

    listing = tmp_path / "papers.jsonl"
    listing.write_text("".join(json.dumps(p) + "\n" for p in PAPERS))
    monkeypatch.setenv("PAPERKG_CURATION", str(tmp_path / "curation.toml"))
    store = open_store(StoreConfig.from_env(graph_name=f"review_{uuid.uuid4().hex[:8]}"))
    ingest_paths(store, [str(listing)], IngestOptions(workers=1))
    yield store
    store.drop_graph()
    store.close()


def entity(store, key):
    rows = store.read("MATCH (e:Entity {key: $key}) RETURN e.name, e.paper_count", {"key": key}).rows
    return rows[0] if rows else None


def test_merge_from_the_details_panel(dash_duo, review_store, tmp_path, shoot):
    from app.server import create_app

    assert entity(review_store, "coco-14") == ["COCO 2014", 2]
    assert entity(review_store, "coco") == ["COCO", 2]
    dash_duo.start_server(create_app(review_store))
    dash_duo.driver.get(dash_duo.server_url.rstrip("/") + "/explore?focus=e:coco-14&sel=e:coco-14")
    dash_duo.wait_for_contains_text(".details-title", "COCO 2014")
    wait_for(lambda: cy_count(dash_duo, "explore-canvas") > 1, message="the canvas")

    click(dash_duo, ".review-open", "Merge into")
    dash_duo.wait_for_contains_text(".review-form", "Merge COCO 2014 into")
    dash_duo.find_element(".review-form .dash-dropdown").click()
    dash_duo.wait_for_element(".review-form .dash-dropdown-search").send_keys("COCO")
    click(dash_duo, ".dash-dropdown-option", "COCO · ", message="COCO among the suggestions")
    click(dash_duo, ".review-form .button", "Merge")

    # The view moves to COCO, which now holds the 2014 release's name and papers.
    wait_for(lambda: url_state(dash_duo).get("focus") == ["e:coco"], message="the view to move to COCO")
    dash_duo.wait_for_contains_text(".entity-details", "also: COCO 2014")
    dash_duo.wait_for_contains_text(".entity-details", "3 papers")
    dash_duo.wait_for_contains_text("#explore-summary", "COCO (Dataset)")
    wait_for(lambda: cy_count(dash_duo, "explore-canvas", '[id = "e:coco"]') == 1
             and cy_count(dash_duo, "explore-canvas", '[id = "e:coco-14"]') == 0, message="the canvas centred on COCO")
    shoot()
    assert entity(review_store, "coco-14") is None
    assert entity(review_store, "coco") == ["COCO", 3]
    assert Curation.load(tmp_path / "curation.toml").merges == {"coco-14": "coco"}

    # A relabel keeps the URL; the details and the canvas are drawn again all the same.
    click(dash_duo, ".review-open", "Relabel")
    dash_duo.wait_for_contains_text(".review-form", "COCO is a:")
    click(dash_duo, ".review-form .review-label", None, message="the label dropdown")
    click(dash_duo, ".dash-dropdown-option", "Benchmark", message="the Benchmark option")
    click(dash_duo, ".review-form .button", "Relabel")
    dash_duo.wait_for_contains_text(".review-done", '[relabel] "COCO" = "BENCHMARK"')
    dash_duo.wait_for_contains_text("#explore-summary", "COCO (Benchmark)")
    assert review_store.read("MATCH (e:Benchmark {key: 'coco'}) RETURN e.label").rows == [["Benchmark"]]
    assert Curation.load(tmp_path / "curation.toml").labels == {"coco": "BENCHMARK"}


def test_keep_a_candidate_from_the_details_panel(dash_duo, review_store, tmp_path, shoot):
    from app.server import create_app
    from graph.settings import MIN_CONFIDENCE

    key, name = review_store.read("MATCH (e:Entity) WHERE e.confidence < $m RETURN e.key, e.name ORDER BY e.key LIMIT 1",
                                  {"m": MIN_CONFIDENCE}).rows[0]
    dash_duo.start_server(create_app(review_store))
    dash_duo.driver.get(dash_duo.server_url.rstrip("/") + f"/explore?focus=e:{key}&sel=e:{key}")
    dash_duo.wait_for_contains_text(".details-title", name)
    dash_duo.wait_for_contains_text(".entity-details .confidence", "candidate")

    click(dash_duo, ".review-open", "Keep")
    dash_duo.wait_for_contains_text(".review-form", f"Keep {name}: show it")
    click(dash_duo, ".review-form .button", "Keep")
    dash_duo.wait_for_contains_text(".review-done", "[keep] names = [...,")
    dash_duo.wait_for_contains_text(".entity-details .confidence", "confidence 1.00 · kept by the curation file")
    shoot()
    assert review_store.read("MATCH (e:Entity {key: $key}) RETURN e.confidence, e.kept", {"key": key}).rows == [[1.0, True]]
    assert Curation.load(tmp_path / "curation.toml").kept == {key}
    # A kept entity is no candidate: the button is gone.
    assert not [b for b in dash_duo.find_elements(".review-open") if "Keep" in b.text]
