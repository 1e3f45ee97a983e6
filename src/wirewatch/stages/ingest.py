"""Ingest: turn user-given paths (files, directories) into :class:`Document` items.

A directory means its files in name order (= arrival order). Files are read as
bytes; decoding and extraction happen in the extract stage. URLs and WARC
archives are handled by their own readers (``wirewatch.sources``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from wirewatch.errors import InputError
from wirewatch.models import Document

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".text")
CONTENT_TYPES = {".html": "text/html", ".htm": "text/html", ".xhtml": "text/html",
                 ".txt": "text/plain", ".text": "text/plain"}


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files to read, in order; raises :class:`InputError` for a path that does not exist."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        try:
            files.extend(_files_of(path))
        except OSError as exc:   # e.g. a name too long for the file system
            raise InputError(f"{str(path)[:80]}: cannot be read ({exc.strerror or exc}).",
                             hint="Check the path.") from exc
    return files


def _files_of(path: Path) -> list[Path]:
    """A file itself, or a folder's page files in name order."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and _is_page(p))
    if path.is_file():
        return [path]
    if path.exists():
        raise InputError(f"{path}: not a regular file or directory.")
    raise InputError(f"{path}: no such file or directory.",
                     hint="Check the path; give .html, .htm or .txt files or a folder of them.")


def _is_page(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(PAGE_SUFFIXES) or name.endswith((".warc", ".warc.gz", ".arc", ".arc.gz"))


def read_file(path: Path, *, url: str | None = None,
              published: date | datetime | None = None) -> Document:
    """Read one local page file."""
    try:
        content = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc}).",
                         hint="Check the file's permissions.") from exc
    return Document(uri=str(path), content=content, content_type=CONTENT_TYPES.get(path.suffix.lower()),
                    url=url, published=published)


def iter_file_documents(files: Iterable[Path], *, url: str | None = None,
                        published: date | datetime | None = None) -> Iterator[Document]:
    """Documents for page files (``url``/``published`` apply to every file given)."""
    for path in files:
        yield read_file(path, url=url, published=published)
