"""Toponym recognition: spaCy place entities, rescued mislabelled entities, and a gazetteer scan.

1. GPE/LOC/FAC entities are split at commas, trimmed ("the", possessive "'s") and looked up.
2. ORG/PERSON/NORP/PRODUCT entities that *are* exactly a gazetteer name (the small model often
   calls "DRC" or "Malakal" an organisation) become *weak* mentions: the resolver keeps them only
   when context supports them. A NORP must be some place's own name, not only an alternate one
   ("Mormon" is an alternate name of Portola, California).
3. A case-sensitive Aho-Corasick scan finds gazetteer names the model missed, outside any entity,
   when every token is a proper noun. A scanned name that covers place entities the model cut short
   ("Guinea" of "Guinea-Bissau", "Democratic Republic" + "Congo") replaces them.
4. "the capital" with no name next to it becomes a mention of its own (resolved to the capital of the
   article's main country, or of the country of a demonym: "the Libyan capital"); next to a name
   ("Tripoli, the Libyan capital", "the capital, Juba") it marks that name as a capital city.

Directions before a name ("southern Afghanistan", "50 km north of Kabul") are not part of the place:
the place is the anchor, with the anchor's precision. Feature words after a name ("Borno state",
"Tripoli city") or before it ("the province of Nyanza") are noted for the resolver.

Demonyms are not places, but they are evidence of the article's countries ("Salvadoran
troops", "the Colombian police"): :func:`demonym_countries` lists them for the resolver.

Everywhere: demonyms are not places, names used as part of a person's name in the same article are
not places, and a name used for a disease ("West Nile virus", "Marburg fever") is not a place
anywhere in that article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from wirewatch.stages.geo.gazetteer import KIND_ADMIN1, SCAN_LENGTH_BITS, SCAN_LENGTH_LIMIT, Gazetteer
from wirewatch.stages.geo.names import lookup_key, scan_form

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
RESCUE_LABELS = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
DISEASE_WORDS = frozenset({
    "virus", "viruses", "ebolavirus", "fever", "flu", "influenza", "disease", "encephalitis",
    "strain", "strains", "outbreak", "vaccine", "hemorrhagic", "haemorrhagic", "syndrome",
})
ADMIN_WORDS = frozenset({
    "province", "state", "region", "county", "governorate", "district", "oblast", "prefecture",
    "department", "territory", "parish", "municipality", "emirate", "canton", "governor", "premier",
})
CITY_WORDS = frozenset({"city", "town", "village", "capital", "mayor"})
#: Lower-case words allowed inside a capitalised multi-word name ("Isle of Man", "Rio de Janeiro").
CONNECTORS = frozenset({"of", "de", "da", "do", "del", "la", "le", "les", "el", "al", "and", "upon",
                        "on", "the", "di", "du", "des", "y", "en", "am", "im", "an", "der"})
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_TRIM_START = re.compile(r"^(?:the|The|THE)\s+")
#: Lower-case direction words before a name: "southern", "north-east", "central", "far western".
_DIRECTION = re.compile(r"^(?:far[- ])?(?:(?:north|south)[- ]?(?:east|west)?|east|west|central|mid)(?:ern)?"
                        r"(?:\s+of)?\s+")
_ADMIN_BEFORE = re.compile(r"\b(?:province|governorate|region|county|district|prefecture|oblast|department|"
                           r"emirate|canton)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
#: "the capital", "the country's capital", "the national capital", "the Libyan capital", "its capital".
_CAPITAL = re.compile(r"\b(?:[Tt]he|[Ii]ts)\s+(?:(?:country|nation)['’]s\s+|national\s+|"
                      r"(?P<adj>[A-Z][\w'’-]+)\s+)?capital(?:\s+city)?\b")
_CAPITAL_NEXT = re.compile(r"^(?:,\s*|\s+of\s+|\s+)$")
_CAPITAL_BEFORE = re.compile(r"^\s*,\s*$")
CAPITAL_REF = "capital-ref"
_TRIM_END = re.compile(r"(?:['’]s|['’]|\s*[.,;:])$")


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in the text (offsets into the article text)."""

    start: int
    end: int
    text: str
    key_id: int | None            # gazetteer lookup key, None when the name is unknown
    weak: bool = False            # found outside a place entity: needs context to be kept
    feature: str | None = None    # "admin" ("Borno state"), "city" ("Tripoli city"), "capital"
    #                               ("the capital, Juba") or CAPITAL_REF (a bare "the capital")
    country_hint: str | None = None   # ISO3 of a demonym qualifying a capital ("the Libyan capital")


def recognize_toponyms(doc: Any, text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Place mentions in ``text`` (``doc`` is its spaCy parse), sorted by start, not overlapping."""
    ents = tuple(doc.ents)   # spaCy rebuilds doc.ents on every access: read it once
    person_words = _person_name_words(ents)
    mentions = _entity_mentions(ents, text, gazetteer)
    taken = [(ent.start_char, ent.end_char) for ent in ents]
    for mention in _scan_mentions(doc, text, gazetteer):
        if not _overlaps(mention, taken):
            mentions.append(mention)
        elif _extends_places(mention, ents):
            mentions.append(replace(mention, weak=False))
    disease_keys = {m.key_id for m in mentions if _next_word(text, m.end) in DISEASE_WORDS}
    kept = [_locative(m, doc, text) for m in mentions
            if m.key_id not in disease_keys and not _is_demonym(m, gazetteer)
            and not (" " not in m.text and m.text in person_words)
            and not (m.weak and _is_town_abbreviation(m, gazetteer))
            and not _street_name(text, m.end)
            and not (m.weak and _inside_longer_name(doc, m, gazetteer))]
    lead = _dateline_mention(text, gazetteer)
    if lead is not None:   # the wire dateline is a place whatever the NER says ("Santiago" ORG)
        kept = [m for m in kept if not (m.start < lead.end and lead.start < m.end)] + [lead]
    places = [_with_feature(m, text) for m in _non_overlapping(kept)]
    return _with_capitals(places, text, gazetteer)


#: A wire dateline opening the text: "SANTIAGO, 27 NOV 89 --", "La Paz, 12 jan 90 (Efe)",
#: "San Jose (Costa Rica), 27 sep", "MOGADISHU, March 6 (Reuters) -", "KYIV --".
_DATELINE = re.compile(r"\s*(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|del|la|el|do|da|of)){0,3})"
                       r"(?=\s*,\s*(?:\d|[A-Za-z]{3,9}\.?\s+\d)|\s+\(|\s+(?:--|[-–—])\s)")


def _dateline_mention(text: str, gazetteer: Gazetteer) -> Mention | None:
    """The place name of a dateline at the very start of the text, when the gazetteer knows it."""
    match = _DATELINE.match(text)
    if match is None:
        return None
    name = match.group("name")
    key_id = gazetteer.key_id(name)
    if key_id is None or not _is_capitalised(name):
        return None
    return Mention(match.start("name"), match.end("name"), name, key_id)


#: Demonyms shared by several countries or naming a people rather than a state: no evidence.
AMBIGUOUS_DEMONYMS = frozenset({"american", "americans", "arab", "arabs", "african", "africans",
                                "european", "europeans", "asian", "asians", "latin", "hispanic",
                                "kurdish", "kurds", "kurd", "jewish", "jews", "indian", "indians",
                                "creole", "guinean", "guineans", "congolese", "korean", "koreans"})


def demonym_countries(doc: Any, gazetteer: Gazetteer) -> list[str]:
    """ISO3 of each capitalised demonym in the text ("Salvadoran", "Peruvians"), in order."""
    out = []
    for token in doc:
        if not token.text[:1].isupper() or not token.is_alpha:
            continue
        key = lookup_key(token.text)
        if key in AMBIGUOUS_DEMONYMS:
            continue
        country = gazetteer.demonyms.get(key)
        if country:
            out.append(country)
    return out


def _extends_places(mention: Mention, ents: Any) -> bool:
    """Whether ``mention`` is longer than, and covers, every entity it overlaps, all of them places
    (the trimmed span: "the Democratic Republic of the" + "Congo")."""
    overlapping = [e for e in ents if e.start_char < mention.end and mention.start < e.end_char]
    for ent in overlapping:
        head = _TRIM_START.match(ent.text)
        start = ent.start_char + (head.end() if head else 0)
        if ent.label_ not in PLACE_LABELS or start < mention.start or ent.end_char > mention.end \
                or ent.end_char - start >= mention.end - mention.start:
            return False
    return bool(overlapping)


def _with_capitals(mentions: list[Mention], text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Mark names next to "the capital" as capitals; add bare "the capital" references."""
    result = list(mentions)
    for match in _CAPITAL.finditer(text):
        adj = match.group("adj")
        hint = gazetteer.demonyms.get(lookup_key(adj)) if adj else None
        if adj and hint is None:   # "the state capital", "the Kurdish capital": not a national one
            continue
        index = _next_to(result, text, match.start(), match.end())
        if index is not None:
            result[index] = replace(result[index], feature="capital", country_hint=hint)
        elif not _overlaps(Mention(match.start(), match.end(), "", None), [(m.start, m.end) for m in result]):
            result.append(Mention(match.start(), match.end(), match.group(0), None, feature=CAPITAL_REF,
                                  country_hint=hint))
    return sorted(result, key=lambda m: m.start)


def _next_to(mentions: list[Mention], text: str, start: int, end: int) -> int | None:
    """Index of the mention right after "the capital" (", Juba", " of Luanda") or right before it
    ("Tripoli, the capital")."""
    for index, mention in enumerate(mentions):
        if mention.start >= end and _CAPITAL_NEXT.match(text[end:mention.start]):
            return index
        if mention.end <= start and _CAPITAL_BEFORE.match(text[mention.end:start]):
            return index
    return None


def _entity_mentions(ents: tuple[Any, ...], text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Mentions from the NER: place entities (split at commas) and exact-name rescues."""
    mentions: list[Mention] = []
    for ent in ents:
        if ent.label_ in PLACE_LABELS:
            for start, end in _split_commas(text, ent.start_char, ent.end_char):
                mentions.extend(_place_entity_mentions(ent, text, start, end, gazetteer))
        elif ent.label_ in RESCUE_LABELS:
            mention = _trimmed_mention(text, ent.start_char, ent.end_char, gazetteer)
            if mention is not None and mention.key_id is not None and _looks_like_name(mention.text) \
                    and (ent.label_ != "NORP" or _is_primary_name(gazetteer, mention.key_id)):
                mentions.append(Mention(mention.start, mention.end, mention.text, mention.key_id, weak=True))
    return mentions


def _is_primary_name(gazetteer: Gazetteer, key_id: int) -> bool:
    """Some place bears this name as its own: a group of people ("Mormon", "Christian") that is
    only an alternate name of a town is not a place."""
    return any(primary for _, primary in gazetteer.postings_of(key_id))


def _is_town_abbreviation(mention: Mention, gazetteer: Gazetteer) -> bool:
    """A short word that is only an alternate name of towns ("UCA" of Utica): in running text an
    acronym of something else. Countries and provinces keep theirs ("DRC")."""
    if mention.key_id is None or len(mention.text) > 4:
        return False
    postings = gazetteer.postings_of(mention.key_id)
    return not any(primary or gazetteer.kinds[e] <= KIND_ADMIN1 for e, primary in postings)


def _place_entity_mentions(ent: Any, text: str, start: int, end: int,
                           gazetteer: Gazetteer) -> list[Mention]:
    """The mention of a place entity (``start``-``end`` of entity ``ent``); for a name the gazetteer
    lacks, the known names inside it ("Nyanza province" -> "Nyanza", "North-Western Sydney" ->
    "Sydney"), else the bare GPE when it is a proper noun (not "Gunmen" mislabelled GPE)."""
    mention = _trimmed_mention(text, start, end, gazetteer)
    if mention is None or mention.key_id is not None:
        return [] if mention is None else [mention]
    inner = _inner_mentions(text, mention, gazetteer)
    if inner:
        return inner
    tokens = [t for t in ent if mention.start <= t.idx < mention.end]
    is_name = any(t.pos_ == "PROPN" for t in tokens) and not any(t.pos_ in ("NOUN", "VERB") for t in tokens)
    return [mention] if ent.label_ == "GPE" and is_name else []


def _inner_mentions(text: str, mention: Mention, gazetteer: Gazetteer) -> list[Mention]:
    """Known capitalised names inside ``mention``, longest first, not overlapping."""
    folded = scan_form(text[mention.start:mention.end])
    found = []
    for last, value in gazetteer.scanner.iter(folded):
        length = value & (SCAN_LENGTH_LIMIT - 1)
        start, end = mention.start + last + 1 - length, mention.start + last + 1
        if _is_word_bounded(text, start, end) and _is_capitalised(text[start:end]):
            found.append(Mention(start, end, text[start:end], value >> SCAN_LENGTH_BITS))
    return _non_overlapping(found)


def _split_commas(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split "Pandi, Bulacan" into its parts (offsets)."""
    parts, cursor = [], start
    for match in re.finditer(r"\s*,\s*|\s+[-–—]\s+", text[start:end]):
        parts.append((cursor, start + match.start()))
        cursor = start + match.end()
    parts.append((cursor, end))
    return [(s, e) for s, e in parts if e > s]


def _trimmed_mention(text: str, start: int, end: int, gazetteer: Gazetteer) -> Mention | None:
    """Strip a leading "the" and a trailing possessive or punctuation; look the rest up."""
    surface = text[start:end]
    for prefix in (_TRIM_START, _DIRECTION):
        head = prefix.match(surface)
        if head:
            start, surface = start + head.end(), surface[head.end():]
    tail = _TRIM_END.search(surface)
    if tail and tail.start() > 0:
        end, surface = end - (len(surface) - tail.start()), surface[:tail.start()]
    if not surface or not surface[0].isupper():
        return None
    return Mention(start, end, surface, gazetteer.key_id(surface))


def _scan_mentions(doc: Any, text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Gazetteer names in the text that are capitalised proper nouns on word boundaries."""
    folded = scan_form(text)
    found: list[Mention] = []
    for last, value in gazetteer.scanner.iter(folded):
        end, key_id, length = last + 1, value >> SCAN_LENGTH_BITS, value & (SCAN_LENGTH_LIMIT - 1)
        start = end - length
        if _is_word_bounded(text, start, end) and _is_capitalised(text[start:end]) \
                and _is_proper_noun(doc, start, end):
            found.append(Mention(start, end, text[start:end], key_id, weak=True))
    return found


def _is_word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "-'’") and not (after.isalnum() or after in "-")


def _is_capitalised(surface: str) -> bool:
    words = _WORD.findall(surface)
    return bool(words) and all(w[0].isupper() or w.lower() in CONNECTORS for w in words) \
        and words[0][0].isupper()


def _looks_like_name(surface: str) -> bool:
    """A capitalised name, not an all-lower phrase."""
    return _is_capitalised(surface)


def _is_proper_noun(doc: Any, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    return all(t.pos_ == "PROPN" or t.lower_ in CONNECTORS or t.is_punct for t in span)


def _overlaps(mention: Mention, spans: list[tuple[int, int]]) -> bool:
    return any(s < mention.end and mention.start < e for s, e in spans)


#: Words after a name that make it a street, not the place it is named after ("Bligh's Lane").
STREET_WORDS = frozenset({"lane", "road", "street", "avenue", "drive", "boulevard", "highway", "way",
                          "crescent", "terrace", "close", "gardens", "rd", "st", "ave", "blvd"})
_POSSESSIVE_NEXT = re.compile(r"(?:['’]s)?\s+([A-Z][a-z]*)\.?(?=\W|$)")


def _street_name(text: str, end: int) -> bool:
    """'Bligh's Lane', 'Kabul Road', 'Belfast Street': the name of a street."""
    match = _POSSESSIVE_NEXT.match(text, end)
    return match is not None and match.group(1).lower() in STREET_WORDS


#: Capitalised words that start a longer place name, or qualify one, rather than a person's name.
PLACE_PREFIXES = frozenset({"lake", "mount", "mt", "port", "fort", "saint", "st", "san", "santa", "new",
                            "north", "south", "east", "west", "northern", "southern", "eastern",
                            "western", "central", "upper", "lower", "greater", "old", "el", "al"})


def _inside_longer_name(doc: Any, mention: Mention, gazetteer: Gazetteer) -> bool:
    """A scanned name right after another capitalised proper noun that is no place ("Chief
    Superintendent Gillian Kearney", "the New York Times"): part of a person's or an
    organisation's name, which the parser did not label."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    if before.pos_ != "PROPN" or not before.text[:1].isupper() or before.is_sent_start \
            or before.lower_ in PLACE_PREFIXES or before.lower_ in CONNECTORS:
        return False
    return gazetteer.key_id(before.text) is None and before.ent_type_ not in PLACE_LABELS


#: Words before a name that place something there: "in Londonderry", "the Creggan area of Derry".
_LOCATIVE_BEFORE = re.compile(r"(?:\b(?:in|near|outside|around|across)|\b(?:area|city|town|village|outskirts|"
                              r"suburbs?|centre|center|streets|neighbou?rhood|district|province|region) of)\s+$")


def _locative(mention: Mention, doc: Any, text: str) -> Mention:
    """A rescued single name (the parser said PERSON or ORG) right after a locative preposition and
    not modifying a noun is used as a place: a strong mention ("in Londonderry on Monday")."""
    if not mention.weak or " " in mention.text or \
            not _LOCATIVE_BEFORE.search(text, max(0, mention.start - 20), mention.start):
        return mention
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return replace(mention, weak=False)
    after = doc[span.end]
    if after.pos_ in {"NOUN", "PROPN"} and not after.is_punct and after.lower_ not in ADMIN_WORDS:
        return mention   # "in Musgrave police station": a modifier of another name (not "in Djugu territory")
    return replace(mention, weak=False)


def _person_name_words(ents: tuple[Any, ...]) -> set[str]:
    """Words that are part of a multi-word person name in this document ("Jordan" of "Jordan Henderson")."""
    return {t.text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}


def _is_demonym(mention: Mention, gazetteer: Gazetteer) -> bool:
    return lookup_key(mention.text) in gazetteer.demonyms


def _next_word(text: str, end: int) -> str:
    match = _WORD.match(text, end + 1) if text[end:end + 1] == " " else None
    return match.group(0).lower() if match else ""


def _with_feature(mention: Mention, text: str) -> Mention:
    """Note "X province" / "X city" after the name, or "the province of X" before it."""
    word = _next_word(text, mention.end)
    feature = "admin" if word in ADMIN_WORDS else "city" if word in CITY_WORDS else None
    if feature is None and _ADMIN_BEFORE.search(text, max(0, mention.start - 40), mention.start):
        feature = "admin"
    return mention if feature is None else replace(mention, feature=feature)


def _non_overlapping(mentions: list[Mention]) -> list[Mention]:
    """Of overlapping mentions keep strong before weak, then the longest; sorted by start."""
    ordered = sorted(mentions, key=lambda m: (m.weak, -(m.end - m.start), m.start))
    kept: list[Mention] = []
    for mention in ordered:   # strong and long first, then whatever still fits
        if not any(k.start < mention.end and mention.start < k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)
