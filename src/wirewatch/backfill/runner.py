"""`run_backfill`: archives in, Parquet datasets (and optionally a database) out, resumable."""

from __future__ import annotations

import glob
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from wirewatch.backfill.manifest import FileKey
from wirewatch.backfill.options import ENGINES, BackfillOptions, BackfillReport, EngineRun
from wirewatch.backfill.output import DatasetWriter
from wirewatch.errors import ConfigError, InputError
from wirewatch.sources import WARC_SUFFIXES

OnStart = Callable[[int], None]
OnPages = Callable[[int], None]


def is_archive(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def expand_archives(inputs: Sequence[str]) -> list[Path]:
    """Archive files for paths, folders (searched recursively) and glob patterns, sorted, no repeats."""
    found: dict[Path, None] = {}
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            matches = [p for p in path.rglob("*") if p.is_file() and is_archive(p)]
        elif path.is_file():
            matches = [path]
        elif glob.has_magic(item):
            matches = [Path(p) for p in glob.glob(item, recursive=True) if Path(p).is_file()]
        else:
            raise InputError(f"{item}: no such file or directory.",
                             hint="Give WARC/ARC files (.warc, .warc.gz, .arc, .arc.gz), folders or a "
                                  "quoted glob such as 'crawl/*.warc.gz'.")
        for match in sorted(matches):
            found.setdefault(match.resolve(), None)
    if not found:
        raise InputError(f"no WARC or ARC files found in {', '.join(inputs)}.",
                         hint="File names must end in .warc, .warc.gz, .arc or .arc.gz.")
    return list(found)


def run_backfill(inputs: Sequence[str], out_dir: Path, options: BackfillOptions | None = None, *,
                 store: object = None, on_start: OnStart | None = None,
                 on_pages: OnPages | None = None) -> BackfillReport:
    """Process every archive not yet finished in ``out_dir``'s manifest with the chosen engine.

    ``on_start(n_files_to_do)`` is called once before the work, ``on_pages(n)`` as pages finish.
    """
    options = options or BackfillOptions()
    if options.engine not in ENGINES:
        raise ConfigError(f"unknown engine {options.engine!r}.", hint=f"Use one of: {', '.join(ENGINES)}.")
    keys = [FileKey.of(p) for p in expand_archives(inputs)]
    writer = DatasetWriter(out_dir, store=store)
    todo = [k for k in keys if not writer.manifest.is_done(k)]
    for key in todo:
        writer.clear_parts(key)
    if on_start:
        on_start(len(todo))
    started = time.perf_counter()
    run = _engine(options.engine)(todo, writer, options, on_pages or (lambda n: None)) if todo else EngineRun()
    return BackfillReport(options.engine, len(keys), len(keys) - len(todo), run, time.perf_counter() - started)


def _engine(name: str) -> Callable[..., EngineRun]:
    if name == "ray":
        from wirewatch.backfill.ray_runner import run_ray  # Ray is an optional extra: import it lazily

        return run_ray
    from wirewatch.backfill.local import run_local

    return run_local
