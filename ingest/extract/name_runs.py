"""Proper-name runs in running text, for the rules that find names the NER
missed by their position (a list of results, an appositive "X, a benchmark
of ..."): "SPair-71k", "Multi-PIE", "Verbose ListOps", "Argoverse"."""
from __future__ import annotations

from spacy.tokens import Doc

from ingest.extract.doc_state import token_spaces, token_texts

# Glue inside a name when written without spaces (Multi-PIE, Speak&Improve).
_JOINERS = {"-", "+", ".", "&", "/", "_"}
# Capitalised words that open clauses or point at the paper, not names.
_NOT_NAMES = {
    "We", "Our", "Ours", "It", "Its", "This", "These", "That", "Those", "The", "A", "An", "In", "On", "For",
    "Table", "Tables", "Figure", "Figures", "Fig", "Section", "Appendix", "Eq", "Equation", "I", "II", "III",
}


def capitalised(text: str) -> bool:
    """A capital or digit and a letter; a token with a glued final period
    ("STS-B.") is a sentence end the tokenizer left whole, not a name."""
    return any(c.isupper() or c.isdigit() for c in text) and any(c.isalpha() for c in text) and not text.endswith(".")


def strongly_named(texts: list[str]) -> bool:
    """Inner capitals, digits or all caps somewhere: a name even alone and
    at a sentence start (SPair-71k, ListOps, MMLU)."""
    return any(any(c.isupper() or c.isdigit() for c in t[1:]) or t.isupper() and len(t) > 1 for t in texts)


def name_run(doc: Doc, start: int, end_limit: int, max_tokens: int) -> int:
    """End (exclusive) of the name run starting at `start`, or `start` when
    no name starts there. Capitalised words and the joiners glued between
    them; a run stops at the first lower-case word."""
    texts, spaces = token_texts(doc), token_spaces(doc)
    if start >= end_limit or not capitalised(texts[start]) or texts[start] in _NOT_NAMES:
        return start
    end = start + 1
    while end < end_limit and end - start < max_tokens:
        text = texts[end]
        glued = not spaces[end - 1]
        if text in _JOINERS and glued and end + 1 < end_limit and not spaces[end] and capitalised(texts[end + 1]):
            end += 2
        elif capitalised(text) and text not in _NOT_NAMES and (glued or text[:1].isupper() or text[:1].isdigit()):
            end += 1
        else:
            break
    return end
