"""Line breaks end sentences: a title line ("EControl: Fast Distributed
Optimization") must not run into the abstract's first sentence, which the
punctuation-only sentencizer would do."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("paperkg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
