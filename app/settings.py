"""Named limits of the web app's views, in one place. Query-level limits
(row cap, timeout) are the CLI's, in `graph/settings.py`."""
from __future__ import annotations

VIEW_NODE_LIMIT = 150  # nodes an Explore view shows before "show more"
VIEW_NODE_STEP = 150  # how many more "show more" adds
VIEW_MAX_NODES = 1_000  # beyond this a browser canvas stops being readable
EXPAND_LIMIT = 25  # neighbours an expanded node brings into the view
DETAIL_PAPERS = 50  # papers listed in an entity's details
DETAIL_RELATED_PER_TYPE = 5  # co-occurring entities per type in details
RELATED_PAPERS = 10
CONNECT_MAX_HOPS = 4
CONNECT_MAX_PATHS = 10
COMPARE_MAX_PAPERS = 8
TOP_ENTITIES = 15
TRENDING_DAYS = 30  # "recent" = this many days before the newest paper
TRENDING_MIN_PAPERS = 2  # trending = in at least this many recent papers (fewer on a tiny graph)
HEATMAP_METHODS = 20
HEATMAP_BENCHMARKS = 15
TIMELINE_DEFAULT_ENTITIES = 3
CHOICES_LIMIT = 500  # options a canned-query parameter dropdown offers
