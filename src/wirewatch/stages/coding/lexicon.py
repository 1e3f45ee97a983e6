"""Trigger lexicon: verb and noun lemmas → PLOVER type, mode and CAMEO code.

Two sources, both shipped under ``wirewatch/data``: ``triggers.tsv`` (curated, ours) and
``verbs.compiled.tsv`` (compiled from the PETRARCH2 verb dictionary by
``scripts/build_verb_lexicon.py``). Curated rows win over compiled rows with the same key.
An Aho-Corasick automaton over word stems lets the coder skip sentences with no possible trigger
before it does any dependency work.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import ahocorasick

CURATED_FILE = "triggers.tsv"
COMPILED_FILE = "verbs.compiled.tsv"


#: Irregular past forms whose stem does not start like the lemma ("met" is not "meet..."), so
#: that the stem pre-filter does not skip "the US, Russia and Switzerland met yesterday".
IRREGULAR_PAST = {
    "met": "meet", "fought": "fight", "struck": "strike", "shot": "shoot", "took": "take",
    "gave": "give", "sought": "seek", "held": "hold", "led": "lead", "sent": "send",
    "brought": "bring", "bought": "buy", "blew": "blow", "blown": "blow", "broke": "break",
    "broken": "break", "built": "build", "caught": "catch", "chose": "choose", "drew": "draw",
    "drove": "drive", "fell": "fall", "fled": "flee", "flew": "fly", "flown": "fly", "sank": "sink", "sunk": "sink", "stolen": "steal", "undertaken": "undertake", "began": "begin", "begun": "begin", "forbade": "forbid",
    "froze": "freeze", "frozen": "freeze", "went": "go", "gone": "go", "hung": "hang",
    "hid": "hide", "kept": "keep", "laid": "lay", "left": "leave", "lost": "lose", "made": "make",
    "paid": "pay", "rode": "ride", "rose": "rise", "ran": "run", "said": "say", "saw": "see",
    "seen": "see", "sold": "sell", "shook": "shake", "slew": "slay", "slain": "slay",
    "spoke": "speak", "stood": "stand", "stole": "steal", "stuck": "stick", "swore": "swear",
    "sworn": "swear", "taught": "teach", "tore": "tear", "torn": "tear", "told": "tell",
    "thought": "think", "threw": "throw", "thrown": "throw", "woke": "wake", "won": "win",
    "withdrew": "withdraw", "withdrawn": "withdraw", "wrote": "write", "overran": "overrun",
    "overthrew": "overthrow", "undertook": "undertake", "upheld": "uphold", "withheld": "withhold",
    "bound": "bind", "dealt": "deal", "fed": "feed", "felt": "feel", "found": "find",
    "heard": "hear", "retook": "retake", "spread": "spread", "wound": "wind", "bore": "bear",
    "beaten": "beat", "bitten": "bite", "hidden": "hide", "arisen": "arise", "arose": "arise",
    "forgave": "forgive", "forgiven": "forgive", "understood": "understand", "swept": "sweep",
}


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon row. ``obj``/``prep`` select the row by the trigger's object (empty = default)."""

    lemma: str
    pos: str
    obj: str
    prep: str
    cameo: str
    type: str
    mode: str | None
    curated: bool


def singular(word: str) -> str:
    """A naive singular, enough to compare dictionary objects with lemmas ("sanctions")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def read_rows(path: Path | Any, *, curated: bool) -> Iterator[Trigger]:
    """Parse a trigger TSV (``lemma pos object prep cameo type mode``)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = (line.split("\t") + [""] * 7)[:7]
        lemma, pos, obj, prep, cameo, type_, mode = (c.strip() for c in cells)
        yield Trigger(lemma.lower(), pos.upper(), singular(obj.lower()), prep.lower(), cameo, type_,
                      None if mode in {"", "-"} else mode, curated)


#: Types of curated default rows that a compiled object-specific row does not override (an arrest
#: is an arrest whoever is arrested).
VETTED_TYPES = frozenset({"COERCE", "ASSAULT", "PROTEST", "SANCTION"})


#: Words of candidates made without a lexicon row ("none of its members was involved",
#: "had nothing to do with": a denial of involvement), for the quick pre-test of a sentence.
SYNTHETIC_HEADS = frozenset({"involve", "nothing", "take", "receive", "face", "unanswered", "unpunished",
                             "reserve", "give", "vow", "pledge", "promise", "swear", "declare", "remain", "crush",
                             "eliminate", "punish", "target", "baseless", "lie", "false", "fabricated", "unfounded",
                             "groundless", "propaganda", "untrue", "nonsense", "fake", "answer", "meet", "land",
                             "fall", "impact", "liberate"})


class Lexicon:
    """Lookup of triggers by (lemma, pos), with object-specific rows and a cheap text pre-filter."""

    def __init__(self, rows: Iterable[Trigger]) -> None:
        self._rows: dict[tuple[str, str], dict[tuple[str, str], Trigger]] = {}
        for row in rows:
            slot = self._rows.setdefault((row.lemma, row.pos), {})
            key = (row.obj, row.prep)
            if key not in slot or row.curated or not slot[key].curated:
                if key in slot and slot[key].curated and not row.curated:
                    continue
                slot[key] = row
        self._scan = self._build_scan()

    def _build_scan(self) -> Any:
        # (a superset of the words that can start a candidate, lexicon rows or not)
        automaton = ahocorasick.Automaton()
        heads = {lemma.split()[0] for lemma, _pos in self._rows} | SYNTHETIC_HEADS
        irregular = [form for form, lemma in IRREGULAR_PAST.items() if lemma in heads]
        for head in [*heads, *irregular]:
            stem = head[:-1] if head.endswith("e") and len(head) > 3 else head
            stem = stem[:-1] if stem.endswith("y") and len(stem) > 3 else stem
            automaton.add_word(stem[:6] if len(stem) > 6 else stem, stem)
        automaton.make_automaton()
        return automaton

    def has_candidate(self, text_lower: str) -> bool:
        """True when some trigger stem starts a word in ``text_lower`` (a superset test)."""
        for end, stem in self._scan.iter(text_lower):
            start = end - len(stem[:6]) + 1
            if start == 0 or not text_lower[start - 1].isalpha():
                return True
        return False

    def candidates(self, lemma: str, pos: str) -> dict[tuple[str, str], Trigger]:
        """All rows for a lemma and part of speech (VERB or NOUN), keyed by (object, prep)."""
        return self._rows.get((lemma, pos), {})

    def select(self, lemma: str, pos: str, objects: Iterable[tuple[str, str]]) -> Trigger | None:
        """The row for the first matching (object, prep) pair, else the lemma's default row."""
        rows = self.candidates(lemma, pos)
        if not rows:
            return None
        default = rows.get(("", ""))
        objects = list(objects)
        keys = [key for obj, prep in objects
                for key in (((singular(obj), prep), ("", prep)) if prep else ((singular(obj), ""),))]
        vetted = next((rows[key] for key in keys if key in rows and rows[key].curated and key[0]), None)
        if vetted is not None:   # "sent a combined team of police squads and soldiers": our "send soldier"
            return vetted        # row before the compiled "send team"
        for obj, prep in objects:
            for key in ((singular(obj), prep), ("", prep)) if prep else ((singular(obj), ""),):
                if key in rows:
                    row = rows[key]
                    if not row.curated and default is not None and default.curated and default.type == row.type:
                        return default   # "arrested on suspicion": the vetted reading of the same type
                    if not row.curated and default is not None and default.curated and default.type in VETTED_TYPES:
                        return default   # "arrested three journalists": not the compiled 175 of that object
                    return row
        return default

    def __len__(self) -> int:
        return sum(len(v) for v in self._rows.values())


def _data(name: str) -> Any:
    return resources.files("wirewatch") / "data" / name


@functools.lru_cache(maxsize=4)
def load_lexicon(extra_files: tuple[str, ...] = ()) -> Lexicon:
    """Load the shipped lexicon (once per process) plus any user trigger files (curated rank)."""
    rows = list(read_rows(_data(COMPILED_FILE), curated=False))
    rows += list(read_rows(_data(CURATED_FILE), curated=True))
    for extra in extra_files:
        rows += list(read_rows(Path(extra), curated=True))
    return Lexicon(rows)
