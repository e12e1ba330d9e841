"""BibTeX `crossref` and RIS free-text dates: on the real exports in
../shared/formats and on small files written here (invented entries)."""
from __future__ import annotations

import pytest

from ingest.sources import read_path
from ingest.sources.build import free_date
from tests.conftest import SHARED

BIB_RIS = SHARED / "formats" / "bibtex-ris"


@pytest.mark.parametrize("shown, read", [
    ("2021/03/15/", "2021-03-15"), ("2021/03/15/Spring issue", "2021-03-15"), ("2021/03//", "2021-03"),
    ("2021///", "2021"), ("2021", "2021"), ("March 2021", "2021-03"), ("Mar. 2017", "2017-03"),
    ("4-8 Aug. 2020", "2020-08-04"), ("15 Mar 2021", "2021-03-15"), ("2021-03-15T10:00:00Z", "2021-03-15"),
    ("2021/13//", None), ("2021/02/30/", None), ("spring 2021", None), ("", None),
])
def test_free_text_dates_keep_their_precision(shown, read):
    assert free_date(shown) == read


def test_ris_dates_on_the_real_exports_take_the_most_precise_field():
    ieee = {r.id: r for r in read_path(BIB_RIS / "ieee_ris.ris").records}
    # PY 2020 and Y1 '4-8 Aug. 2020': the conference's first day, exact
    conference = ieee["doi:10.1234/random-name55555.2020.00050"]
    assert (conference.published, conference.published_approximate) == ("2020-08-04", False)
    # PY 2017 and Y1 'Mar. 2017': the month, approximate
    article = ieee["doi:10.1111/mc.2017.66"]
    assert (article.published, article.published_approximate) == ("2017-03-01", True)
    # JSTOR's Y2 is the day it was accessed (2023/04/17/), not published: PY's year stays
    jstor = {r.id: r for r in read_path(BIB_RIS / "jstor_ris.ris").records}
    assert (jstor["doi:10.1111/something.2014.3.4.56"].published,
            jstor["doi:10.1111/something.2014.3.4.56"].published_approximate) == ("2014-01-01", True)


def test_ris_fixture_dates_and_a_bad_one(tmp_path):
    path = tmp_path / "dates.ris"
    path.write_text(
        "TY  - JOUR\nTI  - Exact Slashed Day\nDA  - 2021/03/15/\nPY  - 2021\nER  - \n\n"
        "TY  - JOUR\nTI  - Month Only\nDA  - 2021/03//\nER  - \n\n"
        "TY  - CONF\nTI  - Free Text Month\nY1  - March 2022\nER  - \n\n"
        "TY  - JOUR\nTI  - Not A Date\nDA  - sometime soon\nPY  - 2019\nER  - \n")
    result = read_path(path)
    dates = {r.title: (r.published, r.published_approximate) for r in result.records}
    assert dates == {
        "Exact Slashed Day": ("2021-03-15", False),
        "Month Only": ("2021-03-01", True),
        "Free Text Month": ("2022-03-01", True),
        "Not A Date": ("2019-01-01", True),  # the bad DA is reported, the good PY kept
    }
    bad, = [p for p in result.problems if p.line is not None]
    assert (bad.path, bad.line) == (str(path), 17) and "'sometime soon' is not a date" in bad.message


def test_bibtex_crossref_on_the_real_export():
    result = read_path(BIB_RIS / "bib_data.bib")
    records = {r.title: r for r in result.records}
    # 'Mouse stories' cross-references @proceedings{ICRC2015}: its year comes from there
    assert (records["Mouse stories"].published, records["Mouse stories"].published_approximate) == ("2015-01-01", True)
    # 'Mouse stories two' names ICRC2016, which the file lacks: reported, read without it
    assert records["Mouse stories two"].published is None
    lines = {p.line: p.message for p in result.problems if p.line}
    assert "crossref {ICRC2016} is not in this file" in lines[42]
    assert len(result.records) == 5


def test_bibtex_crossref_inherits_the_volume_fields_but_not_its_identity(tmp_path):
    path = tmp_path / "crossref.bib"
    path.write_text("""@inproceedings{first,
  title = {A Paper in the Volume},
  author = {One, A. and Two, B.},
  crossref = {VOL24},
}
@inproceedings{second,
  title = {Another Paper},
  date = {2024-06-03},
  doi = {10.5555/own.2},
  crossref = {vol24},
}
@inproceedings{broken,
  title = {Broken
@proceedings{VOL24,
  title = {Proceedings of an Invented Workshop},
  booktitle = {Proceedings of an Invented Workshop},
  year = {2024},
  month = {jun},
  doi = {10.5555/volume},
  url = {https://example.org/volume},
  abstract = {The volume.},
}
""")
    result = read_path(path)
    records = {r.title: r for r in result.records}
    first, second = records["A Paper in the Volume"], records["Another Paper"]
    assert (first.published, first.published_approximate) == ("2024-06-01", True)  # the volume's month
    assert first.id.startswith("title:") and first.url is None and first.abstract == ""  # not the volume's
    assert (second.id, second.published, second.published_approximate) == ("doi:10.5555/own.2", "2024-06-03", False)
    assert first.authors == ("One, A.", "Two, B.")
    assert any(p.line == 12 for p in result.problems)  # the broken entry, by line; the others load
