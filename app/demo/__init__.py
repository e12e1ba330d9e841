"""Bundled demo data for paperkg.

``sample.jsonl`` holds 30 papers, one JSON object a line. The titles, abstracts
and author names are fictional, written for paperkg to exercise extraction and
the graph; they are not real papers. The methods, models, datasets, benchmarks,
tasks and metrics they mention are real names, used so that the demo graph is
rich and connected.
"""

from pathlib import Path

DEMO_GRAPH = "paperkg_demo"  # the embedded store's graph
DEMO_DATABASE = "paperkg-demo"  # Neo4j's database (its names take dashes, not underscores)
SAMPLE_PATH = Path(__file__).with_name("sample.jsonl")

__all__ = ["DEMO_DATABASE", "DEMO_GRAPH", "SAMPLE_PATH"]
