"""Settings: defaults < wirewatch.toml < WIREWATCH_* environment < CLI flags.

Unknown keys are rejected, so a typo fails at start-up and names the key.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_settings import (BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict,
                               TomlConfigSettingsSource)

from wirewatch.errors import ConfigError
from wirewatch.watch.settings import WatchSettings


class PipelineSettings(BaseModel):
    """Which stages run, and how they batch."""

    model_config = ConfigDict(extra="forbid")
    stages: list[str] = Field(default_factory=lambda: [
        "extract.trafilatura.v1", "nlp.spacy.v1", "geo.gazetteer.v1", "coding.plover.v1"])
    batch_size: int = Field(32, ge=1, le=10_000)
    extra_actor_files: list[Path] = Field(default_factory=list)
    extra_trigger_files: list[Path] = Field(default_factory=list)


class ApiSettings(BaseModel):
    """`wirewatch serve`: access control and limits of the REST API (docs/api.md)."""

    model_config = ConfigDict(extra="forbid")
    read_requires_token: bool = False       # GET endpoints need the Bearer token too
    cors_origins: list[str] = Field(default_factory=list)   # empty: CORS off
    rate_limit_per_minute: int = Field(6000, ge=0)          # per client address, all /api requests; 0 = off
    write_rate_limit_per_minute: int = Field(60, ge=0)      # per client address, POST/PUT/DELETE; 0 = off
    stream_poll_seconds: float = Field(2.0, gt=0, le=60)    # how often the alert stream polls the table
    stream_max_seconds: float = Field(300.0, gt=0)          # a stream ends after this; EventSource reconnects
    max_html_bytes: int = Field(5_000_000, ge=1)            # POST /api/articles body cap


class Settings(BaseSettings):
    """Every setting of wirewatch, documented in docs/configuration.md."""

    model_config = SettingsConfigDict(env_prefix="WIREWATCH_", env_nested_delimiter="__",
                                      extra="forbid", toml_file=None)
    db: str = "sqlite:///wirewatch.db"
    pipeline: PipelineSettings = Field(default_factory=PipelineSettings)
    log_level: str = "WARNING"
    api_token: str | None = Field(default=None, repr=False)
    allow_hosts: list[str] = Field(default_factory=list)
    watch: WatchSettings = Field(default_factory=WatchSettings)
    api: ApiSettings = Field(default_factory=ApiSettings)

    @classmethod
    def settings_customise_sources(
        cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource, dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml_path = os.environ.get("WIREWATCH_CONFIG_FILE")
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if toml_path:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=Path(toml_path)))
        return tuple(sources)


def load_settings(config_file: Path | None = None, **overrides: Any) -> Settings:
    """Build settings once (the CLI and app factory pass them down)."""
    if config_file is not None:
        if not config_file.is_file():
            raise ConfigError(f"config file {config_file} not found.")
        os.environ["WIREWATCH_CONFIG_FILE"] = str(config_file)
    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"invalid setting {where!r}: {first['msg']}.",
                          hint="See docs/configuration.md for the accepted keys.") from exc
