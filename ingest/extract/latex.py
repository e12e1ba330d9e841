"""LaTeX accents as the letters they make, for the model: arXiv abstracts
write "Fr\\'echet Inception Distance", and the model, which learned
"Fréchet", read "Inception Distance" alone as a method (10 spans of the 10k
sample). The text is left as written; the token's NORM, which the model's
embedding reads, becomes the accented word."""
from __future__ import annotations

import re
import unicodedata

from spacy.language import Language
from spacy.tokens import Doc

_MARKS = {"'": "\u0301", "`": "\u0300", '"': "\u0308", "^": "\u0302", "~": "\u0303", "=": "\u0304", ".": "\u0307"}
ACCENT = re.compile(r"\\([" + re.escape("".join(_MARKS)) + r"])\{?([A-Za-z])\}?")


def accented(text: str) -> str:
    """`text` with each LaTeX accent command replaced by its letter: Fr\\'echet -> Fréchet."""
    if "\\" not in text:
        return text  # most spans: the span rules ask of each one
    return unicodedata.normalize("NFC", ACCENT.sub(lambda m: m.group(2) + _MARKS[m.group(1)], text))


@Language.component("paperkg_latex_accents", assigns=["token.norm"])
def latex_accents(doc: Doc) -> Doc:
    if "\\" in doc.text:
        for token in doc:
            if "\\" in token.text and ACCENT.search(token.text):
                token.norm_ = accented(token.text).lower()
    return doc
