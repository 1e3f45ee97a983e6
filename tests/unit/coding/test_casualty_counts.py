"""Victim counts: coordinated victims, named victims, killing nouns and "shot to death"."""

from __future__ import annotations

import pytest

from wirewatch.stages.coding.casualties import find_casualties

CASES = [
    ("coordinated-numbers", "The murder of six priests and two women was condemned.", 8),
    ("person-then-number", "Guerrillas have killed the mayor of the town, as well as two peasants.", 3),
    ("two-names-shot-to-death", "Fabio Roa and his brother Norberto Saavedra were shot to death.", 2),
    ("named-object", "Several gunmen killed Roberto Sarasty, a radio reporter.", 1),
    ("possessive-murder", "After Senator Luis Carlos Galan's murder, security became an issue.", 1),
    ("deaths-noun", "The attack caused 9 deaths.", 9),
    ("found-dead", "The political leader Hector Oqueli was found dead.", 1),
    ("shot-dead", "The police said that Tomas Evangelista was shot dead by terrorists.", 1),
    ("death-of", "The double murder resulted in the death of a lawyer and a teacher.", 2),
    ("sentenced-to-death", "He was sentenced to death by the court.", None),
    ("death-squads", "Death squads operate in the capital.", None),
    ("collective", "The bomb killed a family.", None),
]


@pytest.mark.parametrize("text,killed", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_killed(nlp: object, text: str, killed: int | None) -> None:
    doc = nlp(text)  # type: ignore[operator]
    assert find_casualties(doc[:]).killed == killed
