"""Each reader on the real exports in ../shared/formats (arXiv API Atom,
Semantic Scholar answers and cassettes, BibTeX and RIS from ACM, dblp,
Scopus, Wiley, Crossref, IEEE, JSTOR) and on fixtures written for paperkg
(tests/data/sources: invented papers): formats detected, papers counted per
file, ids, fields, dates, bad entries reported by line and skipped."""
from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

import pytest

from ingest.sources import collect_inputs, detect_format, read_path
from tests.conftest import CORPUS, SHARED

FORMATS_DIR = SHARED / "formats"
DATA = Path(__file__).parent / "data" / "sources"

# file under ../shared/formats -> (detected format, papers read)
EXPECTED = {
    "arxiv-atom/id_0000.0000_s0_m100_8b51d9633a68.xml": ("arxiv_atom", 0),  # empty feed
    "arxiv-atom/id_0808.05394_1707.08567_s0_m100_42e5aa0ec3af.xml": ("arxiv_atom", 1),
    "arxiv-atom/id_abc_s0_m100_b79c8dcf6bc3.xml": ("arxiv_atom", 0),  # an error entry
    "arxiv-atom/id_quant-ph_0201082v1_s0_m100_86989fe779ef.xml": ("arxiv_atom", 1),
    "arxiv-atom/q_testing_s0_m100_cfe7536492ca.xml": ("arxiv_atom", 100),
    "arxiv-atom/q_testing_s10_m10_34e56e15aaac.xml": ("arxiv_atom", 10),
    "arxiv-atom/q_testing_s20_m10_348a237fecab.xml": ("arxiv_atom", 10),
    "bibtex-ris/acm_bib.bib": ("bibtex", 2),
    "bibtex-ris/bib_data.bib": ("bibtex", 5),  # 6 entries, one a title-less @proceedings
    "bibtex-ris/crossref_bib.bib": ("bibtex", 1),
    "bibtex-ris/dblp_bib.bib": ("bibtex", 2),
    "bibtex-ris/scopus_bib.bib": ("bibtex", 11),
    "bibtex-ris/wiley_bib.bib": ("bibtex", 2),
    "bibtex-ris/ieee_ris.ris": ("ris", 2),
    "bibtex-ris/jstor_ris.ris": ("ris", 4),
    "bibtex-ris/ris_data.ris": ("ris", 2),
    "semanticscholar/Paper.json": ("semantic_scholar", 1),
    "semanticscholar/PaperWithNullValues.json": ("semantic_scholar", 0),  # an id, no title
    "semanticscholar/test_empty_paginated_results.yaml": ("http_cassette", 0),
    "semanticscholar/test_get_papers.yaml": ("http_cassette", 0),  # asked for authors only: no titles
    "semanticscholar/test_get_papers_not_found_warning.yaml": ("http_cassette", 3),  # and a null
    "semanticscholar/test_search_paper.yaml": ("http_cassette", 100),
    "semanticscholar/test_search_paper_bulk_retrieval.yaml": ("http_cassette", 1000),
}


def _by_name(result):
    return {record.id: record for record in result.records}


def test_every_file_in_shared_formats_is_detected_and_read_in_full():
    files, problems = collect_inputs([FORMATS_DIR])
    assert problems == []
    found = {}
    for path in files:
        result = read_path(path)
        found[path.relative_to(FORMATS_DIR).as_posix()] = (detect_format(path), len(result.records))
        for record in result.records:
            assert record.title and record.id.split(":")[0] in {"arxiv", "doi", "title"}
            assert record.sources[0].startswith(f"{path}:")
    assert found == EXPECTED


def test_arxiv_atom_entries():
    result = read_path(FORMATS_DIR / "arxiv-atom/q_testing_s0_m100_cfe7536492ca.xml")
    assert result.problems == []
    first = result.records[0]
    assert first.id == "arxiv:2202.12139"  # the feed's id is .../abs/2202.12139v1
    assert first.url == "https://arxiv.org/abs/2202.12139"
    assert first.links == ("https://arxiv.org/pdf/2202.12139",)
    assert first.published == "2022-02-24" and not first.published_approximate
    assert first.categories == ("cs.SE", "cs.LG")
    assert first.authors == ("Mohit Kumar Ahuja", "Arnaud Gotlieb", "Helge Spieker")
    assert first.abstract.startswith("Deep Learning (DL) has revolutionized") and "\n" not in first.abstract
    assert first.sources == (f"{FORMATS_DIR}/arxiv-atom/q_testing_s0_m100_cfe7536492ca.xml:10",)
    # the DOI an entry carries does not replace its arXiv id
    assert len({r.id for r in result.records}) == 100 and all(r.id.startswith("arxiv:") for r in result.records)


def test_arxiv_atom_old_style_id_and_primary_category_first():
    record, = read_path(FORMATS_DIR / "arxiv-atom/id_quant-ph_0201082v1_s0_m100_86989fe779ef.xml").records
    assert record.id == "arxiv:quant-ph/0201082"
    assert record.categories == ("quant-ph", "cs.PL")
    assert record.published == "2002-01-18"


def test_arxiv_atom_error_entry_is_a_problem_not_a_paper():
    result = read_path(FORMATS_DIR / "arxiv-atom/id_abc_s0_m100_b79c8dcf6bc3.xml")
    assert result.records == []
    problem, = result.problems
    assert problem.line == 9 and "incorrect id format for abc" in problem.message


def test_malformed_xml_is_reported_with_its_line():
    result = read_path(DATA / "broken_feed.xml")
    problem, = result.problems
    assert result.records == [] and problem.line == 7 and "not valid XML" in problem.message


def test_semantic_scholar_paper_object():
    record, = read_path(FORMATS_DIR / "semanticscholar/Paper.json").records
    assert record.id == "doi:10.1093/mind/lix.236.433"
    assert record.title == "Computing Machinery and Intelligence"
    assert record.published == "1950-10-01" and record.cited_by_count == 10059
    assert record.authors == ("A. Turing",)
    assert record.url == "https://www.semanticscholar.org/paper/2d5673caa9e6af3a7b82a43f19ee920992db07ad"


def test_semantic_scholar_batch_with_nulls_and_search_pages():
    batch = read_path(FORMATS_DIR / "semanticscholar/test_get_papers_not_found_warning.yaml")
    assert [p.message for p in batch.problems][0].startswith("null in a batch answer")
    ids = [r.id for r in batch.records]
    assert "doi:10.2139/ssrn.288970" in ids and len(set(ids)) == 3
    search = read_path(FORMATS_DIR / "semanticscholar/test_search_paper.yaml")
    assert all(r.abstract == "" for r in search.records)
    assert search.problems[-1].message.startswith("100 of 100 papers have no abstract")
    titleless = read_path(FORMATS_DIR / "semanticscholar/PaperWithNullValues.json")
    assert "has no title" in titleless.problems[0].message


def test_bibtex_exports():
    acm = _by_name(read_path(FORMATS_DIR / "bibtex-ris/acm_bib.bib"))
    article = acm["doi:10.3333/7777777"]
    assert article.title == "This is a dummy article" and article.authors == ("Articlewriter, Tom",)
    assert article.abstract == "This is an exciting paper abstract."
    assert (article.published, article.published_approximate) == ("1900-03-01", True)  # year and month
    bib_data = read_path(FORMATS_DIR / "bibtex-ris/bib_data.bib")
    # two entries sharing a citation key are two papers (their DOIs differ)
    assert {"doi:10.3333/xyz.v4444.04", "doi:10.3333/xyz.v4444.04a"} <= set(_by_name(bib_data))
    lines = {p.line: p.message for p in bib_data.problems if p.line is not None}
    assert "@proceedings{ICRC2015} has no title" in lines[47] and "crossref {ICRC2016}" in lines[42]
    wiley = _by_name(read_path(FORMATS_DIR / "bibtex-ris/wiley_bib.bib"))
    assert "doi:10.1111/gps.4444" in wiley  # the doi field holds a doi.org URL
    scopus = read_path(FORMATS_DIR / "bibtex-ris/scopus_bib.bib").records
    assert all(r.abstract == "" for r in scopus) and len({r.id for r in scopus}) == 11


def test_bibtex_latex_decoded_arxiv_eprint_and_bad_entry_skipped():
    result = read_path(DATA / "library.bib")
    records = _by_name(result)
    lanternfish = records["arxiv:2502.04101"]  # eprint 2502.04101v2
    assert lanternfish.title == "Lanternfish: Sparse Routing for Long-Context Retrieval"
    assert lanternfish.url == "https://arxiv.org/abs/2502.04101"
    cafe = records["doi:10.5555/cafe.2024.0042"]  # field names in capitals
    assert cafe.title == "Café Müller: Über-fast Naïve Bayes with 50% fewer $ and α-blending"
    assert cafe.authors == ("Müller, Jörg", "Škoda, Ana")
    assert cafe.url == "https://example.org/papers/cafe_muller~v1.pdf"  # URLs are not LaTeX
    assert cafe.published == "2024-07-01" and cafe.abstract == ""
    assert records["arxiv:2311.01234"].published == "2023-11-05"  # BibLaTeX date; id from an arxiv.org url
    lines = {p.line: p.message for p in result.problems}
    assert "entry not understood" in lines[22] and "has no title" in lines[33]
    assert len(result.records) == 3


def test_ris_exports():
    jstor = read_path(FORMATS_DIR / "bibtex-ris/jstor_ris.ris")
    primary = _by_name(jstor)["doi:10.1111/something.2014.3.4.56"]
    assert primary.title == "Primary Title" and primary.abstract == "This is another abstract."
    assert primary.authors == ("First-Author, Tim", "Second-Author, James A.")
    assert primary.url == "http://www.jstor.org/stable/10.1111/something.2014.3.4.56"
    assert [r.sources[0].rsplit(":", 1)[1] for r in jstor.records] == ["6", "32", "60", "86"]
    broken = read_path(FORMATS_DIR / "bibtex-ris/ris_data.ris")
    first, second = broken.records
    assert first.authors == ("A. Author-One", "B. Author-Two", "C. Author-Three", "D. Author-Four", "E. Author-Five")
    assert second.id == "doi:10.1111/mc.2017.66"
    assert {p.line for p in broken.problems if p.line} == {2, 12, 22}


def test_ris_fixture():
    result = read_path(DATA / "library.ris")
    lanternfish, tidepool = result.records
    assert lanternfish.id == "arxiv:2502.04101" and lanternfish.published == "2025-02-06"
    assert lanternfish.abstract == "We introduce Lanternfish, a sparse router for long-context retrieval."
    assert tidepool.title == "Tidepool: A Benchmark of Coastal Images" and tidepool.authors == ("Orbit, Cyd",)
    assert tidepool.abstract == "Tidepool is a dataset of coastal images."  # the malformed KW line's continuation is dropped
    assert {p.line: p.message.split(" ")[0] for p in result.problems} == {18: "malformed", 15: "record", 24: "record"}


def test_hf_daily_papers_api():
    result = read_path(DATA / "hf_daily_papers.json")
    lanternfish, tidepool = result.records
    assert lanternfish.id == "arxiv:2502.04101"
    assert lanternfish.title == "Lanternfish: Sparse Routing for Long-Context Retrieval"  # line break folded
    assert lanternfish.published == "2025-02-06" and lanternfish.listed == "2025-02-07"
    assert lanternfish.upvotes == 42 and lanternfish.authors == ("Ada Quill", "Bo Marrow")
    assert lanternfish.organization == "Example Lab"
    assert lanternfish.url == "https://arxiv.org/abs/2502.04101"
    assert lanternfish.links == ("https://huggingface.co/papers/2502.04101",
                                 "https://github.com/example/lanternfish", "https://example.org/lanternfish")
    assert "machine-written" not in lanternfish.abstract
    assert tidepool.upvotes is None and tidepool.listed is None
    assert [(p.line, p.message.split(" ")[0]) for p in result.problems] == [
        (28, "upvotes"), (28, "listing"), (41, "paper")]
    single, = read_path(DATA / "hf_paper.json").records
    assert single.id == "arxiv:2502.04101" and single.upvotes == 57 and single.listed == "2025-02-07"


def test_openalex_work_and_page():
    work, = read_path(DATA / "openalex_work.json").records
    assert work.id == "arxiv:2502.04101"  # from its DataCite arXiv DOI and arxiv.org location
    assert work.abstract == "We introduce Lanternfish, a sparse router. It beats dense attention."
    assert work.cited_by_count == 17 and work.authors == ("Ada Quill", "Bo Marrow")
    page = read_path(DATA / "openalex_page.json")
    tidepool, kelp = page.records
    assert tidepool.id == "doi:10.5555/tidepool.2024.17" and tidepool.published == "2024-07-30"
    assert (kelp.published, kelp.published_approximate, kelp.abstract) == ("2023-01-01", True, "")
    assert page.problems[0].line == 30 and "no title" in page.problems[0].message


def test_crawler_jsonl_without_a_field_map(tmp_path):
    """The arXiv listing crawler's lines: abs is the URL, categories kept,
    the month of the id is the approximate date."""
    with gzip.open(CORPUS, "rt") as corpus:
        lines = list(itertools.islice(corpus, 50))
    sample = tmp_path / "crawl.jsonl"
    sample.write_text("".join(lines))
    first = json.loads(lines[0])
    assert detect_format(sample) == "jsonl"
    result = read_path(sample)
    assert len(result.records) == 50 and result.problems == []
    record = result.records[0]
    assert record.id == f"arxiv:{first['id']}" and record.url == first["abs"]
    assert record.categories == tuple(first["categories"])
    assert record.published == f"20{first['id'][:2]}-{first['id'][2:4]}-01" and record.published_approximate
    assert record.authors == tuple(first["authors"]) and "\n" not in record.abstract


def test_versioned_and_bare_arxiv_ids_key_one_paper(tmp_path):
    rows = tmp_path / "versions.jsonl"
    rows.write_text(json.dumps({"id": "2104.12255v1", "title": "A"}) + "\n"
                    + json.dumps({"id": "2104.12255", "title": "A, retitled"}) + "\n")
    assert {r.id for r in read_path(rows).records} == {"arxiv:2104.12255"}


@pytest.mark.parametrize("name, expected", [
    ("hf_daily_papers.json", "hf_api"), ("hf_paper.json", "hf_api"),
    ("openalex_work.json", "openalex"), ("openalex_page.json", "openalex"),
    ("library.bib", "bibtex"), ("library.ris", "ris"),
])
def test_formats_are_told_by_content_not_name(tmp_path, name, expected):
    renamed = tmp_path / "export.txt"
    renamed.write_bytes((DATA / name).read_bytes())
    assert detect_format(renamed) == expected


def test_ingesting_shared_formats_loads_every_paper_of_every_file(store):
    """`paperkg ingest ../shared/formats`: each file's papers are nodes
    (found by their sources), under the ids its reader gave them."""
    from ingest.run import IngestOptions, ingest_paths

    report = ingest_paths(store, [str(FORMATS_DIR)], IngestOptions())
    stored = {row["id"]: row["sources"] for row in
              store.read("MATCH (p:Paper) RETURN p.id AS id, p.sources AS sources").records()}
    per_file = {name: set() for name in EXPECTED}
    for paper_id, sources in stored.items():
        for source in sources:
            per_file[Path(source.rsplit(":", 1)[0]).relative_to(FORMATS_DIR).as_posix()].add(paper_id)
    read = {name: {r.id for r in read_path(FORMATS_DIR / name).records} for name in EXPECTED}
    # a search page can list two papers of one title: they key as one
    assert {name: len(ids) for name, ids in read.items()} == {
        name: n - {"semanticscholar/test_search_paper.yaml": 1,
                   "semanticscholar/test_search_paper_bulk_retrieval.yaml": 3}.get(name, 0)
        for name, (_, n) in EXPECTED.items()}
    assert per_file == read
    assert report.total_papers == len(stored) == len(set().union(*read.values()))
    assert stored["arxiv:2202.12139"] == [f"{FORMATS_DIR}/arxiv-atom/q_testing_s0_m100_cfe7536492ca.xml:10"]
