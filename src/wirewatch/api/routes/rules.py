"""`/api/rules`: watch rules. Listing is a read; creating, updating and deleting need the token.

A rule's ``query`` uses exactly the filter names of `/api/events` and is validated with
:meth:`EventFilter.parse` before it is stored.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request, Response

from wirewatch.api.deps import connect, get_store
from wirewatch.api.problems import ApiError, not_found
from wirewatch.api.schemas import RuleIn, RuleList, RuleOut
from wirewatch.api.security import require_write
from wirewatch.filters import EventFilter
from wirewatch.storage import api_queries

router = APIRouter(tags=["rules"])
WRITE_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"description": "Bad filter query or deliveries"},
    401: {"description": "Missing or wrong token"},
    403: {"description": "No token configured: writes are disabled"},
}


@router.get("/api/rules", response_model=RuleList, summary="List watch rules")
def list_rules(request: Request) -> dict[str, Any]:
    with connect(request) as conn:
        return {"items": api_queries.list_rules(conn)}


@router.get("/api/rules/{rule_id}", response_model=RuleOut, summary="One watch rule",
            responses={404: {"description": "No such rule"}})
def get_rule(request: Request, rule_id: str) -> dict[str, Any]:
    with connect(request) as conn:
        rule = api_queries.get_rule(conn, rule_id)
    if rule is None:
        raise not_found("rule", rule_id)
    return rule


@router.post("/api/rules", response_model=RuleOut, status_code=201, summary="Create a rule (token)",
             dependencies=[Depends(require_write)], responses=WRITE_RESPONSES)
def create_rule(request: Request, body: RuleIn) -> dict[str, Any]:
    values = validated(body)
    with get_store(request).engine.begin() as conn:
        rule_id = api_queries.insert_rule(conn, values)
        rule = api_queries.get_rule(conn, rule_id)
    assert rule is not None
    return rule


@router.put("/api/rules/{rule_id}", response_model=RuleOut, summary="Replace a rule (token)",
            dependencies=[Depends(require_write)],
            responses={**WRITE_RESPONSES, 404: {"description": "No such rule"}})
def update_rule(request: Request, rule_id: str, body: RuleIn) -> dict[str, Any]:
    values = validated(body)
    with get_store(request).engine.begin() as conn:
        if not api_queries.update_rule(conn, rule_id, values):
            raise not_found("rule", rule_id)
        rule = api_queries.get_rule(conn, rule_id)
    assert rule is not None
    return rule


@router.delete("/api/rules/{rule_id}", status_code=204, summary="Delete a rule (token)",
               dependencies=[Depends(require_write)],
               responses={**WRITE_RESPONSES, 404: {"description": "No such rule"}})
def delete_rule(request: Request, rule_id: str) -> Response:
    with get_store(request).engine.begin() as conn:
        if not api_queries.delete_rule(conn, rule_id):
            raise not_found("rule", rule_id)
    return Response(status_code=204)


def validated(body: RuleIn) -> dict[str, Any]:
    """The rule's fields, its query checked by the shared filter parser; raises 400 when wrong."""
    parsed = EventFilter.parse(body.query)
    for key in ("limit", "cursor", "sort"):
        if f"{key}=" in body.query and getattr(parsed, key) != EventFilter.model_fields[key].default:
            raise ApiError(400, f"bad value for 'query': {key!r} has no meaning in a rule.",
                           hint="Leave out limit, cursor and sort.")
    _check_deliveries(body.deliveries)
    return body.model_dump()


def _check_deliveries(deliveries: dict[str, Any]) -> None:
    webhooks = deliveries.get("webhooks", [])
    if not isinstance(webhooks, list) or not all(
            isinstance(u, str) and u.lower().startswith(("http://", "https://")) for u in webhooks):
        raise ApiError(400, "bad value for 'deliveries.webhooks': a list of http(s) URLs is expected.")
    emails = deliveries.get("emails", [])
    if not isinstance(emails, list) or not all(isinstance(e, str) and "@" in e for e in emails):
        raise ApiError(400, "bad value for 'deliveries.emails': a list of e-mail addresses is expected.")
