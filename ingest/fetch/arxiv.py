"""arXiv API searches: `export.arxiv.org/api/query?search_query=Q`, newest
submissions first, saved page by page as the Atom it answers,
`downloads/arxiv/<query>/start-000000.xml` (read by `ingest.sources.arxiv_atom`).

arXiv asks for one request every 3 seconds and at most a few thousand
results per query; pages are 100 entries. Resumable: a page whose file
exists is not asked for again (a query run later may then miss papers that
pushed older ones to later pages; delete the folder to start over)."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from ingest.fetch.files import FetchReport, downloads_dir, write_atomically
from ingest.fetch.http import FetchError, PoliteClient
from ingest.sources.arxiv_atom import ATOM

ARXIV_API = "https://export.arxiv.org/api/query"
PAGE_SIZE = 100
ARXIV_INTERVAL = 3.0  # seconds, arXiv's API terms
_OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"


def query_folder_name(query: str) -> str:
    """A file-system-safe folder name for a query."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", query).strip("_")[:80] or "query"


def fetch_arxiv(query: str, *, max_results: int = 100, client: PoliteClient | None = None,
                api: str = ARXIV_API, folder: Path | None = None,
                on_page: Callable[[int], None] | None = None) -> FetchReport:
    """Download up to `max_results` entries matching `query` (arXiv search syntax: `cat:cs.CL AND ti:retrieval`)."""
    if max_results < 1:
        raise ValueError("--max must be at least 1")
    client = client or PoliteClient(interval=ARXIV_INTERVAL)
    folder = folder or downloads_dir("arxiv") / query_folder_name(query)
    report = FetchReport()
    start = 0
    while start < max_results:
        size = min(PAGE_SIZE, max_results - start)
        target = folder / f"start-{start:06d}-{size}.xml"
        if target.exists():
            report.skipped.append(target)
            entries, total = _count(target.read_bytes(), target.as_posix())
        else:
            body = client.get(api, {"search_query": query, "start": start, "max_results": size,
                                    "sortBy": "submittedDate", "sortOrder": "descending"})
            entries, total = _count(body, f"{api}?search_query={query}&start={start}")
            write_atomically(target, body)
            report.downloaded.append(target)
            report.papers += entries
        if on_page:
            on_page(start)
        start += size
        if entries < size or (total is not None and start >= total):
            break
    return report


def _count(body: bytes, where: str) -> tuple[int, int | None]:
    """Entries in an Atom page and the search's total."""
    try:
        feed = ET.fromstring(body)
    except ET.ParseError:
        raise FetchError(f"{where}: the answer is not an Atom feed") from None
    total = feed.findtext(f"{_OPENSEARCH}totalResults")
    return len(feed.findall(f"{ATOM}entry")), int(total) if total and total.isdigit() else None
