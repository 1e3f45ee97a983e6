"""What clustering reads from an article: content terms, names, places and a day.

Everything here is lexical and cheap (no spaCy parse is needed: the parse is dropped
before storage, and clustering must also run on articles read back from the database).
Names are capitalised word runs that do not merely open a sentence; they separate two
stories of the same kind ("Lindsay Lohan enters rehab" from "Tara Reid enters rehab").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
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
    from spacy.lang.en.stop_words import STOP_WORDS  # a word list; no model is loaded

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
        word = word.removesuffix("'s")
        if len(word) > 1 and word not in STOP_WORDS:
            counts[stem(word)] += 1
    return counts


_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,])\d+(?:\.\d+)?(?!\w|[.,]\d)")


def number_terms(text: str) -> Counter[str]:
    """Numbers of two or more digits (scores, tolls, ages, years): ``#1,500`` → ``#1500``."""
    counts: Counter[str] = Counter()
    for match in _NUMBER.finditer(text):
        value = match.group().replace(",", "")
        if len(value.replace(".", "")) >= 2:
            counts["#" + value] += 1
    return counts


def name_terms(text: str) -> Counter[str]:
    """Names: words written with a capital inside sentences (``@lohan``) and runs of two or more
    capitalised words, which may open a sentence (``@lindsay_lohan``)."""
    names: Counter[str] = Counter()
    for line in text.splitlines():
        run: list[str] = []
        previous_end = -1
        for match in _WORD.finditer(line):
            word = match.group()
            lower = word.lower().replace("’", "'").removesuffix("'s")
            gap = line[max(previous_end, 0): match.start()]
            opens_sentence = previous_end < 0 or bool(_SENTENCE_END.search(line[max(0, match.start() - 3):
                                                                                 match.start()]))
            previous_end = match.end()
            is_name = word[0].isupper() and lower not in _NOT_NAMES and len(lower) > 1
            if run and (not is_name or gap.strip()):
                _flush_run(run, names)
            if not is_name:
                continue
            run.append(lower)
            if not opens_sentence:
                names["@" + lower] += 1
        _flush_run(run, names)
    return names


def _flush_run(run: list[str], names: Counter[str]) -> None:
    if len(run) >= 2:
        names["@" + "_".join(run)] += 1
    run.clear()


@dataclass(slots=True)
class ArticleFeatures:
    """The clustering view of one article."""

    article_id: str
    terms: Counter[str]
    names: Counter[str]
    numbers: Counter[str]
    day: date | None = None

    def channels(self) -> tuple[Counter[str], Counter[str], Counter[str]]:
        """Content terms, names and numbers: the three vectors compared with a story's."""
        return self.terms, self.names, self.numbers


def article_features(article: Article) -> ArticleFeatures:
    """The features of an article (title, text and publication day)."""
    return text_features(article.id, article.title, article.text, article.published)


def text_features(article_id: str, title: str | None, text: str, published: str | None, *,
                  title_weight: int = 2, lead_weight: int = 1, lead_chars: int = 300) -> ArticleFeatures:
    """Content terms (the title counted ``title_weight`` more times, the lead ``lead_weight``
    more times), names (the lead's counted again), numbers and the publication day."""
    lead = _lead(text, lead_chars)
    terms = content_terms(text)
    names = name_terms(text)
    for _ in range(title_weight):
        terms.update(content_terms(title or ""))
    for _ in range(lead_weight):
        terms.update(content_terms(lead))
        names.update(name_terms(lead))
    return ArticleFeatures(article_id, terms, names, number_terms(text), _day(published))


def _day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _lead(text: str, chars: int) -> str:
    """The opening of the text: whole lines up to about ``chars`` characters."""
    out: list[str] = []
    size = 0
    for line in text.splitlines():
        if size >= chars:
            break
        out.append(line)
        size += len(line)
    return "\n".join(out)


