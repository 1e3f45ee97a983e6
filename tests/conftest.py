"""Shared fixtures: gold data locations, one pipeline per run, SQLite and PostgreSQL stores."""

from __future__ import annotations

import http.server
import os
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("WIREWATCH_SHARED", REPO.parent / "shared"))
EXAMPLES = SHARED / "examples"
SAMPLES = REPO / "samples"
PG_BASE = os.environ.get("WIREWATCH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite tests/golden snapshots.")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"shared data not found at {SHARED}; set WIREWATCH_SHARED")
    return SHARED


@pytest.fixture(scope="session")
def seed_html(shared_dir: Path) -> Path:
    return shared_dir / "examples" / "seed-article.html"


@pytest.fixture(scope="session")
def seed_txt(shared_dir: Path) -> Path:
    return shared_dir / "examples" / "seed-article.txt"


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    from wirewatch.pipeline.builder import Pipeline

    return Pipeline.default()


@pytest.fixture()
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


def _pg_schema_url() -> Iterator[str]:
    import sqlalchemy as sa

    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(PG_BASE)
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    except sa.exc.OperationalError as exc:
        pytest.fail(f"PostgreSQL is required for this test and is not reachable at {PG_BASE}: {exc}")
    yield f"{PG_BASE}?options=-csearch_path%3D{schema}"
    with engine.begin() as conn:
        conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
    engine.dispose()


@pytest.fixture()
def pg_url() -> Iterator[str]:
    """A fresh schema in the local PostgreSQL `test` database, dropped afterwards."""
    yield from _pg_schema_url()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Each storage test runs on SQLite and on the real PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
    else:
        yield from _pg_schema_url()


@pytest.fixture()
def serve_page() -> Iterator[Callable[[bytes, str], str]]:
    """``serve_page(body, path)`` serves ``body`` as HTML on 127.0.0.1 and returns its URL."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def serve(body: bytes, path: str) -> str:
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/{path.lstrip('/')}"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()
