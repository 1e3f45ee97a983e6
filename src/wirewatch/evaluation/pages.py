"""Whole pages against analyst expectations (the seed-article.expected.json format).

For each ``NAME.expected.json`` the page ``NAME.html`` (or .htm/.txt) is processed and
compared: text must-include/-exclude strings, then events. An expected event matches a
predicted one of the same type (a threatened ASSAULT may match THREATEN) whose evidence
overlaps the expected evidence sentence (the sentence it cites or one of its other mentions). Figures: required-event recall, precision
(predicted events matching any expected event, required or optional), and on matched
required events status accuracy, date exact, place country and killed exact.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wirewatch.models import Article, Event
from wirewatch.pipeline.builder import Pipeline
from wirewatch.stages.ingest import read_file

PAGE_SUFFIXES = (".html", ".htm", ".txt")
IGNORED_STATUSES = frozenset({"hypothetical", "negated"})   # not claims of fact: not scored for precision


@dataclass
class PageScore:
    """Counts for one page (summed over pages)."""

    required: int = 0
    found: int = 0
    predicted: int = 0
    correct_predictions: int = 0
    status_ok: int = 0
    date_total: int = 0
    date_ok: int = 0
    country_total: int = 0
    country_ok: int = 0
    killed_total: int = 0
    killed_ok: int = 0
    text_problems: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)   # found, with a field that differs from the gold
    by_type: dict[str, list[int]] = field(default_factory=dict)   # PLOVER type -> [found, required]

    def add(self, other: PageScore) -> None:
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if isinstance(value, list):
                value.extend(getattr(other, name))
            elif isinstance(value, dict):
                for key, (found, required) in getattr(other, name).items():
                    mine = value.setdefault(key, [0, 0])
                    mine[0] += found
                    mine[1] += required
            else:
                setattr(self, name, value + getattr(other, name))

    def count(self, event_type: str, found: bool) -> None:
        """One required event of ``event_type``, found or not (recall by type)."""
        tally = self.by_type.setdefault(event_type, [0, 0])
        tally[0] += found
        tally[1] += 1


def evaluate_pages(folder: Path, pages_dir: Path | None = None) -> dict[str, Any]:
    """Score every expected.json in ``folder``; pages are looked up in ``pages_dir`` or ``folder``."""
    pipeline = Pipeline.default()
    total = PageScore()
    pages = 0
    for spec_path in sorted(folder.glob("*.expected.json")):
        page = _find_page(spec_path, pages_dir or folder)
        if page is None:
            continue
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
        published = spec.get("article", {}).get("published")
        from datetime import date
        doc = read_file(page, published=date.fromisoformat(published[:10]) if page.suffix == ".txt"
                        and published else None)
        works = list(pipeline.run([doc]))
        article = works[0].article if works and works[0].failure is None else None
        total.add(score_page(spec, article, page.name))
        pages += 1
    return summarize(total, pages)


def _find_page(spec_path: Path, pages_dir: Path) -> Path | None:
    stem = spec_path.name.removesuffix(".expected.json")
    for suffix in PAGE_SUFFIXES:
        candidate = pages_dir / f"{stem}{suffix}"
        if candidate.is_file():
            return candidate
    return None


def score_page(spec: dict[str, Any], article: Article | None, name: str) -> PageScore:
    """Compare one processed page with its expectation."""
    score = PageScore()
    expected = [e for e in spec.get("events", []) if isinstance(e, dict)]
    score.required = sum(1 for e in expected if e.get("required"))
    if article is None:
        score.text_problems.append(f"{name}: extraction failed")
        score.missed.extend(f"{name}: {e.get('type')} {e.get('evidence', '')[:60]}" for e in expected
                            if e.get("required"))
        return score
    _check_text(spec.get("article", {}), article, name, score)
    predicted = [e for e in article.events if e.status not in IGNORED_STATUSES]
    score.predicted = len(predicted)
    used: set[int] = set()
    # required events first: an optional one ("the claim sentence is an optional duplicate") must not take
    # the event a required one needs (the greedy alignment depended on the order of the file)
    for exp in sorted(expected, key=lambda e: not e.get("required")):
        match = _best_match(exp, article.events, used)
        if exp.get("required"):
            score.count(str(exp.get("type")), match is not None)
        if match is None:
            if exp.get("required"):
                score.missed.append(f"{name}: {exp.get('type')} {exp.get('evidence', '')[:60]}")
            continue
        used.add(id(match))
        if exp.get("required"):
            score.found += 1
            _score_fields(exp, match, score, name)
    matched_predictions = sum(1 for e in predicted if id(e) in used)
    score.correct_predictions = matched_predictions
    score.spurious.extend(f"{name}: {e.type}/{e.status} {e.evidence.text[:60]}" for e in predicted
                          if id(e) not in used)
    return score


def _check_text(spec: dict[str, Any], article: Article, name: str, score: PageScore) -> None:
    for s in spec.get("main_text_must_include", []):
        if s not in article.text:
            score.text_problems.append(f"{name}: text lacks {s[:50]!r}")
    for s in spec.get("main_text_must_exclude", []):
        if s in article.text:
            score.text_problems.append(f"{name}: text keeps {s[:50]!r}")


def _types_compatible(expected: dict[str, Any], event: Event) -> bool:
    exp_type = expected.get("type")
    if event.type == exp_type:
        return True
    return exp_type == "ASSAULT" and expected.get("status") == "threatened" and event.type == "THREATEN"


def _same_sentence(expected_text: str, evidence: Any) -> bool:
    return expected_text[:60] in evidence.text or evidence.text[:60] in expected_text


def _best_match(expected: dict[str, Any], events: list[Event], used: set[int]) -> Event | None:
    """The event of the expected type that cites the expected sentence, or else reports the event
    in it too (``mentions``: the other sentences the coder merged into the event)."""
    text = expected.get("evidence") or ""
    if not text:
        return None
    candidates = [e for e in events if id(e) not in used and _types_compatible(expected, e)]
    pool = [e for e in candidates if any(_same_sentence(text, m) for m in (e.evidence, *e.mentions))]
    if not pool:
        return None
    # Two expected events may share one sentence ("A day after a bomber killed six, troops killed nine"):
    # the event with the expected status that reports it is the better match, even when another cites it.
    return max(pool, key=lambda e: (e.status == expected.get("status"), _same_sentence(text, e.evidence),
                                    e.place is not None and e.place.country == expected.get("place_country")))


def _score_fields(expected: dict[str, Any], event: Event, score: PageScore, name: str = "") -> None:
    from datetime import date

    where = f"{name}: {expected.get('type')} {str(expected.get('evidence', ''))[:50]}"
    if event.status == expected.get("status"):
        score.status_ok += 1
    else:
        score.wrong.append(f"{where}: status {event.status}, expected {expected.get('status')}")
    if expected.get("date"):
        score.date_total += 1
        window = int(expected.get("date_window_days", 0) or 0)
        if len(str(expected["date"])) < 10:     # "YYYY-MM" / "YYYY": only that precision is known
            ok = str(event.date or "").startswith(str(expected["date"]))
        else:
            try:
                delta = abs((date.fromisoformat(event.date or "") - date.fromisoformat(expected["date"])).days)
                ok = delta <= window
            except ValueError:
                ok = False
        score.date_ok += ok
        if not ok:
            score.wrong.append(f"{where}: date {event.date}, expected {expected['date']}")
    if expected.get("place_country"):
        score.country_total += 1
        ok = bool(event.place and event.place.country == expected["place_country"])
        score.country_ok += ok
        if not ok:
            score.wrong.append(f"{where}: country {event.place.country if event.place else None}, "
                               f"expected {expected['place_country']}")
    if expected.get("killed") is not None:
        score.killed_total += 1
        score.killed_ok += event.killed == expected["killed"]
        if event.killed != expected["killed"]:
            score.wrong.append(f"{where}: killed {event.killed}, expected {expected['killed']}")


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def summarize(total: PageScore, pages: int) -> dict[str, Any]:
    """Figures for a set of pages, plus the problems found (for reading, not scoring)."""
    return {
        "pages": pages,
        "required_events": total.required,
        "recall": _ratio(total.found, total.required),
        "precision": _ratio(total.correct_predictions, total.predicted),
        "status_accuracy": _ratio(total.status_ok, total.found),
        "date_exact": _ratio(total.date_ok, total.date_total),
        "place_country": _ratio(total.country_ok, total.country_total),
        "killed_exact": _ratio(total.killed_ok, total.killed_total),
        "text_problems": len(total.text_problems),
        "recall_by_type": {kind: f"{found}/{required}" for kind, (found, required) in sorted(total.by_type.items())},
        "problems": total.text_problems + [f"missed {m}" for m in total.missed]
        + [f"spurious {s}" for s in total.spurious] + [f"wrong {w}" for w in total.wrong],
    }
