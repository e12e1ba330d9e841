"""Session 67: what the verdicts on file agree on over the 10k graph (the
sweep of session 66 read only the 40k graph), and Stable Diffusion's later
versions by their short names."""
from __future__ import annotations

import pytest

from ingest.extract import gazetteer, load_extractor
from ingest.extract.sanity import is_junk
from tests.test_span_shapes import _span


@pytest.fixture(scope="module")
def nlp():
    return load_extractor("fast").nlp


@pytest.mark.parametrize("sentence,text,label", [
    ("We compare classical deep learning models.", "classical deep learning", "METHOD"),
    ("We compare C-DL models with quantum ones.", "C-DL", "METHOD"),
    ("We study 3D geometric reasoning.", "3D geometric reasoning", "TASK"),
    ("We study motion tokenization.", "motion tokenization", "TASK"),
    ("We add a multiscale vision encoder.", "multiscale vision encoder", "METHOD"),
])
def test_judged_non_entities_of_the_10k_sweep_are_no_names(nlp, sentence, text, label):
    assert is_junk(_span(nlp, sentence, text, label))


def test_stable_diffusion_versions_by_their_short_names():
    assert [gazetteer.canonical(name) for name in ("SD3", "SD 3.5", "SD3.5", "SD2.1", "SD1.5")] == [
        gazetteer.canonical("Stable Diffusion 3"), gazetteer.canonical("Stable Diffusion 3.5"),
        gazetteer.canonical("Stable Diffusion 3.5"), gazetteer.canonical("Stable Diffusion 2.1"),
        gazetteer.canonical("Stable Diffusion 1.5")]
    assert len({gazetteer.canonical(name) for name in ("SD3", "SD3.5", "SD2.1", "SD1.5")}) == 4
