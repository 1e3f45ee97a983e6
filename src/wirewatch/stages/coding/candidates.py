"""Trigger candidates in a sentence, and how they nest.

A candidate is a token whose lemma (with particle or compound: "blow up", "air strike") is in the
lexicon, the row chosen by its object. Nesting rules, applied within one sentence:

* a threat, demand, offer or refusal contains its complement: "threatened to cut off power" is one
  THREATEN event; the threatened act is not an event yet;
* a denial contains the denied act: the act is kept (status ``denied``), the REJECT is not;
* ASSAULT triggers linked in the tree are one incident ("a bombing that killed 12",
  "killed ... in an attack"), kept once, at the highest trigger;
* a killing caused by an accident ("killed when the plane crashed") is a casualty report, not an
  attack.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wirewatch.stages.coding.lexicon import Lexicon, Trigger
from wirewatch.stages.coding.participants import PROTEST_PURPOSES
from wirewatch.stages.coding.status import DENY, SPEECH, SPEECH_NOUNS, quote_opens_between

#: Participles that are adjectives before a noun, whatever the parser says ("Ayorou and surrounding villages").
ADJECTIVAL_VBG = frozenset({"surrounding", "neighbouring", "neighboring", "adjoining", "bordering", "remaining",
                            "following", "leading", "existing", "outlying"})
CONTAINER_TYPES = frozenset({"THREATEN", "REQUEST", "AGREE", "REJECT"})
#: Acts a denial can be about, coded as the act with status denied (others leave the REJECT).
DENIED_ACTS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "PROTEST", "THREATEN", "AID", "RETREAT"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "attr", "oprd", "acl", "pcomp"})
COMPLEMENT_PREPS = frozenset({"for", "to", "with", "of", "on"})
ACCIDENTS = frozenset({"crash", "accident", "collision", "earthquake", "flood", "storm", "landslide",
                       "avalanche", "stampede", "collapse", "disaster", "derailment", "capsize",
                       "tornado", "hurricane", "cyclone", "typhoon", "mudslide", "illness", "disease"})
DEATH_LEMMAS = frozenset({"kill", "die"})
#: Nouns that only say "an act of the kind named by the modifier": "mediation effort", "mediation
#: mission", "assassination attempt", "bombing campaign".
ACTIVITY_HEADS = frozenset({"effort", "mission", "attempt", "bid", "campaign", "initiative", "operation"})
#: Nouns for people, for the ``@person`` object class.
PEOPLE = frozenset({
    "man", "woman", "child", "boy", "girl", "person", "people", "soldier", "policeman", "officer",
    "leader", "mayor", "judge", "priest", "journalist", "minister", "official", "member", "guard",
    "student", "worker", "civilian", "businessman", "politician", "commander", "president", "governor",
    "lawyer", "teacher", "villager", "resident", "passenger", "crew", "driver", "family", "diplomat",
    "envoy", "ambassador", "hostage", "prisoner", "detainee", "captive", "activist", "dissident",
    "opponent", "national", "citizen", "refugee", "migrant", "sailor", "pilot", "tourist", "missionary",
    "engineer", "doctor", "nurse", "aid worker", "employee", "premier", "chairman", "head", "individual",
    "hunter", "fisherman", "farmer", "herder", "shepherd", "miner", "trader", "merchant", "pilgrim", "traveller",
    "traveler", "contractor", "labourer", "laborer", "logger", "volunteer", "vigilante", "chief", "elder",
    "seminarian", "nun", "pastor", "imam", "cleric", "monk", "schoolgirl", "schoolboy", "pupil", "staff",
    "staffer", "relative", "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister"})


@dataclass(slots=True)
class Candidate:
    """A trigger token with its lexicon row; ``absorbed`` lists merged ASSAULT candidates."""

    token: Any
    row: Trigger
    dropped: bool = False
    absorbed: list[Candidate] = field(default_factory=list)

    @property
    def is_verbal(self) -> bool:
        return self.row.pos == "VERB"


#: Lemmas the model gets wrong, keyed by (its lemma, the word's first four letters): "staged" is
#: not a form of "stag".
LEMMA_FIXES = {("stag", "stag"): "stage", ("cordone", "cord"): "cordon"}


def lookup(token: Any, lexicon: Lexicon) -> Trigger | None:
    """The lexicon row for a token, or None."""
    lemma = token.lemma_.lower()
    lemma = LEMMA_FIXES.get((lemma, token.lower_[:4]), lemma)
    if token.pos_ == "VERB":
        objects = _verb_objects(token)
        for prt in (c for c in token.children if c.dep_ == "prt" or (   # "took away 12 young men"
                c.dep_ == "advmod" and c.lower_ in {"away", "off", "out", "up", "down", "back"}) or (
                c.dep_ == "prep" and c.lower_ == "out" and any(g.lower_ in {"of", "from"} for g in c.children)
                and (lemma in {"drive", "push", "chase", "flush"} or not any(d.dep_ == "dobj" for d in token.children)))
                or c.dep_ == "prep" and c.lower_ == "off" and lemma in {"cordon", "seal"}):   # "cordoned off the area"
            # "troops pulled out of the town", "fighters drove the army out of the town"
            row = lexicon.select(f"{lemma} {prt.lower_}", "VERB", objects)
            if row is not None:
                return row
        return lexicon.select(lemma, "VERB", objects)
    if token.pos_ in {"NOUN", "PROPN"} and token.dep_ != "compound":
        objects = [(c.lemma_.lower(), "") for c in token.children if c.dep_ in {"compound", "amod", "nmod"}
                   or c.dep_ == "acl" and c.tag_ == "VBN"]   # ("a ceasefire brokered by the committee")
        for mod, _ in objects:
            row = lexicon.select(f"{mod} {lemma}", "NOUN", [])
            if row is not None:
                return row
        row = lexicon.select(lemma, "NOUN", objects + _prep_objects(token))
        if row is None and lemma in ACTIVITY_HEADS:   # "a mediation effort", "an assassination attempt"
            for c in token.children:
                if c.dep_ == "compound" and c.pos_ == "NOUN":
                    row = lexicon.select(c.lemma_.lower(), "NOUN", [])
                    if row is not None:
                        return row
        return row
    return None


DEMAND = Trigger("must", "VERB", "", "", "10", "REQUEST", None, True)


AID_ARRIVING = Trigger("reach", "VERB", "", "", "073", "AID", None, True)
#: What carries aid, and what it carries.
AID_CARRIERS = frozenset({"convoy", "truck", "lorry", "shipment", "consignment", "plane", "flight", "ship", "boat"})
AID_GOODS = frozenset({"food", "aid", "supply", "medicine", "medication", "ration", "relief", "water", "fuel",
                       "tent", "blanket", "assistance", "wheat", "flour", "vaccine"})


def _aid_arriving(token: Any) -> Trigger | None:
    """'a convoy of 15 trucks carrying food ... reached Bulo Burte': aid delivered."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in {"reach", "arrive", "enter", "cross"}:
        return None
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None or not ({t.lemma_.lower() for t in subject.subtree} & AID_CARRIERS):
        return None
    return AID_ARRIVING if {t.lemma_.lower() for t in subject.subtree} & AID_GOODS else None


FORCES_ARRIVING = Trigger("arrive", "VERB", "", "", "150", "MOBILIZE", "troops", True)
#: Forces whose arrival somewhere is a deployment.
ARRIVING_FORCES = frozenset({"troop", "soldier", "gendarme", "policeman", "reinforcement", "marine", "commando",
                             "battalion", "peacekeeper", "paratrooper", "squadron", "company", "contingent",
                             "detachment", "platoon", "regiment", "brigade"})


def _forces_arriving(token: Any) -> Trigger | None:
    """'Four squadrons of mobile gendarmes landed at La Tontouta airport', 'reinforcements arrived in
    the town': a deployment told by the forces' arrival."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in {"arrive", "land", "reach", "enter"}:
        return None
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    heads = {subject.lemma_.lower()} | {o.lemma_.lower() for p in subject.children if p.dep_ == "prep"
                                        and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"}
    if not heads & ARRIVING_FORCES or subject.lemma_.lower() in {"company"} and not heads - {"company"}:
        return None   # (not "the company arrived")
    return FORCES_ARRIVING


PROJECTILE_LANDED = Trigger("land", "VERB", "", "", "194", "ASSAULT", "heavy-weapons", True)
#: Fired munitions that "land" or "fall" somewhere.
LANDING_MUNITIONS = frozenset({"shell", "rocket", "missile", "mortar", "projectile", "bomb", "round", "munition"})


def _projectile_landed(token: Any) -> Trigger | None:
    """'At least three artillery shells landed in farmland in Phop Phra district', 'two rockets fell
    near the airport': shelling told by where the munitions came down."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in {"land", "fall", "impact"}:
        return None
    subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lemma_.lower() not in LANDING_MUNITIONS:
        return None
    if subject.lemma_.lower() == "round" and not any(c.lemma_.lower() in {"mortar", "artillery", "tank"}
                                                     for c in subject.children):
        return None   # (not "the first round of talks fell ...")
    if not any(c.dep_ == "prep" and c.lower_ in {"in", "on", "near", "inside", "into", "onto", "close"}
               for c in token.children):
        return None
    return PROJECTILE_LANDED


MESSAGE_THREAT = Trigger("warn", "VERB", "", "", "130", "THREATEN", None, True)
#: What a warning can be written or recorded in.
MESSAGE_NOUNS = frozenset({"message", "statement", "video", "audio", "recording", "pamphlet", "leaflet", "letter",
                           "banner", "note", "post", "broadcast", "communique", "flyer", "poster", "speech"})


def _message_threat(token: Any) -> Trigger | None:
    """'released an audio message warning villagers that ...', 'warning in pamphlets signed by its
    Western War Front that ...': a written or recorded warning the parser did not read as a verb."""
    if token.lower_ not in {"warning", "threatening"} or token.dep_ == "amod" or token.pos_ == "VERB" and token.dep_ in {
            "advcl", "acl", "xcomp", "conj", "ROOT", "ccomp", "relcl"}:
        return None   # (a participle read as such goes through the lexicon)
    sent = token.sent
    near = token.doc[sent.start:min(sent.end, token.i + 4)]
    if not any(t.lemma_.lower() in MESSAGE_NOUNS for t in near):
        return None
    if token.i + 1 < sent.end and token.doc[token.i + 1].lower_ in {"sign", "signs", "shot", "shots", "light", "lights"}:
        return None   # "warning signs", "warning shots"
    return MESSAGE_THREAT


POLICED_CROWD = Trigger("protester", "NOUN", "", "", "141", "PROTEST", "demonstrate", True)
#: People who are a protest by what they are called.
PROTESTER_NOUNS = frozenset({"protester", "protestor", "demonstrator", "marcher", "rioter"})
#: What police do to a crowd, and the prepositions that join the crowd to the act.
CROWD_CONTROL = {"disperse": "", "charge": "", "baton-charge": "", "beat": "", "tear-gas": "", "teargas": "",
                 "fire": "at", "use": "against", "spray": "", "clash": "with", "attack": ""}


def policed_crowd(token: Any) -> Trigger | None:
    """'Police fired tear gas at protesters', 'baton-charged thousands of protesters', 'clashed with
    demonstrators': the protest the police met happened."""
    if token.lemma_.lower() not in PROTESTER_NOUNS or token.pos_ != "NOUN":
        return None
    node = token
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in {
            "thousand", "hundred", "dozen", "group", "crowd", "score"}:
        node = node.head.head   # "thousands of protesters"
    if any(c.dep_ == "amod" and c.lemma_.lower().endswith("charge") for c in node.children):
        return POLICED_CROWD   # "baton-charged thousands of protesters" (read as an adjective)
    while node.dep_ == "conj":
        node = node.head   # "fired tear gas and rubber bullets at protesters"
    if node.dep_ == "dobj":
        verb, prep = node.head, ""
    elif node.dep_ == "pobj":
        verb, prep = node.head.head, node.head.lower_
    else:
        return None
    lemma = verb.lemma_.lower()
    if lemma.endswith("charge"):
        lemma = "charge"
    wanted = CROWD_CONTROL.get(lemma)
    if wanted is None or wanted != prep and not (wanted == "" and prep == ""):
        return None
    return POLICED_CROWD


SHOT_DEAD = Trigger("shoot", "VERB", "", "", "190", "ASSAULT", "firearms", True)


def _misread_shot_dead(token: Any) -> Trigger | None:
    """'Gunmen on a motorcycle shot dead a volunteer': the parser read "shot" as a noun and "dead"
    as the verb; "dead" then carries the shooting."""
    if token.lower_ != "dead" or token.i == 0 or token.pos_ not in {"VERB", "AUX"} and token.dep_ not in {
            "ROOT", "ccomp", "conj", "advcl", "relcl"} or not any(c.dep_ == "dobj" for c in token.children):
        return None
    shot = token.doc[token.i - 1]
    return SHOT_DEAD if shot.lower_ == "shot" and shot.pos_ != "VERB" else None


def _reported_demand(token: Any) -> Trigger | None:
    """'X said that Y must ...': a demand by the speaker, whatever the verb."""
    if token.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ in {"must", "should"}
                                       for c in token.children):
        return None
    head = token.head
    if token.dep_ in {"ccomp", "acl"} and head.lemma_.lower() in SPEECH | SPEECH_NOUNS:
        return DEMAND
    return None


WORK_STOPPAGE = Trigger("stop", "VERB", "work", "", "143", "PROTEST", "strike", True)
#: What workers stop, close or keep shut to make a point.
WORK_OBJECTS = frozenset({"work", "service", "operation", "trading", "business", "shop", "stall", "market",
                          "class", "lesson", "traffic"})
STOPPAGE_VERBS = frozenset({"stop", "halt", "suspend", "close", "shut", "down", "cease", "keep"})


def _work_stoppage(token: Any) -> Trigger | None:
    """'Drivers stopped work on Monday to demand that the road be cleared', 'traders closed their
    shops in protest at the killing': a strike, told by what it is for."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in STOPPAGE_VERBS:
        return None
    objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    if not any(o.lemma_.lower() in WORK_OBJECTS for o in objects):
        return None
    purpose = any(c.dep_ in {"advcl", "xcomp"} and c.lemma_.lower() in PROTEST_PURPOSES
                  and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in token.children)
    protest = any(o.lemma_.lower() == "protest" and p.lower_ == "in" for h in (token, *objects)
                  for p in h.children if p.dep_ == "prep"   # ("stopped work in protest": on "work")
                  for o in p.children if o.dep_ == "pobj")
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    workers = subject is not None and subject.lemma_.lower() in WORKERS and token.lemma_.lower() == "stop" \
        and any(o.lemma_.lower() == "work" for o in objects)   # "bus drivers in Fortaleza stopped work"
    return WORK_STOPPAGE if purpose or protest or workers else None


#: People whose stopping work is a strike (not "rescuers stopped work at nightfall").
WORKERS = frozenset({"driver", "worker", "teacher", "nurse", "doctor", "miner", "trader", "shopkeeper", "employee",
                     "staff", "docker", "operator", "conductor", "lawyer", "farmer", "vendor", "transporter"})


TAKEN_GROUND = Trigger("take", "VERB", "", "", "171", "COERCE", "seize", True)
#: Ground that can be taken ("took the town", "had taken Liancourt").
GROUND_NOUNS = frozenset({"town", "village", "city", "base", "position", "outpost", "post", "district", "hill",
                          "airport", "camp", "garrison", "barracks", "checkpoint", "stronghold", "headquarters"})


def _taken_ground(token: Any) -> Trigger | None:
    """'his fighters had taken Liancourt', 'took the town of X': ground captured (read as an
    occupation by the coder)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in {"take", "liberate"} \
            or any(c.dep_ == "prt" for c in token.children):
        return None
    obj = next((c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    if obj is None:
        return None
    if obj.pos_ == "PROPN" and obj.ent_type_ in {"GPE", "LOC", "FAC"} or obj.lemma_.lower() in GROUND_NOUNS \
            and any(c.dep_ == "prep" and c.lower_ == "of" for c in obj.children):
        return TAKEN_GROUND
    return None


DENIED_INVOLVEMENT = Trigger("involve", "VERB", "", "", "120", "REJECT", None, True)
#: A threat in the idiom of a promised answer; ANSWERED: the one answered is the subject, the threat
#: is the speaker's ("London will receive a response", "attacks will not go unanswered").
PROMISED_RESPONSE = Trigger("respond", "VERB", "", "", "138", "THREATEN", None, True)
ANSWERED = Trigger("receive", "VERB", "", "", "138", "THREATEN", None, True)
#: Nouns of a promised answer ("will receive a response", "will face consequences").
ANSWER_NOUNS = frozenset({"response", "answer", "reply", "retaliation", "retribution", "consequence", "punishment"})
#: Deadlines given to people ("gave anyone holding a firearm 72 hours to surrender it").
DEADLINE_UNITS = frozenset({"hour", "day", "week"})


def _promised_response(token: Any) -> Trigger | None:
    """Threats said as promised answers: "X will receive a response", "will face consequences",
    "attacks will not go unanswered", "reserves the right to respond", and ultimatums: "gave anyone
    holding a firearm 72 hours to surrender it"."""
    lemma = token.lemma_.lower()
    if token.pos_ not in {"VERB", "AUX"} or lemma not in _PROMISE_LEMMAS:
        return None
    future = any(c.dep_ == "aux" and c.lower_ in {"will", "would", "shall", "'ll"} for c in token.children)
    if lemma in {"receive", "face", "get"} and future and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ANSWER_NOUNS for c in token.children):
        return ANSWERED
    if lemma == "go" and future and any(c.lower_ in {"unanswered", "unpunished"} for c in token.children):
        return ANSWERED
    if lemma == "go" and any(c.dep_ == "prt" and c.lower_ == "off" for c in token.children) and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in EXPLOSIVES for c in token.children):
        return WENT_OFF   # "an explosive device went off near a mosque"
    if lemma in PLEDGE_VERBS and any(c.dep_ in {"xcomp", "ccomp"} and c.lemma_.lower() in HOSTILE_VERBS | VIOLENT_VERBS
                                      for c in token.children):
        return PROMISED_RESPONSE   # "the minister vowed to hunt down the killers"
    if lemma in HOSTILE_VERBS and future and token.dep_ == "ccomp" \
            and token.head.lemma_.lower() in SPEECH | PLEDGE_VERBS and not any(
                c.dep_ in {"auxpass", "neg"} for c in token.children) and any(
                c.dep_ == "dobj" and (is_person(c) or c.ent_type_ in {"ORG", "NORP", "PERSON"}
                                      or c.lemma_.lower() in WRONGDOERS) for c in token.children):
        return PROMISED_RESPONSE   # "the army chief said his troops would hunt down the attackers"
    if lemma in {"tell", "order", "instruct", "warn", "give"} and any(
            x.dep_ in {"xcomp", "ccomp", "dobj"} and any(
                o.dep_ == "conj" and o.lemma_.lower() in {"face", "bear", "suffer", "risk"}
                and any(a.lower_ == "or" for a in x.children) and any(
                    d.dep_ == "dobj" and d.lemma_.lower() in ANSWER_NOUNS | {"death", "wrath"} for d in o.children)
                for o in x.children)
            for x in token.children):
        return DEADLINE   # "told traders to close their shops or 'bear the consequences'": an ultimatum
    if lemma in {"answer", "meet"} and future and any(c.dep_ == "auxpass" for c in token.children) \
            and token.dep_ in {"ccomp", "conj"} and token.head.lemma_.lower() in SPEECH | {"warn"} \
            and any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children):
        return ANSWERED   # "any further 'aggression' against Afghan territory would be answered 'with full force'"
    if lemma in HOSTILE_VERBS | {"shoot", "kill", "execute", "target", "bomb"} \
            and any(c.dep_ == "auxpass" for c in token.children) and future \
            and token.dep_ in {"ccomp", "conj"} and token.head.lemma_.lower() in SPEECH | {"warn"}:
        return ANSWERED   # "the army chief said anyone who attacks soldiers would be crushed"
    if lemma in {"declare", "remain", "be", "consider", "regard"} and any(
            t.lemma_.lower() == "target" and any(a.lower_ in {"legitimate", "military"} for a in t.children)
            and t.dep_ in {"oprd", "attr", "dobj", "xcomp", "ccomp", "pobj"} for t in token.subtree if t.head.i in {token.i} | {
                c.i for c in token.children}):
        return MARKED_TARGET   # "declared the road a military target", "police remain 'legitimate targets'"
    if lemma == "reserve" and any(c.dep_ == "dobj" and c.lower_ == "right" and any(
            t.lemma_.lower() in {"respond", "retaliate", "react"} for t in c.subtree) for c in token.children):
        return PROMISED_RESPONSE
    if lemma == "give" and any(t.lemma_.lower() in DEADLINE_UNITS and any(n.dep_ == "nummod" for n in t.children)
                               or t.lower_ == "until" and any(d.ent_type_ == "DATE" for d in t.subtree)
                               for t in token.subtree) \
            and any(c.dep_ in {"xcomp", "advcl"} and any(a.lower_ == "to" for a in c.children) for c in token.children):
        return DEADLINE   # (the parser may hang "72 hours" anywhere below "gave")
    return None


#: Explosives that "go off" (CAMEO 183).
EXPLOSIVES = frozenset({"bomb", "device", "explosive", "mine", "landmine", "grenade", "ied", "charge", "shell"})
WENT_OFF = Trigger("explode", "VERB", "", "", "183", "ASSAULT", "explosives", True)
#: Verbs of a pledge, and what a pledge against someone promises.
PLEDGE_VERBS = frozenset({"vow", "pledge", "promise", "swear"})
HOSTILE_VERBS = frozenset({"track", "hunt", "punish", "crush", "eliminate", "retaliate", "avenge", "pursue",
                           "annihilate", "destroy", "wipe", "neutralise", "neutralize", "chase"})
#: Those a promised pursuit is aimed at ("would hunt down the attackers").
WRONGDOERS = frozenset({"attacker", "killer", "perpetrator", "culprit", "gang", "gunman", "militant", "terrorist",
                        "bandit", "rebel", "kidnapper", "criminal", "insurgent", "group", "assailant"})
#: Violent acts a pledge can promise ("promised to kill any police officer who enters").
VIOLENT_VERBS = frozenset({"kill", "attack", "behead", "execute", "burn", "bomb", "shoot", "target", "strike",
                           "slaughter", "murder"})
#: People or things declared targets ("a legitimate target"): a threat by whoever declares it.
MARKED_TARGET = Trigger("target", "VERB", "", "", "138", "THREATEN", None, True)
#: The verbs _promised_response reads (tested first: it runs on every token).
_PROMISE_LEMMAS = PLEDGE_VERBS | HOSTILE_VERBS | {"receive", "face", "get", "go", "shoot", "kill", "execute", "target",
                                                  "bomb", "declare", "remain", "be", "consider", "regard", "reserve",
                                                  "give", "answer", "meet", "tell", "order", "instruct",
                                                  "warn"}
#: A charge dismissed in words (CAMEO 120): "called the accusations baseless", "the claims were lies".
DISMISSAL = Trigger("dismiss", "VERB", "", "", "120", "REJECT", None, True)
DISMISSED_BY_SPEAKER = Trigger("be", "VERB", "", "", "120", "REJECT", None, True)
#: What is dismissed, and the words that dismiss it.
CHARGE_NOUNS = frozenset({"accusation", "allegation", "claim", "charge", "report", "assertion", "account", "rumour",
                          "rumor", "statement", "video", "footage", "photo", "photograph", "image", "recording"})
#: Reports said to be false deny a rumoured event (negated), rather than answer anyone's charge.
RUMOURS = frozenset({"report", "rumour", "rumor", "account"})
DISMISSIVE = frozenset({"baseless", "false", "fabricated", "unfounded", "groundless", "untrue", "lie", "lies",
                        "propaganda", "nonsense", "fabrication", "fake", "ridiculous", "absurd", "slander"})


def _dismissive(token: Any) -> bool:
    return any(t.lemma_.lower() in DISMISSIVE or t.lower_ in DISMISSIVE for t in token.subtree)


def _dismissal(token: Any) -> Trigger | None:
    """'The minister called the accusations "baseless"', 'dismissed the report as propaganda' (a
    labelling verb on a charge), and 'a spokesman said the claims were "lies"' (a copula under speech)."""
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in {"call", "describe", "brand", "term", "label"}:
        charge = next((c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in CHARGE_NOUNS), None)
        label = [c for c in token.children if c.dep_ in {"oprd", "xcomp", "ccomp", "acomp"}
                 or c.dep_ == "prep" and c.lower_ == "as"]
        if charge is not None and any(_dismissive(c) for c in label):
            return DISMISSAL
    if lemma == "be" and token.dep_ in {"ccomp", "conj"} and token.head.lemma_.lower() in SPEECH:
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lemma_.lower() in CHARGE_NOUNS - RUMOURS and any(
                c.dep_ in {"attr", "acomp"} and _dismissive(c) for c in token.children):
            return DISMISSED_BY_SPEAKER
    return None


#: An ultimatum with a deadline (CAMEO 139, "give ultimatum").
DEADLINE = Trigger("give", "VERB", "", "", "139", "THREATEN", None, True)
#: Subjects that deny for all of a group: "none of its members was involved".
NOBODY = frozenset({"none", "nobody", "no one", "neither"})


def _denied_involvement(token: Any) -> Trigger | None:
    """'X said none of its members was involved', 'X said its forces were not involved in the
    fighting', 'X said it had nothing to do with the attack', 'X said the air force had carried out no
    operations in the state': the speaker denies a part in it."""
    if token.pos_ != "VERB" or token.dep_ not in {"ccomp", "conj"} or token.head.lemma_.lower() not in SPEECH:
        return None
    lemma = token.lemma_.lower()
    subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    negated = any(c.dep_ == "neg" for c in token.children) or (
        subject is not None and (subject.lower_ in NOBODY or any(c.dep_ == "det" and c.lower_ == "no"
                                                              for c in subject.children)))
    if lemma == "involve" and negated and any(c.dep_ == "auxpass" for c in token.children):
        return DENIED_INVOLVEMENT
    if lemma in {"carry", "conduct"} and any(c.dep_ == "dobj" and c.lemma_.lower() == "operation" and (negated or any(
            d.dep_ == "det" and d.lower_ == "no" for d in c.children)) for c in token.children):
        return DENIED_INVOLVEMENT   # "the spokesman said the air force had carried out no operations there"
    if lemma == "have" and any(c.dep_ == "dobj" and c.lower_ == "nothing" and any(
            g.lower_ == "do" for g in c.subtree) for c in token.children):
        return DENIED_INVOLVEMENT
    if lemma in {"play", "have", "take"} and any(
            c.dep_ == "dobj" and c.lemma_.lower() in {"role", "part", "hand"} and (negated or any(
                d.dep_ == "det" and d.lower_ == "no" for d in c.children)) for c in token.children):
        return DENIED_INVOLVEMENT   # "the company said it had played no role in the eviction"
    return None


#: Heads that only count or group what follows "of": "a group of hostages", "a mission of
#: observers", "a state of emergency", "part of the stronghold".
COLLECTIVE_HEADS = frozenset({"group", "team", "mission", "delegation", "batch", "contingent", "number",
                              "dozen", "hundred", "thousand", "party", "state", "part", "some", "most",
                              "all", "rest", "convoy", "shipment", "consignment", "unit", "body"})
#: Adjectives that make any object a weapon ("explosive charges", "incendiary devices").
WEAPON_ADJECTIVES = frozenset({"explosive", "incendiary"})
#: Object class for rows that apply to any person or group of people ("release @person").
PERSON_CLASS = "@person"
#: Object class for property that is attacked when burned ("burned two trucks": "burn @property").
PROPERTY_CLASS = "@property"
PROPERTY = frozenset({
    "truck", "lorry", "car", "vehicle", "bus", "minibus", "van", "tanker", "motorcycle", "machine", "machinery",
    "excavator", "bulldozer", "tractor", "harvester", "shop", "store", "market", "stall", "school", "mosque",
    "church", "temple", "village", "hut", "house", "home", "dwelling", "crop", "field", "granary", "warehouse",
    "factory", "depot", "station", "camp", "tent", "office", "building", "property", "farm", "barn", "plantation",
    "forest", "boat", "train", "wagon", "hospital", "clinic", "court", "courthouse", "headquarters", "ballot"})
#: Object class for relief goods ("delivered rice, mattresses and blankets": "deliver @relief").
RELIEF_CLASS = "@relief"
RELIEF_GOODS = AID_GOODS - {"fuel"} | frozenset({
    "rice", "maize", "grain", "sorghum", "bean", "lentil", "sugar", "salt", "biscuit", "meal", "mattress", "mat",
    "tarpaulin", "shelter", "kit", "soap", "clothing", "clothes", "dose", "drug", "bandage", "cash", "voucher",
    "fodder", "item"})


#: Heads that stand for a part of what follows "of" ("a stretch of the highway").
STRETCH_HEADS = frozenset({"stretch", "section", "portion", "part", "length", "segment", "tonne", "ton", "bag", "sack",
                           "truckload", "carton", "kilogram"})
#: States of exception a government declares ("a state of prevention", "a state of siege").
EXCEPTION_STATES = frozenset({"emergency", "prevention", "siege", "alarm", "exception", "alert"})


def _verb_objects(verb: Any) -> list[tuple[str, str]]:
    """(object lemma, preposition) pairs that select a verb's row, most specific first: the direct
    object (or passive subject), then what it stands for ("mediation efforts": also "mediation";
    "a group of hostages": also "hostage"), prepositional objects, particles, and last the
    ``@person`` class when the object is a person or a group of people."""
    heads = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if not heads and verb.tag_ in {"VBN", "VBD"} and verb.dep_ in {"ccomp", "oprd", "xcomp"} \
            and verb.head.lemma_.lower() in {"order", "declare", "keep", "have", "want"}:
        heads = [c for c in verb.children if c.dep_ == "nsubj"]   # "ordered the road closed"
    if not heads:   # "sending in troops", "flew in reinforcements": a particle read as a preposition
        heads = [o for p in verb.children if p.dep_ == "prep" and p.i == verb.i + 1 and p.lower_ in {"in", "out"}
                 for o in p.children if o.dep_ == "pobj" and o.tag_ in {"NNS", "NNPS"}]
    objects = [(m.lemma_.lower(), "") for c in heads for m in c.children   # "dropped explosive charges"
               if m.dep_ == "amod" and m.lemma_.lower() in WEAPON_ADJECTIVES]
    objects += [(m.lemma_.lower(), "") for c in heads if c.lemma_.lower() in ACTIVITY_HEADS
                for m in c.children if m.dep_ == "compound" and m.pos_ == "NOUN"]   # "a search operation"
    objects += [("gas", "") for c in heads for m in c.subtree   # "fired tear gas shells", "tear gas and stun
                if m.i != c.i and m.dep_ in {"compound", "nmod", "conj", "amod"}   # grenades"
                and m.lemma_.lower() in {"gas", "teargas", "stun", "pepper"} and m.head.i in {c.i, *(x.i for x in c.children)}]
    objects += [(m.lemma_.lower(), "") for c in heads for m in c.children   # "fired rubber bullets": crowd
                if m.dep_ in {"compound", "amod"} and m.lemma_.lower() in {"rubber", "plastic", "sponge"}]   # control
    objects += [(c.lemma_.lower(), "") for c in heads]
    objects += [(a.lemma_.lower(), "") for c in heads for a in c.conjuncts   # "army and PMF reinforcements had
                if a.pos_ == "NOUN"]   # been sent": each of the objects
    objects += [(a.lemma_.lower(), "") for c in heads for a in c.children   # "blocked the Route Le Prince,
                if a.dep_ == "appos" and a.pos_ == "NOUN"]   # the highway that ...": what the object is
    objects += [(c.lemma_.lower(), "") for c in verb.children if c.dep_ in {"oprd", "ccomp", "xcomp", "dobj"}
                and c.lower_ == "persona"]   # "declared a first secretary persona non grata"
    objects += [(c.lemma_.lower(), "") for c in verb.children if c.dep_ == "oprd" and c.pos_ == "NOUN"]
    # "declared al-Mufaqara and two hamlets a closed military zone"
    if not heads and verb.lemma_.lower() in {"fire", "use", "spray", "lob"} and any(
            t.lemma_.lower() in {"gas", "teargas", "cannon"} for t in verb.doc[verb.i + 1:verb.i + 5]):
        objects.append(("gas", ""))   # "police fired tear gas and water cannon at students marching ..." (misparsed)
    for head in heads:
        objects.extend((m.lemma_.lower(), "") for m in head.children
                       if m.dep_ == "compound" and m.pos_ == "NOUN")
        of_objects = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                      for o in p.children if o.dep_ == "pobj"]
        if head.lemma_.lower() in STRETCH_HEADS:   # "blocked a stretch of Avenida Brasil": the road
            objects.extend((o.lemma_.lower(), "") for o in of_objects)
            objects.extend((m.lemma_.lower(), "") for o in of_objects for m in o.children if m.dep_ == "compound")
        if head.lemma_.lower() == "state" and any(o.lemma_.lower() in EXCEPTION_STATES for o in of_objects):
            objects.append(("emergency", ""))   # "declared a state of prevention / siege / alarm"
        if head.lemma_.lower() in COLLECTIVE_HEADS:
            objects.extend((o.lemma_.lower(), "") for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                           for o in p.children if o.dep_ == "pobj")
    objects += _prep_objects(verb) + [o for c in verb.children if c.dep_ in {"advmod", "prt"}
                                      for o in _prep_objects(c)]   # "walk away from the talks"
    objects += [("", c.lower_) for c in verb.children if c.dep_ in {"acomp", "advmod", "prt"}]
    if any(is_person(h) or any(is_person(o) for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
                                 for o in p.children if o.dep_ == "pobj" and h.lemma_.lower() in COLLECTIVE_HEADS)
           for h in heads if h.dep_ == "dobj"):
        objects.append((PERSON_CLASS, ""))
    goods = [g.lemma_.lower() for h in heads for g in (h, *h.conjuncts)]
    if any(g in RELIEF_GOODS for g in goods):
        objects.append((RELIEF_CLASS, ""))
    if any(g in PROPERTY for g in goods):
        objects.append((PROPERTY_CLASS, ""))
    return objects


def is_person(token: Any) -> bool:
    """A named person, or a noun for people ("the prime minister", "30 members", "hostages")."""
    if token.ent_type_ == "PERSON" or token.ent_type_ == "NORP" and token.pos_ in {"NOUN", "PROPN"}:
        return True
    return token.pos_ == "NOUN" and token.lemma_.lower() in PEOPLE


def _prep_objects(token: Any) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for prep in token.children:
        if prep.dep_ == "prep":
            objs = [o.lemma_.lower() for o in prep.children if o.dep_ == "pobj"]
            out.extend((o, prep.lower_) for o in objs or [""])
    return out


def find_candidates(sentence: Any, lexicon: Lexicon) -> list[Candidate]:
    """Every trigger token of a sentence, nested and merged (see the module docstring)."""
    found = [Candidate(t, row) for t in sentence
             if t.pos_ not in _NEVER_TRIGGERS and (row := _taken_ground(t) or _promised_response(t) or _dismissal(t) or _misread(t)
                     or lookup(t, lexicon)
                     or _reported_demand(t)
                     or _aid_arriving(t) or _denied_involvement(t))
             is not None and row.type != "-"
             and not (not row.curated and t.tag_ == "VBG" and (t.dep_ == "amod" or t.lower_ in ADJECTIVAL_VBG))
             and t.ent_type_ not in {"DATE", "TIME"} and not _people_noun(t)]   # "on 13 March" is no march
    answered = {c.i for cand in found if cand.row is ANSWERED for c in cand.token.children if c.dep_ == "nsubj"}
    found = [c for c in found if c.token.i not in answered]   # "attacks on ships will not go unanswered"
    by_index = {c.token.i: c for c in found}
    for cand in found:
        _apply_nesting(cand, by_index)
    for cand in found:
        if not cand.dropped and _is_accident_death(cand):
            cand.dropped = True
    return [c for c in found if not c.dropped]


#: Parts of speech no reading starts from (the test comes before the readings, run on every token).
_NEVER_TRIGGERS = frozenset({"DET", "PUNCT", "ADP", "CCONJ", "SCONJ", "PRON", "NUM", "PART", "SPACE", "SYM"})
#: Words that can start a reading of their own (below) before the lexicon's: the cheap test first.
_SPECIAL_WORDS = STOPPAGE_VERBS | PROTESTER_NOUNS | {"arrive", "land", "reach", "enter", "warning", "threatening",
                                                     "dead", "fall", "impact"}


def _misread(token: Any) -> Trigger | None:
    """Readings of words the lexicon gets wrong or the parser misreads (strikes told by their purpose,
    forces arriving, written warnings, protesters met by the police, "shot dead")."""
    if token.lemma_.lower() not in _SPECIAL_WORDS and token.lower_ not in _SPECIAL_WORDS:
        return None
    return _work_stoppage(token) or _forces_arriving(token) or _message_threat(token) or policed_crowd(token) \
        or _misread_shot_dead(token) or _projectile_landed(token)


def _people_noun(token: Any) -> bool:
    """'the wounded were being treated', 'visited the injured': a participle used as a noun names
    people, it tells no act of its own."""
    if token.dep_ == "amod" and token.tag_ == "VBN" and token.lemma_.lower() in {"wound", "injure"} \
            and token.head.pos_ == "NOUN":
        return True   # "evacuated 30 wounded people": who they are, not an attack of their own
    return token.pos_ == "VERB" and token.tag_ in {"VBN", "VBD"} \
        and token.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"} \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
        and not any(c.dep_ in {"dobj", "agent", "prep", "nsubj", "nsubjpass"} for c in token.children)


def _apply_nesting(cand: Candidate, by_index: dict[int, Candidate]) -> None:
    for modifier in cand.token.children:   # "threatening attacks", "planned strikes"
        outer = by_index.get(modifier.i)
        if modifier.dep_ in {"amod", "acl"} and outer is not None and outer.row.type in CONTAINER_TYPES \
                and not enacted(cand.token):   # but "mounted its long-threatened invasion" happened
            cand.dropped = True
            return
    node, entry = cand.token, None
    while node.head.i != node.i:
        entry, node = node, node.head
        if node.lemma_.lower() in SPEECH and node.i not in by_index:
            return
        outer = by_index.get(node.i)
        if outer is None or outer.dropped:
            continue
        if cand.row.type == "ASSAULT" and outer.row.type == "ASSAULT":
            if days_before(cand.token) is not None:
                return   # "A day after a roadside bomb killed four soldiers, troops raided ...": two incidents
            if _own_scene(cand.token, outer.token):
                return   # "youths set fire to a bank in Magenta, and a policeman was shot dead at a roadblock in Dumbéa"
            cand.dropped = True
            outer.absorbed.append(cand)
            return
        if outer.row.type in CONTAINER_TYPES and _is_complement(entry):
            if quote_opens_between(cand.token, outer.token):
                return   # 'students had gathered at the gate, some carrying placards reading "We just want to ...'":
                # the parser hung the act on the quoted words
            if outer.token.lemma_.lower() in {"respond", "retaliate"}:
                return   # "retaliated with air strikes": the means is the act (see MEANS_OF)
            if (outer.token.lemma_.lower() in {"vote", "decide", "resolve"} and outer.token.tag_ == "VBD"
                    and cand.row.type in {"COERCE", "SANCTION", "MOBILIZE"}
                    or outer.token.lemma_.lower() in {"order", "authorise", "authorize", "approve"}
                    and (cand.token.pos_ == "NOUN" and cand.token.dep_ == "dobj" and cand.row.type == "MOBILIZE"
                         or cand.token.tag_ in {"VBN", "VBD"} and cand.token.dep_ in {"ccomp", "oprd"}
                         and not any(c.dep_ in {"dobj", "aux"} for c in cand.token.children)
                         and cand.row.type in {"COERCE", "SANCTION"})):   # "ordered the road closed"
                outer.dropped = True   # "the Senate voted on Monday to extend the state of emergency": the extension;
                # "the governor ordered the deployment of 200 more police officers": the deployment
                return
            if outer.token.lemma_.lower() == "dismiss":
                cand.dropped = True    # "dismissed assessments that a bomb was responsible": REJECT
            elif outer.token.lemma_.lower() in DENY and (cand.row.curated and cand.row.type in DENIED_ACTS):
                outer.dropped = True   # "denied carrying out the attack": the attack, denied
            elif outer.token.lemma_.lower() in DENY:
                cand.dropped = True   # "denied ..., calling the claim a fabrication": the denial itself
            else:
                cand.dropped = True
            return
        return


#: Time nouns of "a day after ...", "two weeks after ...", in days.
SPAN_DAYS = {"hour": 0, "minute": 0, "day": 1, "week": 7, "month": 30}
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "several": 3, "few": 3}


def _own_scene(token: Any, outer: Any) -> bool:
    """A coordinated clause with a subject and a place of its own tells an act of its own."""
    if token.dep_ != "conj" or token.head.i != outer.i or token.pos_ != "VERB":
        return False
    subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"}:
        return False
    return any(p.dep_ == "prep" and p.lower_ in {"in", "at", "near", "outside"} for p in token.children)


def days_before(token: Any) -> int | None:
    """How many days before its main clause a clause's act happened: "A day after a roadside bomb
    killed four soldiers, troops raided ..." gives 1 for "killed"; None for any other clause."""
    if token.dep_ == "pobj" and token.head.lower_ == "after" and token.pos_ == "NOUN":
        holder = token.head   # "A day after a military air strike on a monastery, rescuers said the toll ..."
    elif token.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "after" for c in token.children):
        return None
    else:
        holder = token
    span = next((c for c in holder.children if c.dep_ == "npadvmod" and c.lemma_.lower() in SPAN_DAYS), None)
    if span is None and holder is not token and holder.head.dep_ == "npadvmod" \
            and holder.head.lemma_.lower() in SPAN_DAYS:
        span = holder.head   # ("a day" heads "after ..." in the parse)
    if span is None:
        return None
    count = next((c for c in span.children if c.dep_ in {"det", "nummod", "amod"}), None)
    number = 1
    if count is not None:
        number = int(count.text) if count.text.isdigit() else _COUNTS.get(count.lower_, 1)
    days = number * SPAN_DAYS[span.lemma_.lower()]
    return None if holder is not token and not days else days   # ("hours after the bar attack": the same day)


def days_earlier(token: Any) -> int | None:
    """How many days before its sentence's main clause an act told inside it happened: "... the
    bodies of three children killed in a quadcopter attack a day earlier" gives 1."""
    for adverb in token.subtree:
        if adverb.dep_ != "advmod" or adverb.lower_ not in {"earlier", "before"} or adverb.head.dep_ == "ROOT" \
                or any(c.dep_ == "prep" and c.lower_ == "on" and any(o.ent_type_ == "DATE" for o in c.children)
                       for c in adverb.head.children):
            continue   # (not "Two days earlier, on Monday, a convoy reached ...": the sentence's own time)
        span = next((c for c in adverb.children if c.dep_ == "npadvmod" and c.lemma_.lower() in SPAN_DAYS), None)
        if span is None:
            continue
        count = next((c for c in span.children if c.dep_ in {"det", "nummod", "amod"}), None)
        number = int(count.text) if count is not None and count.text.isdigit() else \
            _COUNTS.get(count.lower_, 1) if count is not None else 1
        return number * SPAN_DAYS[span.lemma_.lower()] or None
    return None


#: Verbs that carry out the act named by their object ("mounted an invasion", "launched the
#: planned offensive"): a "planned" or "threatened" modifier then tells its history, not its status.
ENACT = frozenset({"mount", "launch", "carry", "stage", "conduct", "begin", "start", "execute", "unleash",
                   "wage", "stag"})


def enacted(noun: Any) -> bool:
    """The event noun is the object of a verb that carries it out."""
    return noun.pos_ == "NOUN" and noun.dep_ == "dobj" and noun.head.lemma_.lower() in ENACT \
        and not any(c.dep_ == "neg" for c in noun.head.children)


def _is_complement(entry: Any) -> bool:
    if entry.dep_ in COMPLEMENT_DEPS:
        return True
    return entry.dep_ == "prep" and entry.lower_ in COMPLEMENT_PREPS


def _is_accident_death(cand: Candidate) -> bool:
    """A death verb with no attacker whose cause is an accident ("killed when the plane crashed")."""
    token = cand.token
    if token.lemma_.lower() not in DEATH_LEMMAS or cand.absorbed:
        return False
    if any(c.dep_ in {"agent"} for c in token.children):
        return False
    if token.lemma_.lower() == "kill" and any(c.dep_ == "nsubj" for c in token.children):
        subject = next(c for c in token.children if c.dep_ == "nsubj")
        return subject.lemma_.lower() in ACCIDENTS
    return any(t.lemma_.lower() in ACCIDENTS for t in token.subtree if t.i != token.i)
