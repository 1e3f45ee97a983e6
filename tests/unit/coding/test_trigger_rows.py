"""Curated trigger rows that pick the CAMEO/PLOVER category by the verb's object."""

from __future__ import annotations

import pytest

from wirewatch.stages.coding.lexicon import load_lexicon

CASES = [
    ("allow", "VERB", "", "CONCEDE"),            # 080 yield: "allowed the candidate to run"
    ("allow", "VERB", "inspectors", "RETREAT"),  # 086 allow international involvement
    ("accept", "VERB", "demands", "CONCEDE"),    # 083 accede to demands
    ("call off", "VERB", "strike", "CONCEDE"),   # 082 ease political dissent
    ("alert", "NOUN", "", "MOBILIZE"),           # 152 increase military alert status
    ("strengthen", "VERB", "forces", "MOBILIZE"),
    ("shun", "VERB", "work", "PROTEST"),         # 143 strike
    ("defend", "VERB", "right", "SUPPORT"),      # 052 defend verbally
]


@pytest.mark.parametrize("lemma,pos,obj,type_", CASES, ids=[f"{c[0]}-{c[2] or 'default'}" for c in CASES])
def test_row(lemma: str, pos: str, obj: str, type_: str) -> None:
    row = load_lexicon().select(lemma, pos, [(obj, "")] if obj else [])
    assert row is not None and row.type == type_
