"""Errors as JSON problem details, translated in one place (STYLE §4).

Every error response has the media type ``application/problem+json`` and the body
``{"type", "title", "status", "detail", "error", "hint", "instance"}``; ``error``/``hint``
repeat what the CLI would print.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from wirewatch.errors import WirewatchError

log = logging.getLogger("wirewatch.api")
PROBLEM_TYPE = "application/problem+json"


class ApiError(WirewatchError):
    """An error raised by a route with an explicit HTTP status (404, 401, 403, 429, 501, ...)."""

    def __init__(self, status: int, message: str, *, hint: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message, hint=hint)
        self.http_status = status
        self.headers = headers or {}


def not_found(kind: str, ident: str) -> ApiError:
    return ApiError(404, f"no {kind} with id {ident!r}.",
                    hint=f"List the {kind}s with GET /api/{kind}s.")


def problem(status: int, message: str, *, hint: str | None = None, instance: str | None = None,
            headers: dict[str, str] | None = None) -> JSONResponse:
    """A problem-details response."""
    try:
        title = HTTPStatus(status).phrase
    except ValueError:
        title = "Error"
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status, "detail": message,
                            "error": message, "hint": hint, "instance": instance}
    return JSONResponse(body, status_code=status, media_type=PROBLEM_TYPE, headers=headers)


async def _wirewatch_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, WirewatchError)
    if exc.http_status >= 500:
        log.warning("%s %s failed: %s", request.method, request.url.path, exc.message)
    return problem(exc.http_status, exc.message, hint=exc.hint, instance=request.url.path,
                   headers=getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
    loc = [str(p) for p in first.get("loc", ())]
    where = ".".join(loc[1:]) or (loc[0] if loc else "request")
    in_body = bool(loc) and loc[0] == "body"
    message = f"bad value for {where!r}: {str(first.get('msg', 'invalid')).removeprefix('Value error, ')}."
    hint = "See the request schema at /api/docs." if in_body else "See the parameters at /api/docs."
    return problem(422 if in_body else 400, message, hint=hint, instance=request.url.path)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    message = str(exc.detail) if exc.status_code != 404 else f"nothing at {request.url.path}."
    hint = "The API is described at /api/docs." if exc.status_code == 404 else None
    return problem(exc.status_code, message, hint=hint, instance=request.url.path,
                   headers=dict(exc.headers or {}))


async def _internal_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("internal error on %s %s", request.method, request.url.path)
    return problem(500, "internal error; the server log has the details.", instance=request.url.path)


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""
    app.add_exception_handler(WirewatchError, _wirewatch_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _internal_error)
