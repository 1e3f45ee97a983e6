"""The text of a parsed document, built once per Doc (``Doc.text`` joins every token on each access)."""

from __future__ import annotations

from typing import Any

_KEY = "wirewatch.text"


def doc_text(doc: Any) -> str:
    """``doc.text``, cached in the Doc's ``user_data``."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return str(text)
