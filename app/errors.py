"""Errors the user can fix (a store that is down or unreachable, a bad
curation file), as opposed to bugs: the CLI prints them as one line and the
web app as a message, never as a traceback."""
from __future__ import annotations

from graph.embedded import EmbeddedServerError
from graph.store import StoreError
from ingest.curation import CurationError

USER_ERRORS: tuple[type[Exception], ...] = (StoreError, EmbeddedServerError, CurationError)


def one_line(error: Exception) -> str:
    return " ".join(str(error).split()) or type(error).__name__
