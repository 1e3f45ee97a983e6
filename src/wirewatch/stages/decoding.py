"""Turn page bytes into text: BOM, declared charset, UTF-8, then detection; refuse binary files."""

from __future__ import annotations

import codecs
import re

from wirewatch.errors import ExtractionError

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_bytes(content: bytes, where: str = "input") -> str:
    """Decode a page, or raise :class:`ExtractionError` for binary or undecodable content."""
    for bom, encoding in _BOMS:
        if content.startswith(bom):
            return content.decode(encoding, errors="replace").lstrip("\ufeff")
    if _is_binary(content[:8192]):
        raise ExtractionError(f"{where}: this is a binary file, not an HTML or text page.",
                              hint="Give an .html, .htm or .txt file (or a WARC archive).")
    declared = _declared_charset(content[:4096])
    for encoding in (declared, "utf-8"):
        if encoding:
            try:
                return content.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
    from charset_normalizer import from_bytes

    best = from_bytes(content[:200_000]).best()
    if best is None:
        raise ExtractionError(f"{where}: the text encoding could not be determined.",
                              hint="Save the page as UTF-8.")
    return content.decode(best.encoding, errors="replace")


def looks_like_html(text: str) -> bool:
    """True when the text starts like markup."""
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype", "<html", "<?xml", "<head", "<body", "<meta", "<article", "<div", "<p>"))


def _declared_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _is_binary(sample: bytes) -> bool:
    if b"\x00" in sample:
        return True
    if not sample:
        return False
    control = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return control / len(sample) > 0.05
