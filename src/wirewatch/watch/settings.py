"""The ``[watch]`` section of wirewatch.toml: sources, rules, deliveries, fetching, SMTP.

Every key is documented in docs/configuration.md; unknown keys are rejected.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SourceKind = Literal["auto", "feed", "sitemap", "page", "folder", "opml"]
Digest = Literal["off", "hourly", "daily"]
GroupKey = Literal["place_country", "type", "actor_country", "target_country", "place_admin1"]


def _default_groups() -> list[GroupKey]:
    return ["place_country", "type"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FetchSettings(_Strict):
    """How pages and feeds are fetched (``[watch.fetch]``)."""

    timeout: float = Field(default=20.0, gt=0, le=600)
    max_bytes: int = Field(default=10_000_000, ge=1024)
    retries: int = Field(default=2, ge=0, le=10)
    backoff: float = Field(default=1.0, ge=0, le=600)
    max_redirects: int = Field(default=5, ge=0, le=20)
    min_host_delay: float = Field(default=1.0, ge=0, le=3600)
    host_concurrency: int = Field(default=2, ge=1, le=64)
    max_crawl_delay: float = Field(default=30.0, ge=0, le=3600)
    respect_robots: bool = True
    user_agent: str | None = None     # default: "wirewatch/0.1 (+https://...)"


class SourceSettings(_Strict):
    """One watched source (``[[watch.sources]]``): a feed, sitemap, page, folder or OPML list."""

    url: str = Field(min_length=1)                 # http(s) URL, or a local folder / OPML path
    kind: SourceKind = "auto"
    name: str | None = None
    interval: float | None = Field(default=None, gt=0)     # seconds; default watch.interval


class RuleSettings(_Strict):
    """One rule (``[[watch.rules]]``): a saved event filter, or a spike detector over it."""

    name: str = Field(min_length=1)
    query: str = ""                                # /api/events filter names: "type=ASSAULT&country=EGY"
    kind: Literal["match", "spike"] = "match"
    deliver: list[str] = Field(default_factory=list)   # delivery names; empty: all deliveries
    digest: Digest = "off"
    enabled: bool = True
    # spike rules only
    group_by: list[GroupKey] = Field(default_factory=_default_groups)
    window_hours: float = Field(default=24.0, gt=0, le=24 * 90)
    baseline_windows: int = Field(default=7, ge=1, le=365)
    method: Literal["poisson", "zscore"] = "poisson"
    threshold: float | None = None                 # poisson: p-value (default 0.001); zscore: z (default 3)
    min_count: int = Field(default=3, ge=1)

    @field_validator("query")
    @classmethod
    def _query(cls, value: str) -> str:
        from wirewatch.filters import EventFilter, FilterError

        try:
            EventFilter.parse(value)
        except FilterError as exc:
            raise ValueError(str(exc)) from None
        return value


class DeliverySettings(_Strict):
    """Where alerts go (``[[watch.deliveries]]``): a webhook, e-mail recipients (via [watch.smtp]),
    or a sink registered by a plugin under the ``wirewatch.alert_sinks`` entry point group
    (``sink = "jsonl"`` with its ``options``)."""

    name: str = Field(min_length=1)
    webhook: str | None = None
    secret_env: str | None = None                  # env var holding the HMAC secret
    email: list[str] = Field(default_factory=list)
    sink: str | None = None                        # a registered alert sink ("jsonl", or a plugin's)
    options: dict[str, Any] = Field(default_factory=dict)   # passed to that sink's factory

    @model_validator(mode="after")
    def _one_target(self) -> DeliverySettings:
        if sum((bool(self.webhook), bool(self.email), bool(self.sink))) != 1:
            raise ValueError(f"delivery {self.name!r} needs exactly one of 'webhook', 'email' or 'sink'")
        if self.options and not self.sink:
            raise ValueError(f"delivery {self.name!r}: 'options' are for a 'sink' delivery")
        return self


class SmtpSettings(_Strict):
    """The mail server used by e-mail deliveries (``[watch.smtp]``)."""

    host: str = "localhost"
    port: int = Field(default=25, ge=1, le=65535)
    sender: str = "wirewatch@localhost"
    starttls: bool = False
    ssl: bool = False
    username_env: str | None = None
    password_env: str | None = None
    timeout: float = Field(default=20.0, gt=0)


class WatchSettings(_Strict):
    """``wirewatch watch``: what to watch, how often, what to tell whom."""

    interval: float = Field(default=300.0, gt=0)           # default seconds between polls of a source
    worker_id: str | None = None                   # default: host name and process id
    lease_seconds: float = Field(default=600.0, gt=0)      # a dead worker's sources are free after this
    max_sources_per_round: int = Field(default=20, ge=1)
    max_items_per_source: int = Field(default=50, ge=1)    # new feed items fetched per poll; the rest next poll
    concurrency: int = Field(default=4, ge=1, le=64)       # sources polled at once
    recovery_hours: float = Field(default=1.0, ge=0)       # at start, re-check rules on articles this recent
    max_error_backoff: float = Field(default=6 * 3600.0, gt=0)
    webhook_retries: int = Field(default=3, ge=0, le=10)
    fetch: FetchSettings = Field(default_factory=lambda: FetchSettings())
    smtp: SmtpSettings = Field(default_factory=lambda: SmtpSettings())
    sources: list[SourceSettings] = Field(default_factory=list)
    rules: list[RuleSettings] = Field(default_factory=list)
    deliveries: list[DeliverySettings] = Field(default_factory=list)

    @model_validator(mode="after")
    def _names(self) -> WatchSettings:
        known = {d.name for d in self.deliveries}
        if len(known) != len(self.deliveries):
            raise ValueError("two deliveries have the same name")
        for rule in self.rules:
            missing = [n for n in rule.deliver if n not in known]
            if missing:
                raise ValueError(f"rule {rule.name!r} delivers to unknown {missing[0]!r}; "
                                 f"known: {', '.join(sorted(known)) or 'none'}")
        return self
