"""Online story clustering: same event together, same-kind events apart, quality floor on ECB+."""

from __future__ import annotations

import json
from pathlib import Path

from wirewatch.stages.cluster.features import name_terms, number_terms, text_features
from wirewatch.stages.cluster.split import StorySplitter
from wirewatch.stages.cluster.stories import StoryIndex, new_story_id

REHAB_A = [
    ("Lindsay Lohan checked into the Betty Ford Center on Thursday to begin a 90-day stint, her lawyer "
     "Mark Heller said. Lohan was ordered into rehab after a car crash in Santa Monica."),
    ("Actress Lindsay Lohan has entered the Betty Ford Center in Rancho Mirage, lawyer Mark Heller "
     "confirmed. The judge in Santa Monica gave Lohan 90 days of rehab."),
    ("Lohan arrived at Betty Ford early on Thursday, Heller told reporters, beginning the 90 days "
     "of treatment ordered by the Santa Monica court."),
]
REHAB_B = (
    "Tara Reid has entered Promises Treatment Center in Malibu, her publicist Jack Ketsoyan said. "
    "Reid, the American Pie actress, checked in for undisclosed reasons."
)
QUAKE = (
    "An earthquake of magnitude 6.1 struck off Hokkaido on Sunday, the Japan Meteorological Agency "
    "said. No tsunami warning was issued and there were no reports of damage in Kushiro."
)


def _assign(index: StoryIndex, doc_id: str, text: str, published: str | None = "2013-05-02") -> str:
    return index.assign(text_features(doc_id, None, text, published)).story_id


def test_names_and_numbers_are_features() -> None:
    names = name_terms("Police said Tara Reid left. The Betty Ford Center opened in 1982.")
    assert {"@tara_reid", "@reid", "@betty_ford_center", "@ford"} <= set(names)
    assert "@police" not in names          # opens its sentence: not a name on its own
    assert set(number_terms("At least 1,500 people, a 31-24 win, magnitude 5.6, 7 men")) == \
        {"#1500", "#31", "#24", "#5.6"}


def test_stories_same_event_together_other_events_apart() -> None:
    index = StoryIndex()
    ids = [_assign(index, f"a{i}", text) for i, text in enumerate(REHAB_A)]
    assert len(set(ids)) == 1
    assert _assign(index, "b", REHAB_B) != ids[0]
    assert _assign(index, "q", QUAKE) not in {ids[0]}
    assert ids[0] == new_story_id("a0")


def test_stories_time_decay_keeps_years_apart_events_apart() -> None:
    index = StoryIndex()
    first = _assign(index, "a0", REHAB_A[0], "2013-05-02")
    assert _assign(index, "a1", REHAB_A[1], "2013-05-03") == first
    assert _assign(index, "a2", REHAB_A[2], "2016-05-03") != first


def test_stories_replay_rebuilds_the_same_state() -> None:
    live, rebuilt = StoryIndex(), StoryIndex()
    for i, text in enumerate(REHAB_A[:2]):
        feats = text_features(f"a{i}", None, text, "2013-05-02")
        rebuilt.replay(text_features(f"a{i}", None, text, "2013-05-02"), live.assign(feats).story_id)
    a = live.assign(text_features("a2", None, REHAB_A[2], "2013-05-03"))
    b = rebuilt.assign(text_features("a2", None, REHAB_A[2], "2013-05-03"))
    assert (a.story_id, round(a.score, 9)) == (b.story_id, round(b.score, 9))


def test_stories_candidates_are_few_among_many_stories() -> None:
    """Sub-linear: an article is scored against a bounded number of stories, not all of them."""
    import random

    rng = random.Random(5)
    index = StoryIndex()
    for i in range(300):
        words = " ".join("".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(4))
                         for _ in range(30))
        _assign(index, f"n{i}", f"The council approved {words}.")
    vectors = index._count_and_vectorise(text_features("x", None, REHAB_A[0], "2013-05-02"))
    assert len(index._candidates(vectors)) <= index.options.candidates
    assert len(index.stories) == 300


def _bcubed_f1(gold: dict[str, str], pred: dict[str, str]) -> float:
    from collections import Counter

    cells = Counter((gold[i], pred[i]) for i in gold)
    g, p = Counter(gold.values()), Counter(pred[i] for i in gold)
    precision = sum(c * c / p[pc] for (_, pc), c in cells.items()) / len(gold)
    recall = sum(c * c / g[gc] for (gc, _), c in cells.items()) / len(gold)
    return 2 * precision * recall / (precision + recall)


def test_stories_quality_floor_on_ecbplus_dev(shared_dir: Path) -> None:
    """Assignment and splits in memory on the raw ECB+ dev texts, in arrival order (the CLI eval
    runs the full path)."""
    folder = shared_dir / "data" / "clustering"
    docs = [json.loads(line) for line in (folder / "docs.jsonl").read_text(encoding="utf-8").splitlines()]
    docs.sort(key=lambda d: (d["date"] is None, d["date"] or ""))
    index, splitter = StoryIndex(), StorySplitter()
    splits = 0
    for d in docs:
        story_id = index.assign(text_features(d["id"], d["title"], d["text"], d["date"])).story_id
        plan = splitter.plan(index, story_id, {})
        if plan is not None:
            splitter.apply(index, plan, {})
            splits += 1
    pred = {d["id"]: index.story_of[d["id"]] for d in docs}
    assert splits >= 2
    assert _bcubed_f1({d["id"]: d["cluster"] for d in docs}, pred) >= 0.89
