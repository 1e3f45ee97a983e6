"""Geo fixtures: one spaCy model and one gazetteer per test session."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from wirewatch.models import Place
from wirewatch.stages.geo import geoparse
from wirewatch.stages.geo.gazetteer import Gazetteer, get_gazetteer
from wirewatch.stages.nlp import load_model


@pytest.fixture(scope="session")
def nlp() -> Any:
    return load_model()


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The default gazetteer (built on first use when missing, as in production)."""
    return get_gazetteer()


@pytest.fixture(scope="session")
def geoparse_text(nlp: Any, gazetteer: Gazetteer) -> Callable[..., list[Place]]:
    """Parse and geoparse one text."""

    def run(text: str, dateline: str | None = None) -> list[Place]:
        return geoparse(nlp(text), text, gazetteer, dateline=dateline)

    return run
