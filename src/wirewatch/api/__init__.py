"""The REST API and dashboard: ``create_app(settings, store)``; `wirewatch serve` runs it."""

from wirewatch.api.app import create_app

__all__ = ["create_app"]
