"""A normaliser for shouting text (wire copy and transcripts in ALL CAPITALS).

The parser and the named-entity recogniser lean on capitalisation, so text that is mostly upper case
is lower-cased, then sentence starts and the words of known names (countries, capitals, armed
groups from the actor dictionary) are capitalised again; short acronyms known to the dictionary
(FMLN, ELN) go back to upper case. Dictionary names that are also common words ("US" in "let us",
"IS" in "it is") stay lower case. Runs of words that English does not know (the lemmatizer's
word index of the spaCy model) are names — "hector oqueli", "msgr romero", "usulutan" — and are
capitalised, together with known words between two such words ("ignacio martin baro") and the
person title before them. The result has the same length as the input, so offsets into it are
offsets into the original.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from wirewatch.stages.coding.actors import ActorDictionary

_SENTENCE_START = re.compile(r"(^|[.!?]\s+|\n\s*|--\s+|\[text\]\s+)([a-z])")
_DATELINE = re.compile(r"^([a-z][a-z .'-]{1,40}),\s+\d")
_LOCATIVE = re.compile(r"\b(?:in|near|at|from|to|outside|of|and)\s+((?:[a-z][a-z'-]+\s?){1,4})")
_KEEP_UPPER_STOP = frozenset({"site", "is", "us", "un", "eu", "it", "ran", "am", "an"})
_NAMED = frozenset({"country", "capital", "group", "igo"})
#: Short English words that dictionary names spell too ("US", "IS", "UP", "AL"): never re-capitalised.
_COMMON_SHORT = frozenset({"is", "us", "it", "am", "an", "as", "at", "be", "do", "he", "in", "me",
                           "my", "no", "of", "on", "or", "so", "to", "up", "we", "al", "la", "el",
                           "de", "a", "i", "all", "can", "may", "she", "her", "his", "our", "one",
                           "man", "who", "let", "new", "now", "has", "had"})
#: Person titles that start a name ("msgr romero", "colonel benavides").
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "msgr", "monsignor", "father", "fr", "sister",
                     "brother", "col", "colonel", "gen", "general", "lt", "lieutenant", "capt",
                     "captain", "maj", "major", "sgt", "sergeant", "president", "minister", "mayor",
                     "senator", "deputy", "judge", "bishop", "archbishop", "comrade", "commander",
                     "governor", "ambassador", "congressman", "candidate", "cardinal", "rev",
                     "reverend", "prof", "professor", "engineer", "attorney", "journalist",
                     "reporter", "leader", "don", "dona", "senor", "senora", "citizen"})
_NAME_LINKS = frozenset({"de", "del", "la", "las", "los", "y", "da", "do", "dos", "van", "von"})
_WORDS = re.compile(r"[a-z][a-z'-]*")


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
        if original.lower() in _COMMON_SHORT:
            continue
        if 3 <= len(original) <= 5 and original.isupper() and match.entry.kind == "group" \
                and original.lower() not in _KEEP_UPPER_STOP \
                and not (len(original) >= 4 and is_english_word(original)):
            chars[match.start:match.end] = list(original)
            continue
        _capitalise(chars, lower, match.start, match.end)
    dateline = _DATELINE.match(lower)
    if dateline:
        _capitalise(chars, lower, 0, dateline.end(1))
    if is_place_name is not None:
        _capitalise_places(chars, lower, is_place_name)
    _capitalise_unknown_words(chars, lower)
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


@functools.lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], dict[str, list[tuple[str, str]]]]:
    """English word forms (the spaCy model's lemmatizer tables and stop words) and suffix rules;
    empty when the model is not installed (then no name is guessed)."""
    try:
        from spacy.lang.en.stop_words import STOP_WORDS

        from wirewatch.stages.nlp import load_model

        lookups = load_model().get_pipe("lemmatizer").lookups
        index, exc, rules = (lookups.get_table(n) for n in ("lemma_index", "lemma_exc", "lemma_rules"))
    except Exception:   # noqa: BLE001 - no model, no tables: keep the dictionary-only re-casing
        return frozenset(), {}
    words: set[str] = set(STOP_WORDS)
    suffixes: dict[str, list[tuple[str, str]]] = {}
    for pos in ("noun", "verb", "adj", "adv"):
        words.update(index.get(pos, ()))
        words.update(exc.get(pos, {}).keys())
        for old, new in rules.get(pos, ()):
            suffixes.setdefault(old, []).append((new, pos))
    return frozenset(w.lower() for w in words), suffixes


def is_english_word(word: str) -> bool:
    """A word form English knows (inflections included: "jesuits", "killed")."""
    words, suffixes = _lexicon()
    if not words:
        return True
    word = word.lower().strip("'-")
    if word in words or not word.isalpha():
        return True
    for cut in range(1, min(len(word), 5)):
        for new, _pos in suffixes.get(word[-cut:], ()):
            if word[:-cut] + new in words:
                return True
    return False


def _capitalise_unknown_words(chars: list[str], lower: str) -> None:
    """Capitalise runs of words English does not know (names), the known words between two of
    them, Spanish name links inside them ("de", "del") and a person title right before them."""
    words = [(m.start(), m.end(), m.group()) for m in _WORDS.finditer(lower)]
    unknown = [len(w) >= 3 and not is_english_word(w) for _, _, w in words]
    if not any(unknown):
        return
    marks = list(unknown)
    for i in range(1, len(words) - 1):   # "ignacio martin baro", "luis carlos galan sarmiento"
        if marks[i] or not unknown[i - 1]:
            continue
        for gap in (1, 2):
            j = i + gap
            inner = range(i, j)
            if j < len(words) and unknown[j] and all(
                    words[k][2] not in _stop_words() and not unknown[k] for k in inner) \
                    and all(_adjacent(lower, words[k - 1], words[k]) for k in range(i, j + 1)):
                for k in inner:
                    marks[k] = True
                break
    for i, (start, end, word) in enumerate(words):
        if not marks[i]:
            continue
        chars[start] = chars[start].upper()
        if i and words[i - 1][2] in _TITLES and _adjacent(lower, words[i - 1], words[i]):
            title = words[i - 1][0]
            chars[title] = chars[title].upper()


@functools.lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """Function words, never part of a name ("ellacuria and martin baro")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | _COMMON_SHORT


def _adjacent(lower: str, left: tuple[int, int, str], right: tuple[int, int, str]) -> bool:
    """Two words separated by spaces only (no comma or other punctuation)."""
    return lower[left[1]:right[0]].strip(" ") == ""
