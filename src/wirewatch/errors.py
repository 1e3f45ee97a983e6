"""The wirewatch exception hierarchy.

* WirewatchError            exit 1, HTTP 500
  + ConfigError             exit 3, HTTP 500  (bad TOML/env value, unknown plugin, missing extra)
  + PluginError             exit 3
  + InputError              exit 4, HTTP 400  (a given source is missing/unreadable)
    - SourceError
      · FetchError          (HTTP/network failure, SSRF refusal)
      · FeedParseError      (malformed or hostile feed XML)
    - ExtractionError       (page is empty, binary, too large, undecodable)
  + CodingError
  + GeoError
  + StorageError            exit 5, HTTP 503  (database cannot be opened, needs migration)
  + QuarantineError         exit 6            (run finished with quarantined items and --strict)

Library code raises these and never prints or exits; the CLI and the API translate them in one place.
Every message says what happened, where, and what to do (``hint``).
"""

from __future__ import annotations


class WirewatchError(Exception):
    """Base class. ``exit_code`` is used by the CLI, ``http_status`` by the API."""

    exit_code: int = 1
    http_status: int = 500

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}" if self.hint else self.message


class ConfigError(WirewatchError):
    """A setting, config file, plugin name or optional extra is wrong or missing."""

    exit_code = 3


class PluginError(ConfigError):
    """A stage or sink name is not registered, or its plugin failed to load."""


class InputError(WirewatchError):
    """An input given by the user cannot be read."""

    exit_code = 4
    http_status = 400


class SourceError(InputError):
    """A source (file, URL, feed, archive) cannot be read."""


class FetchError(SourceError):
    """An HTTP fetch failed or was refused (SSRF guard, size cap, status)."""

    http_status = 502


class FeedParseError(SourceError):
    """A feed or sitemap is malformed or hostile (entity expansion, DTDs)."""


class ExtractionError(InputError):
    """A page has no extractable text (empty, binary, undecodable, too large)."""

    http_status = 422


class CodingError(WirewatchError):
    """The event coder failed on an article."""


class GeoError(WirewatchError):
    """The geoparser or its gazetteer failed."""


class StorageError(WirewatchError):
    """The database cannot be opened, written, or needs a migration."""

    exit_code = 5
    http_status = 503


class QuarantineError(WirewatchError):
    """The run finished but some items failed, and strict mode was asked for."""

    exit_code = 6
