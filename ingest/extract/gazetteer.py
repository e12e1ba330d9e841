"""The curated gazetteer (`data/gazetteer.tsv`): known names and their label,
matched in the text as a spaCy component that overrides the model's label."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ingest.extract.doc_state import place_spans
from ingest.normalize import alias_key

GAZETTEER_PATH = Path(__file__).parent / "data" / "gazetteer.tsv"
# Short or all-caps names are matched case-sensitively so that "Adam" or
# "MATH" do not fire on ordinary words; longer names ignore case.
CASE_FREE_MIN_LENGTH = 8


@dataclass(frozen=True)
class Entry:
    label: str
    name: str
    surfaces: tuple[str, ...]


@lru_cache(maxsize=4)
def load_entries(path: Path = GAZETTEER_PATH) -> tuple[Entry, ...]:
    entries = []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2:
            raise ValueError(f"{path}:{line_no}: expected LABEL<TAB>name[<TAB>alias|alias]")
        aliases = tuple(a for a in fields[2].split("|") if a) if len(fields) > 2 else ()
        entries.append(Entry(fields[0], fields[1], (fields[1], *aliases)))
    return tuple(entries)


@lru_cache(maxsize=4)
def label_index(path: Path = GAZETTEER_PATH) -> dict[str, str]:
    """alias_key of every known surface -> label."""
    return {alias_key(surface): e.label for e in load_entries(path) for surface in e.surfaces}


@lru_cache(maxsize=100_000)
def lookup(surface: str) -> str | None:
    index = label_index()
    return index.get(alias_key(surface)) or index.get(canonical(surface))


_DIGITS = re.compile(r"\d+")
_SCORE_SUFFIX = re.compile(r"[-\s]+scores?$", re.I)
_WORDS = re.compile(r"[^\W_]+")


def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def _abbreviates(short: str, long: str) -> bool:
    """"FID" / "Frechet Inception Distance", "CNN" / "ConvNet": a mostly
    upper-case short form whose characters appear in order in the long form,
    starting with its first, and which is not simply part of it (BERT and
    BioBERT, PaLM and PaLM-E are different things)."""
    letters = [c for c in short if c.isalpha()]
    if " " in short or len(short) > 8 or len(short) >= len(long) or sum(c.isupper() for c in letters) * 2 < len(letters):
        return False
    chars, target = _letters(short), _letters(long)
    if not chars or not target or chars[0] != target[0] or chars in target:
        return False
    pos = 0
    for c in chars:
        pos = target.find(c, pos) + 1
        if pos == 0:
            return False
    return True


def _word_prefixes(a: str, b: str) -> bool:
    """"math reasoning" / "mathematical reasoning": several words, some
    shared, and each word of one a prefix of the other's."""
    wa, wb = _WORDS.findall(a.lower()), _WORDS.findall(b.lower())
    return len(wa) == len(wb) > 1 and any(x == y for x, y in zip(wa, wb)) and all(x.startswith(y) or y.startswith(x) for x, y in zip(wa, wb))


def is_synonym(name: str, alias: str) -> bool:
    """An alias that names the same thing as the entry (FID = Frechet
    Inception Distance, math reasoning = mathematical reasoning, language
    modelling = language modeling), not a version or variant of it (GPT-4,
    Llama 2, ChatGPT, SDXL, self-attention): same digits, and an acronym,
    word-prefix abbreviation or spelling variant of the name."""
    from rapidfuzz import fuzz

    name_key, key = alias_key(name), alias_key(alias)
    if key == name_key or _DIGITS.findall(key) != _DIGITS.findall(name_key):
        return False
    return (
        _abbreviates(alias, name) or _abbreviates(name, alias) or _word_prefixes(name, alias)
        or (name_key not in key and key not in name_key and fuzz.ratio(key, name_key) >= 90)
    )


@lru_cache(maxsize=4)
def canonical_index(path: Path = GAZETTEER_PATH) -> dict[str, str]:
    """alias_key of a synonym surface -> alias_key of the entry's name."""
    index = {}
    for entry in load_entries(path):
        for surface in entry.surfaces[1:]:
            if is_synonym(entry.name, surface):
                index[alias_key(surface)] = alias_key(entry.name)
    return index


def redefines(long_form: str, short: str) -> bool:
    """The text defines a known short form as something else: "probabilistic
    programming languages (PPLs)" where the gazetteer's PPL is perplexity."""
    short_key = canonical(short)
    return short_key != alias_key(short) and canonical(long_form) != short_key


def definition_key(long_form: str, short: str) -> str:
    """The key of a "Long Form (LF)" pair: the gazetteer's when it knows
    either form for this meaning (FID, MBPP), else the long form's."""
    long_key, short_key = canonical(long_form), canonical(short)
    if long_key == short_key or (not redefines(long_form, short) and lookup(short)):
        return short_key
    return long_key


@lru_cache(maxsize=100_000)
def canonical(surface: str) -> str:
    """The key a surface is stored under: its gazetteer entry's name for a
    known synonym, else its own alias_key."""
    key = alias_key(surface)
    if key in canonical_index():
        return canonical_index()[key]
    base = _SCORE_SUFFIX.sub("", surface)
    if base != surface and label_index().get(alias_key(base)) == "METRIC":
        return canonical(base)  # "BLEU score" -> BLEU, "F1-score" -> F1
    return key


def _case_free(surface: str) -> bool:
    return len(surface) >= CASE_FREE_MIN_LENGTH and not surface.isupper()


@Language.factory("paperkg_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> "GazetteerComponent":
    return GazetteerComponent(nlp)


class GazetteerComponent:
    def __init__(self, nlp: Language):
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        for entry in load_entries():
            for surface in entry.surfaces:
                matcher = self.lower if _case_free(surface) else self.exact
                text = surface.lower() if matcher is self.lower else surface
                matcher.add(entry.label, [nlp.make_doc(text)])

    def __call__(self, doc: Doc) -> Doc:
        spans = [*self.exact(doc, as_spans=True), *self.lower(doc, as_spans=True)]
        place_spans(doc, spans, override=True)
        return doc
