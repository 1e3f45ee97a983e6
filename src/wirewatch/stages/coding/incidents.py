"""One incident, several sentences: merge later mentions and attach casualty reports.

News stories mention an incident again ("the bombing of the plane that crashed in Sinai on
October 31") and report its toll apart ("All 224 passengers and crew were killed when Metrojet
Flight 9268 crashed"). A later ASSAULT mention that is anaphoric (a definite noun, no actor of its
own) or shares an incident anchor (plane, crash, bus, blast ...) with an earlier ASSAULT is merged
into it, refining its date, place and toll (:meth:`Draft.add_toll`: "... were also killed" adds
a further group, a larger figure told right after replaces a partial count). A casualty report
with no event of its own (or a mention that only completes an incident but came first) goes to the
nearest ASSAULT sharing an anchor, else to the incident told just before or after it, else to the
story's only incident.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace

from wirewatch.models import EventPlace
from wirewatch.stages.coding.casualties import Casualties
from wirewatch.stages.coding.context import EventDate
from wirewatch.stages.coding.draft import EMPTY, NEAR_SENTENCES, Draft, within_span
from wirewatch.stages.coding.selection import LEAD

ANCHORS = {
    "plane": "plane", "airplane": "plane", "aircraft": "plane", "airliner": "plane", "jet": "plane",
    "flight": "plane", "helicopter": "plane", "crash": "crash", "bus": "bus", "train": "train",
    "ship": "ship", "boat": "ship", "ferry": "ship", "vessel": "ship", "car": "vehicle",
    "truck": "vehicle", "vehicle": "vehicle", "convoy": "vehicle", "market": "market",
    "mosque": "mosque", "church": "church", "school": "school", "hotel": "hotel", "embassy": "embassy",
    "checkpoint": "checkpoint", "wedding": "wedding", "funeral": "funeral", "stadium": "stadium",
    "concert": "concert", "restaurant": "restaurant", "station": "station", "hospital": "hospital",
    "pipeline": "pipeline", "bridge": "bridge", "tower": "tower", "headquarters": "headquarters",
    "barracks": "barracks", "base": "base", "village": "village",
    "missile": "missile", "rocket": "rocket", "drone": "drone",
}


@dataclass(frozen=True, slots=True)
class CasualtyReport:
    """Figures stated in a sentence that produced no event."""

    sentence_index: int
    casualties: Casualties
    anchors: frozenset[str]
    date: EventDate | None


def anchors_of(lemmas: Iterable[str]) -> frozenset[str]:
    """Incident anchors among a sentence's lemmas."""
    return frozenset(ANCHORS[lemma] for lemma in lemmas if lemma in ANCHORS)


def link_incidents(drafts: list[Draft], reports: list[CasualtyReport], *,
                   background_incident: bool = False) -> list[Draft]:
    """Merge repeated incident mentions and attach casualty reports; returns the kept drafts.
    ``background_incident``: the story told an attack of long ago (left out), so "the attack"
    with nothing before it to refer to is that one ("whose husband was killed in the attack")."""
    kept: list[Draft] = []
    reports = list(reports)
    for draft in drafts:
        draft.mention_status, draft.mention_evidence = draft.status, draft.evidence
    for draft in drafts:
        host = _host_for(draft, kept) if draft.type == "ASSAULT" else None
        if host is not None:
            host.absorb(draft)
        elif draft.type == "ASSAULT" and draft.is_anaphoric and background_incident and draft.rank >= LEAD \
                and not any(d.type == "ASSAULT" for d in kept):
            continue
        elif not draft.shadow:
            kept.append(draft)
        elif draft.type == "ASSAULT" and draft.killed is not None:   # "condemned the murder of X and Y"
            reports.append(CasualtyReport(draft.sentence_index, Casualties(draft.killed, draft.injured,
                                                                           draft.toll_kind),
                                          draft.anchors, draft.date))
    for draft in kept:
        _denial_in_another_sentence(draft)
    kept = _later_denials(drafts, kept)
    for report in sorted(reports, key=lambda r: r.sentence_index):
        target = _report_target(report, kept)
        if target is not None:
            target.add_toll(report.casualties.killed, report.casualties.kind, report.sentence_index,
                            when=report.date)
            if target.injured is None:
                target.injured = report.casualties.injured
    return kept


def _lemma(draft: Draft) -> str:
    return draft.trigger.split("/", 1)[0]


def _denial_in_another_sentence(draft: Draft) -> None:
    """An incident reported in its own right and denied elsewhere ("Pakistan's army says Taliban
    forces shelled Chaman" ... "the Taliban have denied shelling Chaman") is alleged; it is denied
    where the denial is the sentence that tells it ("X denied any role in the blast at ...")."""
    if draft.status != "denied":
        return
    denials = {(m.mention_evidence or m.evidence).start for m in [draft, *draft.merged]
               if m.mention_status == "denied"}
    if draft.evidence.start not in denials:
        draft.status = "alleged"


#: Nouns for wrongdoing in general: denying them denies no particular act.
VAGUE_ACTS = frozenset({"abuse", "violation", "atrocity", "crime", "wrongdoing", "excess", "misconduct"})


def _answers_earlier(draft: Draft, kept: list[Draft]) -> bool:
    """A denial beyond the lead that names the place of an incident told before ("an RSF adviser denied
    that the group had fired on Tawila"): an answer to that report, not a report of its own."""
    if draft.rank < LEAD or draft.target is None or not draft.target.name:
        return False
    named = _plain(draft.target.name)
    return len(named) >= 4 and any(d.type == "ASSAULT" and d.sentence_index < draft.sentence_index
                                   and d is not draft and named in _plain(d.evidence.text) for d in kept)


def _plain(name: str) -> str:
    """Lower case without accents ("Tawīla" and "Tawila" are one name)."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))


#: A denial of involvement or responsibility ("denied any involvement in", "denied any role in").
_INVOLVEMENT = re.compile(r"\bden(?:y|ied|ies|ying)\s+(?:any\s+)?(?:involvement|role|responsibility|part)\b",
                          re.IGNORECASE)


#: A denial said in so many words, and words that say none was made.
_DENY_WORD = re.compile(r"\bden(?:y|ied|ies|ying|ial)\b", re.IGNORECASE)
_HABITUAL_DENIAL = re.compile(r"\b(?:previously|repeatedly|always|consistently|often|in the past|long|routinely)\b",
                              re.IGNORECASE)
_NO_DENIAL = re.compile(r"\b(?:neither con\w+ nor|nor) den(?:y|ied)\b|\b(?:declined|refused) to (?:confirm or )?deny\b",
                        re.IGNORECASE)


def _later_denials(drafts: list[Draft], kept: list[Draft]) -> list[Draft]:
    """A denial told after the incident it answers ("In a written response, the ministry denied
    that its forces had committed abuses"; "the Taliban have denied shelling Chaman") is news of
    its own: the denier's REJECT. (A denial that tells the incident first, "the TTP denied any
    role in the blast at ...", stays the incident, denied.)"""
    out = list(kept)
    for draft in drafts:
        if draft.mention_status == "denied" and draft in out and draft.sentence_index > 0 and (
                draft.type == "COERCE" and any(d.type in {"ASSAULT", "COERCE"} and d.sentence_index < draft.sentence_index
                                               and d.status in {"actual", "alleged", "claimed"} for d in kept)
                or draft.type == "ASSAULT" and side(draft) == "state" and any(
                    d.type == "COERCE" and d.cameo == "175" and d.sentence_index < draft.sentence_index for d in kept)):
            out.remove(draft)   # "the police commission denied that officers had fired live ammunition at the
            out.append(_as_rejection(draft))   # marchers": the answer to what was told, news of its own
            continue
        if draft.mention_status != "denied" or draft.type != "ASSAULT":
            continue
        said = (draft.mention_evidence or draft.evidence).text
        if _NO_DENIAL.search(said) or draft.shadow and _HABITUAL_DENIAL.search(said):
            continue   # "neither confirmed nor denied the attack", "has previously denied attacking civilians"
        linked = any(draft in d.merged for d in kept) and bool(_DENY_WORD.search(said))
        if (draft.shadow and not linked or not draft.has_actor and draft in kept) and not _INVOLVEMENT.search(said):
            continue   # (a spokesman "denying any role in the blast" denies for his group, named or not)
        if not any(d.type == "ASSAULT" and d.sentence_index < draft.sentence_index and d.status != "hypothetical"
                   for d in kept):
            continue
        if draft in out:
            if _lemma(draft) not in VAGUE_ACTS and draft.curated and not _answers_earlier(draft, kept):
                if not (draft.rank >= LEAD and _INVOLVEMENT.search((draft.mention_evidence or draft.evidence).text)):
                    continue   # "the FMLN denied that it attacked the garrison": that attack, denied
                # "In the same statement, the New IRA denied any involvement in the shooting of a man in
                # Galliagh last week": the incident, denied, and the denial as news (below)
            else:
                out.remove(draft)   # "denied that its forces had committed abuses": no act of its own (nor a
                # compiled verb's reading: "said the army had conducted a legitimate operation")
        if any(d.type == "REJECT" and d.sentence_index == draft.sentence_index for d in out):
            continue   # "the ministry denied that ... and said the army had conducted ...": one denial
        out.append(_as_rejection(draft))
    return sorted(out, key=lambda d: d.sentence_index)


def _as_rejection(draft: Draft) -> Draft:
    """The denier's REJECT, told in the denial's own sentence."""
    own = draft.mention_evidence or draft.evidence
    return replace(draft, type="REJECT", cameo="125", mode=None, target=EMPTY, status="actual",
                   killed=None, injured=None, evidence=own, merged=[], anchors=frozenset(),
                   toll_kind="", mention_status="actual", mention_evidence=own, shadow=False)


def _host_for(draft: Draft, kept: list[Draft]) -> Draft | None:
    if draft.shadow:   # "... a network that documents attacks": a side mention of its sentence's own incident
        same = [d for d in kept if d.type == "ASSAULT" and d.sentence_index == draft.sentence_index]
        if same:
            return same[-1]
    if not draft.is_anaphoric and (_SEPARATE.search((draft.mention_evidence or draft.evidence).text)
                                   or _REPRISAL.search((draft.mention_evidence or draft.evidence).text)):
        return None   # "In a separate incident late on Monday, a roadside bomb struck a minibus"; "men set fire
        # to three buses in retaliation for the operation": an act answering the incident, not a detail of it
    earlier = [d for d in kept if d.type == "ASSAULT" and d.sentence_index < draft.sentence_index
               and (d.status != "hypothetical" or draft.status == "hypothetical")   # a forecast hosts no report
               and not _another_month(draft, d)]
    if not earlier:
        return None
    if _lemma(draft) == "demand" and draft.mode == "abduct":   # "the kidnappers demanded a ransom on Wednesday":
        taken = [d for d in earlier if d.mode == "abduct" or _ABDUCTION.search(d.evidence.text)]
        if taken:   # the abduction told before, whatever the day of the demand
            return taken[-1]
    if draft.toll_kind == "revised" and not draft.has_actor:   # "By 13 March, the toll had risen to 29 dead"
        tolled = [d for d in earlier if d.killed is not None and (
            d.place is None or draft.place is None or d.place.country == draft.place.country)]
        if tolled:
            return tolled[-1]
    shared = [d for d in earlier if d.anchors & draft.anchors and (draft.is_anaphoric or not (
        _elsewhere(draft, d) or _other_province(draft, d)))]
    if shared and (draft.is_anaphoric or not draft.has_actor):
        host = _on_its_day(draft, shared)
        if not (not draft.is_anaphoric and draft.killed is not None and _days_apart(draft, host)):
            return host   # (not "A landmine killed two children on Monday" after Saturday's raid: its own dead)
    if draft.status == "claimed" and _claim_of_told(draft):   # "JNIM claimed responsibility ..., saying
        told = [d for d in earlier if side(d) != "state" and d.status != "hypothetical"
                and (d.place is None or draft.place is None or d.place.country == draft.place.country)
                and not (draft.place_in_sentence and d.place is not None and draft.place is not None
                         and d.place.name != draft.place.name and not _within(draft.place, d.place)
                         and not _within(d.place, draft.place))]   # (not a claim of its own place)
        if told:   # its fighters had killed 'more than 60'": the ambush told before, claimed
            return told[-1]
    if draft.status == "denied":   # "the Taliban have denied shelling Chaman": the shelling told before
        same = [d for d in earlier if (d in shared or _lemma(d) == _lemma(draft)) and _same_actor(d, draft) and (
            d.place is None or draft.place is None or d.place.country == draft.place.country)]
        if same:
            return same[-1]
    host = earlier[-1]
    both = host.place is not None and draft.place is not None
    if both and host.place.country == draft.place.country and _casualty_detail(draft) \
            and draft.sentence_index - host.last_mention() <= NEAR_SENTENCES:
        return host   # "A second bodyguard was wounded and taken to hospital in Tlapa."
    if _next_sentence_victims(draft, host) and not (both and host.place.country != draft.place.country):
        return host
    if draft.actor_grade < 4 and not _new_time(draft, host) and (not draft.actor.country or _own_account(draft) or (
            _definite_actor(draft) and (
            side(draft) == "armed" or _undated_detail(draft, earlier[-1])))):
        for host in reversed(earlier):   # the latest, or the story's own incident (its lead)
            if (host is earlier[-1] or host.rank < LEAD) and _same_scene(draft, host) \
                    and not _opposite_sides(host, draft) and (host.status != "negated" or draft.status == "negated") \
                    and not (side(draft) == "state" and side(host) != "state" and draft.actor_grade >= 3
                             and draft.status in {"actual", "alleged"}
                             and not _own_account(draft) and not host.actor.country):
                # (not "the source said government forces had shelled al-Hawban": the other side's act)
                return host   # "the attackers set fire to houses": a detail of the same incident
    for host in reversed(earlier):
        if _same_place_and_day(draft, host) and not _elsewhere(draft, host):
            return host   # "Russian drones attacked port infrastructure in Izmail overnight"
    if draft.is_anaphoric:   # "the attack", "the bombing": the incident already reported
        host = _on_its_day(draft, earlier)
        if draft.status == "claimed":   # "the BLF claimed the bombing": an armed group's attack, not the army's reply
            host = next((d for d in reversed(earlier) if side(d) != "state"), host)
        elif side(draft) == "armed" and _state_act(host):   # "the group that laid the mine"
            host = next((d for d in reversed(earlier) if not _state_act(d)), host)
        if draft.actor_grade < 4 or host.actor_grade < 4 or _same_actor(host, draft):
            return host
    return None


#: Openers that tell another incident ("In a separate attack, ...", "Separately, ...").
_SEPARATE = re.compile(r"^\W*(?:in an?(?: \w+)? separate (?:incident|attack|development)|separately|elsewhere|"
                       r"also in\b|in another (?:incident|attack))\b", re.IGNORECASE)


def _own_account(draft: Draft) -> bool:
    """The actor tells its act itself ("The Israeli military said its aircraft had struck ...")."""
    name = draft.actor.name or ""
    text = (draft.mention_evidence or draft.evidence).text
    if name.split()[:1] in (["its"], ["their"], ["our"]):
        return True   # "the military said its fighter jets struck ...
    return bool(name) and re.search(re.escape(name) + r"\W+(?:\w+\W+){0,3}?(?:said|says|announced|reported)\b",
                                    text, re.IGNORECASE) is not None


def _claim_of_told(draft: Draft) -> bool:
    """A claim that dates no act of its own: the text gives only when it was claimed (or nothing)."""
    text = (draft.mention_evidence or draft.evidence).text
    if re.search(r"\balso\b", text):
        return False   # "the group said it had also planted explosives on the railway": another act
    return draft.date is None or draft.date.source != "text" or _lemma(draft) in {"claim", "responsibility"} \
        or bool(re.search(r"\bclaim(?:ed|s)? (?:responsibility|the|it)\b", (draft.mention_evidence or draft.evidence).text)
                and re.search(r"\bsaying\b|\bsaid\b", (draft.mention_evidence or draft.evidence).text))


#: A sentence that opens on a time of its own ("Late on Monday, a hand grenade was thrown at ...").
_OWN_TIME = re.compile(r"^\W*(?:(?:late|early|later|earlier) )?(?:on|in the|at|around|shortly (?:after|before))? ?"
                       r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|night|evening|morning|afternoon|"
                       r"midnight|dawn|dusk|noon)\b[^,]{0,30},", re.IGNORECASE)


def _new_time(draft: Draft, host: Draft) -> bool:
    """A new mention, several sentences after the incident, that opens on a time of its own and names
    a thing of its own ("Late on Monday, a hand grenade was thrown at an army checkpoint"): the
    story moves on to another incident, not to a detail of the one told before."""
    return not draft.is_anaphoric and draft.sentence_index - host.last_mention() > 2 \
        and bool(_OWN_TIME.match((draft.mention_evidence or draft.evidence).text))


def _another_month(draft: Draft, host: Draft) -> bool:
    """The text dates the mention to a month (or year) the incident's day is not in ("Last month,
    settlers burned a shed in Turmus Ayya")."""
    a, b = draft.date, host.date
    if a is not None and b is not None and b.source == "text" and b.precision in {"month", "year"} \
            and a.source in {"text", "context"} and a.precision == "day":   # an incident of another month
        return (a.date.year, a.date.month) != (b.date.year, b.date.month) if b.precision == "month" \
            else a.date.year != b.date.year   # hosts no act of the story's day ("accused of an attack in August")
    if a is None or b is None or a.source != "text" or b.precision != "day":
        return False
    if a.precision == "month":
        return (a.date.year, a.date.month) != (b.date.year, b.date.month)
    return a.precision == "year" and a.date.year != b.date.year


def _days_apart(draft: Draft, host: Draft) -> bool:
    """Both told on days of their own by the text, more than a day apart."""
    a, b = draft.date, host.date
    return a is not None and b is not None and a.source == "text" and b.source in {"text", "context"} \
        and a.precision == b.precision == "day" and abs((a.date - b.date).days) > 1


def _on_its_day(draft: Draft, hosts: list[Draft]) -> Draft:
    """The latest of the hosts, or the latest told on the day the mention names ("A day after
    settlers set fire to houses, troops raided the village ... The attack on Monday afternoon ...":
    the settlers' attack)."""
    when = draft.date
    if when is not None and when.source == "text" and when.precision == "day":
        same = [h for h in hosts if h.date is not None and h.date.precision == "day" and h.date.date == when.date]
        if same:
            return same[-1]
    return hosts[-1]


def _other_province(draft: Draft, host: Draft) -> bool:
    """A new mention ("an explosive device blew up outside a police post in Quevedo") names a place
    of its own in another province than the incident's: another incident, even on the same day."""
    a, b = draft.place, host.place
    if a is None or b is None or not draft.place_in_sentence or draft.is_anaphoric or a.name == b.name:
        return False
    if _within(a, b) or _within(b, a):
        return False
    provinces = {p.name if p.precision == "admin1" else p.admin1 for p in (a, b)}
    return None not in provinces and len(provinces) == 2 and a.country == b.country


def _within(a: EventPlace, b: EventPlace) -> bool:
    """One place lies in the province the other names ("Tlalixtaquilla" in "Guerrero")."""
    return bool(a.country == b.country and (
        (b.precision == "admin1" and a.admin1 == b.name) or (a.precision == "admin1" and b.admin1 == a.name)))


#: Casualty verbs that, passive and without an agent, only add victims to an incident told before.
DETAIL_VERBS = frozenset({"wound", "injure", "hurt", "kill", "die"})


def _casualty_detail(draft: Draft) -> bool:
    """'A second bodyguard was wounded', 'two more policemen died': no actor, no date of its own."""
    return _lemma(draft) in DETAIL_VERBS and not draft.has_actor and draft.actor_grade == 0 \
        and not draft.is_anaphoric and (draft.date is None or draft.date.source != "text") \
        and not _LATER.match(draft.evidence.text) and bool(_MORE_VICTIMS.search(draft.evidence.text)) \
        and not _ANOTHER_INCIDENT.search(draft.evidence.text)


def _definite_actor(draft: Draft) -> bool:
    """'the attackers', 'the soldiers': people the story has already told of."""
    name = draft.actor.name
    if not name or name.lower() not in ARMED_WORDS | STATE_WORDS:
        return False   # (a named group is no back-reference: "the Medellin cartel")
    return re.search(rf"\bthe {re.escape(name)}\b", draft.evidence.text, re.IGNORECASE) is not None


def _undated_detail(draft: Draft, host: Draft) -> bool:
    """A common-noun actor of the state's side, with no date of its own, right after the incident
    ("Witnesses said the soldiers separated the men ... and shot them"): telling how it happened."""
    return (draft.date is None or draft.date.source != "text") and not _LATER.match(draft.evidence.text) \
        and 0 < draft.sentence_index - host.last_mention() <= NEAR_SENTENCES \
        and not _ANOTHER_INCIDENT.search(draft.evidence.text) and side(draft) == side(host)


def _next_sentence_victims(draft: Draft, host: Draft) -> bool:
    """Victims told in the very next sentence, with no actor and no date of their own ("Five
    soldiers were wounded, two of them seriously, and they were taken by helicopter to Popayán")."""
    return _lemma(draft) in DETAIL_VERBS and not draft.has_actor and draft.actor_grade == 0 \
        and not draft.is_anaphoric and (draft.date is None or draft.date.source != "text") \
        and draft.sentence_index - host.last_mention() == 1 and not _LATER.match(draft.evidence.text) \
        and not _ANOTHER_INCIDENT.search(draft.evidence.text)


#: Words that add victims to a toll already told ("a second bodyguard", "two other passengers").
_MORE_VICTIMS = re.compile(r"\b(?:second|third|fourth|another|also|other|more|further|remaining)\b", re.IGNORECASE)
_ANOTHER_INCIDENT = re.compile(r"\b(?:another|separate|second|other) (?:attack|incident|raid|ambush|bombing|"
                               r"blast|explosion|clash|shooting|assault)\b|\belsewhere\b", re.IGNORECASE)


#: Sectors of the state's forces: their act against the attackers is a second act ("officers killed
#: four gang members in a gunfight during the counteroffensive").
STATE_FORCES = frozenset({"police", "military"})


STATE_WORDS = frozenset({"police", "policemen", "officers", "soldiers", "troops", "army", "military", "forces",
                         "jets", "warplanes", "aircraft", "helicopters", "gunships"})
#: Targets that only the state's side strikes ("bandit hideouts", "militant positions").
ARMED_TARGETS = frozenset({"hideouts", "hideout", "bandit", "bandits", "militants", "insurgents", "terrorists",
                           "rebels", "jihadists", "positions"})
ARMED_WORDS = frozenset({"gunmen", "gang", "gangs", "militants", "insurgents", "attackers", "assailants", "fighters",
                         "rebels", "bandits", "jihadists", "terrorists"})
ARMED_SECTORS = frozenset({"rebels", "militia", "criminals", "insurgents", "armed group"})
PRO_STATE = frozenset({"pro-government", "pro-junta", "pro-army", "pro-regime"})
NON_STATE_QUALIFIERS = frozenset({"resistance", "rebel", "insurgent", "militia", "opposition", "guerrilla"})


def side(draft: Draft) -> str:
    """Which side of a conflict an act's actor is on: "state", "armed" (non-state) or "" (unknown)."""
    words = set((draft.actor.name or "").lower().replace("'s", "").split())
    if words & PRO_STATE:
        return "state"   # "a pro-government militia"
    if words & NON_STATE_QUALIFIERS or draft.actor.sector in ARMED_SECTORS:
        return "armed"   # "resistance forces", "rebel troops", "the Allied Democratic Forces"
    if draft.actor.sector in STATE_FORCES or words & STATE_WORDS:
        return "state"
    if draft.actor.sector in ARMED_SECTORS or words & ARMED_WORDS:
        return "armed"
    if set((draft.target.name or "").lower().split()) & ARMED_TARGETS:
        return "state"   # "its jets struck bandit hideouts"
    return ""


def _state_act(draft: Draft) -> bool:
    """An act of a state's forces: told so, or by an actor of a country that is no armed group."""
    return side(draft) == "state" or bool(draft.actor.country) and draft.actor.sector not in ARMED_SECTORS


_STATES = frozenset({"military", "government", "police"})


def _opposite_sides(host: Draft, draft: Draft) -> bool:
    """One side's act and the other's answer ("gunmen stormed the town" ... "officers killed four
    gang members in a gunfight during the counteroffensive") are two acts."""
    sides = {side(host), side(draft)}
    if sides == {"state", "armed"}:
        return True
    if host.actor.country and draft.actor.country and host.actor.country != draft.actor.country \
            and {host.actor.sector, draft.actor.sector} <= _STATES | {None}:
        return True   # Russia's strike on Kostiantynivka and Ukraine's drones on a depot in occupied Donetsk
    # "a Peruvian army patrol was ambushed" ... "its troops killed two members of the group": the
    # victims' side striking back is another act
    victims = set((host.target.name or "").lower().replace("'s", "").split())
    return not side(host) and side(draft) == "state" and bool(victims & (STATE_WORDS | {"patrol", "convoy"}))


def _same_actor(host: Draft, draft: Draft) -> bool:
    """The same name, or the same side under another name ("the ELN", "the National Liberation Army")."""
    a, b = host.actor, draft.actor
    return a.name == b.name or bool(a.country and a.sector and (a.country, a.sector) == (b.country, b.sector))


def _report_target(report: CasualtyReport, kept: list[Draft]) -> Draft | None:
    """The incident a casualty report belongs to: the nearest one sharing an anchor, else the
    one told just before it (within three sentences) or, failing that, just after it, else the
    story's only incident. A running count ("200 people have died this month") belongs to none."""
    if report.casualties.is_empty:
        return None
    assaults = [d for d in kept if d.type == "ASSAULT"]
    shared = [d for d in assaults if d.anchors & report.anchors]
    if shared:
        return min(shared, key=lambda d: (d.sentence_index > report.sentence_index,
                                          abs(d.sentence_index - report.sentence_index)))
    if report.casualties.kind == "tally":   # "more than 200 people have died this month"
        return None
    before = [d for d in assaults if d.sentence_index < report.sentence_index
              and report.sentence_index - d.last_mention() <= NEAR_SENTENCES]
    if before:
        return max(before, key=lambda d: d.last_mention())
    after = [d for d in assaults if 0 < d.sentence_index - report.sentence_index <= NEAR_SENTENCES]
    if after:
        return min(after, key=lambda d: d.sentence_index)
    return assaults[0] if len(assaults) == 1 else None   # the story's only incident


#: Words of an abduction in an incident's sentence.
_ABDUCTION = re.compile(r"\b(?:kidnap|abduct|took away|taken away|seized .{0,30}hostage|hostages?)", re.IGNORECASE)
#: An act told as the answer to the incident ("in retaliation for the raid").
_REPRISAL = re.compile(r"\bin (?:retaliation|revenge|reprisal|response) (?:for|to)\b", re.IGNORECASE)


def _same_place_and_day(draft: Draft, host: Draft) -> bool:
    """Both mentions name the same place, on the same day (or the next), by the same side."""
    if not (draft.place_in_sentence and host.place_in_sentence) or draft.place is None \
            or host.place is None or (draft.place.name != host.place.name and not _within(draft.place, host.place)):
        return False
    if draft.date is None or host.date is None or draft.date.source != "text" \
            or host.date.source != "text" or abs((draft.date.date - host.date.date).days) > 1:
        return False
    if not draft.is_anaphoric and _LATER.match(draft.evidence.text):
        return False   # "A day later, four Naxals were killed in an encounter near Sukma"
    return not (draft.actor.country and host.actor.country and draft.actor.country != host.actor.country) \
        and not (draft.actor_grade >= 4 and host.actor_grade >= 4 and draft.actor.name != host.actor.name) \
        and not {side(draft), side(host)} == {"state", "armed"}   # (the jets' strike and the rebels' ambush)


#: A sentence that moves the story to another day ("A day later, ...", "The next day ...").
_LATER = re.compile(r"\W*(?:a day later|the (?:next|following) (?:day|morning|afternoon|evening|night)|(?:two|three|four|five|\d+) "
                    r"days later|days later|a week later|the day after)\b", re.IGNORECASE)


def _elsewhere(draft: Draft, host: Draft) -> bool:
    """The mention names a place of its own, not the incident's nor inside it, and the text dates it
    to another day than the incident ("The day before, on Saturday afternoon, gunmen fired at a
    second bus on the road to Sambo Creek"; "Overnight into Sunday, small bombs damaged two pylons
    in Sai Buri district")."""
    a, b = draft.date, host.date
    if draft.place is None or host.place is None or not draft.place_in_sentence:
        return False
    if draft.place.name == host.place.name:
        return False
    other_day = a is not None and b is not None and a.source == "text" and b.precision == "day" and (
        a.precision == "day" and a.date != b.date
        or a.precision == "month" and (a.date.year, a.date.month) != (b.date.year, b.date.month))   # "Last month, ..."
    if _within(draft.place, host.place):   # a town of the incident's province: elsewhere only if both
        return other_day and b is not None and b.source in {"text", "report"}   # days are the text's own
    return other_day


#: Modes of attacks from the air.
FROM_THE_AIR = frozenset({"aerial", "drone"})
#: Crowds whose violence after an attack is an act of its own ("protesters set fire to a police station").
CROWD_ACTORS = frozenset({"protester", "protesters", "demonstrator", "demonstrators", "rioter", "rioters", "mob",
                          "youths", "crowd", "residents", "villagers", "mourners"})


def _crowd(draft: Draft) -> bool:
    return bool(set((draft.actor.name or "").lower().split()) & CROWD_ACTORS)


def _same_scene(draft: Draft, host: Draft) -> bool:
    """Same country, same named place (if both name one) and within a day: an unattributed detail
    of the incident reported before. Bombs in two streets of one city are two incidents."""
    if draft.place is None or host.place is None or draft.place.country != host.place.country:
        return False
    if draft.place_in_sentence and host.place_in_sentence and draft.place.name != host.place.name \
            and not _within(draft.place, host.place):
        return False
    if _elsewhere(draft, host) or _other_province(draft, host):
        return False   # "Late on Friday, gunmen fired shots at a checkpoint in Tsafe": another day, another place
    if draft.mode == "destroy" and host.mode not in {None, "destroy"} and not draft.is_anaphoric \
            and draft.date is not None and draft.date.source == "text" and draft.actor.name and not _definite_actor(draft):
        return False   # "Attackers set fire to at least 14 buses ... in Fortaleza, Caucaia and Maracanaú" after
        # gunmen's attack on a police base: a wave's own act, not a detail of the shooting
    if draft.mode == "occupy" and host.mode != "occupy" and not draft.is_anaphoric:
        return False   # ground taken ("its forces had 'liberated' the village of X") is no detail of a strike
    if draft.mode == "abduct" and host.mode != "abduct" and not draft.is_anaphoric:
        return False   # "during the attack the gunmen seized a priest": an abduction of its own
    if not draft.is_anaphoric and draft.mode and host.mode and (draft.mode in FROM_THE_AIR) != (host.mode in FROM_THE_AIR):
        return False   # a roadside bomb is no detail of an air strike told before
    if draft.killed is not None and not draft.is_anaphoric and draft.toll_kind not in {"also", "tally", "revised"} \
            and (host.killed is not None and _LATER.match(draft.evidence.text) or (
                draft.date is not None and host.date is not None and draft.date.source == host.date.source == "text"
                and draft.date.precision == host.date.precision == "day" and draft.date.date != host.date.date)):
        return False   # its own dead on another day: "A day later, four rebels were killed in a gunfight",
        # "Late on Monday, militants attacked the police post, killing two" after Sunday's drone attack
    if draft.killed is not None and host.killed is not None and draft.killed != host.killed \
            and not draft.is_anaphoric and draft.toll_kind not in {"also", "tally", "revised"} \
            and _OWN_TIME.match(draft.evidence.text) and draft.target != EMPTY and host.target != EMPTY \
            and draft.target.name != host.target.name and not _same_actor(host, draft):
        return False   # "Late on Sunday, shells struck the camp, killing two children" after the fighters' assault
        # on government positions: its own time, its own victims, its own dead
    if _crowd(draft) and not _crowd(host) and not draft.is_anaphoric and draft.date is not None \
            and host.date is not None and draft.date.source == host.date.source == "text" \
            and draft.date.precision == host.date.precision == "day" and draft.date.date != host.date.date \
            and not within_span(draft.date, host.date):
        return False   # "Protesters set fire to a police station on Monday evening" after Sunday's attack
    if draft.date is None or host.date is None or draft.date.source != "text":
        return True
    if host.date.source in {"published", "report"} and 0 <= (host.date.date - draft.date.date).days <= 3:
        return True   # a host the text does not date takes the detail's date from the days before
    return abs((draft.date.date - host.date.date).days) <= 1 or within_span(draft.date, host.date)
