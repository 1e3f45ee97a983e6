"""Backfill: run the live pipeline over WARC/ARC archives into Parquet datasets, locally or on Ray.

``run_backfill(inputs, out_dir, BackfillOptions(engine="ray", workers=2))``; the Ray engine
(:mod:`wirewatch.backfill.ray_runner`) is imported only when asked for (``pip install wirewatch[ray]``).
"""

from wirewatch.backfill.options import BackfillOptions, BackfillReport, EngineRun
from wirewatch.backfill.runner import expand_archives, run_backfill

__all__ = ["BackfillOptions", "BackfillReport", "EngineRun", "expand_archives", "run_backfill"]
