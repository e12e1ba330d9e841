"""Recorded HTTP answers in the YAML cassettes that vcrpy (and pytest-recording)
write: `interactions: [{request, response}]`, the body in
`response.body.string` (vcrpy) or `response.content` (httpx-style).

Each successful answer's body is read as what it is: an arXiv Atom feed or
a Semantic Scholar / OpenAlex / Hugging Face API answer. A body is embedded
text, so its papers are located at the line of its interaction.
"""
from __future__ import annotations

import json
from os import PathLike
from pathlib import Path
from typing import Any

import yaml

from ingest.records import Problem, SourceResult
from ingest.sources import arxiv_atom
from ingest.sources.build import note_missing_abstracts
from ingest.sources.json_file import add_document, api_format
from ingest.sources.text import open_source


def looks_like_cassette(text_start: str) -> bool:
    return text_start.lstrip().startswith("interactions:")


def read_http_cassette(path: str | PathLike) -> SourceResult:
    path = Path(path)
    result, text = open_source(path)
    if text is None:
        return result
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        cassette = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        result.problems.append(Problem(str(path), f"not valid YAML: {getattr(error, 'problem', error)}",
                                       mark.line + 1 if mark else None))
        return result
    interactions = cassette.get("interactions") if isinstance(cassette, dict) else None
    if not isinstance(interactions, list):
        result.problems.append(Problem(str(path), "not an HTTP cassette: no `interactions` list"))
        return result
    nodes = next(value for key, value in root.value if key.value == "interactions").value
    for interaction, node in zip(interactions, nodes):
        _add_answer(result, interaction, node.start_mark.line + 1)
    note_missing_abstracts(result)
    return result


def _add_answer(result: SourceResult, interaction: Any, line: int) -> None:
    response = interaction.get("response") if isinstance(interaction, dict) else None
    if not isinstance(response, dict):
        result.problems.append(Problem(result.path, "interaction has no response; skipped", line))
        return
    status = response.get("status", {}).get("code") if isinstance(response.get("status"), dict) else response.get("status_code")
    body = (response.get("body") or {}).get("string") if "body" in response else response.get("content")
    if isinstance(body, bytes):
        body = body.decode("utf-8", errors="replace")
    if status != 200 or not isinstance(body, str) or not body.strip():
        result.problems.append(Problem(result.path, f"answer with status {status} and no paper body; skipped", line))
        return
    if arxiv_atom.looks_like_atom(body):
        arxiv_atom.add_feed(result, body, line=line)
        return
    try:
        document = json.loads(body)
    except json.JSONDecodeError:
        result.problems.append(Problem(result.path, "answer body is neither an Atom feed nor JSON; skipped", line))
        return
    add_document(result, document, None, field_map={}, api=api_format(document), line=line)
