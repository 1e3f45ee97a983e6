"""Near-duplicate detection: wire copies are flagged, different stories with shared boilerplate are not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirewatch.stages.cluster.dedup import NearDuplicateIndex

WIRE = (
    "Gunmen stormed a police station in the northern town of Kaya early on Tuesday, killing nine "
    "officers and wounding four others before fleeing on motorcycles, the regional governor said. "
    "The attackers set fire to two vehicles and seized weapons from the armoury, according to a "
    "security source who asked not to be named because he was not authorised to speak to the press. "
    "No group has claimed responsibility for the attack, the third on security forces in the region "
    "this month. Reinforcements were sent from the capital and a curfew was declared in the town."
)
BOILERPLATE = (
    " Subscribe to our newsletter for the latest news from the region, delivered to your inbox every "
    "morning. Our journalists work around the clock to bring you independent reporting; support them "
    "by becoming a member today. All rights reserved. Reproduction without permission is prohibited. "
    "Follow us on social media for breaking news alerts and live coverage of the events that matter."
) * 2
OTHER_STORY = (
    "The central bank raised its main interest rate by half a percentage point on Thursday to curb "
    "inflation, which reached its highest level in a decade last month, the bank said in a statement."
)


def test_dedup_flags_a_wire_copy_with_a_new_dateline_and_footer() -> None:
    index = NearDuplicateIndex()
    assert index.check("a", WIRE) is None
    copy = "KAYA, Burkina Faso (Reuters) - " + WIRE.replace("early on Tuesday", "on Tuesday") + \
        " Reporting by a correspondent; editing by the desk."
    match = index.check("b", copy)
    assert match is not None and match.original_id == "a"
    assert match.jaccard >= 0.5


def test_dedup_flags_a_trimmed_copy_by_containment() -> None:
    index = NearDuplicateIndex()
    index.check("a", WIRE + " " + OTHER_STORY)
    match = index.check("b", WIRE)
    assert match is not None and match.containment >= 0.8


def test_dedup_ignores_different_stories_sharing_boilerplate() -> None:
    index = NearDuplicateIndex()
    assert index.check("a", WIRE + BOILERPLATE) is None
    assert index.check("b", OTHER_STORY + BOILERPLATE) is None
    assert len(index) == 2


def test_dedup_ignores_short_texts() -> None:
    index = NearDuplicateIndex()
    index.check("a", "Police said nine were killed.")
    assert index.check("b", "Police said nine were killed.") is None


def _pairs(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_dedup_precision_on_the_clustering_set(shared_dir: Path) -> None:
    """Every article flagged on the ECB+ set is a copy of one in the same gold story (precision)."""
    folder = shared_dir / "data" / "clustering"
    docs = {d["id"]: d for d in _pairs(folder / "docs.jsonl")}
    silver = {frozenset((str(p["a"]), str(p["b"]))) for p in _pairs(folder / "near_duplicates.silver.jsonl")}
    index = NearDuplicateIndex()
    flagged = []
    for doc_id in sorted(docs):
        match = index.check(doc_id, str(docs[doc_id]["text"]))
        if match is not None:
            flagged.append((doc_id, match.original_id))
    assert len(flagged) >= 15
    same_story = sum(docs[a]["cluster"] == docs[b]["cluster"] for a, b in flagged)
    assert same_story / len(flagged) >= 0.99
    in_silver = sum(frozenset(p) in silver for p in flagged)
    assert in_silver / len(flagged) >= 0.9


@pytest.mark.parametrize("window", [1, 2])
def test_dedup_forgets_beyond_its_window(window: int) -> None:
    from wirewatch.stages.cluster.dedup import DedupOptions

    index = NearDuplicateIndex(DedupOptions(window=window))
    index.check("a", WIRE)
    index.check("c", OTHER_STORY * 3)
    assert len(index) == window
    found = index.check("b", WIRE)
    assert (found is not None) == (window == 2)
