"""Versioned names: GPT-4, Llama-2-7B, ResNet-50, CIFAR-10, wav2vec 2.0.
Extends an entity over the version glued to it, and finds versioned forms of
gazetteer names the model missed. Versions stay part of the name, so
normalisation keeps GPT-3 and GPT-4 apart."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.extract import gazetteer
from ingest.extract.doc_state import merge_spans, span_text, token_spaces, token_texts
from ingest.extract.vocab import ADJECTIVE_TAILS

# A variant's word, glued ("GPT-4o-Mini") or after a space ("HumanEval Pro",
# "Gemini 2.5 Pro", "GPT-4 Turbo"): the model stops before it.
_VARIANT_WORDS = "Mini|Pro|Ultra|Plus|Turbo|Flash|Lite"
# A token that continues a name when glued to it (no space before).
_GLUED_SUFFIX = re.compile(r"^(?:[-–_.]|v?\d+(?:\.\d+)*[A-Za-z]{0,3}|[A-Z]{1,3}\d*|[xX]\d+[A-Za-z]*|\d+[BMKbmkx]\w*|"
                           rf"XL|XXL|Large|Base|Small|Tiny|Instruct|Chat|Max|{_VARIANT_WORDS})$")
# A capitalised word glued by a hyphen after a model's or a data set's name
# is another name of its family ("Qwen2-Audio", "DeepSeek-Coder",
# "GPQA-Diamond", "UCF-Crime"), where the model stops at the known name (the
# gazetteer then read "Qwen2-Audio" and "Qwen2.5-Omni" as Qwen2 and Qwen2.5:
# the outside judge's Qwen2 node held five models, session 28). Words that
# make the name an adjective are not ("BERT-Based", "LLM-Driven",
# "AI-Generated", "CLIP-Like").
_FAMILY_WORD = re.compile(r"^[A-Z][a-z]{2,}$")
_ADJECTIVE_FORM = re.compile(r"(?:ed|en|ing|" + "|".join(ADJECTIVE_TAILS) + r")$", re.I)
_FAMILY_LABELS = ("METHOD", "DATASET", "BENCHMARK")
# A token that continues a capitalised name after a space ("Llama 2", "SAM 2").
_SPACED_VERSION = re.compile(r"^v?\d{1,2}(?:\.\d+)?$")
# After a space, after any name; sizes ("Large", "Base") and "Max" only glued:
# spaced, they are words of the sentence. "SWE-bench Verified", "VerifyBench Hard".
_SPACED_VARIANT = re.compile(rf"^(?:{_VARIANT_WORDS}|Verified|Hard)$")
# A data set's resolution after a space ("ImageNet 32x32"). Not a year: after
# a space it marks a campaign's edition as often as a data set's ("SemEval
# 2025", "NTIRE 2025", "TREC 2024" beside "AIME 2024", "KITTI 2015" in the
# first 10,000 arXiv abstracts), and the edition of a campaign is no data set.
_SPACED_RESOLUTION = re.compile(r"^\d{2,4}[xX×]\d{2,4}$")
_DATA_LABELS = ("DATASET", "BENCHMARK")
# A version may go on in hyphenated sizes and variants ("Llama-3.1-8B",
# "YOLOv13-N", "CIFAR-10-C", "Qwen2.5-VL-7B-Instruct"): the first version
# alone left 315 such names of the 40k graph unknown, and two papers'
# outperformed "YOLOv13-N" a data set. Not another name's letters
# ("JF17k-HCQA", a data set built on JF17k).
_BASE_AND_VERSION = re.compile(r"^(?P<base>[A-Za-z][A-Za-z.]*?[A-Za-z])[-_]?"
                               r"(?P<version>v?\d[\w.]*(?:-(?:\d[\w.]*|[A-Za-z]{1,3}\d*|[A-Z]?[a-z]+\d*))*)$")


@lru_cache(maxsize=50_000)
def known_label(text: str, fallback: str | None) -> str | None:
    """The gazetteer's label for a name or its unversioned base (GPT-5 -> GPT,
    Claude 2.1 -> Claude)."""
    match = _BASE_AND_VERSION.match(text)
    spaced = text.rsplit(" ", 1)[0] if _SPACED_VERSION.match(text.rsplit(" ", 1)[-1]) else None
    return (
        gazetteer.lookup(text)
        or (match and _versioned(gazetteer.lookup(match.group("base"))))
        or (spaced and _versioned(gazetteer.lookup(spaced)))
        or fallback
    )


def _versioned(label: str | None) -> str | None:
    """A task has no versions: "MT2IE", "NLI4PR", "ASR-4" and "IR-500K" are
    names coined on a task's letters (the versioned-base readings of the first
    10,000 arXiv abstracts, session 30), not editions of machine translation,
    NLI, speech recognition or retrieval."""
    return None if label == "TASK" else label


def _extend(doc: Doc, ent: Span) -> Span | None:
    texts, spaces = token_texts(doc), token_spaces(doc)
    n = len(texts)
    end = ent.end
    while end < n:
        text, before = texts[end], texts[end - 1]
        glued = not spaces[end - 1]
        if glued and _GLUED_SUFFIX.match(text) and not (text in "-–_." and (end + 1 >= n or spaces[end])):
            end += 1
        elif glued and before in "-–" and ent.label_ in _FAMILY_LABELS and _continues_family(text):
            end += 1
        elif not glued and end == ent.end and _SPACED_VERSION.match(text) and any(c.isupper() for c in before):
            end += 1
        elif not glued and _SPACED_VARIANT.match(text):
            end += 1
        elif not glued and end == ent.end and ent.label_ in _DATA_LABELS and _SPACED_RESOLUTION.match(text):
            end += 1
        elif not glued and end == ent.end and text == "Task" and end + 1 < n and texts[end + 1].isdigit() \
                and ent.label_ in _DATA_LABELS and any(c.isdigit() for c in before):
            # "SemEval-2025 Task 3": one task of a campaign's edition is the data set; the
            # edition alone names ten ("X at SemEval-2025 Task 11: ..." titles, 27 papers at 10k).
            end += 2
        else:
            break
    while end > ent.end and texts[end - 1] in "-–_.":
        end -= 1
    if end == ent.end and _glued_name_follows(texts, spaces, end):
        return None
    start = ent.start
    # "8-bit Adam", "4-bit quantization": a bit width glued before a method.
    if ent.label_ == "METHOD" and start >= 3 and texts[start - 1] == "bit" and texts[start - 2] in "-–" \
            and texts[start - 3].isdigit() and not spaces[start - 3] and not spaces[start - 2] and spaces[start - 1]:
        start -= 3
    span = ent if (start, end) == (ent.start, ent.end) else doc[start:end]
    label = known_label(span_text(span), ent.label_)
    return ent if span is ent and label == ent.label_ else Span(doc, start, end, label=label)


# A name glued before a hyphen and another name's capitals it does not
# continue is part of that longer name: "OPT" in "OPT-RSVG" (a remote-sensing
# data set the NER missed, which gave Meta's OPT model of the 40k graph a
# paper on visual grounding), "GPT" in "GPT-SoVITS".
# A title's capitalised word ("Transformer-Based", "LLM-Powered") is no
# name, nor are sizes ("Llama-3.1-8B/70B").
_NAME_WORD = re.compile(r"^[A-Za-z][a-z0-9]*[A-Z][A-Za-z0-9]*$")


def _glued_name_follows(texts: list[str], spaces: list[bool], end: int) -> bool:
    return end + 1 < len(texts) and texts[end] in "-–" and not spaces[end - 1] and not spaces[end] \
        and bool(_NAME_WORD.match(texts[end + 1]))


def _continues_family(token: str) -> bool:
    """A token glued after a name's hyphen that goes on naming it: a family
    word, or versions, sizes and family words joined by hyphens ("VL-2B",
    "Audio-7B", which the tokenizer keeps as one token)."""
    return all(_GLUED_SUFFIX.match(piece) or _FAMILY_WORD.match(piece) and not _ADJECTIVE_FORM.search(piece)
               for piece in re.split(r"[-–]", token))


# Versions listed with slashes after one name: "CIFAR-10/100" is CIFAR-10 and
# CIFAR-100, "AIME24/25" AIME24 and AIME25, "Llama-3.1-8B/70B" two sizes. As
# one span the list was its own entity, or worse a version the list's digits
# spell: "GPT-4/5" was keyed as GPT-4.5 and "LLaMA2/3" as LLaMA 2.3 (18 and
# 3 papers of the 40k graph, session 64's build). A size or letter tail after
# the list is each version's ("CIFAR-10/100-C"). Letters before the slash are
# no version ("ViT-B/16" is one model); a repeated number is a name ("ACL
# 60/60"), and one letter before it a norm ("L1/2").
_SLASH_VERSIONS = re.compile(r"^(?P<stem>[A-Za-z][A-Za-z0-9.-]*?[A-Za-z][-_ ]?|[A-Za-z][A-Za-z0-9.-]*?-)"
                             r"(?P<versions>\d+(?:\.\d+)?[BMK]?(?:/\d+(?:\.\d+)?[BMK]?)+)"
                             r"(?P<tail>-[A-Za-z]{1,3})?$")


def slash_versions(text: str) -> list[str]:
    """The names a slash list of versions spells ("CIFAR-10/100" ->
    ["CIFAR-10", "CIFAR-100"]); [] for any other text."""
    match = _SLASH_VERSIONS.match(text)
    if not match:
        return []
    versions = match.group("versions").split("/")
    if len(set(versions)) < len(versions):
        return []
    stem, tail = match.group("stem"), match.group("tail") or ""
    return [f"{stem}{version}{tail}" for version in versions]


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=50_000)
def _versioned_base_label(text: str) -> str | None:
    """GPT-5 -> METHOD: the gazetteer label of a versioned token's base."""
    match = _BASE_AND_VERSION.match(text)
    return _versioned(gazetteer.lookup(match.group("base"))) if match else None


@Language.component("paperkg_versions")
def versions(doc: Doc) -> Doc:
    ents = merge_spans([], [span for ent in doc.ents if (span := _extend(doc, ent)) is not None], override=True)
    covered = {i for ent in ents for i in range(ent.start, ent.end)}
    found = []
    for i, text in enumerate(token_texts(doc)):
        if i in covered or not _DIGIT.search(text):
            continue
        label = _versioned_base_label(text)
        if label and (span := _extend(doc, Span(doc, i, i + 1, label=label))) is not None:
            found.append(span)
    doc.ents = merge_spans(ents, found, override=False)
    return doc
