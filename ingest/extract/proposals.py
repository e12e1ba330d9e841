"""Mark what a text introduces: the first entity after "we propose /
introduce / present ..." in the same sentence, an entity opening a
"Name: subtitle" title, and "X, a novel ..." at the start of a sentence."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ingest.extract.doc_state import is_sentence_start, mark_proposed, sentence_start, token_lowers, token_texts
from ingest.extract.vocab import PROPOSING_VERB_STEMS

_PROPOSE_VERB = re.compile(rf"^(?:{'|'.join(PROPOSING_VERB_STEMS)}|put)\w*$", re.I)
MAX_DISTANCE = 12  # tokens between the verb and the entity it introduces
_NOVELTY = {"novel", "new", "first"}


@Language.component("paperkg_proposals")
def proposals(doc: Doc) -> Doc:
    texts, lowers = token_texts(doc), token_lowers(doc)
    ents = list(doc.ents)
    for ent in ents:
        # "EF21-P: ..." as the first words of a title.
        if ent.start == 0 and ent.end < len(texts) and texts[ent.end] == ":":
            mark_proposed(doc, ent.start_char)
        # "X, a novel method ..." opening a sentence.
        follow = ent.end
        if is_sentence_start(doc, ent.start) and follow + 3 <= len(texts) and texts[follow] == "," \
                and lowers[follow + 1] in ("a", "an") and lowers[follow + 2] in _NOVELTY:
            mark_proposed(doc, ent.start_char)
    for i, text in enumerate(texts):
        if i == 0 or not _PROPOSE_VERB.match(text):
            continue
        sent_start = sentence_start(doc, i)
        if not any(lower in ("we", "paper", "work", "this", "here") for lower in lowers[max(sent_start, i - 4) : i]):
            continue
        following = [e for e in ents if i < e.start <= i + MAX_DISTANCE and sentence_start(doc, e.start) == sent_start]
        if following:
            mark_proposed(doc, following[0].start_char)
    return doc
