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
    ("sign", "VERB", "", "SUPPORT"),             # 057 sign formal agreement (PLOVER 0.8 table)
    ("lift", "VERB", "curfew", "CONCEDE"),       # 0813 ease curfew: an administrative restriction
    ("lift", "VERB", "emergency", "CONCEDE"),    # 0814 ease state of emergency
    ("expel", "VERB", "inspectors", "SANCTION"),  # 166 expel or withdraw inspectors
    ("expel", "VERB", "", "COERCE"),             # 174 expel people
    ("end", "VERB", "mediation", "SANCTION"),    # 165 halt mediation
    ("release", "VERB", "@person", "RETREAT"),   # 0841 release persons
    ("release", "VERB", "video", "-"),           # not an event
    ("plan", "VERB", "", "-"),                   # an intent frame: the planned act is coded
]


def test_object_classes() -> None:
    """The verb's object selects rows through compounds, collective heads and the person class."""
    from wirewatch.stages.coding.candidates import _verb_objects
    from wirewatch.stages.nlp import load_model

    nlp = load_model()
    doc = nlp("Qatar ended its mediation efforts and freed a group of prisoners.")
    ended = next(t for t in doc if t.lower_ == "ended")
    assert ("mediation", "") in _verb_objects(ended)
    freed = next(t for t in doc if t.lower_ == "freed")
    objects = _verb_objects(freed)
    assert ("prisoner", "") in objects and objects[-1] == ("@person", "")


@pytest.mark.parametrize("lemma,pos,obj,type_", CASES, ids=[f"{c[0]}-{c[2] or 'default'}" for c in CASES])
def test_row(lemma: str, pos: str, obj: str, type_: str) -> None:
    row = load_lexicon().select(lemma, pos, [(obj, "")] if obj else [])
    assert row is not None and row.type == type_
