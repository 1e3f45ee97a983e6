"""The Ray engine: Ray Data reads archives in parallel and a pool of actors runs the pipeline.

Plan: ``from_items(files)`` → ``flat_map(read_archive)`` (one task per file streams its pages
and ends with an ``end`` row carrying the file's read statistics) → ``map_batches(PipelineWorker,
concurrency=workers)``: each actor builds the pipeline and loads spaCy, the gazetteer and the
dictionaries once, then parses batches with ``nlp.pipe``. The driver collects the results, and
when a file's ``end`` row and all its pages are in, writes that file's Parquet parts and marks
it done in the manifest (the same :class:`DatasetWriter` as the local engine).

Imported only for ``--engine ray``. Without ``--address`` a local Ray runtime is started with
``workers + 1`` logical CPUs (one per actor, one for the readers).
"""

from __future__ import annotations

import json
import logging
import os
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from wirewatch.backfill.manifest import FileKey
from wirewatch.backfill.options import BackfillOptions, EngineRun
from wirewatch.backfill.output import DatasetWriter
from wirewatch.backfill.pages import (
    PageResult,
    document_from_row,
    document_row,
    iter_page_results,
    max_rss_mb,
)
from wirewatch.errors import ConfigError
from wirewatch.warc import WarcStats, iter_warc_documents

RESULT_COLUMNS = ("file", "kind", "result", "stats", "worker", "rss_mb")
#: Target size of the blocks of pages (Ray's default, 128 MiB, would send a whole archive to one actor).
BLOCK_BYTES = 2 * 1024 * 1024


def import_ray() -> Any:
    """The ray module, or a ConfigError (exit 3) that says how to install it."""
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise ConfigError("the Ray engine needs Ray Data, which is not installed.",
                          hint="pip install 'wirewatch[ray]' (or use --engine local).") from exc
    return ray


def ensure_ray(address: str | None, workers: int) -> None:
    """Connect to ``address`` or start a local runtime, unless Ray is already initialised."""
    ray = import_ray()
    if ray.is_initialized():
        return
    try:
        if address:
            ray.init(address=address, logging_level="WARNING", log_to_driver=False)
        else:
            ray.init(num_cpus=workers + 1, include_dashboard=False, logging_level="WARNING",
                     log_to_driver=False)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise ConfigError(f"cannot start or reach Ray{' at ' + address if address else ''}: {exc}",
                          hint="Check --address (ray://host:10001 or host:6379) or omit it for local mode.") from exc


def read_archive(row: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    """Every page of one archive as a row, then an ``end`` row with the read statistics."""
    stats = WarcStats()
    for document in iter_warc_documents(row["file"], stats=stats):
        yield document_row(row["file"], document)
    yield {"file": row["file"], "kind": "end", "uri": "", "url": "", "content": b"", "content_type": "",
           "fetched_at": "", "stats": json.dumps({"pages": stats.pages, "skipped": dict(stats.skipped),
                                                  "other_records": stats.other_records, "errors": stats.errors})}


class PipelineWorker:
    """A Ray Data actor: builds the pipeline (models loaded once per actor) and processes batches."""

    def __init__(self, stages: Sequence[str], batch_size: int) -> None:
        from wirewatch.pipeline.builder import Pipeline
        from wirewatch.stages.nlp import load_model

        self.pipeline = Pipeline.default(names=tuple(stages), batch_size=batch_size)
        load_model()
        self.name = f"{os.uname().nodename}:{os.getpid()}"

    def __call__(self, batch: Any) -> dict[str, list[Any]]:
        rows = batch.to_pylist()
        pages = [r for r in rows if r["kind"] == "page"]
        results = iter_page_results(self.pipeline, (document_from_row(r) for r in pages))
        out: dict[str, list[Any]] = {c: [] for c in RESULT_COLUMNS}
        for row, result in zip(pages, results):
            self._append(out, row["file"], "page", result.to_json(), "")
        for row in rows:
            if row["kind"] == "end":
                self._append(out, row["file"], "end", "", row["stats"])
        return out

    def _append(self, out: dict[str, list[Any]], file: str, kind: str, result: str, stats: str) -> None:
        for column, value in zip(RESULT_COLUMNS, (file, kind, result, stats, self.name, max_rss_mb())):
            out[column].append(value)


class _Collector:
    """Driver side: gathers rows per file and finishes a file once all its pages are in."""

    def __init__(self, keys: Sequence[FileKey], writer: DatasetWriter, on_pages: Callable[[int], None]) -> None:
        self.keys = {k.path: k for k in keys}
        self.writer, self.on_pages = writer, on_pages
        self.results: dict[str, list[PageResult]] = defaultdict(list)
        self.ends: dict[str, dict[str, Any]] = {}
        self.run = EngineRun()

    def add(self, row: Mapping[str, Any]) -> None:
        file = row["file"]
        self.run.worker_rss_mb[row["worker"]] = max(row["rss_mb"], self.run.worker_rss_mb.get(row["worker"], 0))
        if row["kind"] == "end":
            self.ends[file] = json.loads(row["stats"])
        else:
            self.results[file].append(PageResult.from_json(row["result"]))
            self.on_pages(1)
        end = self.ends.get(file)
        if end is not None and len(self.results[file]) >= end["pages"]:
            self._finish(file, end)

    def _finish(self, file: str, end: dict[str, Any]) -> None:
        stats = WarcStats(pages=end["pages"], other_records=end["other_records"], errors=end["errors"])
        stats.skipped.update(end["skipped"])
        results = sorted(self.results.pop(file), key=lambda r: _offset(r.source))
        self.run.add(self.keys[file], self.writer.finish(self.keys[file], results, stats), stats)
        del self.ends[file]


def _offset(uri: str) -> int:
    tail = uri.rsplit("#", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def run_ray(keys: Sequence[FileKey], writer: DatasetWriter, options: BackfillOptions,
            on_pages: Callable[[int], None]) -> EngineRun:
    """Process the files on Ray; returns the same outcomes as the local engine."""
    ray = import_ray()
    ensure_ray(options.address, options.workers)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    context.target_max_block_size = BLOCK_BYTES   # many small blocks: pages of one file spread over actors
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    files = ray.data.from_items([{"file": k.path} for k in keys], override_num_blocks=len(keys))
    pages = files.flat_map(read_archive)
    results = pages.map_batches(PipelineWorker, fn_constructor_kwargs={"stages": list(options.stages),
                                                                       "batch_size": options.batch_size},
                                batch_size=options.batch_size, batch_format="pyarrow",
                                compute=ray.data.ActorPoolStrategy(size=options.workers), num_cpus=1)
    collector = _Collector(keys, writer, on_pages)
    with warnings.catch_warnings():   # Ray warns when there are fewer blocks than actors (a small input)
        warnings.filterwarnings("ignore", message="The minimum number of concurrent actors", category=UserWarning)
        for row in results.iter_rows():
            collector.add(row)
    if collector.ends or collector.results:
        unfinished = sorted(set(collector.ends) | set(collector.results))
        raise RuntimeError(f"Ray returned incomplete results for {', '.join(unfinished)}")
    collector.run.worker_rss_mb["driver"] = max_rss_mb()
    return collector.run
