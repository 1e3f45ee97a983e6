"""Run the pipeline over user inputs: `process` (print) and `ingest` (store).

Library functions behind the CLI commands; they raise WirewatchError subclasses and
never print (progress is reported through a callback).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from wirewatch.errors import InputError
from wirewatch.models import Article, Document, Failure
from wirewatch.pipeline.base import ItemStage, RunContext, Work
from wirewatch.pipeline.builder import Pipeline
from wirewatch.stages.ingest import expand_paths, iter_file_documents
from wirewatch.storage.sql import SQLStore

Progress = Callable[[int], None]
Stored = Callable[[list[Article]], object]   # called with each batch of newly stored articles


@dataclass
class RunReport:
    """What a run did."""

    documents: int = 0
    articles: int = 0
    added: int = 0
    skipped: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)
    added_ids: list[str] = field(default_factory=list)   # ids of the articles newly stored
    timings: dict[str, float] = field(default_factory=dict)   # seconds per stage
    stopped: bool = False   # a stop was requested (SIGTERM) and the run ended early
    clustering: Any = None   # the cluster step's ClusterReport (stories, duplicates, merged events)


def iter_documents(inputs: Sequence[str], *, url: str | None = None,
                   published: date | datetime | None = None, allow_hosts: Iterable[str] = (),
                   failures: list[Failure] | None = None) -> Iterator[Document]:
    """Documents for files, folders, archives and URLs given on the command line.

    With several inputs, an unreadable one is recorded in ``failures`` and the rest go on;
    a single input that cannot be read raises (exit code 4).
    """
    from wirewatch.sources import iter_input_documents

    keep_going = failures if len(inputs) > 1 else None
    yield from iter_input_documents(inputs, url=url, published=published, allow_hosts=allow_hosts,
                                    failures=keep_going)


def check_inputs(inputs: Sequence[str]) -> None:
    """Fail early (exit 4) when a local path does not exist."""
    local = [i for i in inputs if "://" not in i]
    expand_paths(local)


def process(inputs: Sequence[str], *, url: str | None = None,
            published: date | datetime | None = None, pipeline: Pipeline | None = None,
            allow_hosts: Iterable[str] = ()) -> Iterator[Work]:
    """Process inputs and yield every work item (failed ones with ``failure`` set)."""
    check_inputs(inputs)
    pipeline = pipeline or Pipeline.default()
    yield from pipeline.run(iter_documents(inputs, url=url, published=published, allow_hosts=allow_hosts,
                                           failures=pipeline.ctx.failures))


class SkipStored(ItemStage):
    """Marks articles already in the store so that NLP and coding are not redone on a rerun."""

    name = "ingest.skip_stored.v1"
    requires = frozenset({"article"})
    provides = frozenset()

    def __init__(self, store: SQLStore) -> None:
        self.store = store

    def handle(self, work: Work, ctx: RunContext) -> None:
        if work.article is not None and self.store.has_article(work.article.id):
            work.skipped = "already stored"


def ingest(inputs: Sequence[str], store: SQLStore, *, batch_size: int = 32,
           url: str | None = None, published: date | datetime | None = None,
           on_progress: Progress | None = None, pipeline: Pipeline | None = None,
           workers: int = 1, db_url: str | None = None,
           should_stop: Callable[[], bool] | None = None, allow_hosts: Iterable[str] = (),
           cluster: bool = True) -> RunReport:
    """Process inputs and store articles, events and places; idempotent and transactional per batch.

    With ``workers`` > 1 the pipeline runs on that many processes (``db_url`` lets them skip
    articles already stored); storing stays in this process, in arrival order. With ``cluster``
    each stored batch then goes through near-duplicate detection, story clustering and event
    merging (see ``wirewatch.stages.cluster``).
    """
    check_inputs(inputs)
    clusterer = _open_clusterer(store) if cluster else None
    source_failures: list[Failure] = []
    documents = iter_documents(inputs, url=url, published=published, allow_hosts=allow_hosts,
                               failures=source_failures)
    if workers > 1:
        from wirewatch.parallel import run_parallel
        from wirewatch.pipeline.builder import DEFAULT_STAGES

        names = [s.name for s in pipeline.stages] if pipeline else list(DEFAULT_STAGES)
        ctx = pipeline.ctx if pipeline else RunContext()
        stream = run_parallel(documents, workers=workers, stage_names=names, batch_size=batch_size,
                              ctx=ctx, db_url=db_url)
    else:
        pipeline = pipeline or Pipeline.default(batch_size=batch_size)
        stages = list(pipeline.stages)
        stages.insert(1, SkipStored(store))
        ctx = pipeline.ctx
        stream = Pipeline(stages=stages, ctx=ctx).run(documents)
    report = _store_stream(stream, store, batch_size, on_progress, should_stop,
                           on_stored=clusterer.add if clusterer else None)
    report.failures = source_failures + list(ctx.failures)
    _cluster_outcome(report, clusterer)
    report.timings = dict(ctx.timings)
    store.add_failures((f.stage, f.item, f.reason) for f in report.failures)
    return report


def _store_stream(stream: Iterable[Work], store: SQLStore, batch_size: int,
                  on_progress: Progress | None, should_stop: Callable[[], bool] | None = None,
                  on_stored: Stored | None = None) -> RunReport:
    report = RunReport()
    batch: list[Work] = []
    for work in stream:
        if should_stop is not None and should_stop():
            report.stopped = True   # finish the batch in hand, store it, and stop
            break
        report.documents += 1
        if on_progress:
            on_progress(1)
        if work.skipped:
            report.skipped += 1
            continue
        if work.failure is not None or work.article is None:
            continue
        batch.append(work)
        if len(batch) >= batch_size:
            _flush(store, batch, report, on_stored)
            batch = []
    _flush(store, batch, report, on_stored)
    return report


def _flush(store: SQLStore, batch: list[Work], report: RunReport, on_stored: Stored | None = None) -> None:
    if not batch:
        return
    result = store.add_articles(w.article for w in batch if w.article is not None)
    report.added_ids.extend(result.added_ids)
    report.articles += len(batch)
    report.added += result.added
    report.skipped += result.skipped
    report.events += result.events
    if on_stored is not None and result.added_ids:
        added = set(result.added_ids)
        on_stored([w.article for w in batch if w.article is not None and w.article.id in added])


def _open_clusterer(store: SQLStore) -> Any:
    from wirewatch.stages.cluster.clusterer import StoryClusterer

    return StoryClusterer.open(store)


def _cluster_outcome(report: RunReport, clusterer: Any) -> None:
    """Add the cluster step's report and its quarantined articles to the run's report."""
    if clusterer is not None:
        report.clustering = clusterer.report
        report.failures.extend(clusterer.report.failures)


def count_inputs(inputs: Iterable[str]) -> int | None:
    """Number of local page files (for a progress bar total); None when unknown (URLs, archives)."""
    paths = [i for i in inputs if "://" not in i]
    if len(paths) != len(list(inputs)):
        return None
    files = expand_paths(paths)
    if any(f.name.lower().endswith((".warc", ".warc.gz", ".arc", ".arc.gz")) for f in files):
        return None
    return len(files)


def only_source_failed(inputs: Sequence[str], works: list[Work]) -> InputError | None:
    """Exit-code rule: when the single given source failed, that is an input error (exit 4)."""
    if len(works) == 1 and works[0].failure is not None and len(inputs) == 1:
        return InputError(works[0].failure.reason)
    return None


def ingest_documents(documents: Iterable[Document], store: SQLStore, *, pipeline: Pipeline,
                     batch_size: int = 32, on_progress: Progress | None = None,
                     cluster: bool = True, clusterer: Any = None) -> RunReport:
    """Store ready-made documents (the watch loop's fetched pages) with :func:`ingest`'s guarantees.

    A long-running caller passes its own ``clusterer`` (``StoryClusterer.open(store)``) so that the
    clustering state is not rebuilt from the database on every call.
    """
    stages = list(pipeline.stages)
    stages.insert(1, SkipStored(store))
    ctx = pipeline.ctx
    failed_before = len(ctx.failures)
    if clusterer is None and cluster:
        clusterer = _open_clusterer(store)
    report = _store_stream(Pipeline(stages=stages, ctx=ctx).run(documents), store, batch_size, on_progress,
                           on_stored=clusterer.add if clusterer else None)
    report.failures = list(ctx.failures[failed_before:])
    _cluster_outcome(report, clusterer)
    store.add_failures((f.stage, f.item, f.reason) for f in report.failures)
    return report


__all__ = ["RunReport", "ingest", "ingest_documents", "iter_file_documents", "process", "Path"]
