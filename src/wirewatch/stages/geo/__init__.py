"""Geoparsing stage: find place mentions in the text and resolve them offline (gazetteer).

Public contract (used by the pipeline and by the coder):

* ``GazetteerGeoparser`` – an ItemStage (name ``geo.gazetteer.v1``) that sets
  ``work.article.places`` (list of :class:`wirewatch.models.Place`, sorted by ``start``)
  from ``work.article`` and ``work.doc`` (spaCy Doc of ``article.text``).
* ``resolve_name(name, context_countries=...)`` and ``country_place(iso3)`` for code that has a
  bare name or a country code (the event coder).
* ``build_gazetteer(path, quiet=...)`` builds the gazetteer file; ``default_gazetteer_path()``.

Importing this package is cheap: the gazetteer is loaded on first use, once per process.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from wirewatch.models import Place
from wirewatch.pipeline.base import ItemStage, RunContext, Work
from wirewatch.stages.geo.gazetteer import Gazetteer, default_gazetteer_path, get_gazetteer


class GazetteerGeoparser(ItemStage):
    """Recognise toponyms (NER + gazetteer scan) and resolve them in context."""

    name: ClassVar[str] = "geo.gazetteer.v1"
    requires: ClassVar[frozenset[str]] = frozenset({"article.text", "doc"})
    provides: ClassVar[frozenset[str]] = frozenset({"article.places"})

    def __init__(self, gazetteer_path: Path | None = None) -> None:
        self.gazetteer_path = gazetteer_path

    @property
    def gazetteer(self) -> Gazetteer:
        return get_gazetteer(self.gazetteer_path)

    def handle(self, work: Work, ctx: RunContext) -> None:
        assert work.article is not None
        work.article.places = geoparse(work.doc, work.article.text, self.gazetteer,
                                       dateline=work.article.dateline, title=work.article.title)


def geoparse(doc: Any, text: str, gazetteer: Gazetteer, *, dateline: str | None = None,
             context_countries: Sequence[str] = (), title: str | None = None) -> list[Place]:
    """Places mentioned in ``text`` (``doc`` is its spaCy parse), sorted by start offset; the
    headline's places (``title``) count as evidence for their countries."""
    from wirewatch.stages.geo.recognize import demonym_countries, recognize_toponyms
    from wirewatch.stages.geo.resolve import resolve_mentions, title_countries

    mentions = recognize_toponyms(doc, text, gazetteer)
    return resolve_mentions(mentions, text, gazetteer, dateline=dateline,
                            context_countries=context_countries,
                            demonyms=demonym_countries(doc, gazetteer),
                            title_hints=title_countries(title, text, gazetteer))


def resolve_name(name: str, *, context_countries: Sequence[str] = (),
                 gazetteer: Gazetteer | None = None) -> Place | None:
    """The most likely place called ``name`` (countries in ``context_countries`` preferred)."""
    from wirewatch.stages.geo import resolve

    return resolve.resolve_name(name, gazetteer or get_gazetteer(), context_countries=context_countries)


def country_place(iso3: str, *, gazetteer: Gazetteer | None = None) -> Place:
    """The centre of country ``iso3`` (ISO 3166-1 alpha-3) as a Place with precision "country"."""
    from wirewatch.errors import GeoError
    from wirewatch.stages.geo import resolve

    place = resolve.country_place(iso3, gazetteer or get_gazetteer())
    if place is None:
        raise GeoError(f"unknown country code {iso3!r}.", hint="Use an ISO 3166-1 alpha-3 code.")
    return place


def build_gazetteer(path: Path | None = None, *, quiet: bool = False) -> Path:
    """Build the gazetteer file from the installed packages; return its path."""
    from wirewatch.stages.geo.build import build_gazetteer as build

    return build(path, quiet=quiet)


__all__ = ["GazetteerGeoparser", "build_gazetteer", "country_place", "default_gazetteer_path",
           "geoparse", "resolve_name"]
