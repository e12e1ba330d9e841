"""A polite HTTP client for the listing services: one request at a time, at
least `interval` seconds apart, identified by a User-Agent, retrying
throttling (429) and server errors (5xx) and dropped connections with
exponential backoff (honouring Retry-After), and giving up with one clear
error. The standard library's urllib is enough for GETs of a few MB."""
from __future__ import annotations

import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping
from importlib.metadata import PackageNotFoundError, version

RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


def user_agent() -> str:
    try:
        release = version("paperkg")
    except PackageNotFoundError:
        release = "dev"
    return f"paperkg/{release} (knowledge-graph explorer for ML papers; python-urllib)"


class FetchError(Exception):
    """A download that failed for good: the URL and why."""


class PoliteClient:
    def __init__(self, *, interval: float = 1.0, retries: int = 4, backoff: float = 2.0,
                 timeout: float = 60.0, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic):
        self.interval = interval  # seconds between the starts of two requests
        self.retries = retries
        self.backoff = backoff  # first retry waits this long, each next one twice as long
        self.timeout = timeout
        self._sleep = sleep
        self._clock = clock
        self._last_start: float | None = None
        self.requests = 0  # made, retries included

    def get(self, url: str, params: Mapping[str, str | int] | None = None) -> bytes:
        """The body of a 200 answer to GET `url`?`params`; FetchError otherwise."""
        if params:
            url = f"{url}?{urllib.parse.urlencode(params)}"
        request = urllib.request.Request(url, headers={"User-Agent": user_agent()})
        for attempt in range(self.retries + 1):
            self._wait_turn()
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return response.read()
            except urllib.error.HTTPError as error:
                if error.code not in RETRY_STATUS or attempt == self.retries:
                    raise FetchError(f"{url}: HTTP {error.code} {error.reason}") from None
                self._sleep(max(self._retry_after(error), self.backoff * 2 ** attempt))
            except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
                if attempt == self.retries:
                    reason = getattr(error, "reason", error)
                    raise FetchError(f"{url}: {reason} (after {self.retries + 1} tries)") from None
                self._sleep(self.backoff * 2 ** attempt)
        raise AssertionError("unreachable")

    def _wait_turn(self) -> None:
        now = self._clock()
        if self._last_start is not None and now - self._last_start < self.interval:
            self._sleep(self.interval - (now - self._last_start))
        self._last_start = self._clock()
        self.requests += 1

    @staticmethod
    def _retry_after(error: urllib.error.HTTPError) -> float:
        try:
            return float(error.headers.get("Retry-After", 0))
        except (TypeError, ValueError):
            return 0.0  # an HTTP date: the exponential backoff stands in for it
