"""API fixtures: a store filled with the hand-built corpus, and TestClients on create_app."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from wirewatch.api import create_app
from wirewatch.config import Settings
from wirewatch.storage import open_store
from wirewatch.storage.sql import SQLStore

sys.path.insert(0, str(Path(__file__).parent))   # corpus_api.py, shared with tests/browser

from corpus_api import TOKEN, fill_store, pg_schema_url


@pytest.fixture(scope="module",
                params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SQLStore]:
    """The corpus on SQLite and on the real PostgreSQL server, built once per module (read-only)."""
    if request.param == "sqlite":
        urls: Iterator[str] = iter([f"sqlite:///{tmp_path_factory.mktemp('api') / 'api.db'}"])
    else:
        urls = pg_schema_url()
    opened = open_store(next(urls))
    fill_store(opened)
    yield opened
    opened.close()
    next(urls, None)


@pytest.fixture()
def sqlite_store(sqlite_url: str) -> Iterator[SQLStore]:
    opened = open_store(sqlite_url)
    fill_store(opened)
    yield opened
    opened.close()


def settings(**api: Any) -> Settings:
    token = api.pop("token", None)
    allow_hosts = api.pop("allow_hosts", [])
    return Settings(api_token=token, allow_hosts=allow_hosts,
                    api={"stream_poll_seconds": 0.05, "stream_max_seconds": 1.0, **api})


@pytest.fixture()
def make_client(sqlite_store: SQLStore) -> Iterator[Callable[..., TestClient]]:
    """``make_client(token=..., **api_settings)``: a client on the SQLite corpus."""
    clients: list[TestClient] = []

    def make(store: SQLStore | None = None, pipeline_factory: Any = None, **api: Any) -> TestClient:
        app = create_app(settings(**api), store or sqlite_store, pipeline_factory=pipeline_factory)
        client = TestClient(app)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()


@pytest.fixture(scope="module")
def client(store: SQLStore) -> Iterator[TestClient]:
    """Read-only client (no token configured) on SQLite and PostgreSQL."""
    with TestClient(create_app(settings(), store)) as c:
        yield c


@pytest.fixture()
def writer(sqlite_store: SQLStore) -> Iterator[TestClient]:
    """A client of a server with a token, sending it."""
    with TestClient(create_app(settings(token=TOKEN), sqlite_store),
                    headers={"Authorization": f"Bearer {TOKEN}"}) as c:
        yield c
