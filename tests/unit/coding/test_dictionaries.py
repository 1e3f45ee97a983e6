"""Actor dictionary, lexicon and the shouting-text normaliser."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.errors import CodingError
from wirewatch.stages.coding import PloverCoder, load_resources
from wirewatch.stages.coding.actors import load_actor_dictionary
from wirewatch.stages.coding.casing import normalise_case
from wirewatch.stages.coding.lexicon import load_lexicon

ALIASES = [
    ("ISIS fighters", "Islamic State"), ("Daesh", "Islamic State"), ("ISWAP", "Islamic State West Africa Province"),
    ("al-Shabaab", "al-Shabaab"), ("Boko Haram", "Boko Haram"), ("the Houthis", "Houthis"),
    ("M23 rebels", "M23"), ("Wagner Group", "Wagner Group"), ("RSF", "Rapid Support Forces"),
    ("HTS", "Hayat Tahrir al-Sham"), ("Hamas", "Hamas"), ("JNIM", "JNIM"),
]


@pytest.mark.parametrize("text,name", ALIASES, ids=[a[0] for a in ALIASES])
def test_actor_dictionary_knows_armed_group(text: str, name: str) -> None:
    hits = load_actor_dictionary().find(text)
    assert [h.entry.name for h in hits if h.entry.kind == "group"] == [name]


@pytest.mark.parametrize("text,iso3", [("Russian", "RUS"), ("Egyptian", "EGY"), ("Syrians", "SYR"),
                                       ("Salvadoran", "SLV"), ("Kabul", "AFG")])
def test_actor_dictionary_maps_demonyms_and_capitals(text: str, iso3: str) -> None:
    assert load_actor_dictionary().find(text)[0].entry.country == iso3


def test_actor_dictionary_does_not_match_lowercase_is() -> None:
    assert load_actor_dictionary().find("this is it") == []


def test_user_actor_file_extends_dictionary(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text("northern front\tNorthern Front\tXYZ\trebels\tgroup\t0\n", encoding="utf-8")
    resources = load_resources((str(extra),), ())
    assert resources.actors.find("the Northern Front said")[0].entry.country == "XYZ"


def test_missing_user_file_is_a_coding_error(tmp_path: Path) -> None:
    coder = PloverCoder(extra_actor_files=[tmp_path / "missing.tsv"])
    with pytest.raises(CodingError):
        _ = coder.resources


@pytest.mark.parametrize("lemma,pos,objects,expected", [
    ("plant", "VERB", [("bomb", "")], "ASSAULT"), ("impose", "VERB", [("sanctions", "")], "SANCTION"),
    ("protest", "VERB", [], "PROTEST"), ("airstrike", "NOUN", [], "ASSAULT"),
    ("threaten", "VERB", [], "THREATEN"), ("meet", "VERB", [], "CONSULT"),
])
def test_lexicon_selects_by_object(lemma: str, pos: str, objects: list[tuple[str, str]], expected: str) -> None:
    row = load_lexicon().select(lemma, pos, objects)
    assert row is not None and row.type == expected


def test_lexicon_prefilter_is_a_superset() -> None:
    lexicon = load_lexicon()
    assert lexicon.has_candidate("gunmen attacked a convoy")
    assert not lexicon.has_candidate("the weather was mild")


def test_normalise_case_keeps_length_and_names() -> None:
    text = "SAN SALVADOR, 3 JAN 90 -- THE FMLN ATTACKED A BRIDGE IN EL SALVADOR."
    out = normalise_case(text, load_actor_dictionary())
    assert len(out) == len(text)
    assert "FMLN" in out and "El Salvador" in out and "San Salvador" in out and " attacked " in out


def test_normalise_case_leaves_normal_text_alone() -> None:
    text = "Islamic State has released a video."
    assert normalise_case(text, load_actor_dictionary()) == text
