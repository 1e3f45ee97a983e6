"""Who did it and to whom: actor and target from the dependency tree around a trigger.

Verbal triggers read subject and object (passives swap them: the ``by`` agent acts, the passive
subject is the target); an actor missing from the trigger's clause is inherited through
coordination, control ("threatened to ..."), participles ("a video threatening ...") and
"suspect X of -ing". Nominal triggers read possessives, nationality modifiers, ``by`` phrases,
``on/against`` objects and light verbs ("carried out an attack"). Pronouns and definite
descriptions ("the ultra-hardline Sunni group") resolve to the article's salient actor.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from wirewatch.models import Actor
from wirewatch.stages.coding.actors import ArticleActors, clean_phrase
from wirewatch.stages.coding.doctext import doc_text
from wirewatch.stages.coding.participants import MEMBER_NOUNS

LIGHT_VERBS = frozenset({"carry", "launch", "stage", "conduct", "mount", "claim", "wage", "commit",
                         "perpetrate", "order", "unleash", "step", "begin", "start", "make", "hold",
                         "plan", "execute", "organize", "organise", "lead", "announce", "impose",
                         "issue", "deliver", "continue", "resume", "intensify", "escalate",
                         "renew", "open", "join", "call", "undertake", "initiate",
                         "stag", "extend", "tighten", "maintain", "enforce", "declare",
                         "attend", "complete", "host", "chair", "convene", "speed", "accelerate",
                         "hasten", "expedite"})
# ("stag": spaCy lemmatises "staged" as "stag")
#: Modifiers that name who acts: "rebel attacks", "guerrilla raid", "army shelling".
AGENT_MODIFIERS = frozenset({"rebel", "guerrilla", "terrorist", "army", "police", "military",
                             "government", "insurgent", "militant", "jihadist", "militia", "troop",
                             "navy", "paramilitary", "separatist", "islamist", "gang"})
TIME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})
NAMED_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})   # "Russian air strikes", "Hamas attacks"
TARGET_PREPS = frozenset({"on", "against", "at", "upon", "toward", "towards", "with", "into", "to"})
GIVING_VERBS = frozenset({"deliver", "send", "provide", "give", "donate", "supply", "ship", "airlift",
                          "distribute", "hand"})
GOODS = frozenset({"food", "aid", "supply", "medicine", "water", "tonne", "ton", "truck", "kit", "tent",
                   "fuel", "assistance", "equipment", "weapon", "arm", "ammunition", "money", "fund"})


def is_abstract_goods(token: Any) -> bool:
    """What is handed over, not to whom: '180 tonnes of food', 'medical supplies'."""
    return token.lemma_.lower() in GOODS


VISIT_VERBS = frozenset({"arrive", "travel", "fly", "visit", "land", "come"})
NOMINAL_TARGET_PREPS = frozenset({"on", "against", "of", "at", "upon", "to", "with", "into", "for"})
INSTRUMENTS = frozenset({"bomb", "explosive", "device", "mine", "grenade", "rocket", "missile", "shell",
                         "mortar", "fire", "shot", "dynamite", "charge", "car", "truck", "weapon"})
GROUP_HEADS = frozenset({"group", "organization", "organisation", "militant", "jihadist", "movement",
                         "extremist", "network", "faction", "terrorist", "insurgent", "militia",
                         "rebel", "guerrilla"})
OBJECT_CONTROL = frozenset({"urge", "ask", "force", "order", "call", "persuade", "encourage",
                            "allow", "help", "tell", "invite", "suspect", "accuse", "blame"})
#: "claimed responsibility for killing", "took credit for bombing": the verb's subject acts.
CREDIT_NOUNS = frozenset({"responsibility", "credit", "blame", "plan", "plot", "order", "decision",
                          "threat", "attempt", "intention", "part", "role"})
#: "placed under arrest", "put under investigation": the verb's object undergoes the event.
PLACE_UNDER = frozenset({"put", "place", "keep", "bring"})
#: "X is guilty of / responsible for -ing": X did it (not "capable of", an ability).
CULPABLE = frozenset({"guilty", "responsible", "culpable"})
#: Nouns of an attempted act: "an attempt to kill X" has no actor unless the noun names one ("his
#: attempt", "attempts by the group"). (A "decision"/"plan" to act is no act yet: the noun stays the
#: abstract actor and the act is not coded.)
ATTEMPT_NOUNS = frozenset({"attempt", "bid", "try"})
PERSONAL_PRONOUNS = frozenset({"it", "they", "he", "she", "its", "their", "his", "her", "them"})
_CUT = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "prep"})


@dataclass(slots=True)
class Salience:
    """What the article has mentioned so far: named armed groups and the last subject actor."""

    groups: Counter[str] = field(default_factory=Counter)
    group_actors: dict[str, Actor] = field(default_factory=dict)
    last_actor: Actor | None = None

    def note_groups(self, actors: ArticleActors, end: int) -> None:
        """Count the named groups mentioned before ``end`` (call once per sentence)."""
        self.groups.clear()
        for match in actors.matches:
            if match.start >= end:
                break
            if match.entry.kind == "group" and match.entry.sector in {"rebels", "militia", "armed group"}:
                self.groups[match.entry.name] += 1
                self.group_actors[match.entry.name] = Actor(match.entry.name, match.entry.country,
                                                            match.entry.sector)

    def main_group(self) -> Actor | None:
        """The most mentioned armed group so far."""
        if not self.groups:
            return None
        return self.group_actors[self.groups.most_common(1)[0][0]]


def np_bounds(token: Any) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``token`` (relative clauses etc. cut off)."""
    keep = [token]
    stack = [c for c in token.children if c.dep_ not in _CUT or _is_of(c)]
    while stack:
        node = stack.pop()
        keep.append(node)
        stack.extend(c for c in node.children if c.dep_ not in {"relcl", "acl", "punct", "appos"})
    start = min(t.idx for t in keep)
    end = max(t.idx + len(t.text) for t in keep)
    return start, end


def _is_of(token: Any) -> bool:
    """An 'of' phrase with a noun object ("members of Hamas"), not "of planting a bomb"."""
    return token.dep_ == "prep" and token.lower_ == "of" and any(c.dep_ == "pobj" for c in token.children)


#: People who speak for an organisation: the organisation is the actor.
SPEAKER_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative", "envoy",
                           "adviser", "advisor"})


def resolve_np(token: Any, actors: ArticleActors, salience: Salience) -> Actor | None:
    """An Actor for the noun phrase headed by ``token`` (or a pronoun's antecedent)."""
    if token.dep_ in {"nsubj", "nsubjpass"} and token.lower_ in {"who", "which", "that"}:
        head = token.head.head if token.head.dep_ == "relcl" else None
        return resolve_np(head, actors, salience) if head is not None else None
    if token.pos_ == "PRON" or token.lower_ in PERSONAL_PRONOUNS:
        return salience.last_actor if token.lower_ in PERSONAL_PRONOUNS else None
    lemma = token.lemma_.lower()
    if lemma in SPEAKER_NOUNS or lemma in MEMBER_NOUNS:   # "a spokesperson for the European Union's foreign
        # service", "armed elements of the MFDC"
        for obj in (o for p in token.children if p.dep_ == "prep" and p.lower_ in ({"for", "of"} if lemma in SPEAKER_NOUNS else {"of"})
                    for o in p.children if o.dep_ == "pobj"):
            org = resolve_np(obj, actors, salience)
            if org is not None and (org.country or org.sector and lemma in SPEAKER_NOUNS):
                return org   # (a member of a group stands for it when the group is known by name)
    start, end = np_bounds(token)
    text = doc_text(token.doc)
    found = actors.resolve(start, end, text)
    if _is_definite_group(token) and (found is None or not _is_named(found, actors, start, end)):
        main = salience.main_group()
        if main is not None:
            return main
    if found is not None and found.sector and _kin_of(token):   # "soldiers' relatives", "families of the
        return Actor(clean_phrase(text[start:end]) or token.text, found.country, "civilians")   # police officers"
    if found is not None:
        return found
    if token.pos_ in {"NOUN", "PROPN"}:
        return Actor(clean_phrase(text[start:end]) or token.text, None, None)
    return None


#: Kin of someone: their relatives are not what that someone is ("soldiers' relatives" are civilians).
KIN_NOUNS = frozenset({"relative", "family", "wife", "widow", "mother", "father", "parent", "son", "daughter",
                       "brother", "sister", "kin", "spouse", "relation", "husband", "child"})


def _kin_of(token: Any) -> bool:
    """The phrase names the kin of the people it mentions ("dozens of soldiers' relatives")."""
    head = token
    if head.lemma_.lower() in {"dozen", "hundred", "thousand", "score", "group"}:
        head = next((o for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj"), head)
    return head.lemma_.lower() in KIN_NOUNS


def _is_named(actor: Actor, actors: ArticleActors, start: int, end: int) -> bool:
    return any(m.entry.kind in {"group", "igo", "country", "capital"} for m in actors.within(start, end))


def _is_definite_group(token: Any) -> bool:
    if token.lemma_.lower() not in GROUP_HEADS:
        return False
    return any(c.dep_ in {"det", "poss"} and c.lower_ in {"the", "this", "that", "these", "its", "their"}
               for c in token.children)


def child(token: Any, *deps: str) -> Any | None:
    """The first child with one of ``deps``."""
    for c in token.children:
        if c.dep_ in deps:
            return c
    return None


def prep_objects(token: Any, preps: frozenset[str]) -> list[tuple[str, Any]]:
    """(preposition, object) pairs attached to ``token``."""
    out = []
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.ent_type_ not in {"DATE", "TIME"}:   # not "on Saturday night"
                    out.append((prep.lower_, obj))
    return out


def is_passive(verb: Any) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def verbal_roles(verb: Any) -> tuple[Any | None, Any | None]:
    """(actor token, target token) for a verbal trigger, before inheritance."""
    if is_passive(verb):
        agent = child(verb, "agent")
        actor = child(agent, "pobj") if agent is not None else None
        return actor, child(verb, "nsubjpass")
    actor = child(verb, "nsubj")
    target = child(verb, "dobj")
    if target is not None and target.lemma_.lower() in INSTRUMENTS:
        located = prep_objects(verb, frozenset({"in", "on", "at", "against", "near", "inside"}))
        located = located or prep_objects(target, frozenset({"in", "on", "at", "against", "inside"}))
        target = located[0][1] if located else None
    if verb.lemma_.lower() in GIVING_VERBS and (target is None or is_abstract_goods(target)):
        recipients = [obj for _, obj in prep_objects(verb, frozenset({"to"}))]
        target = recipients[0] if recipients else target   # "delivered food to displaced families"
    if target is None and verb.lemma_.lower() in VISIT_VERBS:   # "arrived in Amman": the host
        hosts = [obj for _, obj in prep_objects(verb, frozenset({"in", "to"})) if obj.ent_type_ == "GPE"]
        target = hosts[0] if hosts else None
    if target is None:
        pairs = prep_objects(verb, TARGET_PREPS)
        target = pairs[0][1] if pairs else None
    if target is None and verb.dep_ == "amod":
        target = verb.head
    return actor, target


def inherited_actor(verb: Any, depth: int = 0) -> Any | None:
    """The actor a clause without a subject takes from its governor."""
    if depth > 4:
        return None
    head = verb.head
    if verb.dep_ == "acomp" and head.i != verb.i:   # "France is ready to contribute": the subject of "is"
        return child(head, "nsubj") or inherited_actor(head, depth + 1)
    if verb.dep_ in {"xcomp", "conj", "advcl"} and head.i != verb.i:
        if verb.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
            obj = child(head, "dobj")
            if obj is not None:
                return obj
        if verb.dep_ == "advcl" and child(verb, "mark") is not None:
            return None
        if verb.dep_ == "conj" and is_passive(head) and verb.tag_ != "VBN" and any(
                c.dep_ == "aux" and c.lower_ != "to" for c in verb.children):
            return child(head, "nsubjpass")   # "was indicted and will resign": who resigns
        return child(head, "nsubj") or inherited_actor(head, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        holder = head.head
        if holder.pos_ in {"VERB", "AUX"}:
            return child(holder, "dobj") or child(holder, "nsubj") or child(holder, "nsubjpass")
        if holder.lemma_.lower() in CULPABLE and holder.dep_ == "acomp":
            return child(holder.head, "nsubj")   # "both sides are guilty of violating the truce"
        if holder.lemma_.lower() in CREDIT_NOUNS and holder.dep_ == "dobj" and holder.head.pos_ == "VERB":
            return child(holder.head, "nsubj") or inherited_actor(holder.head, depth + 1)
        return holder if holder.pos_ in {"NOUN", "PROPN"} else None   # "claimed responsibility for killing"
    if verb.dep_ == "amod" and verb.tag_ == "VBN":
        return None   # "honour the assassinated senator": a past act by someone unnamed
    if verb.dep_ in {"acl", "amod"} and head.pos_ in {"NOUN", "PROPN"}:
        if head.dep_ in {"dobj", "attr"} and head.head.pos_ in {"VERB", "AUX"}:
            return child(head.head, "nsubj")
        if head.lemma_.lower() in ATTEMPT_NOUNS:
            agents = [obj for _prep, obj in prep_objects(head, frozenset({"by"}))]
            return child(head, "poss") or (agents[0] if agents else None)   # "an attempt to kill
            # X" has no actor yet; "his plan to attack", "attempts by the group to carry out" do
        return head
    if verb.dep_ == "relcl":
        return head
    return None


#: Words of a possessive that dates an act ("yesterday's attack").
TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
                        "today", "week", "month", "year", "weekend", "night", "morning", "evening", "tonight"})
#: Verbs by which a protest or an attack is someone's ("organised by students", "led by X").
ORGANISERS = frozenset({"organise", "organize", "lead", "call", "stage", "carry", "claim", "mount", "launch"})


def prep_follows(noun: Any, obj: Any) -> bool:
    """The preposition of ``obj`` comes right after the noun phrase (attached higher by the parser)."""
    return obj.head.i == noun.right_edge.i + 1


def nominal_roles(noun: Any) -> tuple[Any | None, Any | None]:
    """(actor token, target token) for a nominal trigger."""
    actor = child(noun, "poss")
    if actor is not None and (actor.ent_type_ in TIME_ENTS or actor.lemma_.lower() in TIME_WORDS):
        actor = None   # "Tuesday's attack", "last week's bombing": when, not who
    if actor is None:
        for c in noun.children:
            if c.dep_ in {"amod", "compound", "nmod"} and (c.pos_ == "PROPN" or c.ent_type_ in NAMED_ENTS
                                                          or c.lemma_.lower() in AGENT_MODIFIERS) \
                    and c.ent_type_ not in TIME_ENTS:   # not "the August 13 accord"
                actor = c
                break
    agent = [obj for prep, obj in prep_objects(noun, frozenset({"by"}))]
    if not agent and actor is None and noun.dep_ == "dobj":   # "to break up a march by thousands of people"
        agent = [obj for prep, obj in prep_objects(noun.head, frozenset({"by"}))
                 if prep_follows(noun, obj) and obj.lemma_.lower() not in TIME_WORDS and obj.ent_type_ not in {"DATE", "TIME"}]
    if not agent and actor is None:   # "the march, organised by university students, set off from ..."
        agent = [obj for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in ORGANISERS
                 for a in c.children if a.dep_ == "agent" for obj in a.children if obj.dep_ == "pobj"]
    actor = agent[0] if agent else actor
    if actor is not None and actor.pos_ == "PRON" and noun.dep_ == "dobj":
        actor = None     # "continued their hunger strike": the subject of the verb says who
    if actor is None and noun.dep_ in {"dobj", "pobj"}:
        unit = _measured(noun)   # "sat down for a second round of talks": the round is what they sat down for
        governor = unit.head if unit.dep_ == "dobj" else _governing_verb(unit)
        if governor is not None and (governor.lemma_.lower() in LIGHT_VERBS or _state_or_errand(unit, governor)):
            actor = child(governor, "nsubj")
            if actor is None:
                actor = inherited_actor(governor)
    targets = prep_objects(noun, NOMINAL_TARGET_PREPS)
    if not targets and noun.dep_ == "pobj" and noun.head.lower_ == "under" \
            and noun.head.head.lemma_.lower() in PLACE_UNDER:   # "was put under investigation"
        verb = noun.head.head
        agent = child(verb, "agent")
        actor = actor or (child(agent, "pobj") if agent is not None else child(verb, "nsubj"))
        subject = child(verb, "nsubjpass") or child(verb, "dobj")
        return actor, subject
    return actor, targets[0][1] if targets else None


#: "remained on alert", "went on strike"; "travelled to Geneva for talks", "returned for talks".
STATE_VERBS = frozenset({"remain", "stay", "be", "go", "keep"})
ERRAND_VERBS = frozenset({"go", "come", "return", "travel", "fly", "arrive", "head", "leave", "sail",
                          "gather", "assemble", "sit", "meet", "convene", "reconvene"})


#: Nouns that measure out an activity: "a second round of talks", "a third day of protests".
MEASURE_NOUNS = frozenset({"round", "day", "session", "series", "week", "night", "set"})


def _measured(noun: Any) -> Any:
    """For 'a round of talks': the measuring noun, when the event noun hangs off it by 'of'."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in MEASURE_NOUNS \
            and prep.head.dep_ in {"dobj", "pobj"}:
        return prep.head
    return noun


def _state_or_errand(noun: Any, governor: Any) -> bool:
    """The subject of the governing verb is in the state or on the errand the noun names."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.head.i != governor.i:
        return False
    lemma = governor.lemma_.lower()
    return (prep.lower_ == "on" and lemma in STATE_VERBS) or (prep.lower_ == "for" and lemma in ERRAND_VERBS)


def _governing_verb(noun: Any) -> Any | None:
    """For 'responsibility for the attack': the verb above the noun's preposition."""
    node = noun.head
    for _ in range(3):
        if node.pos_ in {"VERB", "AUX"}:
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def resolve_actor_tokens(trigger: Any) -> tuple[Any | None, Any | None]:
    """Actor and target tokens for any trigger, with subject inheritance for verbs."""
    if trigger.pos_ in {"VERB", "AUX"}:
        actor, target = verbal_roles(trigger)
        if actor is None and not is_passive(trigger):
            actor = inherited_actor(trigger)
        return actor, target
    return nominal_roles(trigger)


def event_object_target(noun: Any) -> Any | None:
    """The target behind an event noun used as an object ("threatening attacks in Russia")."""
    _actor, target = nominal_roles(noun)
    if target is not None:
        return target
    located = prep_objects(noun, frozenset({"in", "inside", "across", "within"}))
    return located[0][1] if located else None
