"""Geoparsing evaluation against a gold JSONL file in the GeoVirus format (``wirewatch eval geo``).

Runs the NLP and geo stages over each gold document's text, writes predictions in the scorer's format
(``{"id", "toponyms": [{"start", "end", "lat", "lon", "country"}]}``) and scores them with the
``score.py`` that sits next to the gold file (run in a subprocess: it is a standalone script).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from wirewatch.errors import InputError
from wirewatch.stages.geo import geoparse
from wirewatch.stages.geo.gazetteer import Gazetteer, get_gazetteer


def read_gold(gold_path: Path, *, limit: int | None = None) -> list[dict[str, Any]]:
    """The gold records (at most ``limit``)."""
    try:
        lines = gold_path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read gold file {gold_path}: {exc}.") from exc
    records = [json.loads(line) for line in lines if line.strip()]
    return records[:limit] if limit is not None else records


def predict(records: Iterable[dict[str, Any]], docs: Iterable[Any],
            gazetteer: Gazetteer) -> Iterator[dict[str, Any]]:
    """One prediction record per gold record, from its parsed ``doc``."""
    for record, doc in zip(records, docs):
        places = geoparse(doc, record["text"], gazetteer, dateline=record.get("dateline"))
        yield {"id": record["id"], "toponyms": [
            {"start": p.start, "end": p.end, "lat": p.lat, "lon": p.lon, "country": p.country,
             "name": p.name, "precision": p.precision} for p in places]}


def score_predictions(gold_path: Path, pred_path: Path, scorer: Path | None = None) -> dict[str, Any]:
    """Run ``score.py`` (next to the gold file unless given) and return its JSON result."""
    scorer = scorer or gold_path.parent / "score.py"
    if not scorer.exists():
        raise InputError(f"scorer {scorer} not found.", hint="Keep score.py next to the gold file.")
    result = subprocess.run([sys.executable, str(scorer), str(gold_path), str(pred_path), "--json", "-"],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise InputError(f"scorer failed: {result.stderr.strip() or result.stdout.strip()}")
    scored: dict[str, Any] = json.loads(result.stdout)
    return scored


def evaluate_geo(gold_path: Path, *, limit: int | None = None, pred_path: Path | None = None,
                 gazetteer: Gazetteer | None = None) -> dict[str, Any]:
    """Geoparse the gold documents and score them.

    Returns recognition precision/recall/F1, acc@161 on matched toponyms, e2e acc@161, country
    accuracy, AUC, the number of documents and the geoparsing time (NLP excluded), plus the
    scorer's full output under ``"score"``.
    """
    from wirewatch.stages.nlp import MAX_CHARS, load_model

    records = read_gold(gold_path, limit=limit)
    gazetteer = gazetteer or get_gazetteer()
    docs = list(load_model().pipe((r["text"][:MAX_CHARS] for r in records), batch_size=32))
    started = time.perf_counter()
    predictions = list(predict(records, docs, gazetteer))
    geo_seconds = time.perf_counter() - started
    scorer = gold_path.parent / "score.py"
    with tempfile.TemporaryDirectory() as tmp:
        if limit is not None:   # score only the documents we predicted
            gold_path = _write_jsonl(records, Path(tmp) / "gold.jsonl")
        out = pred_path or Path(tmp) / "predictions.jsonl"
        _write_jsonl(predictions, out)
        scored = score_predictions(gold_path, out, scorer)
    return _summary(scored, len(records), geo_seconds)


def _write_jsonl(rows: Iterable[dict[str, Any]], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def _summary(scored: dict[str, Any], documents: int, geo_seconds: float) -> dict[str, Any]:
    overall = scored["overall"]
    return {
        "documents": documents,
        "precision": overall["precision"], "recall": overall["recall"], "f1": overall["f1"],
        "acc161": overall["acc161"], "e2e_acc161": overall["e2e_acc161"],
        "country_accuracy": overall["country_accuracy"], "auc": overall["auc"],
        "median_error_km": overall["median_error_km"],
        "geo_ms_per_document": 1000 * geo_seconds / max(1, documents),
        "score": scored,
    }
