"""Story clustering quality on shared/data/clustering, through the same path as `wirewatch ingest`.

Each document of ``input.jsonl`` becomes a plain-text page (headline on the first line) with its
URL and publication date, in arrival order — by date, undated documents last (in file order) —
and goes through :func:`wirewatch.runner.ingest_documents` into a fresh SQLite database: extraction,
spaCy, geoparsing, coding, storage, then near-duplicates, stories and event merging. The story
ids are read back from the database and scored with the data set's own ``score.py``.
"""

from __future__ import annotations

import importlib.util
import json
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

from sqlalchemy import select

from wirewatch.errors import InputError
from wirewatch.models import Document

Progress = Callable[[int], None]


def read_inputs(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The documents in arrival order: dated ones by date, then undated ones, each in file order."""
    rows = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{lineno}: not JSON ({exc.msg}).") from exc
    rows.sort(key=lambda r: (r.get("date") is None, r.get("date") or ""))
    return rows[:limit] if limit else rows


def as_document(row: dict[str, Any]) -> Document:
    """A plain-text page: the headline (when there is one) on the first line, then the text."""
    text = f"{row['title']}\n\n{row['text']}" if row.get("title") else row["text"]
    published = date.fromisoformat(row["date"]) if row.get("date") else None
    return Document(uri=f"{row['id']}.txt", content=text.encode("utf-8"), content_type="text/plain",
                    url=row.get("url"), published=published, source="eval-cluster")


def load_scorer(folder: Path) -> ModuleType:
    """The data set's ``score.py`` (standard library only)."""
    path = folder / "score.py"
    spec = importlib.util.spec_from_file_location("wirewatch_cluster_score", path)
    if spec is None or spec.loader is None or not path.exists():
        raise InputError(f"{path}: scorer not found.", hint="Pass --data pointing at shared/data.")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def evaluate_clustering(folder: Path, *, limit: int | None = None, db_url: str | None = None,
                        on_progress: Progress | None = None, out: Path | None = None) -> dict[str, Any]:
    """Ingest the set in arrival order, read the stories back, score them; figures as a dict."""
    from wirewatch.pipeline.builder import Pipeline
    from wirewatch.runner import ingest_documents
    from wirewatch.storage import open_store

    rows = read_inputs(folder / "input.jsonl", limit)
    scorer = load_scorer(folder)
    with tempfile.TemporaryDirectory(prefix="wirewatch-eval-cluster-") as tmp:
        store = open_store(db_url or f"sqlite:///{Path(tmp) / 'eval.db'}")
        try:
            started = time.perf_counter()
            report = ingest_documents((as_document(r) for r in rows), store, pipeline=Pipeline.default(),
                                      on_progress=on_progress)
            seconds = time.perf_counter() - started
            predicted = dict(_stories_by_uri(store))
        finally:
            store.close()
    # a page whose URL was already stored is that article (ingest skips it): it shares its story
    predictions = {r["id"]: predicted.get(f"{r['id']}.txt") or predicted.get(f"url:{r.get('url')}")
                   for r in rows}
    predictions = {k: v for k, v in predictions.items() if v}
    if out is not None:
        out.write_text("".join(json.dumps({"id": k, "cluster": v}) + "\n" for k, v in predictions.items()),
                       encoding="utf-8")
    gold = scorer.load_gold(str(folder / "docs.jsonl"), "cluster")
    if limit:
        gold = {k: v for k, v in gold.items() if k in {r["id"] for r in rows}}
    figures: dict[str, Any] = dict(scorer.score(gold, predictions))
    clustering = report.clustering
    figures.update({"duplicates": clustering.duplicates if clustering else 0,
                    "merged_events": clustering.merged_events if clustering else 0,
                    "failures": len(report.failures), "seconds": round(seconds, 1)})
    return figures


def _stories_by_uri(store: Any) -> Iterator[tuple[str, str]]:
    from wirewatch.storage.schema import articles

    with store.engine.connect() as conn:
        for uri, url, story_id in conn.execute(select(articles.c.source_uri, articles.c.url,
                                                      articles.c.story_id)):
            if story_id:
                yield uri or "", story_id
                if url:
                    yield f"url:{url}", story_id
