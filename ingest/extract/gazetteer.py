"""The curated gazetteer (`data/gazetteer.tsv`): known names and their label,
matched in the text as a spaCy component that overrides the model's label."""
from __future__ import annotations

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


def lookup(surface: str) -> str | None:
    return label_index().get(alias_key(surface))


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
