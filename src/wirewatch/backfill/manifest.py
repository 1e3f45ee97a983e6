"""The backfill manifest: which archive files are finished, so a rerun skips them.

``DIR/_manifest.jsonl`` gets one line per finished file, appended (and flushed) only after the
file's Parquet parts are in place. A file is identified by its absolute path, size and mtime:
a file that changed is done again.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MANIFEST_NAME = "_manifest.jsonl"


@dataclass(frozen=True)
class FileKey:
    """An input archive as the manifest knows it."""

    path: str
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> FileKey:
        stat = path.stat()
        return cls(str(path.resolve()), stat.st_size, stat.st_mtime_ns)

    @property
    def part_name(self) -> str:
        """The stem of this file's Parquet parts: stable across runs, unique per input path."""
        digest = hashlib.sha1(self.path.encode("utf-8")).hexdigest()[:12]
        stem = Path(self.path).name.split(".")[0][:40]
        return f"{stem}-{digest}"


class Manifest:
    """Finished files of one output directory."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / MANIFEST_NAME
        self.done: dict[tuple[str, int, int], dict[str, Any]] = {}
        if self.path.is_file():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                self._load_line(line)

    def _load_line(self, line: str) -> None:
        try:
            entry = json.loads(line)
            self.done[(entry["path"], entry["size"], entry["mtime_ns"])] = entry
        except (ValueError, KeyError, TypeError):
            return   # a line cut by a crash: that file is simply done again

    def is_done(self, key: FileKey) -> bool:
        return (key.path, key.size, key.mtime_ns) in self.done

    def mark_done(self, key: FileKey, summary: dict[str, Any]) -> None:
        entry = {"path": key.path, "size": key.size, "mtime_ns": key.mtime_ns, **summary}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        self.done[(key.path, key.size, key.mtime_ns)] = entry
