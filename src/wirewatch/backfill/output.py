"""Where backfill results go: Parquet datasets partitioned by day, the manifest, optionally a store.

``DIR/articles/day=YYYY-MM-DD/<file>.parquet`` (by publication day) and
``DIR/events/day=YYYY-MM-DD/<file>.parquet`` (by event date, else the article's day) hold the
columns of the JSONL exports (:mod:`wirewatch.export.parquet`); ``day=unknown`` collects rows
without a date. Parts are named after their input file and written atomically, so redoing a
file replaces its parts instead of adding duplicates.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wirewatch.backfill.manifest import FileKey, Manifest
from wirewatch.backfill.pages import PageResult, article_from_dict
from wirewatch.export import parquet
from wirewatch.export.rows import event_rows_of_article
from wirewatch.warc import WarcStats

UNKNOWN_DAY = "unknown"


def day_of(value: Any) -> str:
    """'2025-03-06' from a date or datetime string; 'unknown' when there is none."""
    parsed = parquet.to_date(value)
    return parsed.isoformat() if parsed else UNKNOWN_DAY


@dataclass
class FileOutcome:
    """What one archive file gave."""

    pages: int = 0
    articles: int = 0
    events: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def summary(self) -> dict[str, Any]:
        return {"pages": self.pages, "articles": self.articles, "events": self.events,
                "skipped": dict(self.skipped)}


class DatasetWriter:
    """Writes one file's results as Parquet parts, then records the file in the manifest."""

    def __init__(self, out_dir: Path, store: Any = None) -> None:
        self.out_dir = out_dir
        self.manifest = Manifest(out_dir)
        self.store = store
        finished = {FileKey(e["path"], e["size"], e["mtime_ns"]).part_name for e in self.manifest.done.values()}
        self.seen_ids = existing_article_ids(out_dir / "articles", finished)

    def clear_parts(self, key: FileKey) -> None:
        """Remove parts left by an unfinished earlier run of this file."""
        for table in ("articles", "events"):
            for part in (self.out_dir / table).glob(f"day=*/{key.part_name}.parquet"):
                part.unlink()

    def finish(self, key: FileKey, results: Iterable[PageResult], stats: WarcStats) -> FileOutcome:
        """Write the file's articles and events, load the store, mark the file done."""
        outcome = FileOutcome(skipped=Counter(stats.skipped))
        articles: list[dict[str, Any]] = []
        sources: dict[str, str] = {}
        for result in results:
            outcome.pages += 1
            if result.article is None:
                outcome.skipped[f"failed:{result.failed_stage}"] += 1
            elif result.article["id"] in self.seen_ids:
                outcome.skipped["duplicate"] += 1
            else:
                self.seen_ids.add(result.article["id"])
                articles.append(result.article)
                sources[result.article["id"]] = result.source
        events = [row for a in articles for row in event_rows_of_article(a)]
        self._write("articles", key, articles, parquet.article_record, parquet.ARTICLE_SCHEMA,
                    lambda a: day_of(a.get("published")))
        self._write("events", key, events, parquet.event_record, parquet.EVENT_SCHEMA, self._event_day(articles))
        if self.store is not None and articles:
            self.store.add_articles(article_from_dict(a, sources[a["id"]]) for a in articles)
        outcome.articles, outcome.events = len(articles), len(events)
        self.manifest.mark_done(key, outcome.summary())
        return outcome

    @staticmethod
    def _event_day(articles: list[dict[str, Any]]) -> Any:
        published = {a["id"]: a.get("published") for a in articles}
        return lambda e: day_of(e.get("date") or published.get(e.get("article_id")))

    def _write(self, table: str, key: FileKey, rows: list[dict[str, Any]], record: Any, schema: Any,
               day: Any) -> None:
        by_day: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for row in rows:
            by_day[day(row)].append(record(row))
        for value, records in by_day.items():
            folder = self.out_dir / table / f"day={value}"
            folder.mkdir(parents=True, exist_ok=True)
            final = folder / f"{key.part_name}.parquet"
            temporary = folder / f".{key.part_name}.parquet.tmp"
            parquet.write_records(records, schema, str(temporary))
            os.replace(temporary, final)


def existing_article_ids(folder: Path, part_names: set[str]) -> set[str]:
    """Article ids in the parts of finished files (only the ``id`` column is read)."""
    parts = sorted(p for p in folder.glob("day=*/*.parquet") if p.stem in part_names)
    if not parts:
        return set()
    import pyarrow.parquet as pq

    ids: set[str] = set()
    for part in parts:
        ids.update(pq.read_table(part, columns=["id"]).column("id").to_pylist())
    return ids
