"""Build the default pipeline and run documents or bare texts through it."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from wirewatch.models import Article, Document
from wirewatch.pipeline.base import RunContext, Stage, Work, check_stages, run
from wirewatch.pipeline.registry import load_stage

DEFAULT_STAGES: tuple[str, ...] = (
    "extract.trafilatura.v1", "nlp.spacy.v1", "geo.gazetteer.v1", "coding.plover.v1",
)


@dataclass
class Pipeline:
    """The stages in order, plus the run context they share."""

    stages: Sequence[Stage]
    ctx: RunContext = field(default_factory=RunContext)

    @classmethod
    def default(cls, *, names: Sequence[str] = DEFAULT_STAGES, batch_size: int = 32,
                strict: bool = False, extra_actor_files: Sequence[str] = (),
                extra_trigger_files: Sequence[str] = ()) -> "Pipeline":
        """The stages named (defaults: extract, nlp, geo, coding), each built once."""
        stages = [load_stage(name, batch_size=batch_size, extra_actor_files=list(extra_actor_files),
                             extra_trigger_files=list(extra_trigger_files))
                  for name in names]
        check_stages(stages)
        return cls(stages=stages, ctx=RunContext(strict=strict))

    @classmethod
    def from_settings(cls, settings: Any, *, strict: bool = False) -> "Pipeline":
        """The pipeline a Settings object describes (``[pipeline]`` in wirewatch.toml)."""
        p = settings.pipeline
        return cls.default(names=p.stages, batch_size=p.batch_size, strict=strict,
                           extra_actor_files=[str(f) for f in p.extra_actor_files],
                           extra_trigger_files=[str(f) for f in p.extra_trigger_files])

    def run(self, documents: Iterable[Document]) -> Iterator[Work]:
        """Process documents lazily; failed items come out with ``work.failure`` set."""
        for work in run(self.stages, (Work(document=d) for d in documents), self.ctx):
            work.doc = None   # the parse stays inside the pipeline
            yield work

    def run_articles(self, articles: Iterable[Article]) -> Iterator[Work]:
        """Process ready-made articles (text already extracted): for evaluation and tools."""
        works = (Work(document=Document(uri=a.source_uri or a.id, content=b""), article=a)
                 for a in articles)
        for work in run(self.stages, works, self.ctx):
            work.doc = None
            yield work


def article_from_text(text: str, *, published: str | None = None, doc_id: str | None = None,
                      url: str | None = None, dateline: str | None = None) -> Article:
    """An article whose text is given as is (no extraction): sentences, gold documents."""
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(id=doc_id or content_hash[:16], url=url, title=None, published=published, site=None,
                   language="en", text=text, dateline=dateline, content_hash=content_hash,
                   source_uri=doc_id)
