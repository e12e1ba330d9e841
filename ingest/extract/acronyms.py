"""Acronym definitions: "Segment Anything Model (SAM)" yields both spans with
one label, records the pair as aliases, and labels later uses of "SAM".

The long form is found by the Schwartz & Hearst (2003) letter-matching
algorithm, preferring an entity that ends right before the parenthesis
(trimmed to the letters' start when its extra words are not part of the
name, see `not_part_of_long_form`)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest import kb
from ingest.extract import gazetteer
from ingest.extract.doc_state import (DATASET_GROUP, alias_pairs, doc_text, doc_title, merge_spans, other_senses,
                                      token_texts, work_keys)
from ingest.extract.vocab import BENCHMARK_HEADS, LABEL_BY_HEAD, LINKING_WORDS, METHOD_HEADS, RESOURCE_HEADS
from ingest.normalize import alias_key, digit_word, initials, spells_initials

_ACRONYM = re.compile(r"^(?=[^a-z]*[A-Z][^a-z]*[A-Z0-9]|[A-Z][a-z]*[A-Z])[A-Za-z][A-Za-z0-9\-+.&]{1,11}$")
MAX_EXTRA_WORDS = 5
_CLOSING_QUOTES = {"”", "’", '"', "'", "''"}
# Verbs by which a paper makes or names its own work (`_made_here`).
_MADE = re.compile(r"\b(?:introduc|propos|present|develop|design|build|built|releas|term|call|nam|dub)\w*\b", re.I)
# In a long form no entity holds: a bracket, a clause's punctuation, a lower-case word after a comma ("Extract, Match, and Score" is a name).
_NOT_A_NAME = re.compile(r"[()\[\];:]|\s-\s|,\s*(?!(?:and|or)\b)[a-z]")


def long_form_start(doc: Doc, acronym: str, end: int) -> int | None:
    """Token index where the long form ending at `end` starts (S&H)."""
    short = acronym[:-1] if acronym.endswith("s") and acronym[:-1].isupper() else acronym
    letters = list(spoken_letters(short))
    if not letters:
        return None
    window_start = max(0, end - min(len(letters) + MAX_EXTRA_WORDS, 2 * len(letters)) - 2)
    while window_start < end and doc[window_start].is_sent_start is False and any(
        t.is_sent_start for t in doc[window_start + 1 : end]
    ):
        window_start += 1
    text = doc[window_start:end].text
    base = doc[window_start].idx
    s, pos = len(letters) - 1, len(text) - 1
    while s >= 0:
        while pos >= 0 and (text[pos].lower() != letters[s] or (s == 0 and pos > 0 and text[pos - 1].isalnum())):
            pos -= 1
        if pos < 0:
            return None
        pos -= 1
        s -= 1
    char = base + pos + 1
    for token in doc[window_start:end]:
        if token.idx <= char < token.idx + len(token.text):
            return token.i
    return None


def spoken_letters(acronym: str) -> str:
    """The acronym's letters in lower case, a digit between letters read as
    the first letter of the word it stands for ("T2I": "tti", Text-to-Image;
    `normalize.digit_word`)."""
    chars = [c.lower() for c in acronym if c.isalnum()]
    return "".join((digit_word(chars, i) or c)[0] for i, c in enumerate(chars))


def compound_start(texts: list[str], start: int) -> int:
    """A long form never starts inside a hyphenated word: the letters of
    "semi-supervised learning (SSL)" match from "supervised", but the long
    form is the whole compound."""
    while start >= 2 and texts[start - 1] == "-" and texts[start - 2][-1:].isalnum():
        start -= 2
    if (start >= 1 and texts[start] in _FUNCTION_WORDS and texts[start - 1][:1].isupper()
            and texts[start - 1][:1].lower() == texts[start][:1]):
        # Nor at a small word inside a name: the letters of "Abstraction
        # and Reasoning Corpus (ARC)" match from "and" (ARC held "and
        # Reasoning Corpus" as a name on the 40k graph).
        start -= 1
    return start


_FUNCTION_WORDS = LINKING_WORDS | {"the", "a", "an", "over"}


def initials_start(texts: list[str], start: int, end: int, acronym: str) -> int:
    """Where the long form starts when the shortest form with every letter
    (Schwartz & Hearst) is not the one whose words' initials spell the
    acronym, small words left out or not:
    * not at a small word after capitalised ones that the acronym spells
      with the rest: the letters of "Open Access Series of Imaging Studies
      (OASIS)" match from "of" ("of Imaging Studies" was a data set of the
      40k graph);
    * one or two words before, when a letter is doubled: "Radiology Report
      Generation (RRG)" matches both Rs in "Report", "concordance
      correlation coefficient (CCC)" all three Cs in "correlation
      coefficient", "Reasoning-Oriented Reinforcement Learning (RORL)" R, O
      and R in "Reinforcement" (the 40k graph had filed 13 papers' radiology
      report generation under report generation, and a metric of agreement
      under correlation coefficient)."""
    letters = spoken_letters(acronym)
    if len(letters) > 2 and acronym.endswith("s") and acronym[-2:-1].isupper():
        letters = letters[:-1]
    if 0 < start < end and texts[start] in _FUNCTION_WORDS and texts[start - 1][:1].isupper():
        for first in range(start - 1, max(-1, start - len(letters) - 1), -1):
            if not texts[first][:1].isupper():
                break
            if _spelled_by_initials(texts[first:end], letters):
                return first
        return start
    if _spelled_by_initials(texts[start:end], letters):
        return start
    first, words = start, 0
    while first > 0 and words < 2:
        first -= 1
        if texts[first] == "-":
            continue
        if not texts[first][:1].isalpha() or texts[first] in _FUNCTION_WORDS:
            break
        words += 1
        if _spelled_by_initials(texts[first:end], letters):
            return first
    return start


def _spelled_by_initials(texts: list[str], letters: str) -> bool:
    words = [t for t in texts if t[:1].isalnum()]
    return letters in ("".join(w[0].lower() for w in words),
                       "".join(w[0].lower() for w in words if w not in _FUNCTION_WORDS))


def not_part_of_long_form(texts: list[str], start: int, long_form_start: int) -> bool:
    """Whether the words an entity holds before its long form's start (the
    shortest form with every letter of the acronym, Schwartz & Hearst) are
    something else: a verb ("Adapting large language models (LLMs)"), a
    capitalised heading word before a lower-case long form, or a clause
    of three or more words ("a generative model named Stacked GANs (SGAN)").
    One or two lower-case modifiers ("deep recurrent neural network (RNN)",
    "fully connected feed-forward network (FFN)") stay: papers and
    annotators treat them as part of the name."""
    extra = [t for t in texts[start:long_form_start] if t != "-"]
    first_of_long_form = texts[long_form_start]
    return (
        len(extra) >= 3
        or extra[0].lower().endswith("ing")
        or extra[0][:1].isupper() and first_of_long_form[:1].islower()
    )


def _holds_long_form(entity: Span | None, start: int) -> bool:
    """Whether the entity before the parenthesis can stand as the long form:
    it starts where the letters do. "Diffusion Transformers (DiTs)" with the
    NER's span on "Transformers" alone must not make "Transformers" an alias
    of DiT: every Transformer in the corpus would follow it. Nor may a span
    one word short that starts with the acronym's first letter too: "Error
    Rate" inside "Equal Error Rate (EER)" (11 papers of the 40k graph filed
    equal error rate under error rate), "Vision Transformer" inside "Video
    Vision Transformer (ViViT)", "Conditional Random Fields" inside
    "Convolutional Conditional Random Fields (ConvCRF)"."""
    return entity is not None and entity.start <= start


def spelled_part(long_form: str, acronym: str) -> str:
    """The last words of a long form whose initials the acronym spells on
    their own, else the whole: "knowledge graphs" of "structured knowledge
    graphs (KGs)", "Moment Retrieval" of "Video Moment Retrieval (MR)",
    "test-time adaptation" of "fully test-time adaptation (TTA)". The words
    before are a kind or a setting of what the letters name: the span keeps
    them (annotators mark them, see `not_part_of_long_form`), the entity's key
    does not. Keyed whole, each such definition was an entity of its own
    beside the acronym's, told apart only by a qualifier: on the 40k graph
    "KG (structured knowledge graphs)" (13 papers) beside KG (215), "FM
    (pretrained foundation models)" (12) beside FM (130). Not a name the
    field knows whole ("person re-identification (ReID)", "image
    super-resolution (SR)"), nor a kind the field writes with the acronym
    ("medical question answering (QA)" is "medical QA", `gazetteer.canonical`),
    nor past a dimension ("3D human pose estimation (HPE)" is not human pose
    estimation): on the 10k graph those had sent person re-identification's
    papers to a bare re-identification."""
    singular = acronym[:-1] if len(acronym) > 2 and acronym.endswith("s") and acronym[-2].isupper() else acronym
    if gazetteer.lookup(long_form) or initials(long_form) == singular.lower():
        # Every word's initial spelled: "Active Domain Adaptation (ADA)" names
        # the whole, though "ADA" spells the first letters of "ADAptation"
        # (10 papers of the 40k graph had sent bare "adaptation" to active
        # domain adaptation's node).
        return long_form
    part = spelled_tail(long_form, acronym)
    if part is None:
        return long_form
    kind = " ".join((long_form[: -len(part)].rstrip(), acronym))
    return long_form if gazetteer.canonical(kind) == gazetteer.canonical(long_form) else part


def spelled_tail(long_form: str, acronym: str) -> str | None:
    """The shortest last words of a long form, fewer than all, whose initials
    the acronym spells: "question answering" of "multi-hop question
    answering (QA)". Not past a dimension ("3D human pose estimation")."""
    words = long_form.split(" ")
    for start in range(len(words) - 1, 0, -1):
        if any(c.isdigit() for c in words[start - 1]):
            return None
        part = " ".join(words[start:])
        if spells_initials(acronym, part):
            return part
    return None


def _number_forms(acronym: str) -> tuple[str, ...]:
    """An acronym and its other number: "PPLs" and "PPL", "LLM" and "LLMs"."""
    if acronym.endswith("s") and acronym[:-1].isupper() and len(acronym) > 2:
        return acronym, acronym[:-1]
    return (acronym, acronym + "s") if acronym.isupper() else (acronym,)


def _written_forms(doc: Doc, acronym: str, written: set[str]) -> list[str]:
    """The acronym's numbers the text writes ("PPLs" defined, "PPL support" used)."""
    return [f for f in _number_forms(acronym) if f == acronym or f in written or "-" in f and f in doc_text(doc)]


def _define(doc: Doc, definitions: dict[str, str], written: set[str], long_form: str, acronym: str, label: str) -> None:
    """Record `acronym` as defined by `long_form`: its later uses take
    `label`, and the pair is the paper's alias. "PPLs" defined, "PPL
    support" used: the other number joins the definition where the text has it."""
    for form in _written_forms(doc, acronym, written):
        definitions[form] = label
        alias_pairs(doc).append((long_form, form))


def _label_of_words(ents: list[Span], acronym: str, long_form: Span, paren: int, opening: int) -> str | None:
    """The label of a definition (opening at token `opening`, its parenthesis
    at `paren`) whose spans the model left unlabelled: the gazetteer's for
    the acronym, the long form's name or head, else the text's reading where
    the paper makes the thing it names (`_reading`, `_made_here`)."""
    return (gazetteer.lookup(acronym) or _guess_label(long_form)
            or (_reading(ents, acronym, paren) if _made_here(long_form, opening) else None))


def _guess_label(long_form: Span) -> str | None:
    return gazetteer.lookup(long_form.text) or LABEL_BY_HEAD.get(long_form[-1].lower_)


def _made_here(long_form: Span, opening: int) -> bool:
    """The paper makes the thing a definition opening at token `opening`
    names: a verb of making or naming comes before it in its sentence ("we introduce the
    Dynamic Passage Selector (DPS)", "a method termed ..."), and the words
    are a name (`_name_shaped`). The text's reading of such
    letters names the paper's work; a definition of the field's words
    ("Freezing of Gait (FoG)", "the National Institutes of Health (NIH)",
    "out-of-distribution (OOD)") brought things of other kinds into the
    graph of a build that read every definition so (session 55)."""
    doc = long_form.doc
    return _name_shaped(long_form) and bool(_MADE.search(doc[doc[opening].sent.start : opening].text))


def _name_shaped(words: Span) -> bool:
    """Each word but small ones and a hyphen's second part is capitalised,
    and not only the one a sentence opens with."""
    doc = words.doc
    named = [t for t in words if t.text[:1].isalpha() and t.lower_ not in _FUNCTION_WORDS]
    after_hyphen = [t.i > words.start and doc[t.i - 1].text == "-" for t in named]
    capitals = [t.text[:1].isupper() for t in named]
    return bool(named) and all(capital or hyphen for capital, hyphen in zip(capitals, after_hyphen)) and any(
        capital and not t.is_sent_start for t, capital in zip(named, capitals))


def _first_words_read(ents: list[Span], long_form: Span) -> Span | None:
    """The model's span on a name's first words only, cut at a small word:
    "Post-Correction" of "Post-Correction via Overcorrection (PoCO)",
    "Contrastive Alignment" of "Contrastive Alignment with Semantic Gap
    Estimation (CASGE)". The name is the whole long form, read with that
    span's label; cut, the span was an entity of its own (a bare
    post-correction) and the letters none."""
    if not _name_shaped(long_form):
        return None
    return next((e for e in ents if e.start == long_form.start and e.end < long_form.end
                 and long_form.doc[e.end].lower_ in _FUNCTION_WORDS), None)


def _reading(ents: list[Span], acronym: str, paren: int) -> str | None:
    """How the model reads a definition no name or head labels: the label of
    the span that holds it whole, across its parenthesis at token `paren`
    ("termed Sequential Difference Maximization (SDM)"), else of the
    acronym's other uses in the text ("we introduce the Dynamic Passage
    Selector (DPS) ... DPS is fine-tuned"). Such definitions had been
    skipped, and the bare uses joined whatever else the letters name: on the
    40k graph the selector's paper sat in diffusion posterior sampling, and
    the maximization's in semantic divergence metrics."""
    holding = next((e.label_ for e in ents if e.start < paren < e.end), None)
    forms = set(_number_forms(acronym))
    readings = Counter(e.label_ for e in ents if e.text in forms)
    return holding or next((label for label, _ in readings.most_common(1)), None)


@Language.component("paperkg_acronyms")
def acronyms(doc: Doc) -> Doc:
    definitions: dict[str, str] = {}
    new_spans = []
    ents = list(doc.ents)
    by_end = {ent.end: ent for ent in ents}
    by_start = {ent.start: ent for ent in ents}
    texts = token_texts(doc)
    written = set(texts)
    for i in range(1, len(doc) - 2):
        close = _acronym_close(doc, texts, i)
        if close is None:
            continue
        acronym = doc[i + 1 : close].text
        # "so-called “Large Reasoning Models” (LRMs)": the long form ends before its closing quote.
        end = i - 1 if texts[i - 1] in _CLOSING_QUOTES else i
        start = long_form_start(doc, acronym, end)
        if start is None or start >= end:
            continue
        entity_before = by_end.get(end) or by_end.get(i)
        combined = by_end.get(close + 1)
        if entity_before is None and combined is not None and combined.start < i and (
            gazetteer.lookup(acronym) or gazetteer.lookup(doc[combined.start : i].text)
        ):
            # The NER took a known name's definition, "Big-Bench Hard (BBH)",
            # as one span: split it into the long form and the acronym like
            # any other definition. (Unknown ones stay whole: TDMSci marks
            # "Long Form (LF)" as one span and loses 1.4 F1 when all are split.)
            entity_before = Span(doc, combined.start, end, label=combined.label_)
            ents.remove(combined)
        start = initials_start(texts, compound_start(texts, start), end, acronym)
        if entity_before is not None:
            # Trimmed to the letters' start when its extra words are no part of the name, and to `end`.
            cut = entity_before.start < start and not_part_of_long_form(texts, entity_before.start, start)
            bounds = (start if cut else entity_before.start, end)
            if bounds != (entity_before.start, entity_before.end):
                if entity_before in ents:
                    ents.remove(entity_before)
                entity_before = Span(doc, *bounds, label=entity_before.label_)
        long_form = entity_before if _holds_long_form(entity_before, start) else Span(doc, start, end)
        if entity_before is None and _NOT_A_NAME.search(long_form.text):
            # Letters matched across a clause ("eliminate the issue of noise
            # accumulation, we propose a novel Progressive Curriculum Labeling
            # (ElimPCL)") or a bracket ("AI (and ML)/Generative AI (GAI)") name nothing.
            continue
        acronym_ent = by_start.get(i + 1)
        first_words = _first_words_read(ents, long_form) if entity_before is None else None
        if first_words is not None:
            ents.remove(first_words)
        label = (
            (entity_before.label_ if entity_before is not None else None)
            or (first_words.label_ if first_words is not None else None)
            or (acronym_ent.label_ if acronym_ent is not None else None)
            or _label_of_words(ents, acronym, long_form, i, long_form.start)
        )
        if label is None:
            continue
        if label == "TASK" and close + 1 < len(doc) and texts[close + 1].lower() in RESOURCE_HEADS | BENCHMARK_HEADS \
                and (known := gazetteer.lookup(acronym)) in DATASET_GROUP:
            # "results on Brain Tumor Segmentation (BraTS) datasets": data named
            # by its task's words is the data, and the words the task; joined, the
            # task's node held the BraTS data sets (both judges of seed 102).
            new_spans += [Span(doc, long_form.start, long_form.end, label=label), Span(doc, i + 1, close, label=known)]
            continue
        if (entity_before is not None and entity_before.label_ == "METHOD" and long_form[-1].lower_ in METHOD_HEADS
                and gazetteer.lookup(acronym) in DATASET_GROUP):
            # The model reads the long form as a method, and its head says so:
            # "Grouped Query Attention (GQA)" is not the GQA benchmark. (The
            # model alone also reads "Multi-Genre Natural Language Inference
            # (MultiNLI)" so; a description in lower case is told by its
            # shape: `gazetteer.redefines`.)
            other_senses(doc).append(acronym)
        new_spans += [Span(doc, long_form.start, long_form.end, label=label), Span(doc, i + 1, close, label=label)]
        _define(doc, definitions, written, long_form.text, acronym, label)
    title = _title_definition(doc, texts, ents)
    if title is not None:
        acronym, long_form = title.acronym, title.long_form
        new_spans += [acronym] if title.described else [long_form, acronym]
        for form in _written_forms(doc, acronym.text, written):
            definitions.setdefault(form, acronym.label_)
            if title.described:
                # A description is no long form: no name in the text, and no
                # head for the rules to read ("SPADE: Planning Routes for
                # Aerial Drones" is no device). The work is keyed by the title.
                work_keys(doc).append([form, alias_key(f"{acronym.text} {long_form.text}")])
            else:
                alias_pairs(doc).append((long_form.text, form))
    for acronym_span, long_form in _spelled_out_after(doc, texts):
        acronym = acronym_span.text
        acronym_ent = by_start.get(acronym_span.start)
        label = (
            (acronym_ent.label_ if acronym_ent is not None and acronym_ent.end == acronym_span.end else None)
            or _label_of_words(ents, acronym, long_form, long_form.start - 1, acronym_span.start)
        )
        if label is None or acronym in definitions:
            continue
        new_spans += [Span(doc, acronym_span.start, acronym_span.end, label=label),
                      Span(doc, long_form.start, long_form.end, label=label)]
        _define(doc, definitions, written, long_form.text, acronym, label)
    if not definitions and not new_spans:
        return doc
    ents = merge_spans(ents, new_spans, override=True)
    doc.ents = merge_spans(ents, _uses(doc, texts, written, definitions), override=True)
    return doc


def _spelled_out_after(doc: Doc, texts: list[str]) -> list[tuple[Span, Span]]:
    """(acronym, long form) for each acronym spelled out in the parentheses
    after it, the other order of "Long Form (LF)": "we introduce PRISM
    (Privacy-aware Evaluation of Responses in Sensitive Modalities)",
    "ReZero (Retry-Zero)". 1,413 such definitions in 1,326 of the 40,717
    arXiv abstracts were read as bare letters, which joined whatever else the
    letters name (two works called SGM sat in the score-based generative
    model, FLAIR's in the MRI sequence). The letters must spell the words'
    initials (`spells_initials`), with no more than MAX_EXTRA_WORDS more words
    and no number the letters lack."""
    found = []
    for paren in range(1, len(doc) - 2):
        if texts[paren] != "(" or not doc[paren - 1].whitespace_:
            continue
        start = paren - 1
        while start >= 2 and texts[start - 1] == "-" and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
            start -= 2
        acronym = doc[start:paren]
        close = next((j for j in range(paren + 1, min(len(doc), paren + _MAX_TITLE_LONG_FORM + 2)) if texts[j] in ("(", ")")),
                     None)
        if close is None or texts[close] != ")" or not _ACRONYM.match(acronym.text):
            continue
        long_form = doc[paren + 1 : close]
        words = long_form.text.split()
        if (not long_form.text[:1].isalpha() or _ACRONYM.match(long_form.text) or _NOT_A_NAME.search(long_form.text)
                or len(words) > sum(c.isalnum() for c in acronym.text) + MAX_EXTRA_WORDS
                # members named by their versions: "LLMs (LLaMA-3.3-70B-Instruct and GPT-4o)"
                or any(c.isdigit() for c in long_form.text) and not any(c.isdigit() for c in acronym.text)
                or not spells_initials(acronym.text, long_form.text)):
            continue
        found.append((acronym, long_form))
    return found


_TITLE_ARTICLES = {"A", "An", "The"}
_LOOSE_EXTRA_WORDS = 3
_MAX_TITLE_LONG_FORM = 16  # tokens, hyphens counted


@dataclass(frozen=True)
class TitleDefinition:
    """A title's opening acronym and its long form (one label); `described`
    when the long form is the title's description of the work, not a name."""

    acronym: Span
    long_form: Span
    described: bool = False


def _title_definition(doc: Doc, texts: list[str], ents: list[Span]) -> TitleDefinition | None:
    """A title that opens with an acronym and spells it out: "SSDD:
    Single-Step Diffusion Decoder for ...", "MoTE: Mixture of Ternary Experts
    for ...". 1,233 of the 40,717 arXiv titles do, and most of their
    abstracts never define the acronym again, so it stood bare and joined
    whatever else the letters name (the SSDD ship-detection data set held the
    decoder's paper). Only a strict spelling counts, every capitalised word
    giving the acronym the first letters of its own (`_title_long_form_end`):
    a subtitle is most often a description, and loose letter matching found
    "PERSONA" in "Personalized Whole-Body 3D Avatar". A name the knowledge
    base knows is read more loosely (`_loosely_spelled_end`), and recorded
    as another sense than the known one, as is one the knowledge base says
    another paper introduced, whatever follows it (`kb.introduced_elsewhere`)."""
    colon = 1
    while colon < min(len(texts), _MAX_ACRONYM_TOKENS + 1) and texts[colon] == "-":
        colon += 2
    if colon >= len(texts) or texts[colon] != ":" or any(doc[i].whitespace_ for i in range(colon - 1)):
        return None
    acronym = doc[0:colon]
    if not _ACRONYM.match(acronym.text):
        return None
    start = colon + 1 + (colon + 1 < len(texts) and texts[colon + 1] in _TITLE_ARTICLES)
    end = _title_long_form_end(doc, texts, start, acronym.text)
    known = gazetteer.lookup(acronym.text) is not None
    if end is None and known:
        end = _loosely_spelled_end(doc, texts, start, acronym.text)
    described = False
    if end is None and known and (kb.introduced_elsewhere(acronym.text, doc_title(doc))
                                  or kb.written_otherwise(acronym.text)):
        # A known name the knowledge base says another paper introduced, or
        # one written otherwise (`kb.written_otherwise`), on a title that does
        # not spell it out, is this paper's own work too ("SETR: A Two-Stage
        # Semantic-Enhanced Framework for ...", not the segmentation
        # transformer; "SeedBench: A Multi-task Benchmark for ... Seed
        # Science", not SEED-Bench): keyed by the title's description of it,
        # which is no name in the text (not a span).
        end, described = _description_end(texts, start), True
    if end is None:
        return None
    long_form = doc[start:end]
    if known:
        # A known name a title spells out is the paper's own work ("MIMIC: Multimodal Inversion for Model
        # Interpretation ...", not the clinical database): keyed by its long form (`extractor.find_mentions`).
        other_senses(doc).append(acronym.text)
    # A known name or a resource's head first ("... Reasoning Benchmark"),
    # then how the model reads the acronym through the text, else a method:
    # the work a title names is one, whatever its head ("CoRAG: Collaborative
    # Retrieval-Augmented Generation", "EOOD: Entropy-based
    # Out-of-distribution Detection").
    head = LABEL_BY_HEAD.get(long_form[-1].lower_)
    # (A known name's readings are the knowledge base's label, which the title redefines.)
    readings = Counter() if known else Counter(
        e.label_ for e in ents if e.text == acronym.text or (e.start, e.end) == (start, end))
    label = gazetteer.lookup(long_form.text) or (head if head in DATASET_GROUP else None) or next(
        (reading for reading, _ in readings.most_common(1)), "METHOD")
    return TitleDefinition(Span(doc, 0, colon, label=label), Span(doc, start, end, label=label), described)


def _description_end(texts: list[str], start: int) -> int | None:
    """Where a title's description of its work ends: at the title's end, so
    that the key it gives is the work's alone (cut at its first "for", "SPADE:
    Diffusion for Speech ..." would have been keyed as diffusion)."""
    end = start
    while end < min(len(texts), start + _MAX_TITLE_LONG_FORM) and "\n" not in texts[end]:
        end += 1
    return end if end > start else None


def _title_long_form_end(doc: Doc, texts: list[str], start: int, acronym: str) -> int | None:
    """Where the title's words from `start` spell `acronym` out: each word
    gives the acronym a run of its first letters ("MEMory-Efficient Gaussian
    Splatting" for MemGS), a word after a hyphen or a small word may give
    none ("Mixture Of Ternary Experts" for MoTE, "Mixture of Experts" for
    MoE); capitalised words only, and the next word must not go on with the
    name, though the last letter's word is taken whole across its hyphens
    ("Continual Multimodal Pre-training" for CoMP, "Domain-Adaptive Continual
    Pre-Training" for DACP: cut at "Pre", they were no long form, and DACP's
    bare letters followed whichever sense other papers gave them). A
    plural's "s" may go unspelled ("GANs"), though a capital's "S" is a
    letter first ("MemGS")."""
    letters = [c.lower() for c in acronym if c.isalnum()]
    found = _spelled_from(doc, texts, start, letters)
    if found is None and len(letters) > 2 and acronym[-1] == "s" and acronym[-2].isupper():
        found = _spelled_from(doc, texts, start, letters[:-1])
    return found


def _spelled_from(doc: Doc, texts: list[str], start: int, letters: list[str]) -> int | None:
    limit = min(len(texts), start + _MAX_TITLE_LONG_FORM)

    def match(i: int, at: int) -> int | None:
        if i == len(letters):
            while at + 1 < len(texts) and texts[at] == "-" and not doc[at - 1].whitespace_ and not doc[at].whitespace_:
                at += 2
            return at if _name_ends(texts, at) else None
        if at >= limit or "\n" in texts[at]:
            return None
        word = texts[at]
        if word == "-":
            return match(i, at + 1) if at > start and not doc[at - 1].whitespace_ else None
        glued = at > start and texts[at - 1] == "-"
        small = word in _FUNCTION_WORDS
        if not (word[:1].isupper() or word[:1].isdigit() or glued or small):
            return None
        lower, run = word.lower(), 0
        while run < len(lower) and i + run < len(letters) and lower[run] == letters[i + run]:
            run += 1
            found = match(i + run, at + 1)
            if found is not None:
                return found
        return match(i, at + 1) if glued or small else None

    return match(0, start)


def _loosely_spelled_end(doc: Doc, texts: list[str], start: int, acronym: str) -> int | None:
    """Where the title's words from `start` first spell a known name's
    letters out in the looser way of an abstract's definitions
    (`spells_initials`: "SPICE: A Synergistic, Precise, Iterative, and
    Customizable Image Editing Workflow", "GPS: General Per-Sample
    Prompter"). A paper that titles its work with a name the knowledge base
    already knows (Papers with Code's methods of 2022, the leaderboards' data
    sets) and spells it out names a work of its own: of the 145 arXiv titles
    of 2025 that open with a known name, 25 spell it out so and not
    strictly, every one another work than the known one (SPADE three times,
    MTBench beside MT-Bench), and the paper went to the known entity. Not a
    whole subtitle that happens to hold the letters ("MAP: Mitigating
    Hallucinations in Large Vision-Language Models with Map-Level ..."): at
    most _LOOSE_EXTRA_WORDS words more than the acronym has letters."""
    most_words = sum(c.isalnum() for c in acronym) + _LOOSE_EXTRA_WORDS
    for end in range(start + 1, min(len(texts), start + _MAX_TITLE_LONG_FORM) + 1):
        phrase = doc[start:end].text
        if "\n" in texts[end - 1] or len(phrase.split()) > most_words:
            return None
        if texts[end - 1][:1].isalnum() and texts[end - 1] not in _FUNCTION_WORDS and _name_ends(texts, end) \
                and spells_initials(acronym, phrase):
            return end
    return None


def _name_ends(texts: list[str], at: int) -> bool:
    """Nothing after `at` goes on with a name: the title ends, or a small
    word, a punctuation mark other than a hyphen ("Continual Multimodal
    Pre-training") or a line break comes next."""
    if at >= len(texts):
        return True
    following = texts[at]
    return following in _FUNCTION_WORDS or not following[:1].isalnum() and following != "-"


def _acronym_close(doc: Doc, texts: list[str], i: int) -> int | None:
    """The index of the ")" closing an acronym opened at token `i` ("(SAM)"),
    else None. The tokenizer cuts a hyphenated acronym at its hyphens:
    "(NR-IQA)", "(VQ-VAE)", "(CD-FSS)", "(TF-IDF)" (2,138 of the 40,717
    arXiv abstracts write one) were never read as definitions; and before a
    unit's letter: "(L2M)" is "L2" and "M"."""
    if texts[i] != "(":
        return None
    close = i + 2
    while close < len(doc) and close - i <= _MAX_ACRONYM_TOKENS and texts[close] != ")" \
            and not doc[close - 1].whitespace_:
        close += 1
    if close >= len(doc) or texts[close] != ")" or not _ACRONYM.match(doc[i + 1 : close].text):
        return None
    return close


_MAX_ACRONYM_TOKENS = 7  # "(A-B-C-D)"


def _uses(doc: Doc, texts: list[str], written: set[str], definitions: dict[str, str]) -> list[Span]:
    """Every later use of a defined acronym, as one span with its definition's
    label; `written` is the set of `texts`."""
    uses = [Span(doc, i, i + 1, label=definitions[t]) for i, t in enumerate(texts) if t in definitions]
    for form, label in definitions.items():
        if form in written:
            continue
        # a form of several tokens ("NR-IQA", "L2M" as "L2" "M"): its first token, then the rest glued on
        for k in range(len(doc)):
            if texts[k] != form and form.startswith(texts[k]):
                end = k + 1
                while end < len(doc) and end - k < _MAX_ACRONYM_TOKENS and not doc[end - 1].whitespace_ \
                        and len(doc[k:end].text) < len(form):
                    end += 1
                ends_here = end == len(doc) or not texts[end][:1].isalnum() or doc[end - 1].whitespace_
                if doc[k:end].text == form and ends_here:
                    uses.append(Span(doc, k, end, label=label))
    return uses
