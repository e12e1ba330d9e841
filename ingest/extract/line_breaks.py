"""Line breaks end sentences: a title line ("EControl: Fast Distributed
Optimization") must not run into the abstract's first sentence, which the
punctuation-only sentencizer would do."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ingest.extract.doc_state import token_texts


@Language.component("paperkg_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    texts = token_texts(doc)
    for i in range(len(texts) - 1):
        text = texts[i]
        if "\n" in text and text.isspace():
            doc[i + 1].is_sent_start = True
    return doc
