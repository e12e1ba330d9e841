"""Curation files and their effect on resolution."""
from __future__ import annotations

import pytest

from ingest.curation import Curation, CurationError, curation_key
from ingest.mentions import ExtractedDoc, Mention
from ingest.normalize import alias_key, resolve

CURATION = """
# corrections kept across re-ingestion
[merge]
"Segment Everything" = "SAM model"
"SAM model" = "Segment Anything Model"

[drop]
names = ["toy baseline"]

[relabel]
"MMLU" = "BENCHMARK"
"""


def write(tmp_path, text):
    path = tmp_path / "curation.toml"
    path.write_text(text)
    return path


def mention(text, start, label):
    return Mention(start, start + len(text), label, text, alias_key(text), 1.0, False, 0, 10)


def test_missing_file_is_empty(tmp_path):
    assert Curation.load(tmp_path / "absent.toml") == Curation.empty()


def test_curation_is_applied_in_resolve(tmp_path):
    curation = Curation.load(write(tmp_path, CURATION))
    doc = ExtractedDoc("p", "x" * 100, [mention("Segment Everything", 0, "METHOD"), mention("toy baseline", 20, "METHOD"),
                                        mention("MMLU", 40, "DATASET")])
    links = {l.key: l for l in resolve([doc], {}, curation)}
    assert set(links) == {alias_key("Segment Anything Model"), "mmlu"}  # merge chain followed, drop applied
    assert links["mmlu"].label == "BENCHMARK"


@pytest.mark.parametrize("text,line", [
    ('[merge]\n"a" = "b"\n"c" = ', 3),
    ('[relabel]\n"x" = "METHOD"\n"y" = "MODEL"\n', 3),
    ('[merge]\n"a" = "b"\n[colour]\nred = 1\n', 3),
    ('[drop]\nnames = "oops"\n', 2),
])
def test_bad_lines_are_named(tmp_path, text, line):
    path = write(tmp_path, text)
    with pytest.raises(CurationError, match=rf"curation\.toml.*{line}"):
        Curation.load(path)


@pytest.mark.parametrize("text,line,message", [
    # a cycle used to be followed until it came back, silently swapping the entities
    ('[relabel]\n"a" = "METHOD"\n\n[merge]\n"a" = "b"\n"b" = "c"\n"c" = "a"\n', 5, "cycle (a -> b -> c -> a)"),
    ('[merge]\n"BERT" = "RoBERTa"\n"roberta" = "Bert"\n', 2, "cycle"),
    ('[drop]\nnames = ["x"]\nname = ["y"]\n', 3, "unknown key 'name' in [drop]"),
    ('[keep]\nnames = "optical flow"\n', 2, "[keep] names must be a list of strings, not a string"),
    ('[merge]\n"resnet" = "ResNet-50"\n"a" = 5\n', 3, "must be a name in quotes, not a number"),
    ('merge = "x"\n', 1, "must be a [merge] table, not a string"),
    ('[merge]\n"xx" = "y"\n[relabel]\nx = "MODEL"\n', 4, "not one of"),  # the key's own line, not the first with an "x"
])
def test_semantic_errors_name_file_line_and_cause(tmp_path, text, line, message):
    path = write(tmp_path, text)
    with pytest.raises(CurationError) as error:
        Curation.load(path)
    assert str(error.value).startswith(f"{path}:{line}: ") and message in str(error.value)


def test_a_name_merged_into_its_own_spelling_is_no_cycle(tmp_path):
    curation = Curation.load(write(tmp_path, '[merge]\n"resnet50" = "ResNet-50"\n"Segment Anything" = "SAM"\n'))
    assert curation.target(curation_key("Segment Anything")) == curation_key("SAM")
    assert curation.target(curation_key("resnet50")) == curation_key("resnet50")


def test_a_name_means_the_entity_extraction_keys_it_to():
    """A line written before the knowledge base learned the name keeps naming
    its entity: "large language models" was an entity key of its own until
    session 37 made LLM a known name; the relabel of the docs' review listing
    still applies to it."""
    curation = Curation.from_mapping({"relabel": {"large language models": "METHOD"}, "drop": {"names": ["LLMs"]}})
    from ingest.extract.gazetteer import canonical

    key = canonical("LLM")
    assert curation.label_for(key, "TASK") == "METHOD" and curation.is_dropped(key)


def test_a_kept_name_follows_its_merge_and_a_dropped_one_is_not_kept(tmp_path):
    curation = Curation.load(write(tmp_path, '[merge]\n"optic flow" = "optical flow"\n\n'
                                             '[keep]\nnames = ["optic flow", "our approach"]\n\n'
                                             '[drop]\nnames = ["our approach"]\n'))
    assert curation.is_kept("opticalflow") and not curation.is_kept("ourapproach")
