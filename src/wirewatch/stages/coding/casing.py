"""A normaliser for shouting text (wire copy and transcripts in ALL CAPITALS).

The parser and the named-entity recogniser lean on capitalisation, so text that is mostly upper case
is lower-cased, then sentence starts and the words of known names (countries, capitals, armed
groups from the actor dictionary) are capitalised again; short acronyms known to the dictionary
(FMLN, ELN) go back to upper case. The result has the same length as the input, so offsets into it
are offsets into the original.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from wirewatch.stages.coding.actors import ActorDictionary

_SENTENCE_START = re.compile(r"(^|[.!?]\s+|\n\s*|--\s+|\[text\]\s+)([a-z])")
_DATELINE = re.compile(r"^([a-z][a-z .'-]{1,40}),\s+\d")
_LOCATIVE = re.compile(r"\b(?:in|near|at|from|to|outside|of|and)\s+((?:[a-z][a-z'-]+\s?){1,4})")
_KEEP_UPPER_STOP = frozenset({"site", "is", "us", "un", "eu", "it", "ran", "am", "an"})
_NAMED = frozenset({"country", "capital", "group", "igo"})


def is_shouting(text: str, threshold: float = 0.8) -> bool:
    """True when most letters are upper case."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) >= threshold


def normalise_case(text: str, actors: ActorDictionary,
                   is_place_name: Callable[[str], bool] | None = None) -> str:
    """Re-case shouting text; other text is returned unchanged.

    ``is_place_name`` (e.g. a gazetteer lookup) lets place names after a locative preposition
    ("in san miguel") and the dateline be capitalised too.
    """
    if not is_shouting(text):
        return text
    lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    chars = list(lower)
    for match in actors.find(text):
        if match.entry.kind not in _NAMED:
            continue
        original = text[match.start:match.end]
        if 3 <= len(original) <= 5 and original.isupper() and match.entry.kind == "group" \
                and original.lower() not in _KEEP_UPPER_STOP:
            chars[match.start:match.end] = list(original)
            continue
        _capitalise(chars, lower, match.start, match.end)
    dateline = _DATELINE.match(lower)
    if dateline:
        _capitalise(chars, lower, 0, dateline.end(1))
    if is_place_name is not None:
        _capitalise_places(chars, lower, is_place_name)
    for start in _SENTENCE_START.finditer(lower):
        chars[start.start(2)] = chars[start.start(2)].upper()
    return "".join(chars)


def _capitalise(chars: list[str], lower: str, start: int, end: int) -> None:
    for word in re.finditer(r"[a-z][\w'-]*", lower[start:end]):
        if word.group() not in {"of", "the", "and", "de", "la", "del", "al", "y"}:
            chars[start + word.start()] = chars[start + word.start()].upper()


def _capitalise_places(chars: list[str], lower: str, is_place_name: Callable[[str], bool]) -> None:
    """Longest place name (up to four words) right after a locative preposition."""
    for match in _LOCATIVE.finditer(lower):
        words = match.group(1).split()
        for n in range(len(words), 0, -1):
            phrase = " ".join(words[:n])
            if len(phrase) > 3 and is_place_name(phrase):
                _capitalise(chars, lower, match.start(1), match.start(1) + len(phrase))
                break
