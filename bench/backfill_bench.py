"""Backfill throughput: the local engine (1 worker) against Ray Data with N workers, same WARC set.

Builds ``--pages`` response records from samples/*.html into ``--files`` WARC files, runs
``run_backfill`` with each engine into a fresh folder, checks that both give the same events,
prints pages/s, the ratio and peak memory per worker, and writes the "Backfill" section of
bench/RESULTS.md. The Ray runtime is started before the clock starts (a cluster is up before
a real backfill); model loading in the workers is inside the measured time for both engines.

    .venv/bin/python bench/backfill_bench.py            # 2,000 pages, 8 files, 2 Ray workers
    .venv/bin/python bench/backfill_bench.py --pages 200 --no-write   # a quick look
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import re
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "RESULTS.md"


def build_set(folder: Path, pages: int, files: int) -> list[Path]:
    """``files`` WARCs holding ``pages`` records in all (every URL distinct), from the sample pages."""
    from wirewatch.warc import build_warc

    samples = sorted((REPO / "samples").glob("*.html"))
    per_file = math.ceil(pages / files)
    copies = math.ceil(per_file / len(samples))
    out, written = [], 0
    for i in range(files):
        n = min(per_file, pages - written)
        path = folder / f"bench-{i:02d}.warc.gz"
        written += build_warc(samples, path, copies=copies, first_copy=i * copies, limit=n).records
        out.append(path)
    return out


def run(engine: str, files: list[Path], out: Path, workers: int) -> tuple[object, set[str]]:
    from wirewatch.backfill import BackfillOptions, run_backfill

    options = BackfillOptions(engine=engine, workers=workers if engine == "ray" else 1)
    report = run_backfill([str(f) for f in files], out, options)
    return report, event_ids(out)


def event_ids(out: Path) -> set[str]:
    import pyarrow.dataset as ds

    table = ds.dataset(out / "events", format="parquet", partitioning="hive").to_table(columns=["id"])
    return set(table.column("id").to_pylist())


def source_fingerprint() -> str:
    """A hash of the package's code and data: if it changes mid-run, the two runs are not comparable."""
    import hashlib

    digest = hashlib.sha1()
    for path in sorted((REPO / "src" / "wirewatch").rglob("*")):
        if path.is_file() and path.suffix in (".py", ".tsv", ".csv", ".pkl"):
            digest.update(path.read_bytes())
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-write", action="store_true", help="do not update bench/RESULTS.md")
    args = parser.parse_args(argv)
    before = source_fingerprint()
    with tempfile.TemporaryDirectory(prefix="wirewatch-bench-") as tmp:
        folder = Path(tmp)
        files = build_set(folder / "warc", args.pages, args.files)
        local, local_ids = run("local", files, folder / "out-local", 1)
        from wirewatch.backfill.ray_runner import ensure_ray

        ensure_ray(None, args.workers)
        ray_report, ray_ids = run("ray", files, folder / "out-ray", args.workers)
    lines = report_lines(local, ray_report, args, same=local_ids == ray_ids)
    if source_fingerprint() != before:
        lines.append("- note: source files changed during the run (other work in the tree), so the two "
                     "runs used different code; the event comparison is not meaningful")
    lines.append(f"- load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
                 "(the machine is shared; wall-clock rates fall with other jobs)")
    print("\n".join(lines))
    if not args.no_write:
        write_section(lines, args)
    return 0 if local_ids == ray_ids else 1


def report_lines(local, ray, args, *, same: bool) -> list[str]:  # type: ignore[no-untyped-def]
    ratio = ray.pages_per_second / local.pages_per_second if local.pages_per_second else float("nan")
    mem = {k: round(v) for k, v in ray.run.worker_rss_mb.items()}
    return [
        (f"- WARC set: {args.pages} pages from samples/*.html in {args.files} files "
         f"({platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()})"),
        (f"- local, 1 worker: {local.run.pages} pages, {local.run.events} events in {local.seconds:.1f} s = "
         f"**{local.pages_per_second:.2f} pages/s**; peak memory {round(local.run.worker_rss_mb['local'])} MB"),
        (f"- Ray, {args.workers} workers: {ray.run.pages} pages, {ray.run.events} events in {ray.seconds:.1f} s = "
         f"**{ray.pages_per_second:.2f} pages/s**; peak memory per process (MB): {mem}"),
        f"- ratio Ray/local: **{ratio:.2f}**; same event ids: {'yes' if same else 'NO'}",
    ]


def write_section(lines: list[str], args) -> None:  # type: ignore[no-untyped-def]
    command = (f".venv/bin/python bench/backfill_bench.py --pages {args.pages} --files {args.files} "
               f"--workers {args.workers}")
    section = ("## Backfill\n\n" + f"Command: `{command}` ({time.strftime('%Y-%m-%d')})\n\n"
               + "\n".join(lines) + "\n")
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.is_file() else "# Benchmark results\n"
    pattern = re.compile(r"## Backfill\n.*?(?=\n## |\Z)", re.DOTALL)
    text = pattern.sub(lambda _: section.rstrip("\n"), text) if pattern.search(text) else \
        text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
