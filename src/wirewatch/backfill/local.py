"""The local engine: one process reads the archives in order and runs the pipeline."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from wirewatch.backfill.manifest import FileKey
from wirewatch.backfill.options import BackfillOptions, EngineRun
from wirewatch.backfill.output import DatasetWriter
from wirewatch.backfill.pages import PageResult, iter_page_results, max_rss_mb
from wirewatch.pipeline.builder import Pipeline
from wirewatch.warc import WarcStats, iter_warc_documents


def run_local(keys: Sequence[FileKey], writer: DatasetWriter, options: BackfillOptions,
              on_pages: Callable[[int], None]) -> EngineRun:
    """Process each file in turn; the pipeline (and its models) is built once."""
    pipeline = Pipeline.default(names=options.stages, batch_size=options.batch_size)
    run = EngineRun()
    for key in keys:
        stats = WarcStats()
        results: list[PageResult] = []
        for result in iter_page_results(pipeline, iter_warc_documents(key.path, stats=stats)):
            results.append(result)
            on_pages(1)
        run.add(key, writer.finish(key, results, stats), stats)
    run.worker_rss_mb["local"] = max_rss_mb()
    return run
