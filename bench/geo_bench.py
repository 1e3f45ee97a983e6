"""Benchmark the geoparsing stage alone, on top of spaCy parsing (issue 4: < 5 ms per 600-word article).

The bundled ``samples/`` pages are extracted and parsed with spaCy once; then only
:func:`wirewatch.stages.geo.geoparse` (recognition + resolution) is timed, over every page ``--repeats``
times. Also measured: the time to load the gazetteer file (a fresh unpickle, as a new process pays it)
and the process's resident memory before and after loading it.

Examples::

    .venv/bin/python bench/geo_bench.py                 # print the figures
    .venv/bin/python bench/geo_bench.py --repeats 50 --record   # and update bench/RESULTS.md
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from results import write_section

SECTION = "Geoparsing"
COMMAND = ".venv/bin/python bench/geo_bench.py --repeats {repeats} --record"


@dataclass(frozen=True)
class Figures:
    """What one run measured."""

    articles: int
    words: int
    repeats: int
    places: int
    ms_per_article: float
    ms_per_600_words: float
    cpu_ms_per_600_words: float
    p95_ms_per_article: float
    load_seconds: float
    load_cpu_seconds: float
    rss_before_mb: float
    rss_after_mb: float


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux /proc; 0.0 elsewhere)."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return 0.0
    match = re.search(r"^VmRSS:\s+(\d+)\s+kB", status, re.MULTILINE)
    return int(match.group(1)) / 1024 if match else 0.0


def load_articles(samples: Path) -> list[Any]:
    """Extracted articles of the sample pages (pages that fail extraction are skipped, with a note)."""
    from wirewatch.errors import WirewatchError
    from wirewatch.models import Document
    from wirewatch.stages.extract import extract_article

    articles = []
    for path in sorted(samples.glob("*.htm*")):
        try:
            articles.append(extract_article(Document(uri=str(path), content=path.read_bytes())))
        except WirewatchError as exc:
            print(f"skipped {path.name}: {exc}", file=sys.stderr)
    return articles


def measure(samples: Path, repeats: int) -> Figures:
    """Load the gazetteer, parse the samples once, time the geo stage ``repeats`` times over them."""
    from wirewatch.stages.geo import geoparse
    from wirewatch.stages.geo.gazetteer import default_gazetteer_path, get_gazetteer, load_gazetteer
    from wirewatch.stages.nlp import MAX_CHARS, load_model

    path = default_gazetteer_path()
    if not path.exists():
        get_gazetteer(path)   # build it once (offline); not part of the load time
    rss_before = rss_mb()
    started, cpu_started = time.perf_counter(), time.process_time()
    gazetteer = load_gazetteer(path)
    load_seconds, load_cpu = time.perf_counter() - started, time.process_time() - cpu_started
    rss_after = rss_mb()
    articles = load_articles(samples)
    if not articles:
        raise SystemExit(f"no sample pages could be read in {samples}")
    docs = list(load_model().pipe((a.text[:MAX_CHARS] for a in articles), batch_size=32))
    timings, places, cpu_started = [], 0, time.process_time()
    for _ in range(repeats):
        for article, doc in zip(articles, docs):
            started = time.perf_counter()
            found = geoparse(doc, article.text, gazetteer, dateline=article.dateline)
            timings.append(time.perf_counter() - started)
            places += len(found)
    cpu_ms = 1000 * (time.process_time() - cpu_started)
    words = sum(len(a.text.split()) for a in articles)
    total_ms = 1000 * sum(timings)
    return Figures(
        articles=len(articles), words=words, repeats=repeats, places=places // repeats,
        ms_per_article=total_ms / len(timings),
        ms_per_600_words=total_ms / (words * repeats) * 600,
        cpu_ms_per_600_words=cpu_ms / (words * repeats) * 600,
        p95_ms_per_article=1000 * statistics.quantiles(timings, n=20)[-1],
        load_seconds=load_seconds, load_cpu_seconds=load_cpu, rss_before_mb=rss_before, rss_after_mb=rss_after)


def report(figures: Figures) -> str:
    """The figures as Markdown (the RESULTS.md section body)."""
    f = figures
    return "\n".join([
        (f"{f.articles} sample pages ({f.words:,} words, {f.words // f.articles} per page on average, "
        f"{f.places} places found), geo stage timed {f.repeats}× over each page; spaCy parsing done once "
        "beforehand and not counted."),
        "",
        "| measure | value |",
        "|---|---|",
        f"| geoparsing per article (mean) | {f.ms_per_article:.2f} ms |",
        f"| geoparsing per 600 words, wall clock | {f.ms_per_600_words:.2f} ms (target < 5 ms) |",
        f"| geoparsing per 600 words, CPU time of this process | {f.cpu_ms_per_600_words:.2f} ms |",
        f"| geoparsing per article (p95) | {f.p95_ms_per_article:.2f} ms |",
        (f"| gazetteer load (fresh unpickle), wall / CPU | {f.load_seconds:.2f} s / {f.load_cpu_seconds:.2f} s "
        "(target < 1 s) |"),
        (f"| RSS before / after loading the gazetteer | {f.rss_before_mb:.0f} MB / {f.rss_after_mb:.0f} MB "
        f"(+{f.rss_after_mb - f.rss_before_mb:.0f} MB; target < 300 MB) |"),
        "",
        (f"Machine: {platform.machine()}, Python {platform.python_version()}, load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the time (wall-clock figures grow with "
        "the load of other jobs; CPU time much less)."),
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--samples", type=Path, default=ROOT / "samples",
                        help="directory of HTML pages (default: the bundled samples/)")
    parser.add_argument("--repeats", type=int, default=20, help="passes over the pages (default 20)")
    parser.add_argument("--record", action="store_true",
                        help="also replace the Geoparsing section of bench/RESULTS.md")
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    if not args.samples.is_dir():
        parser.error(f"{args.samples} is not a directory")
    figures = measure(args.samples, args.repeats)
    body = report(figures)
    print(body)
    if args.record:
        write_section(SECTION, f"Command: `{COMMAND.format(repeats=args.repeats)}`\n\n{body}")
        print(f"\nwritten to {ROOT / 'bench' / 'RESULTS.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
