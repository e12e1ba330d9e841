"""The fields the API and bibliography readers add (categories, approximate
dates, listing date, citation counts, extra links) reach the graph through
`ingest`, and an exact date wins over an approximate one whichever is read
first."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.run import IngestOptions, ingest_paths
from ingest.sources.build import arxiv_month, new_record, record_id

DATA_HF = Path(__file__).parent / "data" / "sources" / "hf_paper.json"


def test_record_ids_never_read_an_arxiv_id_out_of_a_doi():
    assert record_id("T", dois=["10.1111/88888888.2022.7777777"]) == "doi:10.1111/88888888.2022.7777777"
    assert record_id("T", dois=["https://doi.org/10.48550/arXiv.2104.12255"]) == "arxiv:2104.12255"
    assert record_id("T", arxiv=["http://arxiv.org/abs/2104.12255v3"], dois=["10.1/x"]) == "arxiv:2104.12255"
    assert record_id("A title", ids=["no id here"]).startswith("title:")


def test_a_new_style_arxiv_id_dates_a_record_approximately():
    assert arxiv_month("arxiv:2503.11731") == "2025-03-01"
    assert arxiv_month("arxiv:2513.11731") is None  # no month 13
    assert arxiv_month("arxiv:quant-ph/0201082") is None
    dated = new_record(title="T", path="f", line=1, arxiv=["2503.11731v2"])
    assert (dated.id, dated.published, dated.published_approximate) == ("arxiv:2503.11731", "2025-03-01", True)
    exact = new_record(title="T", path="f", line=1, arxiv=["2503.11731"], published="2025-03-14")
    assert (exact.published, exact.published_approximate) == ("2025-03-14", False)
    by_year = new_record(title="T", path="f", line=1, year="1997")
    assert (by_year.published, by_year.published_approximate) == ("1997-01-01", True)
    assert new_record(title="T", path="f", line=1, year="1997-04").published == "1997-04-01"


def _paper(store, paper_id):
    return store.read("MATCH (p:Paper {id: $id}) RETURN properties(p) AS p", {"id": paper_id}).records()[0]["p"]


@pytest.mark.parametrize("crawl_first", [True, False])
def test_api_fields_are_stored_and_the_exact_date_wins(store, tmp_path, crawl_first):
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text(json.dumps({
        "id": "2502.04101v1", "title": "Lanternfish: Sparse Routing for Long-Context Retrieval",
        "summary": "We introduce Lanternfish,\na sparse router.", "authors": ["Ada Quill", "Bo Marrow"],
        "categories": ["cs.CL", "cs.LG"], "abs": "https://arxiv.org/abs/2502.04101v1"}) + "\n")
    api = tmp_path / "daily.json"
    api.write_text(json.dumps([{"paper": json.loads(DATA_HF.read_text()), "publishedAt": "2025-02-07T01:00:00Z"}]))
    for path in ([crawl, api] if crawl_first else [api, crawl]):
        ingest_paths(store, [str(path)], IngestOptions())
    paper = _paper(store, "arxiv:2502.04101")
    assert paper["published"] == "2025-02-06" and paper["published_approximate"] is False
    assert paper["categories"] == ["cs.CL", "cs.LG"]
    assert paper["listed"] == "2025-02-07" and paper["upvotes"] == 57
    assert paper["links"] == ["https://huggingface.co/papers/2502.04101"]
    assert sorted(paper["sources"]) == sorted([f"{crawl}:1", f"{api}:1"])


def test_only_an_approximate_date_is_kept_and_flagged(store, tmp_path):
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text(json.dumps({"id": "2503.11731", "title": "An invented crawl entry", "summary": "Text."}) + "\n")
    ingest_paths(store, [str(crawl)], IngestOptions())
    paper = _paper(store, "arxiv:2503.11731")
    assert (paper["published"], paper["published_approximate"]) == ("2025-03-01", True)
