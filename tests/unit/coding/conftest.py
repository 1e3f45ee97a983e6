"""Fixtures for the coder: one spaCy model and one coder per test session, hand-built places."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from wirewatch.models import Article, Document, Event, Place
from wirewatch.pipeline.base import RunContext, Work
from wirewatch.stages.coding import PloverCoder
from wirewatch.stages.nlp import load_model

#: name → (country, lat, lon, precision); the unit tests do not depend on the geoparser.
PLACES: dict[str, tuple[str, float, float, str]] = {
    "Sinai Peninsula": ("EGY", 29.5, 33.8, "region"),
    "Egypt": ("EGY", 27.0, 30.0, "country"),
    "Russia": ("RUS", 60.0, 100.0, "country"),
    "Syria": ("SYR", 35.0, 38.0, "country"),
    "Cairo": ("EGY", 30.06, 31.25, "point"),
    "Kabul": ("AFG", 34.53, 69.17, "point"),
    "Mogadishu": ("SOM", 2.04, 45.34, "point"),
    "Baghdad": ("IRQ", 33.34, 44.4, "point"),
    "Nairobi": ("KEN", -1.29, 36.82, "point"),
    "Caracas": ("VEN", 10.5, -66.9, "point"),
    "Iran": ("IRN", 32.0, 53.0, "country"),
    "Mali": ("MLI", 17.0, -4.0, "country"),
    "Gao": ("MLI", 16.27, -0.04, "point"),
}

CodeText = Callable[..., list[Event]]


def find_places(text: str) -> list[Place]:
    """Every occurrence of a known place name, as the geoparser would report it."""
    out = []
    for name, (country, lat, lon, precision) in PLACES.items():
        start = text.find(name)
        while start >= 0:
            out.append(Place(name, start, start + len(name), lat, lon, country, precision=precision))
            start = text.find(name, start + len(name))
    return sorted(out, key=lambda p: p.start)


def mentions(text: str, name: str, country: str | None, precision: str) -> list[Place]:
    """Every occurrence of ``name`` as a place of ``country`` (test coordinates)."""
    out, start = [], text.find(name)
    while start >= 0:
        out.append(Place(name, start, start + len(name), 0.6, 29.4, country, precision=precision))
        start = text.find(name, start + 1)
    return out


@pytest.fixture(scope="session")
def nlp() -> object:
    return load_model()


@pytest.fixture(scope="session")
def coder() -> PloverCoder:
    return PloverCoder()


@pytest.fixture(scope="session")
def code_text(nlp: object, coder: PloverCoder) -> CodeText:
    """Code a text as one article (published 2015-11-12 unless given)."""

    def run(text: str, published: str = "2015-11-12",
            places: Sequence[Place | tuple[str, str | None, str]] | None = None) -> list[Event]:
        """``places``: Place objects, or (name, country, precision) for every occurrence of the name."""
        found = find_places(text) if places is None else [
            p for item in places for p in ([item] if isinstance(item, Place) else mentions(text, *item))]
        article = Article("test", None, None, published, None, "en", text,
                          places=sorted(found, key=lambda p: p.start))
        work = Work(Document("test", b""), article, nlp(text))  # type: ignore[operator]
        coder.handle(work, RunContext(strict=True))
        return article.events

    return run
