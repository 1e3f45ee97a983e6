"""Event-coding quality against the gold sets in ``shared/data/events`` (see its README).

* ``plover``: PLOVER gold-standard sentences; event-type accuracy of the sentence's main event (the
  predicted event with the highest confidence), plus per-type precision/recall/F1 over all events.
* ``muc4``: MUC-4 development documents; incident recall, and on matched incidents: status right,
  killed exact, date exact and place country (scoring rules of the README, section 4).
* ``petrarch``: PETRARCH-2 validation sentences (CAMEO-coded records only); CAMEO root agreement.

Texts go through the real stages: spaCy (``nlp.pipe``), the gazetteer geoparser and the coder.
Shouting (all upper-case) text is re-cased first (:mod:`wirewatch.stages.coding.casing`).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from wirewatch.models import Article, Document, Event
from wirewatch.pipeline.base import RunContext, Work
from wirewatch.stages.coding import PloverCoder
from wirewatch.stages.coding.actors import load_actor_dictionary
from wirewatch.stages.coding.casing import is_shouting, normalise_case
from wirewatch.stages.nlp import load_model

FILES = {"plover": "plover_gsr.jsonl", "muc4": "muc4_dev.jsonl",
         "petrarch": ("petrarch2_gsr_validation.jsonl", "petrarch2_tests.jsonl")}


def read_records(data_dir: Path, name: str, limit: int | None) -> list[dict[str, Any]]:
    """Records of one gold set (PETRARCH: only those with CAMEO codes or no events)."""
    files = FILES[name]
    paths = [files] if isinstance(files, str) else list(files)
    records: list[dict[str, Any]] = []
    for path in paths:
        with (data_dir / path).open(encoding="utf-8") as handle:
            for line in handle:
                rec = json.loads(line)
                if name != "petrarch" or rec.get("label_scheme") == "cameo":
                    records.append(rec)
    return records[:limit] if limit else records


class _Runner:
    """Runs parse → geo → code over records, timing parsing and coding separately."""

    def __init__(self) -> None:
        from wirewatch.stages.geo import GazetteerGeoparser

        self.nlp = load_model()
        self.geo = GazetteerGeoparser()
        self.coder = PloverCoder()
        self.ctx = RunContext()
        self.parse_seconds = self.geo_seconds = self.code_seconds = 0.0

    def is_place_name(self, phrase: str) -> bool:
        """Used to re-case shouting text: a known, non-trivial place name."""
        found = self.geo.gazetteer.candidates(phrase)
        if not found:
            return False
        if found[0].precision in {"country", "admin1", "region"}:
            return True
        return found[0].population >= (1000 if " " in phrase else 100_000)

    def articles(self, records: Iterable[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], Article]]:
        actors = load_actor_dictionary()
        for rec in records:
            text = rec["text"]
            if is_shouting(text):
                text = normalise_case(text, actors, self.is_place_name)
            yield rec, Article(rec["id"], None, None, rec.get("date"), None, "en", text)

    def run(self, records: list[dict[str, Any]]) -> list[tuple[dict[str, Any], list[Event]]]:
        pairs = list(self.articles(records))
        start = time.perf_counter()
        docs = list(self.nlp.pipe((a.text for _, a in pairs), batch_size=64))
        self.parse_seconds += time.perf_counter() - start
        out = []
        for (rec, article), doc in zip(pairs, docs):
            work = Work(Document(rec["id"], b""), article, doc)
            start = time.perf_counter()
            self.geo.handle(work, self.ctx)
            mid = time.perf_counter()
            self.coder.handle(work, self.ctx)
            self.geo_seconds += mid - start
            self.code_seconds += time.perf_counter() - mid
            out.append((rec, article.events))
        return out


def score_plover(results: list[tuple[dict[str, Any], list[Event]]]) -> dict[str, Any]:
    """Main-event type accuracy and per-type P/R/F1 (set of types per sentence)."""
    right = 0
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for rec, events in results:
        gold = {e["type"] for e in rec["events"] if e.get("type")}
        main = max(events, key=lambda e: e.confidence) if events else None
        right += bool(main and main.type in gold)
        pred = {e.type for e in events}
        for t in pred | gold:
            tp[t] += t in pred and t in gold
            fp[t] += t in pred and t not in gold
            fn[t] += t in gold and t not in pred
    return {"sentences": len(results), "type_accuracy": round(right / max(len(results), 1), 4),
            "per_type": _prf(tp, fp, fn)}


def _prf(tp: Counter[str], fp: Counter[str], fn: Counter[str]) -> dict[str, dict[str, float]]:
    out = {}
    for t in sorted(set(tp) | set(fp) | set(fn)):
        p = tp[t] / max(tp[t] + fp[t], 1)
        r = tp[t] / max(tp[t] + fn[t], 1)
        out[t] = {"precision": round(p, 3), "recall": round(r, 3),
                  "f1": round(2 * p * r / max(p + r, 1e-9), 3), "gold": tp[t] + fn[t]}
    return out


def score_petrarch(results: list[tuple[dict[str, Any], list[Event]]]) -> dict[str, Any]:
    """CAMEO root agreement on gold events, and false alarms on no-event records."""
    gold_n = agree = empty = empty_with_events = 0
    for rec, events in results:
        roots = {(e.cameo or "")[:2] for e in events}
        codes = [e["cameo"] for e in rec["events"] if e.get("cameo")]
        if not rec["events"]:
            empty += 1
            empty_with_events += bool(events)
        for code in codes:
            gold_n += 1
            agree += code[:2] in roots
    return {"records": len(results), "gold_events": gold_n,
            "cameo_root_agreement": round(agree / max(gold_n, 1), 4),
            "no_event_records": empty, "no_event_records_with_events": empty_with_events}


def evaluate_events(data_dir: Path, *, sets: Iterable[str] = ("plover", "muc4", "petrarch"),
                    limit: int | None = None) -> dict[str, Any]:
    """Figures for each gold set, plus the coding cost relative to parsing."""
    from wirewatch.evaluation.muc import score_muc

    runner = _Runner()
    report: dict[str, Any] = {}
    scorers = {"plover": score_plover, "muc4": score_muc, "petrarch": score_petrarch}
    for name in sets:
        results = runner.run(read_records(Path(data_dir), name, limit))
        report[name] = scorers[name](results)
    report["timing"] = {
        "parse_seconds": round(runner.parse_seconds, 2), "geo_seconds": round(runner.geo_seconds, 2),
        "code_seconds": round(runner.code_seconds, 2),
        "coding_over_parsing": round(runner.code_seconds / max(runner.parse_seconds, 1e-9), 4),
    }
    return report
