"""Who takes part in an event: how well a role filler counts as a participant.

``grade`` ranks the noun phrase filling the actor or target role: ABSENT (no filler, or "I"/"we"
in a quote), ABSTRACT (positively not someone who can act: "steps", "assessments", "Tuesday
morning"), UNKNOWN (a noun we know nothing about), AGENT (a dictionary agent such as "police",
a person noun, or a noun with a known country) and NAMED (a named country, group, organisation or
person). Also here: perpetrators described as suspected ("alleged insurgents") and crowds that
gather (a demonstration, not a meeting).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wirewatch.models import Actor
from wirewatch.stages.coding.actors import NAMED_KINDS, ArticleActors

ABSENT, ABSTRACT, UNKNOWN, AGENT, NAMED = 0, 1, 2, 3, 4
NAMED_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PERSON_NOUNS = frozenset({
    "man", "woman", "element", "child", "boy", "girl", "person", "people", "soldier", "policeman", "officer",
    "leader", "mayor", "judge", "priest", "journalist", "minister", "official", "member", "guard",
    "student", "worker", "peasant", "civilian", "businessman", "politician", "candidate", "commander",
    "general", "colonel", "director", "president", "governor", "lawyer", "teacher", "bomber",
    "attacker", "gunman", "gunmen", "fighter", "assailant", "militant", "insurgent", "rebel",
    "guerrilla", "terrorist", "jihadist", "crowd", "protester", "demonstrator", "villager", "resident",
    "passenger", "crew", "shopkeeper", "trader", "driver", "family", "spokesman", "spokeswoman",
    "spokesperson", "diplomat", "envoy", "ambassador", "delegation", "company", "firm", "army", "navy",
    "force", "troop", "police", "militia", "group", "faction", "movement", "party", "government",
    "ministry", "authority", "administration", "regime", "junta", "court", "parliament", "lawmaker",
    "mp", "senator", "opposition", "activist", "union", "council", "agency", "office", "embassy",
    "coalition", "alliance", "unit", "brigade", "battalion", "squad", "kidnapper", "abductor",
    "hostage", "victim", "prisoner", "detainee", "suspect", "farmer", "miner", "pilgrim", "refugee",
    "migrant", "opponent", "supporter", "analyst", "expert", "citizen", "national", "dissident",
    "warplane", "drone", "jet", "aircraft", "ship", "vessel", "tanker", "convoy", "vehicle",
    "wing", "negotiator", "mediator", "inspector", "observer", "peacekeeper", "monitor", "mission",
    "department", "gendarme", "deputy", "sheriff", "commission", "committee", "presidency", "cabinet",
    "municipality", "prefecture", "governorate", "reinforcement", "elder", "herder",
    "mourner", "landlord", "prefect", "chief", "parent", "pastor", "imam", "nurse", "doctor"})
ABSTRACT_NOUNS = frozenset({
    "step", "attempt", "consequence", "assessment", "pressure", "measure", "move", "effort", "issue",
    "problem", "matter", "process", "need", "way", "plan", "report", "statement", "letter", "access",
    "situation", "tension", "relation", "concern", "fact", "idea", "thing", "question", "case",
    "change", "result", "impact", "effect", "cost", "price", "demand", "supply", "market", "economy",
    "growth", "trade", "sale", "value", "share", "rate", "level", "number", "figure", "total",
    "amount", "part", "kind", "sort", "type", "lot", "deal", "policy", "law", "bill", "rule", "right",
    "power", "control", "interest", "security", "peace", "war", "violence", "conflict", "crisis",
    "storm", "hurricane", "wind", "flood", "rain", "weather", "fire", "heat", "game", "match",
    "season", "goal", "lead", "score", "day", "week", "month", "year", "time", "morning", "evening",
    "night", "afternoon", "hour", "minute", "moment", "period", "decade", "century", "evidence",
    "footage", "video", "image", "photo", "news", "alert", "headline", "story", "article", "comment",
    "view", "opinion", "argument", "claim", "allegation", "accusation", "reason", "cause", "motive",
    "aim", "purpose", "target", "risk", "threat", "danger", "chance", "possibility",
    "prospect", "escalation", "involvement", "support", "operation", "activity", "action",
    "response", "reaction", "approach", "strategy", "tactic", "campaign", "program", "programme",
    "project", "initiative", "proposal", "offer", "agreement", "accord", "treaty", "talk",
    "negotiation", "meeting", "summit", "visit", "trip", "tour", "consensus", "status", "candidacy",
    "gust", "collapse", "responsibility", "plot", "wave"})
ABSTRACT_SUFFIXES = ("tion", "sion", "ment", "ance", "ence", "ity", "ness", "ism", "ship", "hood",
                     "ure", "age", "ics", "ing")
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our", "you", "your"})
LOCATIVE = frozenset({"in", "on", "at", "outside", "near", "around", "inside", "across"})
CROWD_WORDS = frozenset({"crowd", "protester", "demonstrator", "marcher", "supporter", "thousand",
                         "hundred", "student", "worker", "activist"})
#: People who, counted by the hundred, make a crowd ("several hundred people had gathered").
CROWD_PEOPLE = frozenset({"people", "person", "resident", "villager", "relative", "trader", "driver", "farmer",
                          "woman", "youth", "man", "family", "mourner", "worshipper", "teacher", "member"})

@dataclass(frozen=True, slots=True)
class Roles:
    """Actor and target of one draft with how well each is supported."""

    actor: Actor | None
    target: Actor | None
    actor_grade: int
    target_grade: int
    actor_token: Any = None
    target_token: Any = None

    def named_in_text(self) -> bool:
        """A role names its filler in this sentence (not only through a pronoun)."""
        return any(tok is not None and tok.pos_ != "PRON" and
                   (grade_ == NAMED or (grade_ == AGENT and found is not None and found.country))
                   for grade_, tok, found in ((self.actor_grade, self.actor_token, self.actor),
                                              (self.target_grade, self.target_token, self.target)))


#: Parts of a group that stand for it: "armed elements of the MFDC", "members of the ELN".
MEMBER_NOUNS = frozenset({"element", "member", "fighter", "militant", "cell", "unit", "faction", "wing",
                          "commander", "combatant", "operative"})


def grade(token: Any | None, found: Actor | None, actors: ArticleActors) -> int:
    """How much a role filler counts as a participant (ABSENT < ABSTRACT < UNKNOWN < AGENT < NAMED).

    ABSTRACT is positive evidence of a non-participant ("steps", "assessments", "Tuesday
    morning"); UNKNOWN is a noun we know nothing about ("elders" without a known modifier).
    """
    if token is None or found is None:
        return ABSENT
    lower = token.lower_
    if lower in FIRST_PERSON and (token.pos_ == "PRON" or token.tag_ in {"PRP", "PRP$"}):
        return ABSENT
    if token.pos_ == "PRON" or lower in {"it", "they", "he", "she", "its", "their", "who", "which"}:
        return AGENT if found.country or found.sector else ABSENT   # a pronoun is weaker evidence
    match = actors.covering(token.idx, token.idx + len(token.text))
    if match is not None:
        return NAMED if match.entry.kind in NAMED_KINDS else AGENT
    if token.pos_ == "PROPN" or token.ent_type_ in NAMED_ENTITIES:
        return NAMED
    lemma = token.lemma_.lower()
    if lemma in MEMBER_NOUNS:   # "armed elements of the MFDC": as named as the group
        group = next((o for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                      for o in p.children if o.dep_ == "pobj"), None)
        if group is not None and (found.country or found.sector):
            return grade(group, found, actors)
    if lemma in PERSON_NOUNS or lower in PERSON_NOUNS:
        return NAMED if lemma == "group" and found.sector else AGENT
    if lemma in {"hundred", "thousand", "dozen", "score", "million"} and any(
            o.lemma_.lower() in PERSON_NOUNS or o.lemma_.lower() in {"driver", "trader", "tribesman", "youth"}
            for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children):
        return AGENT   # "hundreds of drivers"
    if is_abstract(token):
        return ABSTRACT
    if found.country or found.sector or _has_named_modifier(token):
        return AGENT     # "Ibo traditional elders", "Turkish and Greek sides", "UNITA militarist wing"
    return UNKNOWN


def is_abstract(token: Any) -> bool:
    """A noun that names a thing, an idea or a time rather than someone who can act."""
    lemma = token.lemma_.lower()
    if token.like_num or token.ent_type_ in {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"}:
        return True
    if lemma in ABSTRACT_NOUNS:
        return True
    return token.pos_ == "NOUN" and lemma.endswith(ABSTRACT_SUFFIXES) and lemma not in PERSON_NOUNS \
        and lemma not in BODIES   # "the municipality banned motorbikes", "the authority"

#: Nouns with abstract endings that name bodies able to act.
BODIES = frozenset({"municipality", "authority", "administration", "commission", "committee", "organisation",
                    "organization", "association", "federation", "presidency", "ministry", "agency", "community",
                    "university", "coalition", "opposition", "leadership", "junta", "directorate", "command",
                    "division", "detachment", "regiment", "battalion", "contingent", "gendarmerie", "legislature",
                    "entity"})


def _has_named_modifier(token: Any) -> bool:
    return any(c.dep_ in {"compound", "amod", "poss", "nmod"} and
               (c.pos_ == "PROPN" or c.ent_type_ in NAMED_ENTITIES) for c in token.children)


ALLEGED_ACTOR = frozenset({"alleged", "suspected", "presumed", "suspect", "purported", "apparent",
                           "presumably", "allegedly", "reportedly"})


def alleged_actor(actor_token: Any | None) -> bool:
    """'alleged insurgents', 'suspected IS-linked militants', 'gunmen suspected to be ISWAP'."""
    if actor_token is None:
        return False
    for c in actor_token.subtree:
        if c.i == actor_token.i or c.head.i != actor_token.i:
            continue
        if c.dep_ in {"amod", "advmod", "compound"} and c.lower_ in ALLEGED_ACTOR:
            return True
        if c.dep_ == "acl" and c.lemma_.lower() in {"suspect", "believe", "allege", "think"}:
            return True
    return False


#: What a crowd gathers for when it protests ("gathered outside the prefecture to demand news").
PROTEST_PURPOSES = frozenset({"demand", "protest", "denounce", "press", "condemn", "decry", "call"})


def crowd_gathering(type_: str, actor_token: Any | None, target_token: Any | None, trigger: Any = None) -> bool:
    """A crowd that gathers or rallies is demonstrating, not consulting."""
    if type_ != "CONSULT" or actor_token is None:
        return False
    if trigger is not None and trigger.lemma_.lower() in {"gather", "assemble", "converge"} and any(
            c.dep_ in {"advcl", "xcomp"} and c.lemma_.lower() in PROTEST_PURPOSES
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in trigger.children):
        return True   # "relatives gathered outside the prefecture to demand news of the wounded"
    crowd = actor_token.lemma_.lower() in CROWD_WORDS - {"supporter", "student", "worker", "activist"}
    if crowd and target_token is not None and target_token.dep_ == "dobj" and target_token.pos_ == "NOUN" \
            and target_token.head.lemma_.lower() in {"gather", "assemble", "converge"}:
        return True   # "Crowds gathered in front of the embassy on Monday, burning flags" (read as "gathered flags")
    if target_token is not None and target_token.head.lower_ not in LOCATIVE and not (
            target_token.head.lower_ == "of" and target_token.head.head.lemma_.lower() in {"front", "outside", "gate", "door"}):
        return False   # "gathered on X", "gathered in front of the embassy"
    if actor_token.lemma_.lower() in CROWD_WORDS or actor_token.lower_ in CROWD_WORDS:
        return True
    # "several hundred people", "about 300 residents", "dozens of relatives": a counted crowd
    if actor_token.lemma_.lower() in {"dozen", "hundred", "thousand", "score"}:
        of = next((o for p in actor_token.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children if o.dep_ == "pobj"), None)
        return of is not None and (of.lemma_.lower() in CROWD_PEOPLE or of.lemma_.lower() in CROWD_WORDS)
    counted = any(c.dep_ == "nummod" or c.lemma_.lower() in {"hundred", "thousand", "dozen", "dozens"}
                  for c in actor_token.children)
    return counted and actor_token.lemma_.lower() in CROWD_PEOPLE
