"""WARC/ARC archives: read response records as Documents, and build test archives from pages."""

from wirewatch.warc.builder import BuildResult, build_warc
from wirewatch.warc.reader import SKIP_REASONS, WarcStats, iter_warc_documents

__all__ = ["SKIP_REASONS", "BuildResult", "WarcStats", "build_warc", "iter_warc_documents"]
