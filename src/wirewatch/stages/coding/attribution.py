"""Who is said to be behind an incident, told in a sentence of its own.

Reports often tell an attack by "gunmen" first and only later say whom a source holds
responsible: "Police believe the attackers were fighters from the Yakali clan", "The Forward
Command said it suspected insurgents of the BRN", "Local authorities attributed the attack to
ISSP", "Investigators believe the attack was ordered by a Barrio 18 extortion cell", "Police
blamed a cell of the Los Tiguerones gang". Such a sentence may hold no event trigger at all, so
it is read here, apart from the triggers: :func:`find_attribution` returns the group and the
source, and :func:`apply_attributions` makes the latest unattributed incident before it
``alleged``, with that group as its actor (CONVENTIONS: "someone other than the actor
attributes the act").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wirewatch.models import Actor
from wirewatch.stages.coding.draft import Draft
from wirewatch.stages.coding.incidents import side

#: Verbs that hold someone responsible (the group is their object, or after "on"/"to").
BLAME_VERBS = frozenset({"blame", "suspect", "accuse", "attribute", "link", "tie", "hold"})
#: Verbs of belief whose clause names who did it ("believe the attackers were ...").
BELIEF_VERBS = frozenset({"believe", "think", "suspect", "say", "suggest", "indicate"})
#: Nouns for an incident ("blamed the shooting on ...").
INCIDENT_NOUNS = frozenset({"attack", "shooting", "bombing", "blast", "explosion", "ambush", "raid", "killing",
                            "murder", "massacre", "abduction", "kidnapping", "assault", "strike", "arson",
                            "incident", "violence", "shelling"})
#: Nouns for the perpetrators ("the attackers were ...").
PERPETRATOR_NOUNS = frozenset({"attacker", "gunman", "assailant", "perpetrator", "killer", "kidnapper",
                               "abductor", "bomber", "culprit", "raider", "shooter"})
#: Words of a charge that is the incident itself ("accused X of killing", "suspected of the bombing").
HARM_WORDS = frozenset({"kill", "attack", "bomb", "shoot", "murder", "carry", "stage", "commit", "launch", "abduct",
                        "kidnap", "torch", "burn", "fire", "shell", "storm", "raid", "ambush", "plant", "detonate",
                        "order", "plan", "orchestrate", "mastermind", "perpetrate", "involvement", "role",
                        "responsibility", "behind"})
#: Verbs by which a group does an incident ("was ordered by", "carried out by").
DOING_VERBS = frozenset({"order", "carry", "commit", "perpetrate", "stage", "plan", "organise", "organize",
                         "mastermind", "execute", "conduct"})
#: How many sentences after an incident's last mention an attribution may still be about it.
ATTRIBUTION_REACH = 8


@dataclass(frozen=True, slots=True)
class Attribution:
    """A source holding a group responsible, told in sentence ``index``."""

    index: int
    actor: Actor
    source: str | None


def find_attribution(sentence: Any, resolve: Callable[[Any], Actor | None]) -> tuple[Actor, str | None] | None:
    """The group a sentence holds responsible for an incident, and who says so."""
    for token in sentence:
        lemma = token.lemma_.lower()
        if token.pos_ not in {"VERB", "AUX"} or _negated(token) or token.pos_ == "AUX" and token.dep_ != "ROOT":
            continue
        if token.dep_ == "relcl" and token.head.lemma_.lower() in INCIDENT_NOUNS or any(
                c.dep_ in {"dobj", "nsubjpass"} and c.lower_ in {"which", "that", "whom"} for c in token.children):
            continue   # "in an attack that police blamed on the same gang", "attacks ..., which residents
            # blame on armed herders": about those attacks
        group = None
        if lemma in BLAME_VERBS:
            group = _blamed(token)
        if group is None and lemma in BELIEF_VERBS:
            group = _believed(token)
        if group is None and token.dep_ == "ROOT" and any(c.dep_ == "prep" and c.lower_ == "according"
                                                           for c in token.children):
            subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            group = _named_in_clause(token, subject) if subject is not None else None   # "According to
            # police, the attackers were JNIM fighters"
        if group is None:
            continue
        actor = resolve(group)
        if actor is None or not _a_group(group, actor):
            continue
        actor = _whole_name(group, actor)
        source = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if source is None and token.dep_ in {"ccomp", "xcomp"}:
            source = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        named = resolve(source) if source is not None and source.pos_ != "PRON" else None
        return actor, (named.name if named is not None else None)
    return None


def apply_attributions(drafts: list[Draft], attributions: list[Attribution]) -> None:
    """Each attribution makes the latest incident before it, told as done by no one in particular
    and not yet attributed, claimed or denied, ``alleged`` with the group as its actor."""
    for found in attributions:
        earlier = [d for d in drafts if d.type == "ASSAULT" and d.sentence_index < found.index
                   and found.index - d.last_mention() <= ATTRIBUTION_REACH and d.status != "hypothetical"]
        if not earlier:
            continue
        host = max(earlier, key=lambda d: d.last_mention())
        if host.status != "actual" or host.actor_grade >= 4 or _same_name(host.actor, found.actor) \
                or not _generic(host.actor) or side(host) == "state":
            continue   # a named or known actor's act, or the state's own ("officers killed four gang members")
        host.status, host.actor, host.has_actor = "alleged", found.actor, True
        host.actor_grade = max(host.actor_grade, 3)
        host.attribution = found.source or host.attribution


def _negated(token: Any) -> bool:
    node = token
    for _ in range(3):
        if any(c.dep_ == "neg" for c in node.children):
            return True
        if node.head.i == node.i or node.dep_ not in {"ccomp", "xcomp", "conj"}:
            break
        node = node.head
    return False


def _blamed(verb: Any) -> Any | None:
    """'blamed the shooting on X', 'attributed the attack to X', 'suspected X (of the attack)',
    'blamed X for the attack', 'blamed X'."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"on", "to"}):
        obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
        if obj is not None and obj.lemma_.lower() not in INCIDENT_NOUNS:
            return obj
    obj = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    if obj is None:   # "blamed al-Shabaab militants hiding in the forest" (read as the subject of "hiding")
        obj = next((g for c in verb.children if c.dep_ in {"advcl", "ccomp", "xcomp"} and c.tag_ == "VBG"
                    for g in c.children if g.dep_ == "nsubj"), None)
    if obj is None or obj.lemma_.lower() in INCIDENT_NOUNS:
        return None
    charge = next((c for p in verb.children if p.dep_ == "prep" and p.lower_ == "of"
                   for c in p.children if c.dep_ in {"pcomp", "pobj"}), None)
    if charge is not None and not ({t.lemma_.lower() for t in charge.subtree} & (INCIDENT_NOUNS | HARM_WORDS)):
        return None   # "accused the government of giving them cover": another charge than the attack
    return obj


def _believed(verb: Any) -> Any | None:
    """'believe the attackers were fighters from X', 'believe the attack was ordered by X',
    'believe X carried out the attack', 'believe X was behind the attack'."""
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return None
    subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return None
    return _named_in_clause(clause, subject)


def _named_in_clause(clause: Any, subject: Any) -> Any | None:
    """The group a clause about the incident or its perpetrators names: "the attackers were fighters
    from X", "the gunmen belonged to X", "the attack bore the hallmarks of X", "the attack was
    carried out by X", "X was behind the attack"."""
    lemma = clause.lemma_.lower()
    perpetrators = subject.lemma_.lower() in PERPETRATOR_NOUNS
    incident = subject.lemma_.lower() in INCIDENT_NOUNS
    if lemma == "be" and perpetrators:
        return next((c for c in clause.children if c.dep_ == "attr"), None)
    if lemma == "belong" and perpetrators:   # "the gunmen belonged to a Fulani militia"
        return next((o for p in clause.children if p.dep_ == "prep" and p.lower_ == "to"
                     for o in p.children if o.dep_ == "pobj"), None)
    if lemma in {"bear", "have", "carry"} and incident:   # "the attack bore the hallmarks of JNIM"
        mark = next((c for c in clause.children if c.dep_ == "dobj" and c.lemma_.lower() in {"hallmark", "signature"}),
                    None)
        if mark is not None:
            return next((o for p in mark.children if p.dep_ == "prep" and p.lower_ == "of"
                         for o in p.children if o.dep_ == "pobj"), None)
    if subject.lemma_.lower() in INCIDENT_NOUNS and clause.lemma_.lower() in DOING_VERBS:
        agent = next((c for c in clause.children if c.dep_ == "agent"), None)
        return next((o for o in agent.children if o.dep_ == "pobj"), None) if agent is not None else None
    if subject.lemma_.lower() not in INCIDENT_NOUNS | PERPETRATOR_NOUNS and subject.pos_ != "PRON" and (
            clause.lemma_.lower() in DOING_VERBS and any(o.dep_ == "dobj" and o.lemma_.lower() in INCIDENT_NOUNS
                                                         for o in clause.subtree)
            or clause.lemma_ == "be" and any(p.lower_ == "behind" for p in clause.children)):
        return subject
    return None


#: Kinds of armed group a source may name without a proper name.
ARMED_NOUNS = frozenset({"mercenary", "militia", "militiaman", "jihadist", "insurgent", "rebel", "separatist",
                         "bandit", "gang", "cartel", "militant"})
#: Heads that name victims, bystanders or campaigns, not the ones held responsible.
NOT_GROUPS = frozenset({"civilian", "person", "people", "resident", "villager", "priest", "victim", "family",
                        "offensive", "campaign", "operation", "war", "conflict", "dispute", "feud", "tension",
                        "crime", "criminality", "insecurity", "problem", "situation", "policy"})


def _a_group(token: Any, actor: Actor) -> bool:
    """A named group or a kind of armed actor, not a thing, a person, a victim or a vague crowd."""
    lemma = token.lemma_.lower()
    if lemma in INCIDENT_NOUNS | PERPETRATOR_NOUNS | NOT_GROUPS or token.ent_type_ == "PERSON" and not actor.sector:
        return False   # (a dictionary group the model calls a person, "the Houthis", is a group)
    if lemma in ARMED_NOUNS:
        return True   # "carried out by foreign mercenaries", "belonged to a militia"
    named = any(t.pos_ == "PROPN" and t.ent_type_ != "PERSON" for t in token.subtree)
    armed = any(c.dep_ == "amod" and c.lower_ == "armed" for c in token.children)   # "blamed armed herders"
    return named or armed or bool(actor.sector)


def _whole_name(token: Any, actor: Actor) -> Actor:
    """'fighters from the Yakali clan', 'insurgents of the BRN': the name with the group it belongs to."""
    if actor.name and any(t.pos_ == "PROPN" and t.text in actor.name for t in token.subtree):
        return actor
    tail = next((p for p in token.children if p.dep_ == "prep" and p.lower_ in {"from", "of"}
                 and any(t.pos_ == "PROPN" for t in p.subtree)), None)
    if tail is None:
        return actor
    words = [t for t in token.doc[token.left_edge.i:tail.right_edge.i + 1] if t.dep_ != "det" or t.i > token.i]
    return Actor(" ".join(t.text for t in words), actor.country, actor.sector)


def _generic(actor: Actor) -> bool:
    """'gunmen', 'Two men on a motorcycle', 'armed men' or nobody: not 'RSF drones', not a state."""
    words = (actor.name or "").split()
    if actor.country or actor.sector in {"police", "military", "government"}:
        return False
    return not words or not (len(words[0]) > 1 and words[0].isupper()) and all(w[:1].islower() for w in words[1:])


def _same_name(a: Actor, b: Actor) -> bool:
    return bool(a.name and b.name and a.name.lower() == b.name.lower())
