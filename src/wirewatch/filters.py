"""Event filters: one vocabulary for `/api/events`, watch rules and exports.

A filter is written as a query string, e.g. ``type=ASSAULT&country=EGY,LBY&min_killed=10``;
repeated keys and comma-separated values both mean "any of". The names are those of
``/api/events``: since, until, type, mode, status, actor_country, target_country, country,
actor_sector, target_sector, admin1, bbox, near, q, min_killed, min_injured, story_id,
limit, cursor, sort.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Literal
from urllib.parse import parse_qs, urlencode

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from wirewatch.errors import InputError
from wirewatch.models import PLOVER_TYPES, STATUSES

LIST_FIELDS = ("type", "mode", "status", "actor_country", "target_country", "country", "actor_sector",
               "target_sector", "admin1", "story_id")
SORTS = ("date", "-date", "killed", "-killed", "published", "-published")


class FilterError(InputError):
    """A filter parameter has a wrong name or value."""

    http_status = 400
    exit_code = 2


class EventFilter(BaseModel):
    """Which events to select. Empty lists mean "no restriction"."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    since: date | None = None
    until: date | None = None
    type: tuple[str, ...] = ()
    mode: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    actor_country: tuple[str, ...] = ()
    target_country: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    actor_sector: tuple[str, ...] = ()
    target_sector: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    story_id: tuple[str, ...] = ()
    bbox: tuple[float, float, float, float] | None = Field(
        None, description="min_lon,min_lat,max_lon,max_lat")
    near: tuple[float, float, float] | None = Field(None, description="lat,lon,radius_km")
    q: str | None = None
    min_killed: int | None = Field(None, ge=0)
    min_injured: int | None = Field(None, ge=0)
    limit: int = Field(100, ge=1, le=10_000)
    cursor: str | None = None
    sort: Literal["date", "-date", "killed", "-killed", "published", "-published"] = "-date"

    @field_validator("type")
    @classmethod
    def _types(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        upper = tuple(v.upper() for v in value)
        bad = [v for v in upper if v not in PLOVER_TYPES]
        if bad:
            raise ValueError(f"unknown event type {bad[0]!r}; use one of {', '.join(PLOVER_TYPES)}")
        return upper

    @field_validator("status")
    @classmethod
    def _statuses(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        bad = [v for v in value if v not in STATUSES]
        if bad:
            raise ValueError(f"unknown status {bad[0]!r}; use one of {', '.join(STATUSES)}")
        return value

    @field_validator("actor_country", "target_country", "country")
    @classmethod
    def _countries(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        upper = tuple(v.upper() for v in value)
        bad = [v for v in upper if len(v) != 3 or not v.isalpha()]
        if bad:
            raise ValueError(f"{bad[0]!r} is not an ISO 3166-1 alpha-3 country code (e.g. EGY)")
        return upper

    @field_validator("bbox")
    @classmethod
    def _bbox(cls, value: tuple[float, float, float, float] | None) -> Any:
        if value is None:
            return None
        min_lon, min_lat, max_lon, max_lat = value
        if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
            raise ValueError("bbox must be min_lon,min_lat,max_lon,max_lat within -180..180 and -90..90")
        return value

    @field_validator("near")
    @classmethod
    def _near(cls, value: tuple[float, float, float] | None) -> Any:
        if value is not None and not (-90 <= value[0] <= 90 and -180 <= value[1] <= 180 and value[2] > 0):
            raise ValueError("near must be lat,lon,radius_km with a positive radius")
        return value

    # ----- parsing and printing -------------------------------------------------------------

    @classmethod
    def from_params(cls, params: Mapping[str, Sequence[str]]) -> "EventFilter":
        """From query parameters (repeated and/or comma-separated); raises :class:`FilterError`."""
        data: dict[str, Any] = {}
        for key, values in params.items():
            if key not in cls.model_fields:
                raise FilterError(f"unknown filter {key!r}.",
                                  hint=f"Known filters: {', '.join(cls.model_fields)}.")
            parts = [p.strip() for v in values for p in str(v).split(",") if p.strip()]
            if key in LIST_FIELDS:
                data[key] = tuple(parts)
            elif key in ("bbox", "near"):
                data[key] = tuple(parts)
            elif parts:
                data[key] = ",".join(parts) if key == "q" else parts[-1]
        try:
            return cls(**data)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "filter"
            message = str(first["msg"]).removeprefix("Value error, ")
            raise FilterError(f"bad value for {where!r}: {message}.") from exc

    @classmethod
    def parse(cls, query: str) -> "EventFilter":
        """From a query string: ``type=ASSAULT&country=EGY``."""
        return cls.from_params(parse_qs(query.lstrip("?"), keep_blank_values=False))

    def to_query(self) -> str:
        """The query string that parses back to this filter (defaults left out)."""
        pairs: list[tuple[str, str]] = []
        for name, value in self.model_dump(exclude_defaults=True).items():
            if isinstance(value, (tuple, list)):
                pairs.append((name, ",".join(str(v) for v in value)))
            elif value is not None:
                pairs.append((name, str(value)))
        return urlencode(pairs)

    # ----- in-memory matching (watch rules) ---------------------------------------------------

    def matches(self, row: Mapping[str, Any]) -> bool:
        """True when an event row (flat export shape or nested contract shape) passes the filter."""
        get = _getter(row)
        day = get("date") or (get("published") or "")[:10] or None
        checks = (
            self.since is None or (day is not None and day >= self.since.isoformat()),
            self.until is None or (day is not None and day <= self.until.isoformat()),
            _any_of(self.type, get("type")), _any_of(self.mode, get("mode")),
            _any_of(self.status, get("status")),
            _any_of(self.actor_country, get("actor_country")),
            _any_of(self.target_country, get("target_country")),
            _any_of(self.country, get("place_country")),
            _any_of(self.actor_sector, get("actor_sector")),
            _any_of(self.target_sector, get("target_sector")),
            _any_of(self.admin1, get("place_admin1")), _any_of(self.story_id, get("story_id")),
            self.min_killed is None or (get("killed") or 0) >= self.min_killed,
            self.min_injured is None or (get("injured") or 0) >= self.min_injured,
            self._in_bbox(get("place_lat"), get("place_lon")),
            self._is_near(get("place_lat"), get("place_lon")),
            self.q is None or self.q.lower() in " ".join(
                str(get(k) or "") for k in ("evidence_text", "actor_name", "target_name", "place_name",
                                            "attribution")).lower(),
        )
        return all(checks)

    def _in_bbox(self, lat: float | None, lon: float | None) -> bool:
        if self.bbox is None:
            return True
        if lat is None or lon is None:
            return False
        min_lon, min_lat, max_lon, max_lat = self.bbox
        return min_lat <= lat <= max_lat and min_lon <= lon <= max_lon

    def _is_near(self, lat: float | None, lon: float | None) -> bool:
        if self.near is None:
            return True
        if lat is None or lon is None:
            return False
        return distance_km(self.near[0], self.near[1], lat, lon) <= self.near[2]


def _any_of(allowed: tuple[str, ...], value: Any) -> bool:
    return not allowed or value in allowed


_NESTED = {"actor_country": ("actor", "country"), "actor_sector": ("actor", "sector"),
           "actor_name": ("actor", "name"), "target_country": ("target", "country"),
           "target_sector": ("target", "sector"), "target_name": ("target", "name"),
           "place_country": ("place", "country"), "place_lat": ("place", "lat"),
           "place_lon": ("place", "lon"), "place_admin1": ("place", "admin1"),
           "place_name": ("place", "name"), "evidence_text": ("evidence", "text")}


def _getter(row: Mapping[str, Any]) -> Any:
    def get(key: str) -> Any:
        if key in row:
            return row[key]
        if key in _NESTED:
            outer, inner = _NESTED[key]
            nested = row.get(outer)
            return nested.get(inner) if isinstance(nested, Mapping) else None
        return None
    return get


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    r = math.radians
    h = (math.sin(r(lat2 - lat1) / 2) ** 2
         + math.cos(r(lat1)) * math.cos(r(lat2)) * math.sin(r(lon2 - lon1) / 2) ** 2)
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))
