"""The FastAPI application: `create_app(settings, store)` (no module-level app).

Routes live in :mod:`wirewatch.api.routes` (one module per resource), errors are translated to
problem JSON in :mod:`wirewatch.api.problems`, access control and protective middleware are in
:mod:`wirewatch.api.security`. The dashboard is the static folder next to this file.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles

from wirewatch.api import problems
from wirewatch.api.routes import aggregates, alerts, articles, events, export, health, rules, stories
from wirewatch.api.routes.articles import PipelineFactory, new_pipeline_state
from wirewatch.api.security import RateLimitMiddleware, SecurityHeadersMiddleware, require_read
from wirewatch.config import Settings
from wirewatch.errors import ConfigError
from wirewatch.pipeline.builder import Pipeline
from wirewatch.storage.sql import SQLStore

STATIC = Path(__file__).resolve().parent / "static"
VENDOR_FILES = ("d3.min.js", "topojson-client.min.js", "countries-110m.json")
DESCRIPTION = """\
Events coded from news articles (PLOVER/CAMEO), with their evidence, places, stories and alerts.

* Read endpoints are open unless the server sets `api.read_requires_token`.
* Write endpoints (`POST /api/articles`, `POST/PUT/DELETE /api/rules`) need
  `Authorization: Bearer <token>`; with no token configured they answer 403.
* Errors are `application/problem+json`: `{"type", "title", "status", "detail", "error", "hint"}`.
* `/api/events`, `/api/timeline`, `/api/places/summary`, `/api/export` and watch rules share one
  filter vocabulary (repeated or comma-separated values).
"""


def create_app(settings: Settings, store: SQLStore, *,
               pipeline_factory: PipelineFactory | None = None) -> FastAPI:
    """The API and dashboard over ``store``. ``pipeline_factory`` builds the pipeline that
    `POST /api/articles` uses (default :meth:`Pipeline.default`, built on first use)."""
    if settings.api.read_requires_token and not settings.api_token:
        raise ConfigError("api.read_requires_token is set but no API token is configured.",
                          hint="Set WIREWATCH_API_TOKEN (or api_token in the config file).")
    app = FastAPI(title="wirewatch", version=_version(), description=DESCRIPTION,
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.state.settings = settings
    app.state.store = store
    app.state.pipeline_factory = pipeline_factory or Pipeline.default
    for key, value in new_pipeline_state().items():
        setattr(app.state, key, value)
    problems.install(app)
    app.include_router(health.router)
    read_guard = [Depends(require_read)]
    for module in (events, stories, articles, aggregates, alerts, rules, export):
        app.include_router(module.router, dependencies=read_guard)
    _add_pages(app)
    _add_middleware(app, settings)
    return app


def _add_middleware(app: FastAPI, settings: Settings) -> None:
    if settings.api.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.api.cors_origins,
                           allow_methods=["GET", "POST", "PUT", "DELETE"],
                           allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(RateLimitMiddleware, per_minute=settings.api.rate_limit_per_minute,
                       write_per_minute=settings.api.write_rate_limit_per_minute)
    app.add_middleware(SecurityHeadersMiddleware)


def _add_pages(app: FastAPI) -> None:
    """The dashboard at `/`, the API reference at `/api/docs`, static files under `/static`."""
    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> Response:
        return _page("index.html")

    @app.get("/api/docs", include_in_schema=False)
    def api_docs() -> Response:
        return _page("apidocs.html")


def _page(name: str) -> Response:
    missing = [f for f in VENDOR_FILES if not (STATIC / "vendor" / f).is_file()]
    if missing:
        return PlainTextResponse(
            "The dashboard's front-end libraries are not installed (missing static/vendor/"
            f"{missing[0]}). Run `make install` or `bash scripts/build_frontend.sh`; the JSON API "
            "under /api/ works without them.\n", status_code=503)
    return FileResponse(STATIC / name, media_type="text/html")


def _version() -> str:
    from wirewatch.api.routes.health import _version as package_version

    return package_version()
