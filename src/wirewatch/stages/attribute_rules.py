"""The model's attribute rules (tag → POS and morphology, and a few exceptions), applied fast.

spaCy's ``attribute_ruler`` runs its ~180 rules through the general ``Matcher``, which costs
about as much as the dependency parser on news text. The rules are simple (token attributes
``TAG``, ``LOWER``, ``DEP``, ``IS_SPACE`` compared with a value, ``IN``, ``NOT_IN`` or ``REGEX``;
at most two tokens), so :class:`IndexedAttributeRuler` looks them up in hash tables keyed by
one attribute of the first token instead, then checks the rest. It applies exactly the same
attributes in the same order as the original component (later rules win; rules are matched
against the tokens as they were before any rule applied), with spaCy's own setter; the tests
compare both on whole articles.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

#: Columns of the attribute array, in this order.
FIELDS: tuple[str, ...] = ("TAG", "LOWER", "DEP", "IS_SPACE")
_COLUMNS = [TAG, LOWER, DEP, IS_SPACE]
_INDEXABLE = ("LOWER", "TAG", "DEP")     # the first of these with a fixed value keys the rule

#: A check on one token: (column, test of the column's value, text needed?).
Check = tuple[int, Callable[[Any], bool], bool]


class UnsupportedRule(ValueError):
    """A rule uses pattern syntax this implementation does not cover (use spaCy's component)."""


class IndexedAttributeRuler:
    """A drop-in replacement for a trained ``AttributeRuler`` (same rules, same output)."""

    def __init__(self, ruler: Any) -> None:
        self.vocab = ruler.vocab
        self._attrs: list[dict[Any, Any]] = list(ruler.attrs)
        self._indices: list[int] = list(ruler.indices)
        self._keyed: dict[tuple[int, int], list[tuple[int, list[list[Check]]]]] = {}
        self._space: list[tuple[int, list[list[Check]]]] = []
        self._always: list[tuple[int, list[list[Check]]]] = []
        for attr_id, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                self._add(attr_id, pattern)

    def _add(self, attr_id: int, pattern: list[dict[str, Any]]) -> None:
        checks = [[self._check(field, value) for field, value in token.items()] for token in pattern]
        first = pattern[0]
        for field in _INDEXABLE:
            value = first.get(field)
            keys = [value] if isinstance(value, str) else (
                value.get("IN") if isinstance(value, dict) and set(value) == {"IN"} else None)
            if keys is not None:
                column = FIELDS.index(field)
                for key in keys:
                    self._keyed.setdefault((column, self._hash(key)), []).append((attr_id, checks))
                return
        if first.get("IS_SPACE") is True:
            self._space.append((attr_id, checks))
            return
        self._always.append((attr_id, checks))   # e.g. a REGEX on the first token: tried everywhere

    def _hash(self, text: str) -> int:
        return 0 if text == "" else self.vocab.strings.add(text)

    def _check(self, field: str, value: Any) -> Check:
        if field not in FIELDS:
            raise UnsupportedRule(f"attribute {field!r} is not supported")
        column = FIELDS.index(field)
        if field == "IS_SPACE":
            if not isinstance(value, bool):
                raise UnsupportedRule(f"IS_SPACE value {value!r}")
            return column, (lambda v, want=value: bool(v) == want), False
        if isinstance(value, str):
            wanted = self._hash(value)
            return column, (lambda v: v == wanted), False
        if isinstance(value, dict) and len(value) == 1:
            (op, arg), = value.items()
            hashes = frozenset(self._hash(a) for a in arg) if op in {"IN", "NOT_IN"} else frozenset()
            if op == "IN":
                return column, (lambda v: v in hashes), False
            if op == "NOT_IN":
                return column, (lambda v: v not in hashes), False
            if op == "REGEX":
                return column, (lambda text, rx=re.compile(arg): rx.search(text) is not None), True
        raise UnsupportedRule(f"pattern value {value!r} for {field}")

    def _matches(self, doc: Doc, rows: list[list[int]], start: int, checks: list[list[Check]]) -> bool:
        if start + len(checks) > len(rows):
            return False
        for offset, token_checks in enumerate(checks):
            row = rows[start + offset]
            for column, test, needs_text in token_checks:
                value = self.vocab.strings[row[column]] if needs_text else row[column]
                if not test(value):
                    return False
        return True

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array(_COLUMNS).tolist() if len(doc) else []
        hits: list[tuple[int, int, int]] = []
        keyed = self._keyed
        for i, row in enumerate(rows):
            found = [r for column in (0, 1, 2) for r in keyed.get((column, row[column]), ())]
            if row[3]:
                found.extend(self._space)
            found.extend(self._always)
            for attr_id, checks in found:
                if self._matches(doc, rows, i, checks):
                    hits.append((attr_id, i, len(checks)))
        hits.sort()
        for attr_id, start, length in hits:
            index = self._indices[attr_id]
            position = start + (index if index >= 0 else length + index)
            set_token_attrs(doc[position], self._attrs[attr_id])
        return doc


FACTORY = "wirewatch_indexed_attribute_ruler"


def _make(nlp: Any, name: str, source: str) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.get_pipe(source))


def use_indexed_attribute_ruler(nlp: Any, source: str = "attribute_ruler") -> bool:
    """Swap the pipeline's attribute ruler for the indexed one; False when it cannot be.

    The new component takes the old one's place under the name ``wirewatch_attribute_rules``.
    """
    from spacy.language import Language

    if source not in nlp.pipe_names:
        return False
    if FACTORY not in Language.factories:
        Language.factory(FACTORY, default_config={"source": source})(_make)
    try:
        nlp.add_pipe(FACTORY, name="wirewatch_attribute_rules", after=source, config={"source": source})
    except UnsupportedRule:
        return False
    nlp.remove_pipe(source)
    return True
