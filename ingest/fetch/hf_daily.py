"""Hugging Face Daily Papers through its API: one JSON file per listing day,
`downloads/hf-daily/YYYY-MM-DD.json`, the answer of
`/api/daily_papers?date=YYYY-MM-DD` as it came (read by `ingest.sources.hf_api`).

Resumable by date: a day whose file exists is not asked for again, except
today's (and later), whose listing is still growing."""
from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from ingest.fetch.files import FetchReport, downloads_dir, write_atomically
from ingest.fetch.http import FetchError, PoliteClient

HF_API = "https://huggingface.co/api"


def fetch_hf_daily(since: date, until: date, *, client: PoliteClient | None = None,
                   api: str = HF_API, folder: Path | None = None, today: date | None = None,
                   on_day: Callable[[date], None] | None = None) -> FetchReport:
    """Download each listing day from `since` to `until`, both included."""
    if until < since:
        raise ValueError(f"--until {until} is before --since {since}")
    client = client or PoliteClient()
    folder = folder or downloads_dir("hf-daily")
    today = today or date.today()
    report = FetchReport()
    day = since
    while day <= until:
        target = folder / f"{day.isoformat()}.json"
        if target.exists() and day < today:
            report.skipped.append(target)
        else:
            body = client.get(f"{api}/daily_papers", {"date": day.isoformat()})
            try:
                listing = json.loads(body)
            except json.JSONDecodeError:
                raise FetchError(f"{api}/daily_papers?date={day}: the answer is not JSON") from None
            if not isinstance(listing, list):
                raise FetchError(f"{api}/daily_papers?date={day}: expected a list of papers")
            write_atomically(target, body)
            report.downloaded.append(target)
            report.papers += len(listing)
        if on_day:
            on_day(day)
        day += timedelta(days=1)
    return report
