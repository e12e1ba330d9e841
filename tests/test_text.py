"""The text extraction reads and the app shows: arXiv's LaTeX markup
rewritten (`ingest/text.py`), names written with inline math found."""
from __future__ import annotations

import gzip
import json

from app.components.highlight import Target, find_spans, highlighted
from ingest.extract import load_extractor
from ingest.records import PaperRecord
from ingest.text import display_text, fold_scripts, paper_text, plain_text
from tests.conftest import CORPUS


def test_latex_markup_in_abstracts_is_cleaned():
    assert display_text(r"gains 85\% on R\&D, a $\times 3$ speedup at $O(n^2)$ cost") == "gains 85% on R&D, a ×3 speedup at O(n²) cost"
    assert display_text(r"F$_1$ of 0.9, $\alpha=0.5$, \textbf{bold} and ``quoted''") == "F₁ of 0.9, α=0.5, bold and “quoted”"
    plain = "costs $5 and $10, 50% done, {A} and \\unknown{x}"
    assert display_text(plain) == plain  # prices, plain percent signs and unknown commands stay as written


def test_latex_accents_are_the_letters_they_mark():
    written = r"Fr\'echet, Fr\'{e}chet, Fr{\'e}chet, na\"ive, Gar\c{c}on, Do\~nana, Lo\`eve"
    assert display_text(written) == plain_text(written) == "Fréchet, Fréchet, Fréchet, naïve, Garçon, Doñana, Loève"
    assert display_text(r"\vspace and \c c") == r"\vspace and \c c"  # a letter-named accent only with its braces


def test_a_metric_written_with_a_latex_accent_is_the_known_metric():
    """Two arXiv abstracts write "Fr\\'echet Inception Distance"; read as
    written, the graph had a Metric "Inception Distance" of its own."""
    records = _records({"2504.02408", "2505.04915"})
    for doc in load_extractor("fast").extract([(i, paper_text(r)) for i, r in records.items()], workers=1):
        assert "fid" in {m.canonical for m in doc.mentions if m.label == "METRIC"}, doc.id
        assert not any(m.text.lower() == "inception distance" for m in doc.mentions), doc.id


def _records(ids: set[str]) -> dict[str, PaperRecord]:
    records = {}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as stream:
        for line in stream:
            item = json.loads(line)
            if item["id"] in ids:
                records[item["id"]] = PaperRecord(id=item["id"], title=item["title"], abstract=item["summary"])
            if len(records) == len(ids):
                break
    return records


def test_extraction_reads_script_digits_as_digits_at_the_places_the_app_shows_them():
    latex = r"We propose M$^3$CoT and PixArt-$\alpha$, report the F$_1$-score on HumanEval$^{+}$ and $\textbf{A}$daptive."
    plain, shown = plain_text(latex), display_text(latex)
    assert plain == "We propose M3CoT and PixArt-α, report the F1-score on HumanEval+ and Adaptive."
    assert shown == "We propose M³CoT and PixArt-α, report the F₁-score on HumanEval⁺ and Adaptive."
    assert fold_scripts(shown) == plain
    # a name extraction found in the plain text lights up in the text shown
    pieces = find_spans(shown, [Target("M3CoT", "Dataset"), Target("HumanEval+", "Benchmark")])
    assert [piece for piece, target in pieces if target] == ["M³CoT", "HumanEval⁺"]
    # not inside a web address, where a link inside the link broke the Markdown
    pieces = find_spans("We propose M³CoT, see https://m3cot.github.io/.", [Target("M3CoT", "Dataset")])
    assert [piece for piece, target in pieces if target] == ["M³CoT"]
    # and the address is a link to itself, not text the renderer autolinks with its escapes
    assert "](<https://m3cot.github.io/>)\\." in highlighted("See https://m3cot.github.io/.", [])


def test_names_written_with_inline_math_are_found_in_real_abstracts():
    """Four arXiv abstracts of the corpus name their work with inline math;
    read as written, extraction found none of these names."""
    wanted = {"2503.17543": "E2FA", "2503.21779": "X2-Gaussian", "2503.22060": "MS2", "2503.22426": "kNN-LM"}
    records = _records(set(wanted))
    extractor = load_extractor("fast")
    for doc in extractor.extract([(paper_id, paper_text(record)) for paper_id, record in records.items()], workers=1):
        assert wanted[doc.id] in {m.text for m in doc.mentions}, doc.id
    as_written = extractor.extract([(i, f"{r.title}\n\n{r.abstract}") for i, r in records.items()], workers=1)
    assert not any(wanted[doc.id] in {m.text for m in doc.mentions} for doc in as_written)
