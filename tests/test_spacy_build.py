"""The check that tells a user their spaCy build is the slow one, on the
installed build: it must agree with what cProfile sees, and the CLI must say so."""
from __future__ import annotations

import cProfile
import json
import pstats
import sys

from typer.testing import CliRunner

import app.cli
from ingest.extract.pipeline import spacy_has_profiling_hooks


def test_the_check_agrees_with_cprofile_and_leaves_a_running_profiler_alone():
    from spacy.tokenizer import Tokenizer
    from spacy.vocab import Vocab

    tokenizer = Tokenizer(Vocab())
    profile = cProfile.Profile()
    profile.runcall(tokenizer, "a probe")
    seen_by_cprofile = any(filename.endswith(".pyx") for filename, _, _ in pstats.Stats(profile).stats)

    def outer(frame, event, arg):
        pass

    sys.setprofile(outer)
    try:
        found = spacy_has_profiling_hooks()
        assert sys.getprofile() is outer
    finally:
        sys.setprofile(None)
    assert found == seen_by_cprofile


def test_extract_notes_the_slow_build_only_when_it_is_installed(tmp_path, monkeypatch):
    texts = tmp_path / "in.jsonl"
    texts.write_text("".join(json.dumps({"id": str(n), "text": "We train ResNet-50 on ImageNet."}) + "\n" for n in range(2)))
    monkeypatch.setattr(app.cli, "SLOW_SPACY_NOTE_PAPERS", 2)
    result = CliRunner().invoke(app.cli.cli, ["extract", str(texts), "-o", str(tmp_path / "out.jsonl"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert ("profiling hooks" in result.stderr) == spacy_has_profiling_hooks()
    monkeypatch.setattr(app.cli, "SLOW_SPACY_NOTE_PAPERS", 3)
    result = CliRunner().invoke(app.cli.cli, ["extract", str(texts), "-o", str(tmp_path / "out.jsonl"), "--workers", "1"])
    assert "profiling hooks" not in result.stderr
