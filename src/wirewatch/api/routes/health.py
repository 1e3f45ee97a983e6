"""`/api/health`: is the server up and its database reachable."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any

from fastapi import APIRouter, Request
from sqlalchemy.exc import SQLAlchemyError

from wirewatch.api.deps import get_settings, get_store
from wirewatch.api.schemas import Health
from wirewatch.errors import StorageError
from wirewatch.storage.sql import redact

router = APIRouter(tags=["health"])


@router.get("/api/health", response_model=Health, summary="Health check",
            responses={503: {"description": "The database is unreachable"}})
def health(request: Request) -> dict[str, Any]:
    """200 with table counts when the database answers; 503 (problem JSON) when it does not."""
    store = get_store(request)
    settings = get_settings(request)
    try:
        counts = store.counts()
    except SQLAlchemyError as exc:
        raise StorageError(f"the database does not answer: {type(exc).__name__}.",
                           hint="Check that the database server is running.") from exc
    return {"status": "ok", "version": _version(), "database": redact(str(store.engine.url)),
            "counts": counts, "write_enabled": bool(settings.api_token),
            "read_requires_token": settings.api.read_requires_token}


def _version() -> str:
    try:
        return version("wirewatch")
    except PackageNotFoundError:   # pragma: no cover - running from a source tree
        return "0+unknown"
