"""Event merging rules and reconciliation (hand-built mentions: deterministic)."""

from __future__ import annotations

import pytest

from wirewatch.stages.cluster.merge import Mention, best_match, is_compatible, reconcile

RAID = Mention(id="e1", article_id="a1", type="ASSAULT", actor_name="alleged insurgents",
               place_name="Macomia", place_country="MOZ", place_lat=-11.96, place_lon=40.1,
               place_precision="point", date="2025-08-10", killed=11, status="alleged",
               published="2025-08-12", evidence_text="At least 11 people were killed in Macomia.")


def _like(**changes: object) -> Mention:
    values = {f: getattr(RAID, f) for f in RAID.__dataclass_fields__}
    values.update({"id": "e2", "article_id": "a2", **changes})
    return Mention(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(("changes", "expected"), [
    ({}, True),
    ({"type": "COERCE"}, True),                                   # same family (violence)
    ({"type": "PROTEST"}, False),
    ({"date": "2025-08-12"}, True),                               # within 3 days
    ({"date": "2025-08-20"}, False),
    ({"date": None, "published": "2025-08-11"}, True),            # the article's day stands in
    ({"place_country": "TZA"}, False),
    ({"place_lat": -12.97, "place_lon": 40.52}, False),           # Pemba, ~120 km: two towns
    ({"place_name": "Cabo Delgado", "place_lat": -12.3, "place_lon": 39.3,
      "place_precision": "admin1"}, True),                        # the province around the town
    ({"place_lat": None, "place_lon": None, "place_precision": "country"}, True),
    ({"killed": 13}, True),
    ({"killed": 6000}, False),                                    # "the insurgency has killed 6,000"
    ({"actor_country": "MOZ"}, True),
])
def test_merge_compatibility(changes: dict[str, object], expected: bool) -> None:
    other = _like(**changes)
    assert is_compatible(RAID, other) is expected
    assert is_compatible(other, RAID) is expected


def test_merge_conflicting_actor_countries_are_two_events() -> None:
    a = _like(actor_country="RWA")
    b = _like(id="e3", actor_country="MOZ")
    assert not is_compatible(a, b)


def test_merge_best_match_prefers_the_closer_report() -> None:
    far = _like(id="c1", date="2025-08-12", place_name="Mozambique", place_lat=None, place_lon=None)
    near = _like(id="c2", article_id="a3", evidence_text="Eleven people were killed in Macomia.")
    assert best_match(RAID, [far, near]) == near
    assert best_match(RAID, [_like(type="AGREE")]) is None


def test_reconcile_range_latest_figure_and_claimed_status() -> None:
    mentions = [RAID, _like(killed=12, status="actual", published="2025-08-13"),
                _like(id="e3", article_id="a3", killed=13, status="claimed", published="2025-08-14")]
    figures = reconcile(mentions)
    assert (figures.mention_count, figures.killed_min, figures.killed_max) == (3, 11, 13)
    assert figures.killed == 13            # each figure once: the latest report wins
    assert figures.status == "claimed"     # an alleged attack later claimed
    assert figures.statuses == {"alleged": 1, "actual": 1, "claimed": 1}


def test_reconcile_most_sourced_figure_wins_and_denial_stays_visible() -> None:
    mentions = [RAID, _like(killed=11, published="2025-08-13"),
                _like(id="e3", article_id="a3", killed=14, status="denied", published="2025-08-14")]
    figures = reconcile(mentions)
    assert figures.killed == 11
    assert figures.status == "alleged"
    assert figures.statuses["denied"] == 1


def test_reconcile_counts_articles_and_takes_each_articles_lead_figure() -> None:
    second = _like(id="e4", article_id="a1", killed=20, evidence_text="the group said 20 died",
                   position=400)
    figures = reconcile([RAID, second])
    assert figures.mention_count == 1
    assert (figures.killed, figures.killed_min, figures.killed_max) == (11, 11, 11)


@pytest.mark.parametrize("seed", range(40))
def test_tally_equals_reconcile_on_random_sequences(seed: int) -> None:
    """The incremental tally gives what reconcile gives on the same mentions, after every mention."""
    import random

    from wirewatch.stages.cluster.merge import Tally

    rng = random.Random(seed)
    articles = [f"a{i}" for i in range(rng.randint(1, 8))]
    published = {a: rng.choice([None, "2025-08-11", "2025-08-12", "2025-08-13T10:00"]) for a in articles}
    statuses = ["actual", "alleged", "claimed", "denied", "threatened", "rumoured"]
    mentions: list[Mention] = []
    tally = Tally()
    for n in range(rng.randint(1, 30)):
        article = rng.choice(articles)
        mention = _like(id=f"e{n}", article_id=article, killed=rng.choice([None, 9, 11, 12, 13, 40]),
                        status=rng.choice(statuses), position=rng.choice([0, 50, 120, 300]),
                        published=rng.choice([published[article], "2025-08-14"]))
        mentions.append(mention)
        tally.add(mention)
        assert tally.result() == reconcile(mentions)
    assert Tally(mentions).result() == reconcile(mentions)
