"""Run the pipeline on several processes: each worker loads the models once and processes
chunks of documents; results come back in input order (arrival order is kept).
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from wirewatch.models import Document, Failure
from wirewatch.pipeline.base import RunContext, Stage, Work

_WORKER: dict[str, Any] = {}


def _init_worker(stage_names: Sequence[str], batch_size: int, db_url: str | None) -> None:
    from wirewatch.pipeline.builder import Pipeline

    pipeline = Pipeline.default(names=stage_names, batch_size=batch_size)
    stages: list[Stage] = list(pipeline.stages)
    if db_url:
        from wirewatch.runner import SkipStored
        from wirewatch.storage import open_store

        stages.insert(1, SkipStored(open_store(db_url, migrate=False)))
    _WORKER["pipeline"] = Pipeline(stages=stages, ctx=RunContext())


def _process_chunk(documents: list[Document]) -> tuple[list[Work], dict[str, float]]:
    pipeline = _WORKER["pipeline"]
    pipeline.ctx.timings = {}
    works = list(pipeline.run(documents))
    return works, dict(pipeline.ctx.timings)


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def run_parallel(documents: Iterable[Document], *, workers: int, stage_names: Sequence[str],
                 batch_size: int, ctx: RunContext, db_url: str | None = None,
                 chunk_size: int = 8) -> Iterator[Work]:
    """Process documents on ``workers`` processes; failures are recorded into ``ctx``."""
    context = mp.get_context("fork")
    with context.Pool(workers, initializer=_init_worker,
                      initargs=(list(stage_names), batch_size, db_url)) as pool:
        for works, timings in pool.imap(_process_chunk, _chunks(documents, chunk_size)):
            for name, seconds in timings.items():
                ctx.timings[name] = ctx.timings.get(name, 0.0) + seconds
            for work in works:
                if work.failure is not None:
                    ctx.failures.append(Failure(work.failure.stage, work.failure.item, work.failure.reason))
                yield work
