"""Storage: the EventStore interface and its SQLAlchemy implementation (SQLite, PostgreSQL)."""

from wirewatch.storage.base import AddResult, EventStore
from wirewatch.storage.sql import SQLStore, open_store

__all__ = ["AddResult", "EventStore", "SQLStore", "open_store"]
