"""Mark what a text introduces: the first entity after "we propose /
introduce / present ..." in the same sentence, an entity opening a
"Name: subtitle" title, and "X, a novel ..." at the start of a sentence."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ingest.extract.doc_state import mark_proposed, token_texts

_PROPOSE_VERB = re.compile(
    r"^(propos|introduc|present|develop|design|releas|construct|curat|creat|build|buil|devis|establish|"
    r"contribut|formulat|offer|put)\w*$", re.I
)
MAX_DISTANCE = 12  # tokens between the verb and the entity it introduces
_NOVELTY = {"novel", "new", "first"}


@Language.component("paperkg_proposals")
def proposals(doc: Doc) -> Doc:
    ents = list(doc.ents)
    for ent in ents:
        # "EF21-P: ..." as the first words of a title.
        if ent.start == 0 and ent.end < len(doc) and doc[ent.end].text == ":":
            mark_proposed(doc, ent.start_char)
        # "X, a novel method ..." opening a sentence.
        sent_start = ent.start == 0 or bool(doc[ent.start].is_sent_start)
        follow = doc[ent.end : ent.end + 4]
        if sent_start and len(follow) >= 3 and follow[0].text == "," and follow[1].lower_ in ("a", "an") and follow[2].lower_ in _NOVELTY:
            mark_proposed(doc, ent.start_char)
    for i, text in enumerate(token_texts(doc)):
        if i == 0 or not _PROPOSE_VERB.match(text):
            continue
        token = doc[i]
        subject = doc[max(token.sent.start, token.i - 4) : token.i]
        if not any(t.lower_ in ("we", "paper", "work", "this", "here") for t in subject):
            continue
        following = [e for e in ents if token.i < e.start <= token.i + MAX_DISTANCE and e.sent.start == token.sent.start]
        if following:
            mark_proposed(doc, following[0].start_char)
    return doc
