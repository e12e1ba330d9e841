"""Daily Papers text reader, on the real seed pages and a synthetic page."""
from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest

from ingest.dedupe import dedupe
from ingest.identity import normalise_title
from tests.conftest import SEEDS
from ingest.sources import read_hf_daily

DATA = Path(__file__).parent / "data"
# The pages were saved on a "Nov 4" (their page date); pinning the reference
# keeps inferred years independent of when the files were copied.
SAVED = date(2025, 11, 4)
PAPERS_PER_SEED = {"000": 88, "001": 68, "002": 66, "003": 82, "004": 69}



def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def by_title(records, title):
    matches = [record for record in records if record.title == title]
    assert len(matches) == 1, f"{title!r} read {len(matches)} times"
    return matches[0]


@pytest.mark.parametrize("prefix", sorted(PAPERS_PER_SEED))
def test_each_seed_page_reads_cleanly(prefix):
    result = read_hf_daily(seed(prefix), reference_date=SAVED)
    assert result.problems == []
    assert len(result.records) == PAPERS_PER_SEED[prefix]
    assert all(record.title and record.abstract for record in result.records)
    assert not any(record.title in {"new", "Subscribe", "Daily Papers"} for record in result.records)


def test_all_seeds_give_307_unique_papers_each_once():
    records = [record for prefix in sorted(PAPERS_PER_SEED)
               for record in read_hf_daily(seed(prefix), reference_date=SAVED).records]
    unique = dedupe(records)
    assert len(records) == sum(PAPERS_PER_SEED.values()) == 373
    assert len(unique) == 307
    assert len({normalise_title(record.title) for record in unique}) == 307
    assert len({record.id for record in unique}) == 307


def test_known_paper_fields():
    records = read_hf_daily(seed("000"), reference_date=SAVED).records
    paper = by_title(records,
                     "Error Feedback Reloaded: From Quadratic to Arithmetic Mean of Smoothness Constants")
    assert paper.authors_count == 3
    assert paper.published == "2024-02-16"
    assert paper.upvotes is None
    assert paper.abstract.startswith("Error Feedback (EF) is a highly popular")
    assert paper.sources == (f"{seed('000')}:13",)


def test_organisation_line_and_date_without_year_but_with_upvotes():
    records = read_hf_daily(seed("000"), reference_date=SAVED).records
    paper = by_title(records, next(r.title for r in records if r.title.startswith("MixtureVitae")))
    assert paper.organization == "ontocord Ontocord.AI"
    assert paper.authors_count is None
    assert paper.published == "2025-09-29"  # shown as "Sep 29 3"
    assert paper.upvotes == 3


def test_page_without_any_detail_lines():
    result = read_hf_daily(seed("004"), reference_date=SAVED)
    assert result.problems == []
    assert len(result.records) == 69
    assert all(r.published is None and r.upvotes is None and r.authors_count is None
               for r in result.records)
    first = result.records[0]
    assert first.title == "Efficient block contrastive learning via parameter-free meta-node approximation"
    assert first.abstract.startswith("Contrastive learning has recently achieved")


def test_synthetic_page_layouts():
    result = read_hf_daily(DATA / "daily_page.txt", reference_date=date(2025, 3, 2))
    assert result.problems == []
    assert [r.title for r in result.records] == [
        "Sparse Widgets for Toy Benchmarks",
        "A Title Whose Abstract Is Missing",
        "Organised Widgets at Scale",
        "Widgets Without Details",
    ]
    sparse, missing, organised, bare = result.records
    assert (sparse.published, sparse.authors_count, sparse.upvotes) == ("2024-01-05", 2, None)
    assert missing.abstract == ""
    assert missing.published == "2024-02-29"  # latest Feb 29 not after 2025-03-02
    assert (organised.organization, organised.upvotes) == ("examplelab Example Lab", 12)
    assert organised.published == "2024-12-08"  # Dec 8 2025 would be after the reference date
    assert bare.abstract.startswith("A paper that the page shows")
    assert bare.published is None
    assert bare.sources == (f"{DATA / 'daily_page.txt'}:35",)


def test_year_argument_overrides_the_year_rule():
    records = read_hf_daily(DATA / "daily_page.txt", year=2020).records
    assert [r.published for r in records] == ["2024-01-05", "2020-02-29", "2020-12-08", None]


def test_reference_date_defaults_to_the_file_modification_date(tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes((DATA / "daily_page.txt").read_bytes())
    saved = datetime(2023, 12, 1, 12, 0).timestamp()
    os.utime(page, (saved, saved))
    records = read_hf_daily(page).records
    assert records[1].published == "2020-02-29"  # no Feb 29 in 2021-2023
    assert records[2].published == "2022-12-08"  # Dec 8 2023 is after Dec 1 2023


def test_impossible_date_is_a_problem_on_its_line(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("A Paper\n\nSome abstract text.\n\n  • 2 authors\n·\nFeb 30, 2024\n",
                    encoding="utf-8")
    result = read_hf_daily(page)
    assert [(p.line, p.path) for p in result.problems] == [(7, str(page))]
    assert "Feb 30, 2024" in result.problems[0].message
    assert result.records[0].published is None and result.records[0].authors_count == 2


def test_text_with_only_a_page_header_has_no_papers(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("new\n\nSubscribe\n\nDaily Papers\n\nNov 4\n", encoding="utf-8")
    result = read_hf_daily(page)
    assert result.records == []
    assert len(result.problems) == 1 and "no papers" in result.problems[0].message


def test_yearless_dates_take_the_year_after_the_latest_year_the_page_shows():
    # Page 000 shows years up to 2024 and lists MixtureVitae as `Sep 29 3`:
    # the page was viewed in 2025, whatever the file's modification date.
    records = read_hf_daily(seed("000")).records
    mixture = next(r for r in records if r.title.startswith("MixtureVitae"))
    assert (mixture.published, mixture.upvotes) == ("2025-09-29", 3)
