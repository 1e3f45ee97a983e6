"""Toponym resolution: choose each mention's gazetteer entry from its context.

A candidate's score is its prior (log population, kind, whether the mention is its primary name)
plus context (weights below, in units of log10 population):

1. "X, Y": X inside Y (city in the state/country named next) gets ``QUALIFIED``; Y containing X
   gets ``QUALIFIES`` ("Paris, Texas", "Tripoli, Lebanon", "Atlanta, Georgia").
2. the article's countries: the share of country evidence (mentions, the dateline, the caller's
   context, demonyms: "Salvadoran", "the Peruvian police") that the candidate's country holds, times ``COUNTRY``, and a smaller bonus for
   countries bordering them (``NEIGHBOUR``); its own mention is left out of the evidence.
   A town whose qualifier (a province or country) contains no place of that name is a place the
   gazetteer lacks: it is resolved to the qualifier.
3. an admin-1 unit mentioned elsewhere that contains the candidate (``ADMIN1``).
4. a feature word after the name: "Borno state" (admin units), "Tripoli city" (places), or a capital
   next to it ("Tripoli, the Libyan capital": national capitals, of the demonym's country if given).
5. an admin-1 unit named like its big namesake city ("New York", "São Paulo", "Lagos") means the city
   unless a feature word, a place it qualifies ("Albany, New York") or other admin-1 units of the same
   country in the article ("New Jersey and New York") say otherwise (``NAMESAKE``).
6. a list of three or more places ("Mali, Niger and Chad", "Ohio, New York, Texas"): candidates of the
   kind most of the other members resolved to (``LIST``).

A feature word on one mention of a name holds for its other mentions (one sense per article).

A bare "the capital" is resolved after the passes, to the capital of the demonym's country ("the
Libyan capital") or else of the article's main country (the most evidence); it is dropped when the
article has no main country.

Resolution runs twice, so that context chosen in the first pass informs the second.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from wirewatch.models import Place
from wirewatch.stages.geo.gazetteer import (
    KIND_ADMIN1,
    KIND_ADMIN2,
    KIND_CITY,
    KIND_CONTINENT,
    KIND_COUNTRY,
    KIND_REGION,
    NO_ADMIN,
    PRECISION_OF_KIND,
    Gazetteer,
)
from wirewatch.stages.geo.recognize import CAPITAL_REF, Mention

KIND_BONUS = {KIND_CONTINENT: 1.0, KIND_REGION: 2.0, KIND_COUNTRY: 2.0, KIND_ADMIN1: 0.5,
              KIND_ADMIN2: -0.5, KIND_CITY: 0.0}
PRIMARY_NAME = 1.0
QUALIFIED = 6.0
QUALIFIES = 3.0
COUNTRY = 3.0
NEIGHBOUR = 1.0
ADMIN1 = 2.0
FEATURE = 3.0
CAPITAL = 4.0
#: National capitals are the well-known sense of their name ("Cairo", "Moscow", "London"): a prior
#: bonus, so that country context alone does not hand the name to a small namesake elsewhere.
CAPITAL_PRIOR = 1.0
NAMESAKE = 3.0
LIST = 2.0
#: A city this populous makes its namesake admin-1 unit the unlikely reading of a bare name.
NAMESAKE_CITY_POPULATION = 1_000_000
#: Weight of a mention's chosen entry as evidence for its country, by kind.
EVIDENCE = {KIND_CONTINENT: 0.0, KIND_REGION: 0.5, KIND_COUNTRY: 1.0, KIND_ADMIN1: 1.0,
            KIND_ADMIN2: 0.7, KIND_CITY: 0.7}
DATELINE_EVIDENCE = 2.0
#: Weight of one demonym ("Salvadoran") as evidence for its country.
DEMONYM_EVIDENCE = 0.5
WEAK_EVIDENCE = 0.5
#: A weak mention resolved to a town is kept when its country holds this share of the evidence.
WEAK_SUPPORT = 0.3
PASSES = 2
_QUALIFIER_GAP = re.compile(r"^\s*,\s*$|^\s+\(\s*$")
_LIST_GAP = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")
LIST_MIN = 3


@dataclass
class _Context:
    """Document-level evidence used while scoring."""

    evidence: dict[str, float] = field(default_factory=dict)      # ISO3 -> weight
    by_name: dict[tuple[int, str], float] = field(default_factory=dict)   # (key id, ISO3) -> weight
    top: float = 1.0
    admin1: dict[int, int] = field(default_factory=dict)          # admin-1 entry -> mentions
    neighbour_shares: dict[tuple[int, str], float] = field(default_factory=dict)   # cache


@dataclass
class _Slot:
    """One mention while it is being resolved."""

    mention: Mention
    candidates: list[tuple[int, bool]]
    choice: int | None = None
    qualified_by: int | None = None     # index of the slot naming its container ("X, Y": Y)
    qualifies: int | None = None        # index of the slot it qualifies
    siblings: tuple[int, ...] = ()      # indexes of the other members of its list, if any


def resolve_mentions(mentions: Sequence[Mention], text: str, gazetteer: Gazetteer, *,
                     dateline: str | None = None, context_countries: Sequence[str] = (),
                  demonyms: Sequence[str] = (), title_hints: Sequence[str] = ()) -> list[Place]:
    """Resolve ``mentions`` of ``text`` to places; weak mentions without support are dropped.
    ``demonyms``: the countries of the demonyms in the text, one entry per mention;
    ``title_hints``: the countries of places the headline names (:func:`title_countries`)."""
    slots = [_Slot(m, gazetteer.postings_of(m.key_id) if m.key_id is not None else [])
             for m in _one_sense(mentions)]
    _dateline_sense(slots, gazetteer, dateline)
    _link_qualifiers(slots, text)
    _link_lists(slots, text)
    base = _base_evidence(gazetteer, dateline, context_countries)
    for country in demonyms:
        base[country] = base.get(country, 0.0) + DEMONYM_EVIDENCE
    for country in title_hints:
        base[country] = base.get(country, 0.0) + TITLE_EVIDENCE
    # A first pass resolves one mention at a time, each seeing the choices made so far, the clearest
    # first (widest prior margin: "Belfast" before "Londonderry"); then all again against that.
    context = _build_context(slots, gazetteer, base)
    for index in sorted(range(len(slots)), key=lambda i: -_prior_margin(gazetteer, slots[i])):
        slots[index].choice = _best(gazetteer, slots, index, context)
        context = _build_context(slots, gazetteer, base)
    for _ in range(PASSES - 1):
        context = _build_context(slots, gazetteer, base)
        for index, slot in enumerate(slots):
            slot.choice = _best(gazetteer, slots, index, context)
    for slot in slots:
        _within_qualifier(gazetteer, slots, slot)
    context = _build_context(slots, gazetteer, base)
    for slot in slots:
        if slot.mention.feature == CAPITAL_REF:
            slot.choice = _capital_of_context(gazetteer, slot.mention, context)
    return [_place(gazetteer, slot) for index, slot in enumerate(slots)
            if _is_supported(gazetteer, slots, index, context)]


def _dateline_sense(slots: list[_Slot], gazetteer: Gazetteer, dateline: str | None) -> None:
    """A dateline that qualifies its place ("Tripoli, Lebanon") says which sense the story's own
    mentions of that name have: the candidates in that country (when there are any)."""
    if not dateline or "," not in dateline:
        return
    name, qualifier = (part.strip() for part in dateline.rsplit(",", 1))
    key, outer = gazetteer.key_id(name), gazetteer.key_id(qualifier)
    if key is None or outer is None:
        return
    countries = {gazetteer.country_code(e) for e, _ in gazetteer.postings_of(outer)
                 if gazetteer.kinds[e] in (KIND_COUNTRY, KIND_ADMIN1)}
    for slot in slots:
        if slot.mention.key_id == key:
            inside = [c for c in slot.candidates if gazetteer.country_code(c[0]) in countries]
            if inside:
                slot.candidates = inside


def _within_qualifier(gazetteer: Gazetteer, slots: list[_Slot], slot: _Slot) -> None:
    """"X, Y" with Y a province or country that contains no place called X: X is a place the
    gazetteer lacks inside Y ("San Francisco Javier, Usulutan department"), not a namesake abroad;
    it is resolved to Y itself (coarser, but in the right country)."""
    if slot.qualified_by is None or slot.choice is None or slot.siblings:
        return
    outer = slots[slot.qualified_by].choice
    if outer is None or gazetteer.kinds[outer] not in (KIND_ADMIN1, KIND_COUNTRY) \
            or gazetteer.kinds[slot.choice] not in (KIND_CITY, KIND_ADMIN2):
        return
    if not any(_contains(gazetteer, outer, c) for c, _ in slot.candidates):
        slot.choice = outer


def _capital_of_context(gazetteer: Gazetteer, mention: Mention, context: _Context) -> int | None:
    """The capital a bare "the capital" refers to: of the demonym's country, else of the main one."""
    country = mention.country_hint
    if country is None and context.evidence:
        country = max(context.evidence, key=lambda c: context.evidence[c])
    return gazetteer.capitals.get(country) if country else None


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


def _one_sense(mentions: Sequence[Mention]) -> list[Mention]:
    """Give the admin feature of one mention ("New York state") to the bare mentions of that name."""
    admin_keys = {m.key_id for m in mentions if m.feature == "admin" and m.key_id is not None}
    return [replace(m, feature="admin") if m.feature is None and m.key_id in admin_keys else m
            for m in mentions]


def _link_lists(slots: list[_Slot], text: str) -> None:
    """Runs of at least LIST_MIN mentions separated by commas/"and"/"or" are lists."""
    run: list[int] = []
    for index in range(len(slots) + 1):
        joined = index < len(slots) and bool(run) and \
            _LIST_GAP.match(text[slots[run[-1]].mention.end:slots[index].mention.start]) is not None
        if index < len(slots) and (not run or joined):
            run.append(index)
            continue
        if len(run) >= LIST_MIN:
            for member in run:
                slots[member].siblings = tuple(i for i in run if i != member)
        run = [index] if index < len(slots) else []


#: Weight of a place named in the headline ("... shutdown in Dhaka") as evidence for its country.
TITLE_EVIDENCE = 1.0
#: A headline name counts when it is a country, a province or a city at least this large.
TITLE_MIN_POPULATION = 100_000
_TITLE_NAME = re.compile(r"[A-Z][\w'’.-]*(?:[ -](?:(?:of|de|al|el|la|da|do) )?[A-Z][\w'’.-]*)*")


def title_countries(title: str | None, text: str, gazetteer: Gazetteer) -> list[str]:
    """Countries of the unambiguous places a headline names ("Driver burned to death as petrol
    bombs mark Awami League shutdown in Dhaka": Bangladesh). A name counts when its likeliest
    sense is a country, a province or a large city and no other large place shares it ("Tripoli"
    does not count), and it is not a common word the text uses in lower case ("Nice", "Split")."""
    if not title:
        return []
    found: list[str] = []
    lowered = set(re.findall(r"\b[a-z][a-z'’-]+\b", text))
    for match in _TITLE_NAME.finditer(title):
        words = match.group().split()
        names = [match.group()] + (words if len(words) > 1 else [])
        for name in names:
            if name.lower() in lowered or len(name) < 3:
                continue
            key_id = gazetteer.key_id(name)
            if key_id is None:
                continue
            senses = [e for e, _ in gazetteer.postings_of(key_id)
                      if gazetteer.kinds[e] in (KIND_COUNTRY, KIND_ADMIN1)
                      or gazetteer.populations[e] >= TITLE_MIN_POPULATION]
            countries = {gazetteer.country_code(e) for e in senses}
            if len(countries) == 1 and (country := countries.pop()) and country not in found:
                found.append(country)
                break   # the whole name told its country; its words are not separate names
    return found


def _base_evidence(gazetteer: Gazetteer, dateline: str | None,
                   context_countries: Sequence[str]) -> dict[str, float]:
    """Country evidence from outside the text: the caller's countries and the dateline."""
    evidence: dict[str, float] = defaultdict(float)
    for iso3 in context_countries:
        evidence[iso3.upper()] += DATELINE_EVIDENCE
    if dateline and "," in dateline:   # "Tripoli, Lebanon": the country or province named
        qualifier = gazetteer.key_id(dateline.rsplit(",", 1)[1].strip())
        outer = [e for e, _ in gazetteer.postings_of(qualifier)] if qualifier is not None else []
        outer = [e for e in outer if gazetteer.kinds[e] in (KIND_COUNTRY, KIND_ADMIN1)]
        if outer and (country := gazetteer.country_code(outer[0])):
            evidence[country] += DATELINE_EVIDENCE
            return evidence
        dateline = dateline.split(",", 1)[0]
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
    prior = math.log10(gazetteer.populations[entry_id] + 10) + KIND_BONUS[kind] \
        + (PRIMARY_NAME if is_primary else 0.0)
    if kind == KIND_CITY and gazetteer.capitals.get(gazetteer.country_code(entry_id) or "") == entry_id:
        prior += CAPITAL_PRIOR
    return prior


def _prior_margin(gazetteer: Gazetteer, slot: _Slot) -> float:
    """How much the likeliest sense of a name leads the next one on priors alone (inf: one sense)."""
    priors = sorted((_prior(gazetteer, e, p) for e, p in slot.candidates), reverse=True)
    return priors[0] - priors[1] if len(priors) > 1 else math.inf if priors else -math.inf


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
        score += NEIGHBOUR * _neighbour_share(gazetteer, slot, country, context)
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
    if gazetteer.kinds[entry_id] == KIND_ADMIN1 and slot.mention.feature is None \
            and slot.qualifies is None and _has_namesake_city(gazetteer, slot, entry_id) \
            and not _has_sibling_units(gazetteer, entry_id, context):
        score -= NAMESAKE
    if slot.siblings and gazetteer.kinds[entry_id] == _list_kind(gazetteer, slots, slot):
        score += LIST
    return score + _feature_score(gazetteer, entry_id, slot.mention)


def _has_namesake_city(gazetteer: Gazetteer, slot: _Slot, admin1: int) -> bool:
    """Whether the name also denotes a big city inside the admin-1 unit ``admin1``."""
    return any(gazetteer.kinds[c] == KIND_CITY and gazetteer.admin1[c] == admin1
               and gazetteer.populations[c] >= NAMESAKE_CITY_POPULATION for c, _ in slot.candidates)


def _has_sibling_units(gazetteer: Gazetteer, admin1: int, context: _Context) -> bool:
    """Whether the article names other admin-1 units of the country of ``admin1``."""
    country = gazetteer.country_index[admin1]
    return any(unit != admin1 and gazetteer.country_index[unit] == country for unit in context.admin1)


def _list_kind(gazetteer: Gazetteer, slots: list[_Slot], slot: _Slot) -> int | None:
    """The kind most of the other list members resolved to (None without a clear majority)."""
    choices = [slots[i].choice for i in slot.siblings]
    kinds = Counter(gazetteer.kinds[choice] for choice in choices if choice is not None)
    if not kinds:
        return None
    kind, count = kinds.most_common(1)[0]
    return kind if count >= 2 and count * 2 > len(slot.siblings) else None


def _neighbour_share(gazetteer: Gazetteer, slot: _Slot, country: str, context: _Context) -> float:
    """The largest share held by a country bordering ``country`` (cached per name and country)."""
    key = (slot.mention.key_id or 0, country)
    share = context.neighbour_shares.get(key)
    if share is None:
        neighbours = gazetteer.neighbours.get(country, ())
        share = max((_share(gazetteer, slot, n, context) for n in neighbours), default=0.0)
        context.neighbour_shares[key] = share
    return share


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


def _feature_score(gazetteer: Gazetteer, entry_id: int, mention: Mention) -> float:
    kind, feature = gazetteer.kinds[entry_id], mention.feature
    if feature == "admin":
        return FEATURE if kind in (KIND_ADMIN1, KIND_ADMIN2, KIND_REGION) else \
            0.0 if kind == KIND_COUNTRY else -FEATURE
    if feature == "city":
        return FEATURE / 2 if kind == KIND_CITY else 0.0
    if feature == "capital" and kind == KIND_CITY:
        country = gazetteer.country_code(entry_id)
        is_capital = country is not None and gazetteer.capitals.get(country) == entry_id
        return CAPITAL if is_capital and mention.country_hint in (None, country) else 0.0
    return 0.0


def _is_supported(gazetteer: Gazetteer, slots: list[_Slot], index: int, context: _Context) -> bool:
    """Strong mentions always stand; a weak one needs a non-town referent or its country in context."""
    slot = slots[index]
    if slot.mention.feature == CAPITAL_REF:
        return slot.choice is not None
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
