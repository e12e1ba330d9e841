"""Readers that turn input files into PaperRecords, one module per format,
each a plain `read_x(path, ...) -> SourceResult` that reports bad input as
Problems rather than raising. `readers.FORMATS` names them all."""
from ingest.sources.arxiv_atom import read_arxiv_atom
from ingest.sources.bibtex import read_bibtex
from ingest.sources.csv_file import read_csv
from ingest.sources.detect import detect_format
from ingest.sources.hf_daily import read_hf_daily
from ingest.sources.http_cassette import read_http_cassette
from ingest.sources.inputs import FORMATS, collect_inputs, read_path
from ingest.sources.json_file import read_json
from ingest.sources.jsonl_file import read_jsonl
from ingest.sources.readers import read_as
from ingest.sources.ris import read_ris

__all__ = [
    "FORMATS",
    "collect_inputs",
    "detect_format",
    "read_arxiv_atom",
    "read_as",
    "read_bibtex",
    "read_csv",
    "read_hf_daily",
    "read_http_cassette",
    "read_json",
    "read_jsonl",
    "read_path",
    "read_ris",
]
