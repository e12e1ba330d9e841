"""Entity extraction: a trained spaCy NER plus rule components (acronyms,
versioned names, "the X dataset", gazetteer, benchmark rule, proposals).

    from ingest.extract import load_extractor
    for doc in load_extractor("fast").extract([("p1", "We propose ...")]):
        ...
"""
from ingest.extract.extractor import Extractor, load_extractor
from ingest.extract.jsonl import ExtractInputError, extract_jsonl

__all__ = ["Extractor", "ExtractInputError", "extract_jsonl", "load_extractor"]
