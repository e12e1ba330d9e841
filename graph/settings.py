"""Named limits for queries and views, in one place (like datasette's settings)."""
from __future__ import annotations

QUERY_ROW_LIMIT = 1_000  # rows a Cypher query returns unless --limit says otherwise
QUERY_MAX_ROW_LIMIT = 100_000
QUERY_TIMEOUT_S = 10.0
STORE_READ_TIMEOUT_S = 60.0  # any read that names no timeout (the app's views, ingest lookups)
QUERY_MAX_CHARS = 20_000  # query text longer than this is refused before parsing (graph/guard.py)
QUERY_MAX_NESTING = 12  # nor deeper bracket nesting: FalkorDB parses it in exponential time
QUERY_MAX_RANGE = 1_000_000  # nor range() over more values than this (built whole, before any limit applies)
EXPORT_MAX_NODES = 20_000  # a neighbourhood export stops growing here
EXPORT_MAX_HOPS = 4
SEARCH_LIMIT = 12
# Entities below this confidence (ingest/confidence.py) are candidates: searchable and shown on
# their papers, left out of top lists, trending and co-occurrence neighbours and edges.
MIN_CONFIDENCE = 0.3
