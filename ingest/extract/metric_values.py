"""Metrics where a value is reported, which the NER often misses: "an FID of
2.1", "a gFID score of 1.7", "Dice Similarity Coefficient (DSC) of 81.2%",
and the "@k" forms "pass@1", "mAP@50", "Hits@10", "NDCG@10", "R@1".

"<name> of <number>" needs a result verb earlier in the sentence (achieves,
obtains, reports ...) and a name that looks like a measure, so "a learning
rate of 0.001" or "a total of 100" are left alone. A METRIC the text starts
with "top-k" is extended over it ("top-5 error"). A kind of error or latency
named by the words before it is a measure with or without a value
("reconstruction error", "mean angular error")."""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.extract.doc_state import held_tokens, place_spans, span_text, token_lowers, token_texts
from ingest.extract.name_runs import strongly_named
from ingest.extract.sanity import measure_like

_AT_K = re.compile(r"^[A-Za-z][A-Za-z0-9\-]*@(?:\d+|[kKnN])$")
_TOP_K = re.compile(r"^[Tt]op-?\d+$")
_NUMBER = re.compile(r"^[+\-−]?\d+(?:[.,]\d+)*%?$|^[+\-−]?\.\d+%?$")
_ARTICLES = {"a", "an", "the"}
# Measures named by a kind of error or latency, which the model misses: an
# annotator outside the team marked "approximation error", "training error"
# and "inference latency" in 40 seed abstracts (bench_seed_recall). Not
# "footprint" or "cost": what every method costs is no measure without a
# value (`normalize._PROPERTY_HEAD`).
_PHRASE_HEADS = {"error", "latency"}
_MODIFIER = re.compile(r"^[a-z][a-z\-]+$")
_NOT_NOUN = re.compile(r"(?:ing|ed|ly|(?<![su])s)$")  # verbs, participles, adverbs; "bias", "axis", "class" stay
# Words before "error" that say how much or whose, not which measure.
_NOT_MODIFIERS = {
    # amounts and kinds of source
    "low", "lower", "lowest", "high", "higher", "highest", "small", "smaller", "large", "larger", "same", "similar",
    "little", "significant", "minimal", "zero", "constant", "best", "thorough", "qualitative", "manual", "human",
    "factual", "runtime", "cm", "mm",
    # verbs whose object the error is
    "minimize", "reduce", "predict", "estimate", "correct", "measure", "compute", "control", "bound", "propagate",
    "accumulate", "introduce", "cause", "avoid", "consider", "integrate", "prove", "identify",
}
# What may follow a reported value besides punctuation and function words.
_UNITS = {"%", "percent", "points", "point", "pp", "db", "ms", "s", "x", "×", "bits", "bpd", "bpc", "fps", "mm", "cm", "px"}
# A value that opens a token: "0.025$\pm$0.019", "84.2%".
_NUMBER_FIRST = re.compile(r"^[+\-−]?\d+(?:[.,]\d+)*(?![\w.,])")
# Words for a change measured in something ("a decrease in MAE").
_CHANGES = {"decrease", "reduction", "increase", "improvement", "drop", "gain", "rise", "fall"}
_RESULT_VERB = re.compile(
    r"^(achiev|obtain|attain|reach|yield|report|record|scor|deliver|get|got|has|have|had|improv|reduc|boost|"
    r"increas|rais|lower|surpass|outperform|set|sets|establish|show|demonstrat|result)", re.I)


@Language.factory(
    "paperkg_metric_values",
    assigns=["doc.ents"],
    requires=["doc.ents", "doc.sents"],
    default_config={"max_name_tokens": 4, "verb_window": 8},
)
def make_metric_values(nlp: Language, name: str, max_name_tokens: int, verb_window: int) -> "MetricValues":
    return MetricValues(max_name_tokens, verb_window)


class MetricValues:
    def __init__(self, max_name_tokens: int, verb_window: int):
        self.max_name_tokens = max_name_tokens
        self.verb_window = verb_window  # tokens before the measure searched for a result verb

    def __call__(self, doc: Doc) -> Doc:
        texts = token_texts(doc)
        new, relabel = [], []
        by_end = {ent.end: ent for ent in doc.ents}
        for i, text in enumerate(texts):
            if "@" in text and _AT_K.match(text):
                new.append(Span(doc, i, i + 1, label="METRIC"))
            elif text == "of" and self._value_follows(doc, i + 1):
                name = self._name_before(doc, i, by_end)
                if name is not None and self._result_sentence(doc, name.start):
                    (relabel if name.end in by_end and by_end[name.end].start == name.start else new).append(name)
        new += self._error_phrases(doc)
        relabel += self._measures_read_as_methods(doc)
        for ent in doc.ents:
            if ent.label_ == "METRIC" and ent.start > 0 and _TOP_K.match(texts[ent.start - 1]):
                relabel.append(Span(doc, ent.start - 1, ent.end, label="METRIC"))
        place_spans(doc, new, override=False)
        place_spans(doc, relabel, override=True)
        return doc

    def _measures_read_as_methods(self, doc: Doc) -> list[Span]:
        """An acronym that names a measure and a method ("MAE": mean absolute
        error, and the curated masked autoencoder) is the measure where a
        value goes with it ("MAE = 489", "the MAE to 0.42", "an MAE of 3.1")
        or a measure stands beside it ("30.3% in MAE and 37.2% in RMSE"): on
        the 10k graph, MAE's Method node gathered mean absolute errors from
        such sentences (session 30's outside sample)."""
        texts, lowers = token_texts(doc), token_lowers(doc)
        by_start = {ent.start: ent for ent in doc.ents}
        by_end = {ent.end: ent for ent in doc.ents}
        spans = []
        for ent in doc.ents:
            if ent.label_ != "METHOD" or len(ent) != 1 or not texts[ent.start].isupper() or not measure_like(texts[ent.start]):
                continue
            after = ent.end
            while after < len(doc) and lowers[after] in ("=", ":", "to", "of", "is", "was", "("):
                after += 1
            # "MAE = 489", "MAE: 4.1 years", "low MAE (0.025)": a number set off so is its value, unit or not.
            set_off = not {"=", ":", "("}.isdisjoint(lowers[ent.end:after])
            equals = set_off and after < len(doc) and bool(_NUMBER_FIRST.match(texts[after]))
            # "by -3.14 MAE on SHA": a signed or decimal value just before.
            before = texts[ent.start - 1] if ent.start > 0 else ""
            signed = bool(_NUMBER.match(before)) and not before.isdigit()
            valued = equals or signed or after > ent.end and self._value_follows(doc, after) \
                or self._changed_in(doc, ent.start)
            joined = ent.end < len(doc) and lowers[ent.end] in (",", "and", "or") or ent.start > 0 and lowers[ent.start - 1] in (",", "and", "or")
            near = [by_start.get(i) for i in range(ent.end + 1, ent.end + 6)] + [by_end.get(i) for i in range(ent.start - 5, ent.start)]
            listed = joined and any(o is not None and o.label_ == "METRIC" for o in near)
            if valued or listed:
                spans.append(Span(doc, ent.start, ent.end, label="METRIC"))
        return spans

    @staticmethod
    def _changed_in(doc: Doc, start: int) -> bool:
        """A change measured in the name before it: "by 30.3% in MAE", "a 0.059
        decrease in MAE", "reductions in MAE"."""
        lowers = token_lowers(doc)
        if start < 2 or lowers[start - 1] != "in":
            return False
        return any(_NUMBER.match(word) or word == "%" or word.rstrip("s") in _CHANGES
                   for word in lowers[max(0, start - 4) : start - 1])

    @staticmethod
    def _error_phrases(doc: Doc) -> list[Span]:
        """A measure named by its kind of error or latency: "reconstruction
        error", "mean angular error", "inference latency". The head ends the
        phrase ("error estimates" is no measure), and the one or two words
        before it are nouns or adjectives of a measure, not verbs
        ("minimizing error"), adverbs or another compound's tail
        ("state-of-the-art")."""
        texts, lowers = token_texts(doc), token_lowers(doc)
        if _PHRASE_HEADS.isdisjoint(lowers):
            return []  # most abstracts: no entity map to build
        taken = held_tokens(doc)
        spans = []
        for i, lower in enumerate(lowers):
            if lower not in _PHRASE_HEADS or taken[i] or i == 0:
                continue
            if i + 1 < len(lowers) and _MODIFIER.match(texts[i + 1]) and not doc.vocab[lowers[i + 1]].is_stop:
                continue  # "error estimates", "error reduction": the head is further on
            start = i
            while start > 0 and i - start < 2 and not taken[start - 1] and _MODIFIER.match(texts[start - 1]) \
                    and not _NOT_NOUN.search(lowers[start - 1]) \
                    and not doc.vocab[lowers[start - 1]].is_stop and lowers[start - 1] not in _NOT_MODIFIERS:
                start -= 1
            if start == i or start > 0 and texts[start - 1] in ("-", "–"):
                continue  # no modifier, or the tail of "state-of-the-art"
            spans.append(Span(doc, start, i + 1, label="METRIC"))
        return spans

    @staticmethod
    def _value_follows(doc: Doc, i: int) -> bool:
        """A number that is a value, not a count: "of 85.4%", "of 2.1 on",
        "of 0.84." but not "of 6 Chinese punctuation marks"."""
        texts, lowers = token_texts(doc), token_lowers(doc)
        if i >= len(texts) or not _NUMBER.match(texts[i]):
            return False
        if i + 1 == len(texts):
            return True
        follower = lowers[i + 1]
        return follower in _UNITS or not any(c.isalnum() for c in follower) or doc.vocab[follower].is_stop

    def _result_sentence(self, doc: Doc, i: int) -> bool:
        """A result verb shortly before the measure: "achieves a gFID of"."""
        texts = token_texts(doc)
        start = max(doc[i].sent.start, i - self.verb_window)
        return any(_RESULT_VERB.match(t) for t in texts[start:i])

    def _name_before(self, doc: Doc, of_index: int, by_end: dict[int, Span]) -> Span | None:
        """The measure named right before "of": an entity ending there, an
        acronym after its long form ("... (DSC) of"), or the words back to
        the determiner ("a usability rate of", "a gFID score of")."""
        texts, lowers = token_texts(doc), token_lowers(doc)
        end = of_index
        if end >= 3 and texts[end - 1] == ")" and texts[end - 3] == "(":
            end -= 1  # "Dice Similarity Coefficient (DSC) of": the acronym
            start = end - 1
        elif end in by_end:
            ent = by_end[end]
            start = ent.start
        else:
            start = end
            while start > doc[of_index].sent.start and end - start < self.max_name_tokens:
                word = lowers[start - 1]
                if word in _ARTICLES or not any(c.isalnum() for c in word) or _NUMBER.match(word):
                    break
                start -= 1
            if start == end or lowers[start - 1] not in _ARTICLES:
                return None  # "a ... of": the measure has an article before it
        span = Span(doc, start, end, label="METRIC")
        text = span_text(span)
        if not measure_like(text) and not (end - start == 1 and strongly_named([text]) and text.isalpha()):
            return None
        return span
