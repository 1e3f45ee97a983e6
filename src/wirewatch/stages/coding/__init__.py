"""Event coding stage: PLOVER/CAMEO events with status, attribution, date, casualties, evidence.

Public contract:

* ``PloverCoder`` – an ItemStage (name ``coding.plover.v1``) that sets
  ``work.article.events`` (list of :class:`wirewatch.models.Event`) from ``work.article``
  (text, published, dateline, places) and ``work.doc`` (spaCy Doc of ``article.text``).
"""

from __future__ import annotations

from typing import ClassVar

from wirewatch.pipeline.base import ItemStage, RunContext, Work


class PloverCoder(ItemStage):
    """Placeholder until the coder lands: codes no events."""

    name: ClassVar[str] = "coding.plover.v1"
    requires: ClassVar[frozenset[str]] = frozenset({"article.text", "doc", "article.places"})
    provides: ClassVar[frozenset[str]] = frozenset({"article.events"})

    def handle(self, work: Work, ctx: RunContext) -> None:
        assert work.article is not None
        work.article.events = []


__all__ = ["PloverCoder"]
