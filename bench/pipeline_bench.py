"""Pipeline throughput against spaCy parsing alone, on the same texts and cores.

    .venv/bin/python bench/pipeline_bench.py --articles 2000 [--words 600] [--scaling] [--record]

Prints, in one run: spaCy alone (the model as shipped, nlp.pipe) articles/s with 1 and 2
processes, the full
`wirewatch ingest` pipeline into SQLite articles/s with 1 and 2 processes, their ratios,
per-stage time shares and peak memory. `--scaling` adds the 1k vs 10k per-article check.
`--record` writes the "Pipeline throughput" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_corpus  # noqa: E402
from results import write_section  # noqa: E402


def extract_texts(paths: list[Path]) -> list[str]:
    from wirewatch.stages.extract import extract_article
    from wirewatch.stages.ingest import read_file

    return [extract_article(read_file(p)).text for p in paths]


def spacy_alone(texts: list[str], processes: int) -> float:
    """Seconds for nlp.pipe over the texts (the stock model, loaded before timing)."""
    from wirewatch.stages.nlp import load_stock_model

    nlp = load_stock_model()
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=32, n_process=processes):
        pass
    return time.perf_counter() - start


def pipeline_ingest(folder: Path, workers: int) -> tuple[float, dict[str, float], int]:
    """Seconds for `wirewatch ingest` of the folder into a fresh SQLite file (models warm)."""
    from wirewatch.runner import ingest
    from wirewatch.storage import open_store

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        store = open_store(url)
        start = time.perf_counter()
        report = ingest([str(folder)], store, batch_size=32, workers=workers, db_url=url)
        seconds = time.perf_counter() - start
        store.close()
    return seconds, report.timings, report.added


def warm_up(sample: Path) -> None:
    """Load models, gazetteer and dictionaries once (as a long-running process would have)."""
    from wirewatch.pipeline.builder import Pipeline
    from wirewatch.stages.ingest import read_file

    list(Pipeline.default().run([read_file(sample)]))


def peak_rss_mb() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"main_process_mb": round(own, 1), "largest_worker_mb": round(children, 1)}


def run(n: int, words: int | None = None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        paths = build_corpus(folder, n, words)
        texts = extract_texts(paths)
        words = sum(len(t.split()) for t in texts) / len(texts)
        warm_up(paths[0])
        result: dict[str, Any] = {"articles": n, "mean_words": round(words)}
        for procs in (1, 2):
            alone = spacy_alone(texts, procs)
            full, timings, added = pipeline_ingest(folder, procs)
            assert added == n, f"stored {added} of {n} articles"
            total = sum(timings.values()) or 1.0
            result[f"{procs}p"] = {
                "spacy_alone_articles_per_s": round(n / alone, 1),
                "pipeline_articles_per_s": round(n / full, 1),
                "ratio_pipeline_to_spacy": round(alone / full, 3),
                "stage_share": {k: round(v / total, 3) for k, v in sorted(timings.items())},
            }
        result["peak_memory"] = peak_rss_mb()
    return result


def scaling(small: int = 1000, large: int = 10000, words: int | None = None, workers: int = 2) -> dict[str, Any]:
    out: dict[str, Any] = {"workers": workers}
    for n in (small, large):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "corpus"
            build_corpus(folder, n, words)
            seconds, _t, _a = pipeline_ingest(folder, workers)
            out[f"{n}_ms_per_article"] = round(1000 * seconds / n, 2)
    out["growth"] = round(out[f"{large}_ms_per_article"] / out[f"{small}_ms_per_article"], 3)
    return out


def to_markdown(result: dict[str, Any], command: str) -> str:
    lines = [f"Command: `{command}`", "",
             f"Machine: {os.cpu_count()} cores, {platform.processor() or platform.machine()}, "
             f"Python {platform.python_version()}; {result['articles']} articles of ~{result['mean_words']} words "
             "built from samples/ (bench/corpus.py).", "",
             "| processes | spaCy alone (art/s) | full ingest (art/s) | ratio |", "|---|---|---|---|"]
    for procs in ("1p", "2p"):
        r = result[procs]
        lines.append(f"| {procs[0]} | {r['spacy_alone_articles_per_s']} | {r['pipeline_articles_per_s']} | "
                     f"{r['ratio_pipeline_to_spacy']} |")
    lines += ["", "Stage time shares (1 process): " + ", ".join(
        f"{k} {v:.0%}" for k, v in result["1p"]["stage_share"].items()),
        f"Peak RSS: main {result['peak_memory']['main_process_mb']} MB, largest worker "
        f"{result['peak_memory']['largest_worker_mb']} MB."]
    if "scaling" in result:
        s = result["scaling"]
        lines.append(f"Scaling: {s} (per-article time 10k / 1k).")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--words", type=int, default=None,
                        help="pad each page to about this many words (paragraphs of other samples)")
    parser.add_argument("--scaling", action="store_true", help="also time 1k vs 10k articles (2 processes)")
    parser.add_argument("--record", action="store_true", help="write bench/RESULTS.md")
    args = parser.parse_args()
    result = run(args.articles, args.words)
    if args.scaling:
        result["scaling"] = scaling(words=args.words)
    print(json.dumps(result, indent=2))
    command = "python bench/pipeline_bench.py " + " ".join(sys.argv[1:])
    print(to_markdown(result, command))
    if args.record:
        title = "Pipeline throughput" + (f", pages padded to ~{args.words} words" if args.words else "")
        write_section(title, to_markdown(result, command))


if __name__ == "__main__":
    main()
