"""Backfill options and the report of a run."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from wirewatch.backfill.manifest import FileKey
from wirewatch.backfill.output import FileOutcome
from wirewatch.pipeline.builder import DEFAULT_STAGES
from wirewatch.warc import WarcStats

ENGINES = ("local", "ray")


@dataclass(frozen=True)
class BackfillOptions:
    """How to run: engine, Ray cluster address, workers (Ray actors), parse batch size, stages."""

    engine: str = "local"
    address: str | None = None
    workers: int = 1
    batch_size: int = 16
    stages: tuple[str, ...] = DEFAULT_STAGES


@dataclass
class EngineRun:
    """What an engine did: per-file outcomes, peak memory per worker, file-level read problems."""

    files: int = 0
    pages: int = 0
    articles: int = 0
    events: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    worker_rss_mb: dict[str, float] = field(default_factory=dict)

    def add(self, key: FileKey, outcome: FileOutcome, stats: WarcStats) -> None:
        self.files += 1
        self.pages += outcome.pages
        self.articles += outcome.articles
        self.events += outcome.events
        self.skipped.update(outcome.skipped)
        self.errors.extend(stats.errors)


@dataclass
class BackfillReport:
    """The summary printed at the end of `wirewatch backfill`."""

    engine: str
    files: int
    files_already_done: int
    run: EngineRun
    seconds: float

    @property
    def pages_per_second(self) -> float:
        return self.run.pages / self.seconds if self.seconds > 0 else 0.0
