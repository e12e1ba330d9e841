"""Tokenizer adjustments for scientific names, applied in training and at
run time alike."""
from __future__ import annotations

import spacy
from spacy.language import Language

# spaCy keeps a final period glued to an upper-case letter ("MMLU.",
# "LAION-5B."), reading it as an abbreviation; names at a sentence end need
# it split ("TopK." too). A period before the capital leaves "U.S." alone.
NAME_FINAL_PERIOD = r"(?<=[A-Za-z0-9][A-Z0-9])\.$"


# arXiv abstracts are LaTeX: "we propose \textbf{APHQ-ViT}, ..." (textbf,
# textit, emph ... in 4 % of the papers of the 10k sample) glued the command
# to the name's first token ("\textbf{APHQ"), and the span rules dropped
# the name with it. The command is a token of its own.
LATEX_COMMAND = r"\\(?:text(?:bf|it|tt|sc|rm|sf|up)?|emph|underline|math(?:bf|rm|it|sf|cal|bb|tt))\{"


# spaCy's English exceptions keep emoticons whole, "):" and "8)" among them;
# in a paper "(PLS):" closes an acronym's definition, which the acronym rule
# then never saw (148 of the 40,717 arXiv abstracts define one so). Every
# exception with a bracket is an emoticon.
_BRACKETS = frozenset("()[]")


def adjust_tokenizer(nlp: Language) -> Language:
    nlp.tokenizer.rules = {text: tokens for text, tokens in nlp.tokenizer.rules.items() if not _BRACKETS & set(text)}
    suffixes = list(nlp.Defaults.suffixes) + [NAME_FINAL_PERIOD]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    prefixes = [LATEX_COMMAND, *nlp.Defaults.prefixes]
    nlp.tokenizer.prefix_search = spacy.util.compile_prefix_regex(prefixes).search
    return nlp
