"""The indexed attribute ruler gives exactly what spaCy's AttributeRuler gives, token by token."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from wirewatch.stages.attribute_rules import IndexedAttributeRuler, UnsupportedRule
from wirewatch.stages.extract import extract_article
from wirewatch.stages.ingest import read_file
from wirewatch.stages.nlp import load_model, load_stock_model

SAMPLES = Path(__file__).resolve().parents[3] / "samples"

EDGE_CASES = [
    "I ain't gonna go, y'all. Let's c'mon, we gotta do it. There is it. Do it! It hit you and me.",
    "Did he have it?  \n\n  But then, who said that which? Nothin' doin'. I don't know, do you?",
    "THE ARMY SAID IT HAD KILLED 12 GUERRILLAS IN SAN SALVADOR ON 3 MAY.",
    "",
    " \n ",
    "Bombs.",
]


def _annotations(doc: Any) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def stock() -> Any:
    return load_stock_model()


@pytest.fixture(scope="module")
def texts() -> list[str]:
    pages = [extract_article(read_file(p)).text for p in sorted(SAMPLES.glob("*.html"))]
    return pages + EDGE_CASES


def test_wirewatch_pipeline_uses_the_indexed_ruler() -> None:
    names = load_model().pipe_names
    assert "attribute_ruler" not in names
    assert names.index("wirewatch_attribute_rules") < names.index("lemmatizer")


def test_same_annotations_as_spacy_on_samples_and_edge_cases(stock: Any, texts: list[str]) -> None:
    ours = load_model()
    for text, expected, got in zip(texts, stock.pipe(texts), ours.pipe(texts), strict=True):
        # the only intended difference: paragraph breaks end sentences in ours, which may
        # change a parse; compare on texts parsed with the same sentence boundaries
        if "\n" in text:
            continue
        assert _annotations(got) == _annotations(expected), text[:60]


def test_same_annotations_on_identical_parses(stock: Any, texts: list[str]) -> None:
    """Run both rulers on copies of the same parsed docs (paragraph texts included)."""
    before = [name for name, _ in stock.pipeline][: stock.pipe_names.index("attribute_ruler")]
    ruler = stock.get_pipe("attribute_ruler")
    fast = IndexedAttributeRuler(ruler)
    with stock.select_pipes(enable=before):
        parsed = list(stock.pipe(texts))
    for doc in parsed:
        a, b = doc.copy(), doc.copy()
        assert _annotations(fast(b)) == _annotations(ruler(a))


def test_a_rule_it_cannot_express_is_refused(stock: Any) -> None:
    class FakeRuler:
        def __init__(self) -> None:
            self.vocab = stock.vocab
            self.attrs: list[dict[str, str]] = [{}]
            self.indices = [0]
            self.patterns = [{"patterns": [[{"LENGTH": {">=": 3}}]], "attrs": {"POS": "X"}, "index": 0}]

    with pytest.raises(UnsupportedRule):
        IndexedAttributeRuler(FakeRuler())
