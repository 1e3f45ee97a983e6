"""Event coding stage: PLOVER/CAMEO events with status, attribution, date, casualties, evidence.

Public contract:

* ``PloverCoder`` – an ItemStage (name ``coding.plover.v1``) that sets
  ``work.article.events`` (list of :class:`wirewatch.models.Event`) from ``work.article``
  (text, published, dateline, places) and ``work.doc`` (spaCy Doc of ``article.text``).

Dictionaries (trigger lexicon, actors, discard phrases) ship in ``wirewatch/data`` and are loaded
lazily, once per process, on the first article. Users extend the actor dictionary with TSV files
(``extra_actor_files``) and the trigger lexicon likewise (``extra_trigger_files``).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import ClassVar

from wirewatch.errors import CodingError
from wirewatch.models import Event
from wirewatch.pipeline.base import ItemStage, RunContext, Work
from wirewatch.stages.coding.actors import load_actor_dictionary
from wirewatch.stages.coding.coder import CoderResources, build_discards, code_article
from wirewatch.stages.coding.lexicon import load_lexicon

DISCARDS_FILE = "discards.tsv"


@functools.lru_cache(maxsize=4)
def load_resources(extra_actor_files: tuple[str, ...] = (),
                   extra_trigger_files: tuple[str, ...] = ()) -> CoderResources:
    """Lexicon, actor dictionary and discard phrases (cached per process and per file set)."""
    for path in (*extra_actor_files, *extra_trigger_files):
        if not Path(path).is_file():
            raise CodingError(f"dictionary file {path!r} does not exist.",
                              hint="Give the path of a TSV file in the documented format.")
    text = (resources.files("wirewatch") / "data" / DISCARDS_FILE).read_text(encoding="utf-8")
    phrases = [line.strip().lower() for line in text.splitlines()
               if line.strip() and not line.startswith("#")]
    return CoderResources(load_lexicon(extra_trigger_files), load_actor_dictionary(extra_actor_files),
                          build_discards(phrases))


class PloverCoder(ItemStage):
    """Rule-based, dependency-parse PLOVER coder (see :mod:`wirewatch.stages.coding.coder`)."""

    name: ClassVar[str] = "coding.plover.v1"
    requires: ClassVar[frozenset[str]] = frozenset({"article.text", "doc", "article.places"})
    provides: ClassVar[frozenset[str]] = frozenset({"article.events"})

    def __init__(self, extra_actor_files: Sequence[str | Path] = (),
                 extra_trigger_files: Sequence[str | Path] = ()) -> None:
        self.extra_actor_files = tuple(str(p) for p in extra_actor_files)
        self.extra_trigger_files = tuple(str(p) for p in extra_trigger_files)

    @property
    def resources(self) -> CoderResources:
        """The loaded dictionaries (first use loads them)."""
        return load_resources(self.extra_actor_files, self.extra_trigger_files)

    def code(self, work: Work) -> list[Event]:
        """Events for one parsed item."""
        if work.article is None or work.doc is None:
            raise CodingError("the coder needs a parsed article; run the nlp stage first.")
        return code_article(work.article, work.doc, self.resources)

    def handle(self, work: Work, ctx: RunContext) -> None:
        assert work.article is not None
        work.article.events = self.code(work)


__all__ = ["PloverCoder", "load_resources"]
