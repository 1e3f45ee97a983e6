"""Toponym resolution: choose each mention's gazetteer entry from its context.

A candidate's score is its prior (log population, kind, whether the mention is its primary name)
plus context (weights below, in units of log10 population):

1. "X, Y": X inside Y (city in the state/country named next) gets ``QUALIFIED``; Y containing X
   gets ``QUALIFIES`` ("Paris, Texas", "Tripoli, Lebanon", "Atlanta, Georgia").
2. the article's countries: the share of country evidence (mentions, the dateline, the caller's
   context) that the candidate's country holds, times ``COUNTRY``, and a smaller bonus for
   countries bordering them (``NEIGHBOUR``); its own mention is left out of the evidence.
3. an admin-1 unit mentioned elsewhere that contains the candidate (``ADMIN1``).
4. a feature word after the name: "Borno state" (admin units), "Tripoli city" (places).

Resolution runs twice, so that context chosen in the first pass informs the second.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from wirewatch.models import Place
from wirewatch.stages.geo.gazetteer import (
    KIND_ADMIN1, KIND_ADMIN2, KIND_CITY, KIND_CONTINENT, KIND_COUNTRY, KIND_REGION, NO_ADMIN,
    PRECISION_OF_KIND, Gazetteer,
)
from wirewatch.stages.geo.recognize import Mention

KIND_BONUS = {KIND_CONTINENT: 1.0, KIND_REGION: 2.0, KIND_COUNTRY: 2.0, KIND_ADMIN1: 0.5,
              KIND_ADMIN2: -0.5, KIND_CITY: 0.0}
PRIMARY_NAME = 1.0
QUALIFIED = 6.0
QUALIFIES = 3.0
COUNTRY = 3.0
NEIGHBOUR = 1.0
ADMIN1 = 2.0
FEATURE = 3.0
#: Weight of a mention's chosen entry as evidence for its country, by kind.
EVIDENCE = {KIND_CONTINENT: 0.0, KIND_REGION: 0.5, KIND_COUNTRY: 1.0, KIND_ADMIN1: 1.0,
            KIND_ADMIN2: 0.7, KIND_CITY: 0.7}
DATELINE_EVIDENCE = 2.0
WEAK_EVIDENCE = 0.5
#: A weak mention resolved to a town is kept when its country holds this share of the evidence.
WEAK_SUPPORT = 0.3
PASSES = 2
_QUALIFIER_GAP = re.compile(r"^\s*,\s*$|^\s+\(\s*$")


@dataclass
class _Context:
    """Document-level evidence used while scoring."""

    evidence: dict[str, float] = field(default_factory=dict)      # ISO3 -> weight
    by_name: dict[tuple[int, str], float] = field(default_factory=dict)   # (key id, ISO3) -> weight
    top: float = 1.0
    admin1: dict[int, int] = field(default_factory=dict)          # admin-1 entry -> mentions


@dataclass
class _Slot:
    """One mention while it is being resolved."""

    mention: Mention
    candidates: list[tuple[int, bool]]
    choice: int | None = None
    qualified_by: int | None = None     # index of the slot naming its container ("X, Y": Y)
    qualifies: int | None = None        # index of the slot it qualifies


def resolve_mentions(mentions: Sequence[Mention], text: str, gazetteer: Gazetteer, *,
                     dateline: str | None = None, context_countries: Sequence[str] = ()) -> list[Place]:
    """Resolve ``mentions`` of ``text`` to places; weak mentions without support are dropped."""
    slots = [_Slot(m, gazetteer.postings_of(m.key_id) if m.key_id is not None else [])
             for m in mentions]
    _link_qualifiers(slots, text)
    base = _base_evidence(gazetteer, dateline, context_countries)
    for _ in range(PASSES):
        context = _build_context(slots, gazetteer, base)
        for index, slot in enumerate(slots):
            slot.choice = _best(gazetteer, slots, index, context)
    context = _build_context(slots, gazetteer, base)
    return [_place(gazetteer, slot) for index, slot in enumerate(slots)
            if _is_supported(gazetteer, slots, index, context)]


def resolve_name(name: str, gazetteer: Gazetteer, *, context_countries: Sequence[str] = ()) -> Place | None:
    """Resolve a bare place name (offsets 0..len(name)); None when the gazetteer does not know it."""
    key_id = gazetteer.key_id(name)
    if key_id is None:
        return None
    return resolve_mentions([Mention(0, len(name), name, key_id)], name, gazetteer,
                            context_countries=context_countries)[0]


def country_place(iso3: str, gazetteer: Gazetteer) -> Place | None:
    """The centre of country ``iso3`` as a Place (offsets 0, 0), or None for an unknown code."""
    entry = gazetteer.country(iso3)
    if entry is None:
        return None
    return Place(entry.name, 0, 0, entry.lat, entry.lon, entry.country, None, entry.geonameid,
                 entry.precision)


def _link_qualifiers(slots: list[_Slot], text: str) -> None:
    """Link "X, Y" / "X (Y" pairs of adjacent mentions."""
    for index in range(len(slots) - 1):
        left, right = slots[index].mention, slots[index + 1].mention
        if _QUALIFIER_GAP.match(text[left.end:right.start]):
            slots[index].qualified_by = index + 1
            slots[index + 1].qualifies = index


def _base_evidence(gazetteer: Gazetteer, dateline: str | None,
                   context_countries: Sequence[str]) -> dict[str, float]:
    """Country evidence from outside the text: the caller's countries and the dateline."""
    evidence: dict[str, float] = defaultdict(float)
    for iso3 in context_countries:
        evidence[iso3.upper()] += DATELINE_EVIDENCE
    key_id = gazetteer.key_id(dateline) if dateline else None
    if key_id is not None:
        entry_id = max(gazetteer.postings_of(key_id), key=lambda p: _prior(gazetteer, *p))[0]
        country = gazetteer.country_code(entry_id)
        if country:
            evidence[country] += DATELINE_EVIDENCE
    return evidence


def _build_context(slots: list[_Slot], gazetteer: Gazetteer, base: dict[str, float]) -> _Context:
    """Collect country and admin-1 evidence from the current choices."""
    context = _Context(evidence=dict(base))
    for slot in slots:
        if slot.choice is None:
            continue
        country = gazetteer.country_code(slot.choice)
        if country:
            weight, name = _weight(gazetteer, slot), (slot.mention.key_id or 0, country)
            context.evidence[country] = context.evidence.get(country, 0.0) + weight
            context.by_name[name] = context.by_name.get(name, 0.0) + weight
        admin1 = slot.choice if gazetteer.kinds[slot.choice] == KIND_ADMIN1 else NO_ADMIN
        if admin1 != NO_ADMIN:
            context.admin1[admin1] = context.admin1.get(admin1, 0) + 1
    context.top = max(context.evidence.values(), default=0.0) or 1.0
    return context


def _weight(gazetteer: Gazetteer, slot: _Slot) -> float:
    assert slot.choice is not None
    weight = EVIDENCE[gazetteer.kinds[slot.choice]]
    return weight * WEAK_EVIDENCE if slot.mention.weak else weight


def _prior(gazetteer: Gazetteer, entry_id: int, is_primary: bool) -> float:
    kind = gazetteer.kinds[entry_id]
    return math.log10(gazetteer.populations[entry_id] + 10) + KIND_BONUS[kind] \
        + (PRIMARY_NAME if is_primary else 0.0)


def _best(gazetteer: Gazetteer, slots: list[_Slot], index: int, context: _Context) -> int | None:
    slot = slots[index]
    best, best_score = None, -math.inf
    for entry_id, is_primary in slot.candidates:
        score = _prior(gazetteer, entry_id, is_primary) + _context_score(gazetteer, slots, index,
                                                                         entry_id, context)
        if score > best_score:
            best, best_score = entry_id, score
    return best


def _context_score(gazetteer: Gazetteer, slots: list[_Slot], index: int, entry_id: int,
                   context: _Context) -> float:
    slot, score = slots[index], 0.0
    country = gazetteer.country_code(entry_id)
    if country:
        score += COUNTRY * _share(gazetteer, slot, country, context)
        neighbours = gazetteer.neighbours.get(country, ())
        if neighbours:
            score += NEIGHBOUR * max(_share(gazetteer, slot, n, context) for n in neighbours)
    admin1 = gazetteer.admin1[entry_id]
    own_admin1 = 1 if slot.choice == admin1 else 0
    if admin1 != NO_ADMIN and context.admin1.get(admin1, 0) > own_admin1:
        score += ADMIN1
    if slot.qualified_by is not None and any(
            _contains(gazetteer, q, entry_id) for q, _ in slots[slot.qualified_by].candidates):
        score += QUALIFIED
    if slot.qualifies is not None and any(
            _contains(gazetteer, entry_id, c) for c, _ in slots[slot.qualifies].candidates):
        score += QUALIFIES
    return score + _feature_score(gazetteer.kinds[entry_id], slot.mention.feature)


def _share(gazetteer: Gazetteer, slot: _Slot, country: str, context: _Context) -> float:
    """Share of the document's country evidence held by ``country``, left out the mentions of this
    very name (ten "Santa Ana"s must not vote for their own first guess)."""
    evidence = context.evidence.get(country, 0.0) - context.by_name.get((slot.mention.key_id or 0, country), 0.0)
    return max(0.0, evidence) / context.top


def _contains(gazetteer: Gazetteer, outer: int, inner: int) -> bool:
    """Whether entry ``outer`` (a country or admin-1 unit) contains entry ``inner``."""
    if outer == inner:
        return False
    kind = gazetteer.kinds[outer]
    if kind == KIND_ADMIN1:
        return gazetteer.admin1[inner] == outer
    if kind == KIND_COUNTRY:
        return gazetteer.country_index[inner] == gazetteer.country_index[outer]
    return False


def _feature_score(kind: int, feature: str | None) -> float:
    if feature == "admin":
        return FEATURE if kind in (KIND_ADMIN1, KIND_ADMIN2, KIND_REGION) else -FEATURE
    if feature == "city":
        return FEATURE / 2 if kind == KIND_CITY else 0.0
    return 0.0


def _is_supported(gazetteer: Gazetteer, slots: list[_Slot], index: int, context: _Context) -> bool:
    """Strong mentions always stand; a weak one needs a non-town referent or its country in context."""
    slot = slots[index]
    if not slot.mention.weak:
        return True
    if slot.choice is None:
        return False
    if gazetteer.kinds[slot.choice] not in (KIND_CITY, KIND_ADMIN2):
        return True
    if slot.qualified_by is not None or slot.qualifies is not None:
        return True
    country = gazetteer.country_code(slot.choice)
    return country is not None and _share(gazetteer, slot, country, context) >= WEAK_SUPPORT


def _place(gazetteer: Gazetteer, slot: _Slot) -> Place:
    mention = slot.mention
    if slot.choice is None:
        return Place(mention.text, mention.start, mention.end)
    entry = gazetteer.entry(slot.choice)
    admin1 = entry.name if entry.kind == KIND_ADMIN1 else \
        gazetteer.names[entry.admin1] if entry.admin1 != NO_ADMIN else None
    return Place(entry.name, mention.start, mention.end, round(entry.lat, 5), round(entry.lon, 5),
                 entry.country, admin1, entry.geonameid, PRECISION_OF_KIND[entry.kind])
