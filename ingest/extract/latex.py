"""LaTeX accents as the letters they make, for the model: arXiv abstracts
write "Fr\\'echet Inception Distance", and the model, which learned
"Fréchet", read "Inception Distance" alone as a method (10 spans of the 10k
sample). The records' text is rewritten before extraction (`ingest.text`);
this is for text given to the extractor as written (the gold corpora,
`paperkg eval`): the text is left as it is, and the token's NORM, which the
model's embedding reads, becomes the accented word."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ingest.text import accented


@Language.component("paperkg_latex_accents", assigns=["token.norm"])
def latex_accents(doc: Doc) -> Doc:
    if "\\" in doc.text:
        for token in doc:
            rewritten = accented(token.text)
            if rewritten != token.text:
                token.norm_ = rewritten.lower()
    return doc
