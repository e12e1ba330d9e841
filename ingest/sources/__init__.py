"""Readers that turn input files into PaperRecords, one module per format,
each a plain `read_x(path, ...) -> SourceResult` that reports bad input as
Problems rather than raising."""
from ingest.sources.csv_file import read_csv
from ingest.sources.detect import detect_format
from ingest.sources.hf_daily import read_hf_daily
from ingest.sources.inputs import FORMATS, collect_inputs, read_path
from ingest.sources.json_file import read_json
from ingest.sources.jsonl_file import read_jsonl

__all__ = [
    "FORMATS",
    "collect_inputs",
    "detect_format",
    "read_csv",
    "read_hf_daily",
    "read_json",
    "read_jsonl",
    "read_path",
]
