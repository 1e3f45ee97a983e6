"""Main-text extraction scored with the token-4-gram F1 scorer of the extraction gold set."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from wirewatch.errors import InputError, WirewatchError
from wirewatch.models import Document
from wirewatch.stages.extract import extract_article


def predict_extraction(data_dir: Path) -> list[dict[str, Any]]:
    """Extract every page of ``data_dir/html`` (ids and URLs from ground_truth.jsonl)."""
    truth = _read_jsonl(data_dir / "ground_truth.jsonl")
    predictions = []
    for rec in truth:
        content = gzip.decompress((data_dir / "html" / f"{rec['id']}.html.gz").read_bytes())
        doc = Document(uri=rec["id"], content=content, content_type="text/html", url=rec.get("url"))
        try:
            text = extract_article(doc).text
        except WirewatchError:
            text = ""
        predictions.append({"id": rec["id"], "text": text})
    return predictions


def evaluate_extraction(data_dir: Path, out: Path | None = None) -> dict[str, Any]:
    """Run extraction over the set and score it with the set's own score.py."""
    scorer = data_dir / "score.py"
    if not scorer.is_file():
        raise InputError(f"{data_dir}: no score.py here; point --data at shared/data.")
    predictions = predict_extraction(data_dir)
    with tempfile.TemporaryDirectory() as tmp:
        pred_path = out or Path(tmp) / "extract.pred.jsonl"
        _write_jsonl(pred_path, predictions)
        report = Path(tmp) / "report.json"
        proc = subprocess.run([sys.executable, str(scorer), str(pred_path), "--json", str(report)],
                              capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise WirewatchError(f"the extraction scorer failed: {proc.stderr.strip()[:300]}")
        summary = json.loads(report.read_text())
    summary["scorer_output"] = proc.stdout.strip().splitlines()[0] if proc.stdout else ""
    return dict(summary)


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
