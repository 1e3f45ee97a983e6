"""Clustering cost per article at 1k / 5k / 10k articles: near-duplicates + stories (+ SQLite writes).

Synthetic news stream: stories of 1-30 articles, each story with its own names, numbers and
topic words over a shared background vocabulary (Zipf-like), one in ten articles a wire copy
of an earlier one, articles arriving in date order with stories interleaved. Three timings:

* ``core``: NearDuplicateIndex.check + StoryIndex.assign in memory (the algorithm);
* ``stored``: StoryClusterer.add on batches of 32 articles already in a SQLite file (what
  `wirewatch ingest` adds after storing each batch: the algorithm plus its transactions);
* ``big``: the same on a stream of big stories: 20 pages with 3 events each, copied over and
  over with a new reference line (as bench/corpus.py builds the pipeline benchmark's corpus),
  so that at 10k articles each story holds 500 near-identical copies whose events merge into
  the same canonical events.

Usage:
    .venv/bin/python bench/cluster_bench.py --sizes 1000 5000 10000 --record
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import write_section

from wirewatch.models import Actor, Article, Event, EventPlace, Evidence
from wirewatch.stages.cluster.clusterer import StoryClusterer
from wirewatch.stages.cluster.dedup import NearDuplicateIndex
from wirewatch.stages.cluster.features import article_features
from wirewatch.stages.cluster.stories import StoryIndex
from wirewatch.storage import open_store

COMMAND = ".venv/bin/python bench/cluster_bench.py --sizes {sizes} --record"


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(syllables))


def synthetic_stream(n: int, seed: int = 7) -> list[Article]:
    """``n`` articles in arrival order."""
    rng = random.Random(seed)
    background = [_word(rng, 3) for _ in range(3000)]
    out: list[Article] = []
    day = date(2024, 1, 1)
    live: list[dict[str, object]] = []
    while len(out) < n:
        if not live or rng.random() < 0.15:
            live.append({"names": [_word(rng, 3).title() for _ in range(4)],
                         "topic": [_word(rng, 4) for _ in range(12)], "left": rng.randint(1, 30),
                         "n": rng.randint(2, 500)})
        story = rng.choice(live)
        if out and rng.random() < 0.1:
            original = rng.choice(out[-200:])
            text = "WIRE - " + original.text + " Reporting by the desk."
        else:
            text = _text(rng, story, background)
        out.append(Article(id=f"b{len(out)}", url=None, title=None, published=day.isoformat(), site=None,
                           language="en", text=text, content_hash=f"h{len(out)}"))
        story["left"] = int(story["left"]) - 1  # type: ignore[call-overload]
        if int(story["left"]) <= 0:  # type: ignore[call-overload]
            live.remove(story)
        if len(out) % 40 == 0:
            day += timedelta(days=1)
    return out


def _text(rng: random.Random, story: dict[str, object], background: list[str]) -> str:
    names, topic = list(story["names"]), list(story["topic"])  # type: ignore[call-overload]
    sentences = []
    for _ in range(12):
        words = [rng.choice(background[: rng.choice((100, 3000))]) for _ in range(14)]
        words[rng.randrange(14)] = rng.choice(topic)
        words[rng.randrange(14)] = rng.choice(topic)
        words[rng.randrange(1, 14)] = rng.choice(names)
        sentences.append(" ".join(words).capitalize() + f" {story['n']}.")
    return " ".join(sentences)


EVENT_KINDS = (("ASSAULT", "190", 12, "actual"), ("PROTEST", "141", None, "actual"),
               ("ACCUSE", "112", None, "alleged"))


def big_story_stream(n: int, pages: int = 20, seed: int = 11) -> list[Article]:
    """``n`` articles: ``pages`` distinct reports, each copied ``n / pages`` times (round-robin)."""
    rng = random.Random(seed)
    background = [_word(rng, 3) for _ in range(3000)]
    bases = []
    for p in range(pages):
        story = {"names": [_word(rng, 3).title() for _ in range(4)], "topic": [_word(rng, 4) for _ in range(12)],
                 "n": rng.randint(2, 500)}
        bases.append((_text(rng, story, background), rng.uniform(-30, 30), rng.uniform(-60, 60)))
    out: list[Article] = []
    day = date(2024, 1, 1)
    for i in range(n):
        text, lat, lon = bases[i % pages]
        text = f"{text} Reference number {i} of this copy."
        events = []
        for k, (kind, cameo, killed, status) in enumerate(EVENT_KINDS):
            start = 100 * k
            events.append(Event(
                id=f"e{i}-{k}", type=kind, cameo=cameo, mode=None, actor=Actor("gunmen"), target=Actor("villagers"),
                place=EventPlace(f"Town {i % pages}", None, lat, lon, None, "point"), date=day.isoformat(),
                date_precision="day", killed=None if killed is None else killed + (i // pages) % 3, injured=None,
                status=status, attribution=None, evidence=Evidence(text[start:start + 80], start, start + 80),
                confidence=0.9))
        out.append(Article(id=f"g{i}", url=None, title=None, published=day.isoformat(), site=None,
                           language="en", text=text, events=events, content_hash=f"g{i}"))
        if (i + 1) % 500 == 0:
            day += timedelta(days=1)
    return out


def time_core(stream: list[Article]) -> float:
    dedup, index = NearDuplicateIndex(), StoryIndex()
    started = time.process_time()
    for article in stream:
        if dedup.check(article.id, article.text) is None:
            index.assign(article_features(article))
    return time.process_time() - started


def time_stored(stream: list[Article]) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        try:
            clusterer = StoryClusterer(store)
            elapsed = 0.0
            for start in range(0, len(stream), 32):
                batch = stream[start:start + 32]
                store.add_articles(batch)
                began = time.perf_counter()
                clusterer.add(batch)
                elapsed += time.perf_counter() - began
        finally:
            store.close()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    parser.add_argument("--record", action="store_true", help="write the section of bench/RESULTS.md")
    args = parser.parse_args()
    rows = []
    for n in args.sizes:
        stream = synthetic_stream(n)
        core = time_core(stream)
        stored = time_stored(stream)
        big = time_stored(big_story_stream(n))
        rows.append((n, core, stored, big))
        print(f"{n:>6} articles: core {core:.1f} s CPU ({core / n * 1000:.2f} ms/article), "
              f"with SQLite writes {stored:.1f} s ({stored / n * 1000:.2f} ms/article), "
              f"big stories {big:.1f} s ({big / n * 1000:.2f} ms/article)", flush=True)
    if args.record:
        table = [("| articles | core CPU (s) | core ms/article | with SQLite (s) | with SQLite ms/article "
                 "| big stories (s) | big stories ms/article |"),
                 "|---|---|---|---|---|---|---|"]
        table += [f"| {n:,} | {c:.1f} | {c / n * 1000:.2f} | {s:.1f} | {s / n * 1000:.2f} | {b:.1f} "
                  f"| {b / n * 1000:.2f} |" for n, c, s, b in rows]
        body = (f"Command: `{COMMAND.format(sizes=' '.join(map(str, args.sizes)))}`\n\n"
                "Synthetic stream (stories of 1-30 articles, 12 sentences each, one in ten a wire copy), "
                "in arrival order. *core*: near-duplicate check + story assignment in memory (CPU time); "
                "*with SQLite*: `StoryClusterer.add` per batch of 32 stored articles (wall clock, "
                "transactions included); *big stories*: the same on 20 pages with 3 events each copied "
                "round-robin (n/20 near-identical copies per story, 500 at 10k, their events merged into "
                "the same canonical events). Time per article should stay roughly flat as the stream grows "
                "(candidate stories come from an inverted index; merging keeps per-event tallies; a story "
                "is checked for a split only when it has grown by a quarter).\n\n"
                + "\n".join(table) + f"\n\nMachine: {platform.machine()}, Python {platform.python_version()}, "
                "2 cores shared with other jobs.")
        write_section("Clustering", body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
