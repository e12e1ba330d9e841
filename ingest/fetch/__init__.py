"""`paperkg fetch`: downloading listings from the services that publish
them into files under the user's data dir, which `paperkg ingest` then
reads like any other input. One module per service; `http` is the polite
client they share."""
from ingest.fetch.arxiv import fetch_arxiv
from ingest.fetch.files import FetchReport, downloads_dir
from ingest.fetch.hf_daily import fetch_hf_daily
from ingest.fetch.http import FetchError, PoliteClient

__all__ = ["FetchError", "FetchReport", "downloads_dir", "PoliteClient", "fetch_arxiv", "fetch_hf_daily"]
