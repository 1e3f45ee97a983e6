"""Actor dictionary: names, demonyms, agents and armed groups → (name, country ISO3, sector).

Shipped files (``wirewatch/data``): ``actors.compiled.tsv`` (built from CountryInfo, Phoenix and UCDP
by ``scripts/build_actor_dictionary.py``) and ``actors.tsv`` (curated, ours; wins on conflicts).
Users add TSV files of the same format (``pattern name country sector kind case``).
Matching is one Aho-Corasick pass over the article text; spans then look up their matches.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import ahocorasick

from wirewatch.models import Actor

COMPILED_FILE = "actors.compiled.tsv"
CURATED_FILE = "actors.tsv"
#: Kinds that name an actor by themselves (rather than describing one).
NAMED_KINDS = frozenset({"group", "igo", "country", "capital"})


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One dictionary row."""

    name: str
    country: str | None
    sector: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """A dictionary hit in the article text (character offsets)."""

    start: int
    end: int
    entry: ActorEntry


def read_actor_rows(path: Path | Any) -> Iterator[tuple[str, ActorEntry, bool]]:
    """Parse an actor TSV into (pattern, entry, case_sensitive)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = (line.split("\t") + [""] * 6)[:6]
        pattern, name, country, sector, kind, case = (c.strip() for c in cells)
        if pattern:
            entry = ActorEntry(name or pattern, country or None, sector or None, kind or "agent")
            yield pattern, entry, case == "1"


class ActorDictionary:
    """Two automatons (lower-cased and exact-case patterns) with longest-match resolution."""

    def __init__(self, rows: Iterable[tuple[str, ActorEntry, bool]]) -> None:
        self._lower: Any = ahocorasick.Automaton()
        self._exact: Any = ahocorasick.Automaton()
        for pattern, entry, exact in rows:
            automaton = self._exact if exact else self._lower
            key = pattern if exact else pattern.lower()
            automaton.add_word(key, (len(key), entry))   # later rows (curated) replace earlier ones
        for automaton in (self._lower, self._exact):
            if len(automaton):
                automaton.make_automaton()

    def find(self, text: str) -> list[ActorMatch]:
        """All whole-word matches, longest first where they overlap, sorted by start."""
        hits: list[ActorMatch] = []
        straight = text.replace("\u2019", "'")   # "People’s Defence Force" (same length: offsets hold)
        for automaton, haystack in ((self._lower, straight.lower()), (self._exact, straight)):
            if automaton.kind != ahocorasick.AHOCORASICK:
                continue
            for end, (length, entry) in automaton.iter(haystack):
                start = end - length + 1
                if _is_word(text, start, end + 1):
                    hits.append(ActorMatch(start, end + 1, entry))
        hits.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[ActorMatch] = []
        for hit in hits:
            if not kept or hit.start >= kept[-1].end:
                kept.append(hit)
        return _defined_acronyms(text, kept)


#: "The Ambazonia Defence Forces (ADF)": an acronym the text defines for a name.
_ACRONYM = re.compile(r"\s*\((?:the\s+)?([A-Z][A-Za-z0-9-]{1,9})\)")


def _defined_acronyms(text: str, kept: list[ActorMatch]) -> list[ActorMatch]:
    """An acronym the article defines ("the Ambazonia Defence Forces (ADF)") means that group in this
    article, whatever else the dictionary knows by it (the Allied Democratic Forces); where the
    dictionary does not know it, its later uses are found too."""
    defined: dict[str, ActorEntry] = {}
    for match in kept:
        found = _ACRONYM.match(text, match.end)
        if match.entry.kind in {"group", "igo"} and found and found.group(1) not in defined \
                and match.entry.name != found.group(1):
            defined[found.group(1)] = match.entry
    if not defined:
        return kept
    out = [ActorMatch(m.start, m.end, defined[text[m.start:m.end]]) if text[m.start:m.end] in defined else m
           for m in kept]
    covered = {(m.start, m.end) for m in out}
    for acronym, entry in defined.items():
        for hit in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", text):
            if (hit.start(), hit.end()) not in covered and not any(m.start <= hit.start() < m.end for m in out):
                out.append(ActorMatch(hit.start(), hit.end(), entry))
    return sorted(out, key=lambda m: m.start)


def _is_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not (after.isalnum() or after == "-")


class ArticleActors:
    """The matches of one article, queried by character span."""

    def __init__(self, matches: list[ActorMatch]) -> None:
        self.matches = matches
        self._starts = [m.start for m in matches]

    def within(self, start: int, end: int) -> list[ActorMatch]:
        """Matches fully inside ``[start, end)``."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.matches) and self.matches[i].start < end:
            if self.matches[i].end <= end:
                out.append(self.matches[i])
            i += 1
        return out

    def covering(self, start: int, end: int) -> ActorMatch | None:
        """The match that contains ``[start, end)`` (e.g. a noun phrase's head word), if any."""
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0 and self.matches[i].end >= end:
            return self.matches[i]
        return None

    def resolve(self, start: int, end: int, text: str) -> Actor | None:
        """Compose an actor for a noun phrase: a named entry wins; agents add the sector."""
        found = self.within(start, end)
        if not found:
            return None
        named = [m for m in found if m.entry.kind in {"group", "igo"}]
        places = [m for m in found if m.entry.kind in {"country", "capital"}]
        agents = [m for m in found if m.entry.kind == "agent"]
        sector = agents[-1].entry.sector if agents else None
        if named:
            top = named[0].entry
            return Actor(top.name, top.country or (places[0].entry.country if places else None),
                         top.sector or sector)
        country = places[0].entry.country if places else None
        if places and not agents and _covers(places[0], start, end, text):
            top = places[0].entry
            return Actor(top.name, country, top.sector)
        name = clean_phrase(text[start:end])
        sector = sector or (places[0].entry.sector if places else None)
        return Actor(name, country, sector)


def _covers(match: ActorMatch, start: int, end: int, text: str) -> bool:
    """The match is the whole phrase, apart from a determiner or possessive."""
    rest = (text[start:match.start] + " " + text[match.end:end]).lower().split()
    return all(w in {"the", "'s", "’s", "a", "an", "both"} for w in rest)


def clean_phrase(phrase: str) -> str:
    """Strip leading determiners and trailing punctuation from a noun phrase."""
    words = phrase.strip(" ,.;:\"'").split()
    while words and words[0].lower() in {"the", "a", "an", "this", "that", "these", "those"}:
        words = words[1:]
    return " ".join(words)


def _data(name: str) -> Any:
    return resources.files("wirewatch") / "data" / name


@functools.lru_cache(maxsize=4)
def load_actor_dictionary(extra_files: tuple[str, ...] = ()) -> ActorDictionary:
    """Load the shipped dictionary (once per process) plus user files, later files winning."""
    rows = list(read_actor_rows(_data(COMPILED_FILE)))
    rows += list(read_actor_rows(_data(CURATED_FILE)))
    for extra in extra_files:
        rows += list(read_actor_rows(Path(extra)))
    return ActorDictionary(rows)
