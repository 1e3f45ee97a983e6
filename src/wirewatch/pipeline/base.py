"""The stage interface.

Every stage takes an iterable of :class:`Work` items and yields them back, having
filled the fields it ``provides``. A stage that fails on one item records a
:class:`~wirewatch.models.Failure` through ``ctx.fail`` and goes on; with
``ctx.strict`` the error propagates instead.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, runtime_checkable

from wirewatch.errors import PluginError, WirewatchError
from wirewatch.models import Article, Document, Failure


@dataclass(slots=True)
class Work:
    """One item travelling through the pipeline.

    ``doc`` is the NLP stage's parse (a spaCy ``Doc``). Stages other than nlp,
    geo and coding must not touch it; it is dropped before storage.
    """

    document: Document
    article: Article | None = None
    doc: Any = None
    failure: Failure | None = None
    skipped: str | None = None    # why later stages need not run (e.g. "already stored")

    @property
    def is_live(self) -> bool:
        """True while no stage has failed or skipped this item."""
        return self.failure is None and self.skipped is None

    @property
    def key(self) -> str:
        return self.article.id if self.article else self.document.uri


@dataclass
class RunContext:
    """What a stage may use besides its items: settings, a logger, the failure sink."""

    settings: Any = None
    logger: logging.Logger = field(default_factory=lambda: logging.getLogger("wirewatch"))
    strict: bool = False
    failures: list[Failure] = field(default_factory=list)
    #: seconds spent inside each stage (its own work, upstream time excluded), filled by run()
    timings: dict[str, float] = field(default_factory=dict)

    def fail(self, stage: str, work: Work, exc: BaseException) -> None:
        """Quarantine ``work``: record why, and let the run go on (or re-raise when strict)."""
        if self.strict:
            raise exc
        reason = str(exc) if isinstance(exc, WirewatchError) else f"{type(exc).__name__}: {exc}"
        failure = Failure(stage=stage, item=work.key, reason=reason)
        work.failure = failure
        self.failures.append(failure)
        self.logger.info("%s failed on %s: %s", stage, work.key, reason)


@runtime_checkable
class Stage(Protocol):
    """The one extension contract. ``requires``/``provides`` name Work fields (``article.places``)."""

    name: ClassVar[str]
    requires: ClassVar[frozenset[str]]
    provides: ClassVar[frozenset[str]]

    def process(self, items: Iterable[Work], ctx: RunContext) -> Iterator[Work]: ...


def check_stages(stages: Sequence[Stage]) -> None:
    """Fail when a stage needs a field no earlier stage provides (caught at build time)."""
    available: set[str] = {"document"}
    for stage in stages:
        missing = set(stage.requires) - available
        if missing:
            raise PluginError(
                f"stage {stage.name!r} requires {sorted(missing)}, which no earlier stage provides.",
                hint="Order the stages so that providers come first.",
            )
        available |= set(stage.provides)


def run(stages: Sequence[Stage], items: Iterable[Work], ctx: RunContext) -> Iterator[Work]:
    """Chain the stages lazily; failed items are passed along untouched so callers can count them.

    Time spent in each stage is added to ``ctx.timings`` (cumulative time pulling from a stage's
    output minus the time its input took to produce).
    """
    check_stages(stages)
    clock: list[float] = [0.0] * (len(stages) + 1)
    stream: Iterator[Work] = _timed(iter(items), clock, 0)
    for i, stage in enumerate(stages):
        stream = _timed(iter(stage.process(stream, ctx)), clock, i + 1)
    return _account(stream, stages, clock, ctx)


def _timed(stream: Iterator[Work], clock: list[float], slot: int) -> Iterator[Work]:
    while True:
        start = time.perf_counter()
        try:
            item = next(stream)
        except StopIteration:
            clock[slot] += time.perf_counter() - start
            return
        clock[slot] += time.perf_counter() - start
        yield item


def _account(stream: Iterator[Work], stages: Sequence[Stage], clock: list[float],
             ctx: RunContext) -> Iterator[Work]:
    seen = [0.0] * len(clock)
    try:
        yield from stream
    finally:
        for i, stage in enumerate(stages):
            own = (clock[i + 1] - seen[i + 1]) - (clock[i] - seen[i])
            ctx.timings[stage.name] = ctx.timings.get(stage.name, 0.0) + max(0.0, own)
        source = clock[0] - seen[0]
        ctx.timings["input"] = ctx.timings.get("input", 0.0) + source


def live(items: Iterable[Work]) -> Iterator[Work]:
    """Items that no earlier stage has failed."""
    return (w for w in items if w.is_live)


class ItemStage:
    """Base for stages that handle one item at a time: skips failed items, quarantines errors."""

    name: ClassVar[str] = "stage"
    requires: ClassVar[frozenset[str]] = frozenset()
    provides: ClassVar[frozenset[str]] = frozenset()

    def handle(self, work: Work, ctx: RunContext) -> None:
        """Fill this stage's fields on ``work``; raise to quarantine it."""
        raise NotImplementedError

    def process(self, items: Iterable[Work], ctx: RunContext) -> Iterator[Work]:
        for work in items:
            if work.is_live:
                try:
                    self.handle(work, ctx)
                except Exception as exc:  # one bad item never stops the run (STYLE §3.3)
                    ctx.fail(self.name, work, exc)
            yield work
