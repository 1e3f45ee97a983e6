"""Language identification with py3langid (model shipped in the wheel; nothing downloaded)."""

from __future__ import annotations


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when too short to tell."""
    sample = text[:3000]
    if len(sample.split()) < 3:
        return None
    from py3langid.langid import classify   # loads its bundled model once, on first use

    lang, _score = classify(sample)
    return str(lang)
