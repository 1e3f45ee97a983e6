"""Name keys shared by the gazetteer build and the geoparser.

Two normalisations:

* :func:`scan_form` keeps the length of the text (one character in, one out), so offsets found in the
  folded text are offsets into the article. It lower-cases, strips Latin accents and unifies
  apostrophes and hyphens. The Aho-Corasick automaton is built over scan forms.
* :func:`lookup_key` is looser: it also drops dots, a leading "the" and a trailing possessive, and
  collapses spaces ("The U.S.'s" -> "us"). The name index is keyed by lookup keys.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF .,'’\-()&]+$")
_UPPER_SHORT = re.compile(r"^[A-Z.]{1,6}$")


def _build_fold_table() -> dict[int, str]:
    """Map accented Latin letters (and apostrophe/hyphen variants) to one plain character."""
    table: dict[int, str] = {}
    for code in list(range(0x00C0, 0x0250)) + list(range(0x1E00, 0x1F00)):
        char = chr(code)
        base = unicodedata.normalize("NFKD", char)[:1]
        if base.isascii() and base.isalpha() and base != char:
            table[code] = base
    table.update({ord("ø"): "o", ord("Ø"): "O", ord("đ"): "d", ord("Đ"): "D", ord("ł"): "l",
                  ord("Ł"): "L", ord("ı"): "i", ord("ß"): "s", ord("æ"): "a", ord("Æ"): "A",
                  ord("œ"): "o", ord("Œ"): "O", ord("þ"): "t", ord("Þ"): "T"})
    for char in "’‘ʼ`´ʻʿʾ":
        table[ord(char)] = "'"
    for char in "-‐‑‒–—_":
        table[ord(char)] = " "
    return table


FOLD_TABLE: dict[int, str] = _build_fold_table()


def scan_form(text: str) -> str:
    """Lower-case and fold ``text`` without changing its length (offsets stay valid)."""
    folded = text.translate(FOLD_TABLE)
    lowered = folded.lower()
    if len(lowered) != len(text):  # a few characters lower-case to two (e.g. "İ")
        lowered = "".join(char.lower()[:1] for char in folded)
    return lowered


def lookup_key(text: str) -> str:
    """The index key of a name: scan form without dots, leading "the", possessive or extra spaces."""
    key = scan_form(text).replace(".", "")
    key = _SPACES.sub(" ", key).strip(" ,'")
    key = key.removeprefix("the ")
    key = key.removesuffix("'s")
    return key.strip()


#: Abbreviated first words of place names and their spelled-out lookup keys.
ABBREVIATED_PREFIXES = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "port"}


def expanded_key(key: str) -> str | None:
    """``key`` with an abbreviated first word spelled out ("st marc" -> "saint marc"), else None."""
    first, _, rest = key.partition(" ")
    full = ABBREVIATED_PREFIXES.get(first)
    return f"{full} {rest}" if full and rest else None


def is_latin(name: str) -> bool:
    """True for names written in Latin script (the only ones an English article will contain)."""
    return bool(_LATIN.match(name))


def is_code_like(name: str) -> bool:
    """True for short all-capital names such as ISO codes ("EG", "EGY", "U.S.")."""
    return bool(_UPPER_SHORT.match(name))
