"""What clustering reads from an article: content terms, names, places and a day.

Everything here is lexical and cheap (no spaCy parse is needed: the parse is dropped
before storage, and clustering must also run on articles read back from the database).
Names are capitalised word runs that do not merely open a sentence; they separate two
stories of the same kind ("Lindsay Lohan enters rehab" from "Tara Reid enters rehab").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from wirewatch.models import Article

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*[A-Za-z]|[A-Za-z]")
_SENTENCE_END = re.compile(r"[.!?\"”]\s*$|^\s*$")
#: Capitalised words that are not names even in the middle of a sentence.
_NOT_NAMES = frozenset({
    "i", "mr", "mrs", "ms", "dr", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "the", "a", "an", "in", "on", "at", "of", "and", "but", "he",
    "she", "it", "they", "we", "his", "her", "their", "this", "that", "said", "says", "reuters", "ap",
    "afp", "update", "updated", "photo", "video", "read", "more", "news",
})


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS   # a word list; no model is loaded

    return frozenset(STOP_WORDS) | {"said", "says", "told", "according", "year", "years", "new",
                                   "people", "time", "day", "week", "like", "just", "also"}


STOP_WORDS = _stop_words()


def stem(word: str) -> str:
    """A light English suffix stripper: plurals and the commonest verb endings."""
    if len(word) <= 4:
        return word
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", "e"), ("s", "")):
        if word.endswith(suffix) and not word.endswith(("ss", "us", "is")) and len(word) - len(suffix) >= 3:
            return word[: len(word) - len(suffix)] + repl
    return word


def content_terms(text: str) -> Counter[str]:
    """Stemmed, lower-cased content words with their counts."""
    counts: Counter[str] = Counter()
    for match in _WORD.finditer(text):
        word = match.group().lower().replace("’", "'")
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) > 1 and word not in STOP_WORDS:
            counts[stem(word)] += 1
    return counts


_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,])\d+(?:\.\d+)?(?![\w,])")


def number_terms(text: str) -> Counter[str]:
    """Numbers of two or more digits (scores, tolls, ages, years): ``#1,500`` → ``#1500``."""
    counts: Counter[str] = Counter()
    for match in _NUMBER.finditer(text):
        value = match.group().replace(",", "")
        if len(value.replace(".", "")) >= 2:
            counts["#" + value] += 1
    return counts


def name_terms(text: str) -> Counter[str]:
    """Lower-cased words written with a capital inside sentences (the words of names)."""
    names: Counter[str] = Counter()
    for line in text.splitlines():
        previous_end = True
        for match in _WORD.finditer(line):
            word = match.group()
            start_of_sentence = previous_end
            gap = line[max(0, match.start() - 3): match.start()]
            previous_end = False
            if _SENTENCE_END.search(gap) and match.start() > 0:
                start_of_sentence = True
            lower = word.lower().replace("’", "'").removesuffix("'s")
            if start_of_sentence or not word[0].isupper() or lower in _NOT_NAMES or len(lower) < 2:
                continue
            names[lower] += 1
    return names


@dataclass(slots=True)
class ArticleFeatures:
    """The clustering view of one article."""

    article_id: str
    terms: Counter[str]
    names: Counter[str]
    places: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    actors: tuple[str, ...] = ()
    day: date | None = None
    title: str | None = None
    extra: dict[str, float] = field(default_factory=dict)


def article_features(article: Article, *, title_weight: int = 2, with_numbers: bool = True) -> ArticleFeatures:
    """Terms (title counted ``title_weight`` times), names, places, countries, actors and day."""
    title = article.title or ""
    terms = content_terms(article.text)
    names = name_terms(article.text)
    if with_numbers:
        names.update(number_terms(article.text))
    for _ in range(title_weight):
        terms.update(content_terms(title))
    places = frozenset(p.name.lower() for p in article.places if p.name)
    countries = frozenset(p.country for p in article.places if p.country)
    actors = tuple(dict.fromkeys(e.actor.name for e in article.events if e.actor.name))
    return ArticleFeatures(article.id, terms, names, places, countries, actors,
                           article.published_date(), article.title)


def sublinear(counts: Counter[str]) -> dict[str, float]:
    """1 + log(tf) for every term."""
    return {t: 1.0 + math.log(c) for t, c in counts.items()}
