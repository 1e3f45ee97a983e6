"""Which drafted events an analyst would keep: participants, background mentions, duplicates.

A trigger word is not yet an event. This module applies the precision rules, all general:

* **participants** (graded in :mod:`.participants`) – an event needs a real participant: an actor or a target whose head word is a
  known actor (dictionary hit: country, armed group, IGO, agent noun such as "police"), a proper
  name, or a person/organisation noun. A verbal event whose subject is an abstract noun ("Such steps
  would ...", "the pressure will increase") is not an event at all. ASSAULT may do without
  participants when the sentence reports casualties ("Three people were killed in clashes").
* **quoted speech** – an event inside quotation marks needs a *named* participant (a witness's "I
  heard a huge bang" is colour, "Russian forces did not attack Romanian territory" is an event).
* **background** – a nominal trigger inside a background phrase ("in revenge for airstrikes",
  "due to the threat", "amid protests") or a generic plural ("a pattern of attacks on police
  posts", "low-cost attacks") without participants of its own is not a new event; habitual
  clauses ("the group usually claims attacks") are not events either.
* **duplicates** – one event per type per sentence (the best-supported trigger wins and the others
  lend it missing roles), and within an article the same type/actor/target/date/place is kept once.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from wirewatch.stages.coding.candidates import (
    MESSAGE_NOUNS,
    PEOPLE,
    PROTESTER_NOUNS,
    is_person,
    policed_crowd,
)
from wirewatch.stages.coding.draft import AGREEMENT_NOUNS, AGREEMENT_TYPES, EMPTY, Draft
from wirewatch.stages.coding.participants import ABSTRACT, AGENT, NAMED, UNKNOWN, Roles, is_abstract
from wirewatch.stages.coding.roles import LIGHT_VERBS, MEASURE_NOUNS
from wirewatch.stages.coding.status import INTENT_ADJ, INTENT_VERBS

ASSAULT_INSTRUMENTS = frozenset({
    "bomb", "car", "device", "explosive", "drone", "missile", "rocket", "shell", "blast", "explosion",
    "mine", "grenade", "vehicle", "truck", "shelling", "strike", "airstrike", "fire", "gunfire",
    "bullet", "mortar", "artillery", "ied", "bombing", "attack", "raid", "ambush", "landmine",
    "motorcycle", "pickup", "van", "gun", "weapon"})
BACKGROUND_PREPS = frozenset({"amid", "after", "following", "since", "despite", "over", "because",
                              "due", "for", "against", "to", "of", "about"})
BACKGROUND_HEADS = frozenset({"revenge", "retaliation", "response", "reprisal", "retribution",
                              "protest", "wake", "aftermath", "face", "light", "view", "pattern",
                              "wave", "series", "string", "spate", "campaign", "history", "threat",
                              "risk", "fear", "prospect", "possibility", "danger"})
HABITUAL = frozenset({"usually", "often", "regularly", "routinely", "typically", "frequently",
                      "sometimes", "generally", "traditionally", "normally", "occasionally",
                      "repeatedly", "constantly", "continually", "habitually"})
GENRE_WORDS = frozenset({
    "match", "goal", "goals", "striker", "midfielder", "goalkeeper", "coach", "league", "season",
    "half-time", "halftime", "scored", "penalty", "fans", "stadium", "kick-off", "header", "winger",
    "price", "prices", "discount", "sales", "carmaker", "carmakers", "dealers", "shares", "investors",
    "market share", "revenue", "profit", "storm", "hurricane", "gusts", "rainfall", "flooding",
    "forecasters", "tornado", "tides", "weather service", "power outages", "wind",
    "wicket", "wickets", "innings", "batsman", "batter", "bowler", "bowlers", "bowling", "spinner",
    "seamer", "scrum", "lineout", "fly-half", "tries", "try-line", "grandmaster", "checkmate", "pawn",
    "rook", "chessboard", "tiebreak", "screenplay", "sequel", "cinema", "cinemas", "slapstick", "premiere",
    "actress", "nollywood", "bollywood", "hollywood", "comedy", "cinematography", "protagonist", "box-office",
    "peloton", "jersey", "sprinter", "sprinters", "cyclist", "cyclists", "cycling", "podium", "time-trial",
    "climbers", "basketball", "rebounds", "three-pointer", "playoffs", "playoff", "quarterback", "touchdown",
    "tennis", "forehand", "backhand", "golf", "birdie", "bogey", "fairway", "boxing", "uppercut", "referee",
    "esports", "semi-final", "semifinal", "quarter-final", "quarterfinal", "tournament", "championship",
    "stocks", "earnings", "auction", "auctions", "shareholders", "dividend", "carnival", "murga", "murgas",
    "comparsa", "comparsas", "samba", "costumes", "choir", "concert", "concerts", "festival", "audience",
    "performers", "singer", "singers", "rehearsal", "rehearsals", "troupe", "troupes", "album", "orchestra",
    "ballet", "encore", "applause", "lyrics", "songwriter", "fireworks", "pyrotechnic", "pyrotechnics",
    "pyrotechnicians", "spectators", "customers", "restaurant", "restaurants", "menu", "discounts", "shoppers",
    "retailers", "retail", "contest", "prize", "trophy", "display", "displays", "finalists", "champions"})
_WORD = re.compile(r"[a-z][a-z-]*(?: share| service| outages)?")


def off_topic(text: str, threshold: int = 5, groups: int = 0) -> bool:
    """Sports, markets, weather or reviews: many distinct genre words, or a few (``QUIET_GENRE``)
    with no armed actor in sight (``groups``: armed groups the actor dictionary found)."""
    words = set(_WORD.findall(text.lower()))
    genre = len(words & GENRE_WORDS)
    return genre >= threshold or (genre >= QUIET_GENRE and len(words & FORCE_WORDS) + groups <= 1)


#: Genre words enough to call a text off-topic when it names no force and no armed group.
QUIET_GENRE = 3
#: Words for armed forces and armed men: any of them makes a text possibly about violence.
FORCE_WORDS = frozenset({"police", "policeman", "policemen", "army", "soldier", "soldiers", "troops", "military",
                         "militants", "militant", "gunmen", "gunman", "rebels", "insurgents", "militia", "fighters",
                         "gendarmes", "officers", "attackers", "bandits", "jihadists", "terrorists", "armed"})


QUOTES_OPEN = "\"“«"
QUOTES_CLOSE = "\"”»"


def in_quotes(sentence: Any, token: Any) -> bool:
    """True when the token sits inside direct speech in its sentence."""
    text = sentence.text
    offset = token.idx - sentence.start_char
    depth = 0
    straight_open = False
    for char in text[:offset]:
        if char in "“«":
            depth += 1
        elif char in "”»":
            depth = max(0, depth - 1)
        elif char == '"':
            straight_open = not straight_open
    if depth or straight_open:
        return _quoted_words(text, offset) >= 4   # "kidnapped" in scare quotes is not speech
    return text.lstrip()[:1] in QUOTES_OPEN and not any(q in text[:offset] for q in QUOTES_CLOSE[:2])


def _quoted_words(text: str, offset: int) -> int:
    """Number of words in the quotation that contains ``offset``."""
    start = max(text.rfind(q, 0, offset) for q in "\"“«")
    ends = [i for i in (text.find(q, offset) for q in "\"”»") if i >= 0]
    end = min(ends) if ends else len(text)
    return len(text[start + 1:end].split())


#: Verbs whose past tense is spelt as their present ("set", "hit", "shut").
SAME_PAST = frozenset({"set", "put", "cut", "hit", "shut", "beat", "let", "spread", "cast", "burst", "shed", "hurt"})


def _habitual(token: Any) -> bool:
    """'the group usually claims attacks', 'Tehran regularly says it is cracking down', and the
    simple present of a reported act ('saying it strikes only military sites'): a habit or a
    policy, not an incident (a story's own present, 'troops storm the town', heads its clause)."""
    if token.pos_ == "VERB" and token.tag_ in {"VBZ", "VBP"} and token.dep_ in {"ccomp", "advcl"} \
            and not any(c.dep_ in {"aux", "auxpass"} for c in token.children) \
            and not (token.lower_ in SAME_PAST and token.head.tag_ == "VBD"):   # "came two days after armed
        return True   # men set fire to the house": a past told in the present's form
    node = token
    for _ in range(4):
        if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in node.children):
            return True
        if any(c.dep_ == "prep" and c.lower_ in {"in", "over"} and any(
                o.lemma_.lower() in DURATION_UNITS and any(m.lower_ in {"recent", "past", "last"}
                                                           for m in o.children)
                for o in c.children) for c in node.children):
            return True   # "in recent years", "over the past decade"
        if node.head.i == node.i or (node.pos_ == "VERB" and node.dep_ not in {"ccomp", "xcomp"}):
            break
        node = node.head
    return False


def _background(token: Any) -> bool:
    """A nominal trigger inside a background phrase ("in revenge for airstrikes", "due to ...")."""
    node = token
    for _ in range(4):
        head = node.head
        if head.i == node.i:
            return False
        if node.dep_ == "pobj" and head.dep_ == "prep":
            owner = head.head
            if head.lower_ in {"amid", "despite", "because", "due", "following", "since"}:
                return True
            if owner.lemma_.lower() in BACKGROUND_HEADS:
                return True
            if head.lower_ in {"of", "to"} and owner.lower_ in {"because", "due"}:
                return True
        if head.pos_ in {"VERB", "AUX"}:
            return False
        node = head
    return False


def _dated_crowd(draft: Draft, roles: Roles) -> bool:
    """'About 60 relatives and supporters gathered outside the courthouse on Tuesday morning': a
    crowd the text counts and dates is the protest's participant."""
    return draft.type == "PROTEST" and roles.actor_grade >= 2 and draft.date is not None \
        and draft.date.source == "text" and draft.date.precision == "day"


def _located_crowd(draft: Draft, roles: Roles, token: Any) -> bool:
    """'About 100 relatives and supporters gathered outside the courthouse as the verdict was read':
    a counted crowd that gathered at a named spot, in a sentence told as past news."""
    return draft.type == "PROTEST" and roles.actor_grade >= 2 and draft.date is not None \
        and token.pos_ == "VERB" and token.tag_ == "VBD" and token.lemma_.lower() in CROWD_VERBS \
        and any(c.dep_ == "prep" and c.lower_ in {"outside", "at", "in"} for c in token.children) \
        and roles.actor_token is not None and roles.actor_token.dep_ == "nsubj" \
        and any(c.dep_ == "nummod" or c.lemma_.lower() in {"hundred", "thousand", "dozen", "dozens"}
                for c in roles.actor_token.children)


#: Verbs of a crowd coming together.
CROWD_VERBS = frozenset({"gather", "assemble", "converge", "rally"})


def anchoring_protest(draft: Draft, token: Any) -> bool:
    """'six people were arrested after a protest outside a vacant office building turned violent',
    'during a rally at the port, police ...': a protest at a named spot, told as the time of what
    the sentence reports (not "the protest", told before, nor a protest planned)."""
    return draft.type == "PROTEST" and token.pos_ == "NOUN" and token.dep_ == "pobj" \
        and token.head.lower_ in {"after", "during", "following", "at"} and token.head.head.pos_ in {"VERB", "AUX"} \
        and token.head.head.tag_ in {"VBD", "VBN"} \
        and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children) \
        and any(c.dep_ == "prep" and c.lower_ in {"outside", "at", "in", "near"} for c in token.children)


def told_as_time(draft: Draft, roles: Roles, token: Any) -> bool:
    """'The verdict came a day after Brazil's Federal Police arrested a man ...', 'the sentences came
    two days after security forces raided a farm, killing two and arresting three others': the act
    that dates the sentence's news is news too."""
    if draft.status not in FACTUAL or roles.actor_grade < AGENT or token.pos_ != "VERB":
        return False
    node = token
    while node.dep_ in {"advcl", "conj"} and node.tag_ == "VBG" and node.head.pos_ == "VERB":
        node = node.head   # ("..., arresting three others": the raid's)
    return node.dep_ == "advcl" and node.head.lemma_.lower() in {"come", "follow"} \
        and any(c.dep_ == "mark" and c.lower_ == "after" for c in node.children)


def pact(draft: Draft, token: Any) -> bool:
    """'agreed to a truce between the two clans', 'reached a deal to end the strike': a pact names
    its parties, whoever the clause names."""
    if draft.type != "AGREE" or draft.status != "actual":
        return False
    if token.pos_ == "NOUN":   # "a ceasefire brokered by the Joint Palestinian Action Committee took hold"
        return token.lemma_.lower() in AGREEMENT_NOUNS and token.dep_ == "nsubj" \
            and token.head.lemma_.lower() in {"take", "come", "go", "begin", "start", "enter"} and any(
            c.dep_ == "acl" and c.tag_ == "VBN" and any(a.dep_ == "agent" for a in c.children) for c in token.children)
    return token.pos_ == "VERB" and any(
        o.lemma_.lower() in AGREEMENT_NOUNS for c in token.children
        for o in ([c] if c.dep_ == "dobj" else [g for g in c.children if g.dep_ == "pobj"]
                  if c.dep_ == "prep" and c.lower_ in {"to", "on"} else []))


def _counted_detainees(draft: Draft, roles: Roles, token: Any) -> bool:
    """'... and five were arrested', 'three others were detained': people counted by a numeral."""
    target = roles.target_token
    return draft.type == "COERCE" and draft.cameo == "173" and token.pos_ == "VERB" and target is not None \
        and target.dep_ == "nsubjpass" and target.head.i == token.i \
        and (target.tag_ == "CD" or target.lower_ == "others" and any(c.tag_ == "CD" for c in target.children))


def _after_the_incident(token: Any) -> bool:
    """'Hours after the attack, security forces launched ...', 'following the bombing, police ...':
    the incident already told, named to date the act of the clause (not "after an attack on X
    that killed 12", an incident of its own)."""
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ in {"after", "following"} and prep.head.pos_ in {"VERB", "NOUN"} \
        and any(c.dep_ in {"det", "poss"} and c.lower_ in {"the", "this", "that", "its", "their"}
                for c in token.children) \
        and not any(c.dep_ in {"prep", "relcl", "acl", "compound", "amod"} for c in token.children) \
        and prep.head.lemma_.lower() not in {"die", "kill"}


DURATION_UNITS = frozenset({"year", "decade", "month", "week", "century"})


def _durative(token: Any) -> bool:
    """'has been fighting for more than 15 years', 'deployed since 2021', 'one of the most violent
    states, with several cartels fighting over routes': a state, not an event."""
    if token.tag_ == "VBG" and token.dep_ == "pcomp" and token.head.lower_ == "with" \
            and any(c.dep_ == "nsubj" for c in token.children):
        return True
    node = token
    for _ in range(3):   # the noun, its preposition ("on strike"), the verb ("have been on strike")
        for prep in node.children:
            if prep.dep_ != "prep":
                continue
            if prep.lower_ == "since" and node.pos_ in {"VERB", "AUX"} and _perfect(node) \
                    and not _counted_since_recently(node, prep) and not _since_recent_day(prep):
                return True
            if prep.lower_ in {"for", "during", "over"} and _perfect(node) and \
                    any(o.lemma_.lower() in DURATION_UNITS for o in prep.children):
                return True   # not "jailed a student for two years": that is the sentence
        if node.pos_ in {"VERB", "AUX"} or node.head.i == node.i:
            break
        node = node.head
    return False


#: Days of the week and parts of a day: "since Sunday night" is this week's act.
_RECENT_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
                          "morning", "afternoon", "evening", "night", "dawn"})


def _since_recent_day(since: Any) -> bool:
    """'Mobile internet services have been suspended since Sunday night': the suspension began then."""
    return any(t.lower_ in _RECENT_DAYS for o in since.children if o.dep_ == "pobj" for t in o.subtree)


def _counted_since_recently(verb: Any, since: Any) -> bool:
    """'96 people had been arrested across the capital since Tuesday night': a count of acts over the
    last days is news (not "have been deployed since 2021", a state)."""
    counted = any(c.dep_ in {"nsubjpass", "dobj"} and any(n.dep_ == "nummod" for n in c.children)
                  or c.dep_ in {"nsubjpass", "dobj"} and c.like_num for c in verb.children)
    recent = any(t.lower_ in {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                              "yesterday", "dawn", "morning", "night"} for t in since.subtree)
    return counted and recent


def _perfect(verb: Any) -> bool:
    """Progressive or 'been' aspect ("has been fighting", "have been deployed", "are fighting"),
    not a simple or perfect act ("has jailed a student for two years")."""
    return verb.tag_ == "VBG" or any(c.dep_ in {"aux", "auxpass"} and c.lemma_ == "be"
                                     for c in verb.children) \
        or verb.lemma_ == "be" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def is_old(draft: Draft, published: date | None, days: int = 60) -> bool:
    """The text dates the event well before publication (background, not news)."""
    if published is None or draft.date is None or draft.date.source != "text":
        return False
    start = draft.date.date
    span = {"day": 0, "week": 6, "month": 30, "year": 364}.get(draft.date.precision, 0)
    return (published - start).days - span > days


#: Verbs that tell how a kind of event develops, not that one happened.
TREND_VERBS = frozenset({"spread", "increase", "rise", "grow", "continue", "intensify", "surge", "decline",
                         "escalate", "become", "multiply", "persist", "decrease", "fall", "double"})


def _generic_plural(token: Any) -> bool:
    """'attacks on isolated police posts', 'low-cost attacks': a kind of event, not an event."""
    if token.pos_ != "NOUN" or token.tag_ != "NNS":
        return False
    if any(c.dep_ in {"det", "nummod", "poss"} for c in token.children):
        return False
    if token.dep_ == "dobj" and token.head.lemma_.lower() in LIGHT_VERBS:
        return False
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in MEASURE_NOUNS \
            and any(c.dep_ in {"det", "nummod", "amod", "poss"} for c in token.head.head.children):
        return False   # "a second day of talks", "the third round of protests": these ones
    if token.dep_ == "pobj" and token.head.lower_ == "with" and token.head.head.lemma_.lower() in MEANS_OF:
        return False   # "retaliated with air strikes on Gaza": the answer itself
    if token.dep_ == "nsubj" and token.head.lemma_.lower() in TREND_VERBS:
        return True   # "attacks by JNIM have spread", "raids have increased": a trend
    return token.dep_ in {"pobj", "attr", "dobj", "conj", "appos"}


#: Rejections that say the mention is not a real incident at all (so it cannot complete one).
UNREAL = frozenset({"a word in scare quotes", "anonymity formula", "habitual or durative", "quoted without a named participant",
                    "attack by a non-agent", "abstract actor", "tally outside the lead",
                    "accident or hazard", "purpose, not a reported act", "fight against a problem", "figure of speech"})


def admissible(draft: Draft, roles: Roles, sentence: Any, token: Any, is_verbal: bool,
               curated: bool = True, event_head: bool = False) -> bool:
    """Whether a drafted event is kept (see the module docstring)."""
    return rejection(draft, roles, sentence, token, is_verbal, curated, event_head) is None


#: Nouns of a burst whose "of" object is no weapon: a figure of speech.
BURSTS = frozenset({"explosion", "burst", "barrage", "bombardment", "blast", "onslaught", "volley", "salvo"})
FIGURATIVE_CONTENTS = frozenset({"flavour", "flavor", "colour", "color", "joy", "energy", "creativity", "growth",
                                 "interest", "demand", "sale", "talent", "emotion", "laughter", "sound", "light",
                                 "taste", "criticism", "question", "complaint", "message", "email", "call",
                                 "advertising", "ad", "information", "praise", "goal", "shot", "run", "try",
                                 "texture", "spice", "aroma", "sample", "idea", "content", "activity", "support"})


#: Things one "kills" in a figure of speech.
KILLED_THINGS = frozenset({"flab", "bill", "deal", "project", "idea", "mood", "momentum", "time", "joke", "story",
                           "scene", "game", "buzz", "vibe", "plan", "proposal", "chance", "hope", "conversation",
                           "dream", "engine", "light", "lights", "music", "pace", "tempo", "rally", "run"})


def _kills_a_thing(token: Any) -> bool:
    """'killed the flab', 'killed the bill': a thing, not people, is what was killed."""
    if token.lemma_.lower() not in {"kill", "murder", "slaughter", "butcher", "massacre", "execute"}:
        return False
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    return obj is not None and obj.lemma_.lower() in KILLED_THINGS and not any(
        c.dep_ == "nummod" for c in obj.children)


def _figurative_burst(token: Any) -> bool:
    """'an explosion of flavours', 'a barrage of questions' (not 'a barrage of rockets')."""
    if token.lemma_.lower() not in BURSTS:
        return False
    return any(o.lemma_.lower() in FIGURATIVE_CONTENTS for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
               for o in p.children if o.dep_ == "pobj")


def rejection(draft: Draft, roles: Roles, sentence: Any, token: Any, is_verbal: bool,
              curated: bool = True, event_head: bool = False, event_object: bool = False) -> str | None:
    """Why a drafted event is not kept, or None when it is (``event_head``: the trigger modifies
    an event noun, as in "threatening attacks"; ``event_object``: its object is an event noun, as
    in "condemned the attack")."""
    casualties = draft.type == "ASSAULT" and bool(draft.killed or draft.injured)
    if not is_verbal and _figurative_burst(token):
        return "figure of speech"   # "an explosion of flavours", "a barrage of criticism"
    if is_verbal and draft.type == "ASSAULT" and _kills_a_thing(token):
        return "figure of speech"   # "one more edit would have killed the flab", "killed the bill"
    if draft.type == "ASSAULT" and _hazard(roles.actor_token, token):
        return "accident or hazard"   # "a fire at a market killed five", "a bus crashed, killing 12"
    if draft.type == "ASSAULT" and _natural_death(sentence, token):
        return "accident or hazard"   # an obituary: "died on Sunday at her home in Lyon"
    if not is_verbal and token.dep_ == "pobj" and token.head.lower_ == "since":
        return "background or generic mention"   # "holed up since last month's U.S. invasion": a time anchor
    if not is_verbal and draft.type == "ASSAULT" and token.lemma_.lower() in {"raid", "operation", "sweep"} \
            and token.dep_ == "pobj" and token.head.lower_ in {"during", "in"} \
            and token.head.head.lemma_.lower() in {"arrest", "detain", "capture", "apprehend", "seize", "nab"}:
        return "background or generic mention"   # "arrested a man during a raid": how the arrest was made
    if is_verbal and draft.type == "ASSAULT" and _aggregate(token):
        return "a toll summed over several incidents"   # "eight people were killed in attacks and military
        # operations in Mandera and Lamu this week": each is told on its own below
    if is_verbal and draft.type == "ASSAULT" and _search_and_arrest(token) and draft.killed is None \
            and draft.injured is None:
        return "background or generic mention"   # "police raided houses and arrested four men": the arrest
    if not is_verbal and draft.type == "ASSAULT" and _after_the_incident(token):
        return "background or generic mention"   # "Hours after the attack, troops launched ...": a time anchor
    if not is_verbal and token.dep_ == "nsubj" and token.head.lemma_.lower() in TREND_VERBS \
            and _generic_plural(token):
        return "background or generic mention"   # "attacks by JNIM have spread to the south"
    if draft.type == "PROTEST" and roles.actor is not None and (roles.actor.sector in SECURITY_SECTORS or (
            roles.actor_token is not None and roles.actor_token.lemma_.lower() in ARMED_MEN)):
        return "security forces do not protest"   # "police blocked the road", "gunmen blocked a highway"
    if not is_verbal and token.tag_ == "NNS" and any(c.dep_ == "amod" and c.lemma_.lower() in FREQUENCY_ADJ
                                                      for c in token.children):
        return "habitual or durative"   # "has carried out frequent attacks in Mandera"
    if not is_verbal and token.tag_ == "NNS" and token.dep_ == "dobj" and any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in token.head.children) and any(
            c.dep_ in {"amod", "det", "nummod"} and c.lower_ in {"several", "many", "multiple", "dozens", "hundreds"}
            for c in token.children):
        return "habitual or durative"   # "al-Shabaab has carried out several deadly attacks in Kenya"
    if not is_verbal and draft.type == "ASSAULT" and token.dep_ == "pobj" and token.head.lower_ == "over" \
            and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.children) \
            and not any(c.dep_ in {"relcl", "acl"} for c in token.children) and token.head.head.pos_ in {"VERB", "NOUN"} \
            and token.head.head.lemma_.lower() not in ASSAULT_VERBS_OVER:
        return "background or generic mention"   # "imposed sanctions ... over the killing of civilians": the cause
    if token.dep_ == "relcl" and token.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in token.children):
        return "descriptive modifier or relative clause"   # "al-Shabaab, which is fighting to overthrow ..."
    if not is_verbal and _labelled(token):
        return "a label for an act told before"   # 'called the arrest "a kidnapping"', 'described the attack as'
    if scare_quoted(token) and token.lemma_.lower() != "liberate":   # ('its forces had "liberated" the village':
        return "a word in scare quotes"   # the claimant's word for ground taken) 'his party would "bombard" ...'
    if draft.type == "REQUEST" and _anonymity(token):
        return "anonymity formula"   # "asking not to be named", "requested anonymity"
    if draft.type == "ASSAULT" and roles.target_token is not None \
            and roles.target_token.lemma_.lower() in PROBLEMS:
        return "fight against a problem"   # "firefighters battled the blaze", "to fight inflation"
    if draft.type == "ASSAULT" and (is_verbal and _purpose(token) or (
            token.dep_ == "dobj" and token.head.lemma_.lower() in LIGHT_VERBS and _purpose(token.head))):
        return "purpose, not a reported act"   # "raised rates to fight inflation", "fuel used to carry out strikes"
    if is_verbal and roles.actor_grade == ABSTRACT and not _instrument_subject(draft, token) \
            and not (draft.type == "ASSAULT" and _is_instrument(roles.actor_token)):
        return "abstract actor"
    best = max(roles.actor_grade, roles.target_grade)
    if _modifier(token) and not casualties and not (draft.type == "ASSAULT" and token.dep_ == "relcl") \
            and not (draft.type == "PROTEST" and _dispersed_crowd(token)) \
            and not (draft.type in {"REJECT", "ACCUSE"} and token.dep_ == "relcl" and roles.actor_grade >= AGENT
                     and token.head.lemma_.lower() in SAID_NOUNS | DECISION_NOUNS) \
            and not (token.tag_ == "VBG" and event_head):   # "a video threatening attacks"
        return "descriptive modifier or relative clause"
    if (not curated or draft.type == "CONCEDE") and token.tag_ == "VBG" and token.dep_ == "advcl" and token.i > 0 \
            and token.doc[token.i - 1].text == "," and draft.type in {"CONCEDE", "COOPERATE", "SUPPORT", "CONSULT"}:
        return "descriptive modifier or relative clause"   # "..., allowing dozens of gunmen to pour in": a result
    if not curated and (roles.actor_grade < AGENT or not on_spine(token)):
        return "generic verb off the main clause or without an actor"
    if in_quotes(sentence, token) and not roles.named_in_text() \
            and not (draft.type == "THREATEN" and roles.actor_grade >= AGENT and draft.status == "threatened"):
        return "quoted without a named participant"
    if _habitual(token) or _durative(token):
        return "habitual or durative"
    if draft.type == "ASSAULT" and is_verbal and roles.actor_grade == ABSTRACT \
            and not _instrument_subject(draft, token) and not _is_instrument(roles.actor_token):
        return "attack by a non-agent"
    if not is_verbal and roles.actor_grade < AGENT and (_background(token) or _generic_plural(token)):
        return "background or generic mention"
    if best < AGENT and not casualties and not (draft.type == "ASSAULT" and _reported_incident(draft, roles)) \
            and not (draft.type == "PROTEST" and not is_verbal and token.dep_ == "nsubjpass"
                     and token.head.lemma_.lower() in {"hold", "stage", "organise", "organize", "call"}
                     and draft.date is not None and draft.date.source == "text") \
            and not _dated_crowd(draft, roles) and not _located_crowd(draft, roles, token) \
            and not written_threat(draft, token) and not anchoring_protest(draft, token) and not pact(draft, token) \
            and not _counted_detainees(draft, roles, token) and not (draft.type == "AGREE" and _joint(roles.actor_token)
                     and draft.date is not None and draft.date.source == "text" and draft.date.precision == "day"):
        return "no participant"
    return secondary_rejection(draft, roles, sentence, token, is_verbal, curated, event_object)


#: Prose sentences that make up a story's lead: what the page is about. Later sentences carry
#: reactions (kept when they are dyadic, attributed acts) and background (dropped).
LEAD = 3
#: Cooperation is between two parties: outside the lead a one-sided "agreed", "offered to host",
#: "welcomed any steps", "would provide food" is a stance or a promise, not an event.
DYADIC = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"})
#: Adverbs that put an act before the story ("has previously denied", "have long warned").
BACKGROUND_ADVERBS = frozenset({"previously", "already", "long", "historically", "formerly",
                                "traditionally", "earlier", "before"})
#: Event nouns that, counted ("fought two wars", "dozens of rounds of clashes"), are a history.
EVENT_NOUNS = frozenset({"war", "battle", "clash", "round", "attack", "raid", "strike", "bombing",
                         "offensive", "campaign", "conflict", "skirmish", "assault", "operation"})
AGGREGATE_HEADS = frozenset({"number", "dozen", "hundred", "score", "rise", "increase", "surge",
                             "total", "majority", "most", "some", "many"})


def secondary_rejection(draft: Draft, roles: Roles, sentence: Any, token: Any, is_verbal: bool,
                        curated: bool, event_object: bool = False) -> str | None:
    """Rules for what a page reports beyond its lead (and for compiled verbs in quotes).

    A compiled (PETRARCH) verb reading is ambiguous ("heard a bang" as CONSULT, "pushed the group
    out" as REQUEST); in direct speech or outside the lead it stands only as an accusation or
    rejection of someone or of an event. Outside the lead, cooperation needs a counterpart (or a
    joint actor), a request an addressee and a real requester, a warning about what others may
    do is not a threat, and acts placed before the story (adverbs, counted wars, aggregates,
    "since then" + perfect) are background."""
    if not curated and draft.type != "ASSAULT" and in_quotes(sentence, token):
        return "compiled verb in quoted speech"
    if draft.type in DYADIC and (not curated or draft.type == "CONSULT") \
            and roles.target_grade < AGENT and not _joint(roles.actor_token):
        return "one-sided cooperation"   # "the attackers arrived on motorcycles", "debated the bill"
    if draft.type == "THREATEN" and roles.actor_token is not None \
            and roles.actor_token.lemma_.lower() in COMMENTATORS and _warning_about_others(token):
        return "warning about others outside the lead"   # "analysts warned that further attacks were likely"
    if draft.rank < LEAD:
        return None
    dated = _dated_news(draft, roles)
    if draft.type in STATEMENTS and not (dated and draft.type == "REJECT") and not _international(roles) and not (
            draft.type in {"ACCUSE", "REJECT"} and (event_object or _said_object(token))
            and (_speaks_for_state(roles) or roles.actor_grade >= NAMED or draft.type == "REJECT" and _known(roles))) \
            and not _addressed(draft, roles, event_object) and not _performative(token, roles) \
            and not (draft.type in {"ACCUSE", "REJECT"} and _speaks_for_state(roles) and roles.target_grade >= AGENT) \
            and not (draft.type == "REQUEST" and roles.actor is not None and roles.actor.sector == "igo"
                     and roles.actor_grade >= NAMED and not in_quotes(sentence, token)) \
            and not _party_demand(draft, roles, token, sentence):
        return "reaction outside the lead"   # "the UN urged both sides ...", "police blamed the gang"
    if not curated and draft.type != "ASSAULT" and not (dated and draft.type in DATED_COMPILED) and not (
            draft.type in {"ACCUSE", "REJECT"} and (event_object or roles.target_grade >= AGENT)):
        return "compiled verb outside the lead"
    if draft.type in DYADIC and (roles.target_grade < AGENT or _nonspecific(roles.target_token)) \
            and not _joint(roles.actor_token) and not pact(draft, token) and not (draft.type == "AID" and (
                dated and (draft.place_in_sentence or curated) or curated and draft.place_in_sentence
                and draft.date is not None and draft.date.source == "text")):
        return "one-sided cooperation outside the lead"   # (aid delivered to a place, or relief goods, on a day is news)   # "will open talks with any armed group"
    if _tally(token):
        return "tally outside the lead"   # "more than 100 civilians have been killed this year"
    if draft.type == "REQUEST" and (roles.target_grade < UNKNOWN and not _clause_addressee(token)
                                    or roles.actor_grade < AGENT) and not _party_demand(draft, roles, token, sentence):
        return "request without addressee outside the lead"
    if draft.type == "REQUEST" and _the_public(roles.target_token):
        return "appeal to the public outside the lead"   # "the mufti appealed to residents to ..."
    if (draft.type == "SANCTION" or draft.converted and not event_object) and roles.target_grade < AGENT \
            and not (draft.type == "SANCTION" and (_measure_on_someone(token) or closed_crossing(token, roles))):
        return "measure without a target outside the lead"   # "suspended activities", "gave no details"
    if not is_verbal and _characterised(token):
        return "characterised, not reported"   # "an attack on Ghanaian soil is only a matter of time"
    if draft.type == "THREATEN" and _warning_about_others(token) and not dated and not written_threat(draft, token) and not (
            roles.actor is not None and roles.actor_grade >= NAMED
            and roles.actor.sector in {"rebels", "militia", "armed group", "insurgents", "criminals"}):
        return "warning about others outside the lead"
    if _background_adverb(token) or _counted_events(token) and draft.type != "REJECT":   # ("carried out no operations")
        return "background outside the lead"
    if not is_verbal and (_background(token) or _generic_plural(token) or _aggregate(token)):
        return "background or generic mention outside the lead"
    return None


#: Compiled verb readings that, dated to a day of their own, are kept after the lead ("imposed
#: Section 144 late on Saturday"); talks, deals and blame still need the curated rows there.
DATED_COMPILED = frozenset({"COERCE", "SANCTION", "THREATEN", "REJECT", "MOBILIZE", "PROTEST"})


def _dated_news(draft: Draft, roles: Roles) -> bool:
    """An act the text dates to a day of its own, by a named party or a state body ("the Tiraspol
    administration rejected the sanctions on Tuesday", "the Houthi leader warned on Tuesday that
    ..."): reported as news, not as a reaction or background, wherever it stands in the story."""
    when = draft.date
    if when is None or when.source not in {"text", "report"} or when.precision != "day":
        return False
    actor = roles.actor
    return roles.actor_grade >= NAMED or _speaks_for_state(roles) or (
        roles.actor_grade >= AGENT and actor is not None and bool(actor.country or actor.sector))


#: Said, not done: outside the lead such an event is a reaction to the story, which an analyst
#: records only between states or parties of different countries ("Pakistan accused Kabul of ...").
STATEMENTS = frozenset({"ACCUSE", "REQUEST", "REJECT", "SUPPORT"})


def _known(roles: Roles) -> bool:
    """A participant of a known kind and side ("a spokesman for the Taliban administration")."""
    return roles.actor_grade >= AGENT and roles.actor is not None and bool(roles.actor.country or roles.actor.sector)


def _addressed(draft: Draft, roles: Roles, event_object: bool) -> bool:
    """A named speaker's statement to a named party or about a reported act ("the Secretary-General
    condemns the attack on Kisima", "the UN coordinator urged the warring parties to ...")."""
    speaker = roles.actor_grade >= NAMED or (roles.actor is not None and roles.actor.sector == "igo"
                                             and roles.actor_grade >= AGENT)   # "the UN coordinator"
    return speaker and (roles.target_grade >= AGENT or event_object)


def _performative(token: Any, roles: Roles) -> bool:
    """A government's or international body's statement in the present tense, as press releases
    word them: "The Government requests that the UN Security Council convene", "condemns"."""
    if token.pos_ != "VERB" or token.tag_ not in {"VBZ", "VBP"} or token.dep_ != "ROOT":
        return False
    if any(c.dep_ == "advmod" and c.lemma_.lower() in HABITUAL for c in token.children):
        return False
    actor = roles.actor
    return actor is not None and roles.actor_grade >= AGENT and actor.sector in {"government", "diplomat", "igo"}


def _clause_addressee(token: Any) -> bool:
    """'requests that the UN Security Council convene': the addressee is the clause's subject."""
    return any(c.dep_ == "ccomp" and any(g.dep_ in {"nsubj", "compound"} and g.pos_ == "PROPN" for g in c.children)
               for c in token.children)


#: What a state rejects or condemns when it answers someone's words.
SAID_NOUNS = frozenset({"statement", "accusation", "allegation", "claim", "charge", "criticism", "remark",
                        "report", "demand", "resolution", "decision", "ultimatum", "call", "comment", "protest",
                        "note", "role", "involvement", "responsibility", "link"})


def _said_object(token: Any) -> bool:
    """'rejected the EU statement', 'dismissed the accusations': an answer to someone's words (told
    as done, not a standing position: "a charge Kabul denies")."""
    if token.tag_ in {"VBZ", "VBP"}:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in SAID_NOUNS for c in token.children)


def _party_demand(draft: Draft, roles: Roles, token: Any, sentence: Any) -> bool:
    """'leaders of four opposition parties demanded the release of those detained': a demand by a
    known kind of political actor, told as done (not a quote, not a standing position)."""
    actor = roles.actor
    if draft.type != "REQUEST" or actor is None or roles.actor_grade < AGENT or in_quotes(sentence, token):
        return False
    if token.tag_ in {"VBZ", "VBP"}:
        return False
    words = set((actor.name or "").lower().split())
    return actor.sector in {"opposition", "party", "political party"} or bool(words & {"opposition", "party", "parties"})


#: Crossings whose closure is a blockade of the people beyond them.
CROSSINGS = frozenset({"border", "crossing", "checkpoint", "frontier", "port", "airspace"})


def closed_crossing(token: Any, roles: Roles) -> bool:
    """'Somaliland closed its checkpoint at Oog to commercial trucks': a named party's blockade."""
    if token.pos_ != "VERB" or roles.actor_grade < AGENT:
        return False
    objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    if any(c.lemma_.lower() in CROSSINGS for c in objects):
        return True
    if not any(c.lemma_.lower() in TRAFFIC for c in objects):
        return False
    places = [o for h in (token, *objects) for p in h.children if p.dep_ == "prep"   # "suspended all freight
              and p.lower_ in {"at", "through", "across", "on"} for o in p.children if o.dep_ == "pobj"]   # traffic at
    return any(t.lemma_.lower() in CROSSINGS for o in places   # the Kukuryki-Kozlowicze road crossing"
               for t in (o, *(c for c in o.children if c.dep_ in {"appos", "compound"})))


#: What passes a crossing.
TRAFFIC = frozenset({"traffic", "trade", "transit", "movement", "crossing", "passage"})


def _measure_on_someone(token: Any) -> bool:
    """'imposed financial sanctions and travel bans on seven Russian individuals': the measure's
    target hangs off its object (or a coordinated object)."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    objects += [c for o in objects for c in o.conjuncts] + [token]
    talks = [o for c in objects for o in (c, *(g for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                                               for g in p.children if g.dep_ == "pobj"))
             if o.lemma_.lower() in {"talk", "negotiation", "dialogue", "round"}]
    if any(p.dep_ == "prep" and p.lower_ == "with" and any(g.dep_ == "pobj" for g in p.children)
           for t in talks for p in t.children):
        return True   # "suspending the next round of talks with the CNEB": the other side
    for obj in objects:
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ in {"on", "against"}:
                for target in (c for c in prep.children if c.dep_ == "pobj"):
                    if target.lemma_.lower() in PEOPLE or target.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} \
                            or target.lemma_.lower() in {"individual", "entity", "company", "official", "commander"}:
                        return True
    return False


def _international(roles: Roles) -> bool:
    """Both sides are known and belong to different countries (or one is an international body)."""
    actor, target = roles.actor, roles.target
    if actor is None or target is None or roles.actor_grade < AGENT or roles.target_grade < AGENT:
        return False
    if actor.sector == "igo" or target.sector == "igo":   # the UN and a named country's side
        return bool(target.country if actor.sector == "igo" else actor.country)
    return bool(actor.country and target.country and actor.country != target.country)


def _speaks_for_state(roles: Roles) -> bool:
    """A government, ministry or state ("Iran's foreign ministry rejected the accusation")."""
    actor = roles.actor
    if actor is not None and actor.name and roles.actor_grade >= AGENT \
            and actor.name.split()[-1].lower() in {"embassy", "ministry", "government", "department"}:
        return True   # "the embassy rejected our protest"
    return actor is not None and bool(actor.country) and roles.actor_grade >= AGENT \
        and actor.sector in {None, "", "government", "diplomat", "igo"}


def _clause_verbs(token: Any, limit: int = 4) -> list[Any]:
    """The trigger and the verbs above it up to its clause's head (and a coordinated head)."""
    out, node = [token], token
    for _ in range(limit):
        if node.head.i == node.i or node.dep_ not in {"xcomp", "conj", "dobj", "pobj", "prep", "pcomp"}:
            break
        node = node.head
        out.append(node)
    return out


def _background_adverb(token: Any) -> bool:
    for node in _clause_verbs(token):
        for c in node.children:
            if c.dep_ == "advmod" and c.lower_ in BACKGROUND_ADVERBS and not _same_day(c):
                return True
            if c.lower_ == "since" and c.dep_ in {"prep", "advmod", "mark"} and any(
                    a.dep_ == "aux" and a.lemma_ == "have" for a in node.children) \
                    and not _counted_since_recently(node, c) and not _since_recent_day(c):
                return True   # "since then, troops have reinforced positions"
        if node.lemma_.lower() in {"continue", "keep"} and node.i != token.i and any(
                a.dep_ == "aux" and a.lemma_ == "have" for a in node.children):
            return True       # "have continued to stage bombings"
    return False


#: "Earlier in the day", "earlier on Monday", "earlier this week": the story's own time, not background.
SAME_TIME_NOUNS = frozenset({"day", "morning", "afternoon", "evening", "night", "week", "today", "monday", "tuesday",
                             "wednesday", "thursday", "friday", "saturday", "sunday"})


def _same_day(adverb: Any) -> bool:
    if adverb.lower_ in {"earlier", "before"} and any(c.dep_ == "npadvmod" for c in adverb.children):
        return True   # "two days earlier, on Monday": the story's own time, told back
    return adverb.lower_ == "earlier" and any(
        t.lower_ in SAME_TIME_NOUNS for p in adverb.children if p.dep_ in {"prep", "npadvmod"}
        for t in p.subtree) or any(c.lower_ in SAME_TIME_NOUNS for c in adverb.children)


def _counted_events(token: Any) -> bool:
    """'fought two wars', 'fought dozens of rounds of clashes': a history, not an incident."""
    if token.pos_ != "VERB":
        return False
    for obj in (c for c in token.children if c.dep_ == "dobj"):
        if obj.lemma_.lower() in AGGREGATE_HEADS or (obj.lemma_.lower() in EVENT_NOUNS and obj.tag_ == "NNS"):
            return True
    return False


#: Spans that, with a perfect ("have been killed this year", "has carried out so far"), make a
#: count of many incidents rather than one.
TALLY_SPANS = frozenset({"year", "month", "week", "decade", "season"})


def _tally(token: Any) -> bool:
    """A perfect over a running period: 'have been killed in the city this year', 'has detained
    so far', 'have died to date'. A running total, not an incident."""
    for node in _clause_verbs(token):
        if node.pos_ not in {"VERB", "AUX"} or not any(
                a.dep_ in {"aux", "auxpass"} and a.lemma_ == "have" for a in node.children):
            continue
        for c in node.children:
            if c.dep_ == "npadvmod" and c.lemma_.lower() in TALLY_SPANS and any(
                    d.lower_ in {"this", "so"} for d in c.children):
                return True
            if c.dep_ == "advmod" and c.lower_ == "far" and any(d.lower_ == "so" for d in c.children):
                return True
            if c.dep_ == "prep" and c.lower_ == "to" and any(d.lower_ == "date" for d in c.children):
                return True
            if c.dep_ == "prep" and c.lower_ in {"in", "during", "over"} and any(
                    d.lemma_.lower() in TALLY_SPANS and any(e.lower_ in {"this", "past", "last"} for e in d.children)
                    for d in c.children):
                return True   # "in the past year", "over the last month"
    return False


#: Addressees that are the public at large: an appeal to them is not an act between parties.
PUBLIC = frozenset({"resident", "citizen", "people", "public", "family", "population",
                    "parent", "inhabitant", "villager", "local", "motorist", "traveller", "everyone",
                    "person"})


def _the_public(token: Any | None) -> bool:
    return token is not None and token.pos_ != "PROPN" and token.lemma_.lower() in PUBLIC \
        and not any(c.dep_ == "poss" for c in token.children)


def _nonspecific(token: Any | None) -> bool:
    """'any armed group', 'all parties', 'anyone': a counterpart in general, not a party."""
    if token is None:
        return False
    return token.lower_ in {"anyone", "anybody", "everyone", "whoever"} or any(
        c.dep_ == "det" and c.lower_ in {"any", "every"} for c in token.children)


def _aggregate(token: Any) -> bool:
    """'a rising number of attacks', 'dozens of raids'."""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and \
        token.head.head.lemma_.lower() in AGGREGATE_HEADS | {"string", "series", "spate", "wave"}


COPULAS = frozenset({"be", "become", "remain", "seem", "appear"})


def _characterised(token: Any) -> bool:
    """An indefinite event noun as the subject of a copula: a judgement about a kind of event."""
    return token.dep_ == "nsubj" and token.head.lemma_.lower() in COPULAS and not any(
        c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an", "any"} for c in token.children)


def _in_clause_below(token: Any, top: Any) -> bool:
    """A word of a clause that modifies ``top`` ("Kazakhstan, which has good relations with both countries")."""
    node = token
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ in {"relcl", "acl", "advcl", "ccomp"}:
            return True
        node = node.head
    return False


def _joint(actor_token: Any | None) -> bool:
    """'the foreign ministers of Armenia and Azerbaijan', 'both sides', 'the two leaders'."""
    if actor_token is None:
        return False
    if any(c.dep_ in {"det", "nummod", "predet"} and c.lower_ in {"both", "two", "all"}
           for c in actor_token.children):
        return True
    if any(c.lower_ in {"two", "both", "rival"} and c.head.lemma_.lower() in {
            "country", "side", "government", "state", "clan", "tribe", "party", "faction", "community", "family"}
           and not _in_clause_below(c, actor_token) for c in actor_token.subtree):
        return True   # "the heads of the two countries' border services"
    heads = {actor_token.i} | {o.i for p in actor_token.children if p.dep_ == "prep" and p.lower_ == "of"
                               for o in p.children if o.dep_ == "pobj"}   # "ministers of Armenia and Azerbaijan"
    heads |= {c.i for c in actor_token.children if c.dep_ in {"compound", "amod", "nmod", "appos"}}   # "the US,
    # Russia, and Switzerland met" (a list the parser reads as an apposition)   # "government and rebel negotiators"
    return any(t.dep_ == "conj" and t.head.i in heads for t in actor_token.subtree)   # (not "a convoy
    # carrying food, fuel and medicine")


#: People who comment on a conflict without a part in it: their warnings are forecasts.
COMMENTATORS = frozenset({"analyst", "expert", "observer", "researcher", "diplomat", "economist", "academic",
                          "commentator", "scholar", "monitor"})
#: Verbs whose "over" names where an attack happened, not its cause ("fired over the border").
ASSAULT_VERBS_OVER = frozenset({"fire", "fly", "shoot", "strike", "drop", "crash", "explode"})
#: Who speaks for a state, and the forces such a speaker threatens with.
OFFICIALS = frozenset({"minister", "president", "government", "ministry", "commander", "chief", "spokesman", "secretary",
                       "spokeswoman", "spokesperson", "governor", "premier", "general", "army", "military"})
OWN_FORCES = frozenset({"police", "army", "military", "troops", "force", "forces", "soldier", "security",
                        "navy", "air force", "we"})


def _warning_about_others(token: Any) -> bool:
    """'analysts warned that killings could rise', 'hospitals could be forced to close, aid
    agencies warn': a forecast about someone else, not a threat (unlike 'the army warned that it
    would respond' or 'the hostages will be killed, the group warned')."""
    contents = [c for c in token.children if c.dep_ == "ccomp"]
    if token.dep_ == "parataxis" and token.head.pos_ in {"VERB", "AUX"}:
        contents.append(token.head)   # the warning inserted into what it warns of
    speaker = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if speaker is None and token.dep_ == "conj":   # "the minister flew to Pichari and warned that ..."
        speaker = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    official = speaker is not None and (speaker.lemma_.lower() in OFFICIALS or any(
        t.lemma_.lower() in OFFICIALS for t in speaker.subtree if t.dep_ in {"compound", "amod"})
        or speaker.ent_type_ == "PERSON")   # "Al-Bahr warned that the army would respond": a named spokesman
    for comp in contents:
        if any(t.lemma_.lower() == "target" and any(a.lower_ == "legitimate" for a in t.children)
               for t in comp.subtree):
            continue   # "soldiers and contractors would remain 'legitimate targets'": a threat to them
        for subject in (c for c in comp.children if c.dep_ in {"nsubj", "nsubjpass"}):
            if subject.pos_ == "PRON":
                continue
            if official and (subject.lower_ in {"anyone", "anybody", "whoever", "everyone"} or any(
                    c.dep_ == "det" and c.lower_ in {"any", "every"} for c in subject.children)
                    and _someone(subject)):
                continue   # "the governor warned that any landlord found sheltering the gunmen would ...": the warned
            if official and subject.lemma_.lower() in OWN_FORCES:
                continue   # "the minister warned that the army would pursue the attackers": his side's threat
            if subject.lemma_.lower() in OWN_FORCES | {"fighter", "man", "member", "unit"} and any(
                    c.dep_ == "poss" and c.lower_ in {"its", "their", "our", "his", "her"} for c in subject.children):
                continue   # "the defence secretary warned that its forces would respond": the speaker's side
            if subject.dep_ == "nsubj" or subject.lemma_.lower() not in PEOPLE and subject.ent_type_ != "PERSON":
                return True
    return False


def _someone(token: Any) -> bool:
    """'any landlord', 'every trader': a person (not 'any reduction in troops', 'any attack')."""
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and (is_person(token) or not lemma.endswith(
        ("tion", "sion", "ment", "ence", "ance", "ity", "ism", "age", "ing", "ure")) and lemma not in ASSAULT_INSTRUMENTS
        and not is_abstract(token))


#: Verbs that say only how an act fits the story: "responded by sending troops", "marked the day by
#: marching": the means is what happened.
MEANS_OF = frozenset({"respond", "react", "retaliate", "reply", "answer", "mark", "begin", "start",
                      "end", "open", "close", "commemorate"})


def on_spine(token: Any) -> bool:
    """The trigger heads the sentence's main clause, a coordinated main clause, or the reported
    clause of a main reporting verb ("X said Y attacked Z"), or what the crowd the police broke up
    had done ("to disperse hundreds of Serbs who had blocked the road")."""
    if _dispersed_crowd(token) or misread_main_verb(token) or _organised_subject(token):
        return True
    if token.dep_ == "relcl" and token.lemma_.lower() in {"reject", "deny", "dismiss", "condemn", "denounce"} \
            and token.head.lemma_.lower() in DECISION_NOUNS and token.head.dep_ in {"npadvmod", "appos"}:
        return True   # "The EU imposed sanctions on Monday, a move the army rejected as illegitimate"
    if token.lemma_.lower() in {"march", "rally", "protest", "demonstrate"} and token.tag_ == "VBG" and (
            token.dep_ == "pcomp" and token.head.lower_ == "at" or token.dep_ == "acl" and token.head.dep_ == "pobj"
            and token.head.head.lower_ == "at") and (token.head if token.dep_ == "pcomp" else token.head.head).head.pos_ == "VERB":
        return True   # "police fired tear gas at thousands of protesters marching on the Capitol": the march too
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "in" and (
            token.head.head.lower_ == "part" or token.head.head.lemma_.lower() == "participate") \
            and token.lemma_.lower() in {"rally", "march", "protest", "demonstration", "strike", "sit-in", "vigil"}:
        return True   # "thousands took part in a rally": the rally is what the sentence tells
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "in" and token.head.head.dep_ == "ROOT" \
            and token.head.head.lemma_.lower() in {"keep", "stay", "remain", "close", "shut", "stop"} \
            and token.lemma_.lower() in {"strike", "protest", "boycott", "shutdown"}:
        return True   # "shopkeepers kept their shutters down on Thursday in a strike called by ...": the strike
    if token.tag_ == "VBG" and token.dep_ == "advcl" and token.lemma_.lower() in {"detain", "arrest"} \
            and token.i > 0 and token.doc[token.i - 1].text == "," and token.head.i != token.i and on_spine(token.head):
        return True   # "Police fired tear gas to break up a blockade ..., detaining 31 people": arrests too
    node = token
    for _ in range(6):
        if node.dep_ == "ROOT":
            return True
        if node.dep_ == "acomp" and node.lemma_.lower() in INTENT_ADJ:
            node = node.head   # "France is ready to contribute troops": the copula's clause
            continue
        if node.dep_ == "pcomp" and node.head.lower_ == "by" and node.head.head.lemma_.lower() in MEANS_OF:
            node = node.head.head   # "the government responded by sending 1,500 soldiers": the act itself
            continue
        if node.dep_ == "advcl" and node.tag_ == "VBG" and node.lemma_.lower() in {"add", "say"} \
                and node.i != token.i and node.head.lemma_.lower() in {"say", "add", "announce", "report", "state"}:
            node = node.head   # "..., the command said, adding that reinforcements had been sent": reported too
            continue
        if node.dep_ not in {"conj", "ccomp", "xcomp", "parataxis"}:
            return False
        node = node.head
    return False


def _modifier(token: Any) -> bool:
    """'the al Qaeda-linked group', 'allied militias', 'forces which have attacked the station
    before': a trigger that describes a participant rather than reports an event."""
    if token.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ in {"where", "when"} for c in token.children) \
            and token.tag_ in {"VBD", "VBN"}:
        return False   # "protesters had reached the bridge, where police fired tear gas": told as news
    if token.dep_ == "relcl" and token.head.lemma_.lower() in MESSAGE_NOUNS and any(
            c.dep_ == "prep" and c.lower_ == "in" for c in token.children):
        return False   # "an audio message ..., in which the gang's leaders threatened to ...": what it says
    if token.dep_ in {"amod", "relcl"}:
        return not _fronted_place_clause(token)

    return token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in {"NOUN", "PROPN", "PRON"} \
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children) and not misread_main_verb(token)


#: Plural nouns of incidents that a toll may be summed over.
INCIDENT_PLURALS = frozenset({"attack", "raid", "clash", "strike", "operation", "ambush", "bombing", "incident",
                              "shooting", "battle"})


def _aggregate(token: Any) -> bool:
    """'At least eight people were killed in attacks and military operations ... this week': deaths
    in several incidents of several kinds (or over a week or more), a sum, not one incident."""
    if token.lemma_.lower() not in {"kill", "die"}:
        return False
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "during"}:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or obj.tag_ != "NNS" or obj.lemma_.lower() not in INCIDENT_PLURALS:
                continue
            if any(c.dep_ == "det" for c in obj.children):
                continue   # "in the attacks": the incidents told before
            if any(c.dep_ == "conj" and c.tag_ == "NNS" and c.lemma_.lower() in INCIDENT_PLURALS for c in obj.children):
                return True
    return False


#: Verbs of a search by security forces, and what they find or take.
SEARCH_VERBS = frozenset({"raid", "search", "storm"})
CAPTURE_VERBS = frozenset({"arrest", "detain", "seize", "capture", "apprehend", "confiscate", "recover"})


def _search_and_arrest(token: Any) -> bool:
    """'raided houses ... and arrested four men', 'raided 23 houses, seizing pistols': a search that
    ends in arrests or seizures is how they were made, not an attack (when nobody is hurt)."""
    if token.lemma_.lower() not in SEARCH_VERBS:
        return False
    linked = [c for c in token.children if c.dep_ in {"conj", "advcl", "xcomp"}]
    if token.dep_ in {"conj", "advcl"}:
        linked.append(token.head)
    return any(t.lemma_.lower() in CAPTURE_VERBS and t.pos_ == "VERB" for t in linked)


#: Verbs by which security forces break up a crowd.
DISPERSAL_VERBS = frozenset({"disperse", "clear", "scatter", "break", "push", "remove", "evict"})


#: What crowds do when they protest.
CROWD_ACTS = frozenset({"march", "protest", "demonstrate", "gather", "rally", "block", "picket", "assemble",
                        "strike", "occupy", "blockade", "converge"})
#: What security forces do to a crowd: a protest told in a clause on it happened.
POLICING_VERBS = DISPERSAL_VERBS | frozenset({"clash", "arrest", "detain", "fire", "beat", "charge", "attack",
                                              "shoot", "stop", "block", "confront", "kettle"})


def _dispersed_crowd(token: Any) -> bool:
    """'police fired tear gas to disperse hundreds of Serbs who had blocked the main road', 'riot police
    clashed with protesters who had gathered outside the court', 'police fired tear gas when students
    tried to march on parliament', 'arrested 20 people as thousands protested': the protest the police
    met is told in a clause on the crowd or in a time clause."""
    if policed_crowd(token) is not None:
        return True   # "fired tear gas at protesters": the protesters' protest
    crowd_act = token.lemma_.lower() in CROWD_ACTS
    if crowd_act and token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_.lower() in DISPERSAL_VERBS \
            and any(c.dep_ == "prep" and c.lower_ == "by" for c in (*token.children, *token.head.children)):
        return True   # "fired tear gas to break up a march by thousands of people": the march happened
    if crowd_act and token.dep_ == "advcl" and any(c.dep_ in {"mark", "advmod"} and c.lower_ in {"when", "as", "while"}
                                                   for c in token.children) and token.head.lemma_.lower() in POLICING_VERBS:
        return True
    if crowd_act and token.dep_ == "xcomp" and token.head.lemma_.lower() in {"try", "attempt"} \
            and token.head.dep_ == "advcl" and token.head.head.lemma_.lower() in POLICING_VERBS \
            and any(c.dep_ in {"mark", "advmod"} and c.lower_ in {"when", "as", "while"} for c in token.head.children):
        return True   # "when hundreds of students tried to march"
    if token.dep_ != "relcl":
        return False
    node = token.head
    for _ in range(3):   # "hundreds of Serbs who ...": up through "of" to the dispersed object
        if node.dep_ == "dobj" and node.head.lemma_.lower() in POLICING_VERBS:
            return True
        if node.dep_ == "pobj" and node.head.lower_ in {"with", "on", "at"} \
                and node.head.head.lemma_.lower() in POLICING_VERBS:
            return True   # "clashed with protesters who had gathered"
        if node.dep_ not in {"pobj", "prep"}:
            return False
        node = node.head
    return False


#: Verbs that put a name on something ("called the arrest a kidnapping").
LABEL_VERBS = frozenset({"call", "describe", "brand", "term", "label", "characterise", "characterize", "dub"})


def _labelled(token: Any) -> bool:
    """The act named is the object of a labelling verb ("described the Creggan attack as reckless",
    'called the arrest "a kidnapping"'), or the label itself: a judgement on an act told before."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "as":
        head, token = head.head, head
    if head.pos_ != "VERB" or head.lemma_.lower() not in LABEL_VERBS:
        return False
    if token.dep_ in {"oprd", "attr", "prep", "xcomp", "ccomp"}:
        return True
    return token.dep_ == "dobj" and any(c.dep_ in {"det", "poss"} and c.lower_ in {"the", "this", "that", "its", "their"}
                                        for c in token.children)


def _organised_subject(token: Any) -> bool:
    """'while a 48-hour bandh called by civil society groups brought the valley to a standstill': an
    act named with its organisers as the subject of what it did took place."""
    return token.pos_ == "NOUN" and token.dep_ == "nsubj" and token.head.pos_ == "VERB" and not any(
        c.dep_ in {"det", "poss"} and c.lower_ in {"the", "this", "that", "its", "their"} for c in token.children) \
        and any(c.dep_ == "acl" and c.lemma_.lower() in {"call", "organise", "organize", "stage", "lead"}
                and any(a.dep_ == "agent" for a in c.children) for c in token.children)


def _fronted_place_clause(token: Any) -> bool:
    """'In Loikaw, which the military controls, soldiers detained 14 young men ...': the parser read
    the main clause as a relative clause on the fronted place; a clause with a subject of its own
    (not "which") and an object, after the comma that closes the aside, is the sentence's."""
    if token.dep_ != "relcl" or token.tag_ not in {"VBD", "VBZ", "VBP"}:
        return False
    place = token.head
    if place.dep_ != "pobj" or place.head.i != token.sent.start or place.head.lower_ not in {"in", "at", "near", "on"}:
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.pos_ in {"NOUN", "PROPN"} and subject.lower_ not in {"which", "who", "that"} \
        and any(c.dep_ == "dobj" and c.i > token.i for c in token.children) \
        and token.doc[subject.left_edge.i - 1].text == ","


def dangling_root_subject(token: Any) -> Any | None:
    """'About 30 relatives of one of the detained men protested outside the police department ...,
    saying he was a taxi driver': the parser made "saying" the root and "protested" a modifier of
    "men"; the root's subject is who acted."""
    root = token.sent.root
    if token.dep_ != "acl" or token.tag_ != "VBD" and token.tag_ != "VBN":
        return None
    fronted = _fronted_subject(token)
    if fronted is not None:
        return fronted
    if root.pos_ in {"NOUN", "PROPN"} and root.i < token.i and not any(c.dep_ == "agent" for c in token.children) \
            and not any(t.pos_ in {"VERB", "AUX"} and t.dep_ in {"ROOT", "conj"} and t.head.i == root.i
                        for t in token.sent if t.i != token.i):
        return root   # "About 50 relatives of one of the arrested men protested outside ...": no verb but this one
    if root.tag_ != "VBG" or any(c.dep_ in {"aux", "auxpass"} for c in root.children):
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or not subject.left_edge.i <= token.i <= subject.right_edge.i or subject.i > token.i:
        return None
    return subject


def _fronted_subject(token: Any) -> Any | None:
    """'In Hpa-an, the state capital, soldiers and police detained at least 30 young men': the parser
    joined the subject to the fronted place ("capital, soldiers and police") and hung the verb on it."""
    place = token.head
    if token.tag_ in {"VBD", "VBN"} and place.pos_ == "NOUN" and place.dep_ == "appos" and place.head.i == token.sent.start \
            and place.head.pos_ == "ADV" and any(c.dep_ == "dobj" for c in token.children):
        return place   # "Overnight, intelligence agents arrested at least 11 people": the agents, after the adverb
    if token.tag_ != "VBD" or place.pos_ not in {"NOUN", "PROPN"} or place.dep_ not in {"pobj", "appos"} \
            or not any(c.dep_ == "dobj" and c.i > token.i for c in token.children):
        return None
    opener = place.head if place.dep_ == "pobj" else place.head.head
    if opener.i != token.sent.start or opener.lower_ not in {"in", "at", "near", "on"}:
        return None
    subject = next((c for c in place.children if c.dep_ == "conj" and place.i < c.i < token.i
                    and c.pos_ == "NOUN" and is_person(c) and token.doc[c.left_edge.i - 1].text == ","), None)
    return subject


def misread_main_verb(token: Any) -> bool:
    """'the presidency extended by 60 days the state of emergency ... and announced a curfew': a
    participle read as a modifier of the subject, though it takes an object of its own."""
    if _fronted_place_clause(token):
        return True
    if token.dep_ != "acl" or token.tag_ not in {"VBN", "VBD"}:
        return False
    if dangling_root_subject(token) is not None:
        return True
    if token.head.dep_ == "ROOT" and token.head.pos_ in {"NOUN", "PROPN"}:
        return any(c.dep_ in {"dobj", "ccomp"} for c in token.children)   # "A spokesman for the URDPC, the
        # largest CODECO faction, denied on Monday that ...": a sentence whose root came out a noun
    return token.head.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in token.children) \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.head.children)


def _reported_incident(draft: Draft, roles: Roles) -> bool:
    """An attack stated with its own place, date or victim ("a bomb exploded today in a Lima
    restaurant", "the residence of the ambassador was attacked") is an incident even without a
    named perpetrator."""
    return draft.place_in_sentence or (draft.date is not None and draft.date.source == "text") \
        or roles.target_grade >= UNKNOWN or _is_instrument(roles.actor_token)


#: Things that kill without a perpetrator: accidents and natural hazards (not weapons, and not
#: aircraft or ships, which also attack).
HAZARDS = frozenset({"fire", "blaze", "flame", "flood", "flooding", "rain", "storm", "cyclone", "hurricane",
                     "typhoon", "earthquake", "quake", "landslide", "mudslide", "avalanche", "lightning",
                     "heatwave", "drought", "crash", "collision", "accident", "bus", "minibus", "car",
                     "lorry", "truck", "train", "taxi", "tanker", "disease", "outbreak", "cholera",
                     "stampede", "collapse", "wildfire", "tornado", "tsunami", "wave",
                     "canopy", "roof", "ceiling", "bridge", "scaffolding", "crane", "balcony", "building"})
#: What one "fights", "battles" or "attacks" only in a figure of speech.
PROBLEMS = frozenset({"fire", "blaze", "flame", "wildfire", "flood", "flooding", "disease", "outbreak",
                      "cholera", "epidemic", "pandemic", "virus", "inflation", "poverty", "corruption",
                      "crime", "unemployment", "hunger", "drought", "malaria", "cancer", "deficit",
                      "misinformation", "disinformation", "climate", "pollution"})
DETONATIONS = frozenset({"explode", "detonate", "blow", "blast", "bomb"})


def _hazard(actor_token: Any | None, trigger: Any) -> bool:
    """The only 'perpetrator' is an accident or a natural hazard ("a bus crashed, killing 12")."""
    if actor_token is None:
        actor_token = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if actor_token is None or trigger.lemma_.lower() in DETONATIONS:
        return False
    if struck_explosive(trigger) or struck_explosive(actor_token.head):   # "killed when the minibus struck a landmine"
        return False   # "a lorry struck a roadside bomb", "ran over a mine": a bombing, whatever hit it
    if actor_token.lemma_.lower() not in HAZARDS:
        return False
    if any(c.dep_ in {"compound", "poss", "nmod"} for c in actor_token.children):
        return False   # "army fire", "sniper fire", "a car bomb"
    return not any(c.i != actor_token.i and (c.lemma_.lower() in ASSAULT_INSTRUMENTS or c.lower_ in {
        "bomb", "booby", "suicide", "explosive", "explosives"}) for c in actor_token.subtree)


def struck_explosive(verb: Any) -> bool:
    """'the minibus struck a landmine', 'a lorry ran over a mine': the subject is what was hit."""
    objects = [c for c in verb.children if c.dep_ == "dobj"] + [
        o for p in verb.children if p.dep_ == "prep" and p.lower_ in {"over", "on", "onto", "into"}
        for o in p.children if o.dep_ == "pobj"]
    return verb.pos_ == "VERB" and any(o.lemma_.lower() in EXPLOSIVE_OBJECTS for o in objects)


#: Objects that make a vehicle's collision a bombing ("struck a landmine").
EXPLOSIVE_OBJECTS = frozenset({"bomb", "mine", "landmine", "ied", "device", "explosive"})
SECURITY_SECTORS = frozenset({"police", "military"})
#: Armed men blocking a road are setting up an attack, not protesting.
ARMED_MEN = frozenset({"gunman", "gunmen", "militant", "attacker", "assailant", "insurgent", "fighter",
                       "jihadist", "bandit", "terrorist"})
_NATURAL_DEATH = re.compile(
    r"\b(?:at (?:his|her|their|the family) home|in (?:his|her) sleep|after (?:a |an )?(?:long |short |brief )?"
    r"(?:illness|battle with|struggle with)|of natural causes|peacefully|at the age of \d+|aged \d+|"
    r"(?:of|from) (?:cancer|a heart attack|a stroke|covid|pneumonia|old age|complications))\b", re.IGNORECASE)
_VIOLENCE = re.compile(r"\b(?:attack|shot|shoot|gun|bomb|blast|explos|wound|injur|clash|fight|strike|shell|kill|"
                       r"murder|assassin|massacre|ambush|stab|execut|tortur|beaten|custody|raid)", re.IGNORECASE)
DEATH_WORDS = frozenset({"die", "death", "dead", "pass"})


def _natural_death(sentence: Any, token: Any) -> bool:
    """A death told as in an obituary (at home, after an illness, aged 84) with no violence named."""
    if token.lemma_.lower() not in DEATH_WORDS:
        return False
    text = sentence.text
    return bool(_NATURAL_DEATH.search(text)) and not _VIOLENCE.search(text)


#: Adjectives that make a plural event noun a habit: "frequent attacks", "repeated raids".
FREQUENCY_ADJ = frozenset({"frequent", "repeated", "regular", "numerous", "occasional", "sporadic",
                           "recurrent", "constant", "routine", "periodic", "countless"})
QUOTES = frozenset({'"', "'", "“", "”", "‘", "’", "``", "''"})


def scare_quoted(token: Any) -> bool:
    """The trigger alone (or with a particle) between quotation marks: a figure of speech quoted."""
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after_i = token.i + 1
    while after_i < len(doc) and doc[after_i].dep_ == "prt" and after_i - token.i <= 2:
        after_i += 1
    after = doc[after_i] if after_i < len(doc) else None
    return before is not None and after is not None and before.text in QUOTES and after.text in QUOTES


def _anonymity(token: Any) -> bool:
    """'asking not to be named', 'requested anonymity', 'asked not to be identified'."""
    if token.lemma_.lower() not in {"ask", "request"}:
        return False
    return any(d.lemma_.lower() in {"name", "identify", "quote", "anonymity", "cite"}
               for d in token.subtree if d.i != token.i)


def _purpose(token: Any) -> bool:
    """An infinitive of purpose or aim ("raised rates to fight inflation", "deployed to fight the
    rebels"): what someone means to do, not what happened. After an intent verb ("vowed to
    attack") the infinitive is the intended act, coded as such (but "the plans to attack" stay a
    purpose)."""
    return token.tag_ == "VB" and token.dep_ in {"advcl", "xcomp", "relcl", "acl"} and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and \
        token.head.pos_ in {"VERB", "NOUN"} and token.head.lemma_.lower() not in {
            "begin", "start", "continue", "go", "use", "try", "attempt", "manage", "order", "be"} \
        and not (token.head.pos_ == "VERB" and token.head.lemma_.lower() in INTENT_VERBS)


def _is_instrument(token: Any | None) -> bool:
    return token is not None and token.lemma_.lower() in ASSAULT_INSTRUMENTS


def _instrument_subject(draft: Draft, token: Any) -> bool:
    subject = next((c for c in token.children if c.dep_ in {"nsubj", "agent"}), None)
    if subject is not None and subject.dep_ == "agent":
        subject = next((c for c in subject.children if c.dep_ == "pobj"), None)
    return draft.type == "ASSAULT" and subject is not None and \
        subject.lemma_.lower() in ASSAULT_INSTRUMENTS or written_threat(draft, token)


def written_threat(draft: Draft, token: Any) -> bool:
    """'A message posted on a Telegram channel warned that the building would be "burned to the
    ground"', 'notes signed "18" were found ..., warning that drivers who went back to work "will end
    up like the others"': a threat whose author is known only by what it was written in."""
    if draft.type != "THREATEN" or token.lemma_.lower() not in {"warn", "threaten"}:
        return False
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if subject is None and token.dep_ == "advcl" and token.tag_ == "VBG":   # "..., warning that ..."
        subject = next((c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None and token.head.dep_ in {"ccomp", "conj"}:   # ("notes signed "18" were found")
            subject = next((c for c in token.head.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lemma_.lower() not in MESSAGE_NOUNS:
        return False
    if token.lemma_.lower() == "threaten":
        return True   # "a pamphlet signed by Los Pepes threatened to declare ... 'a military target'"
    return any(c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in {"will", "would", "shall"} for a in c.children)
               for c in token.children)


#: Nouns that restate a measure told before ("..., a move the army rejected as illegitimate").
DECISION_NOUNS = frozenset({"move", "decision", "measure", "step"})


def _earlier_act_of_others(a: Draft, b: Draft) -> bool:
    """'A drone strike killed four fighters, hours after rebels shelled a military base': an attack in
    the time clause by a named party other than the main one is a second attack."""
    return a.type == b.type == "ASSAULT" and (a.circumstance != b.circumstance) \
        and min(a.actor_grade, b.actor_grade) >= AGENT and a.actor.name != b.actor.name \
        and a.status in FACTUAL and b.status in FACTUAL


def dedupe_sentence(drafts: list[Draft]) -> list[Draft]:
    """One event per type per sentence: the most confident, filled from the others (but two
    different acts by two named parties stay two: "police arrested 23 people, and the High
    Commissioner reimposed a curfew")."""
    best: dict[Any, Draft] = {}
    for draft in drafts:
        key: Any = draft.type
        kept = best.get(key)
        if kept is not None and _two_acts(kept, draft):
            key = (draft.type, draft.cameo)
            kept = best.get(key)
        elif kept is not None and _two_days(kept, draft):   # "a day after a bomb killed four, troops raided"
            key = (draft.type, draft.date.date if draft.date else None)
            kept = best.get(key)
        elif kept is not None and _two_scenes(kept, draft):   # "youths set fire to a school in Rivière-Salée,
            key = (draft.type, draft.place.name if draft.place else None)   # and a man was shot dead in Païta"
            kept = best.get(key)
        elif kept is not None and _told_by_another(kept, draft):   # "its forces and Afghan border troops
            key = (draft.type, "told", draft.speaker_i)   # exchanged fire, and Afghan officials said a mortar
            kept = best.get(key)   # shell had killed four members of one family"
        elif kept is not None and _earlier_act_of_others(kept, draft):
            key = (draft.type, "circumstance")
            kept = best.get(key)
        if kept is None:
            best[key] = draft
            continue
        winner, loser = (draft, kept) if _strength(draft) > _strength(kept) else (kept, draft)
        _fill(winner, loser)
        best[key] = winner
    kept_ids = {id(d) for d in best.values()}
    return [d for d in drafts if id(d) in kept_ids]


FACTUAL = frozenset({"actual", "alleged", "claimed"})


def _two_days(a: Draft, b: Draft) -> bool:
    """Two acts of one type the text dates to two different days ("a day after police arrested 17
    people, a judge ordered 12 of them held")."""
    return a.type == b.type and a.date is not None and b.date is not None \
        and a.status in FACTUAL and b.status in FACTUAL \
        and a.date.source == b.date.source == "text" and a.date.precision == b.date.precision == "day" \
        and a.date.date != b.date.date


def _told_by_another(a: Draft, b: Draft) -> bool:
    """A second attack in the sentence, told by a speaker of its own with victims of its own, after an
    act the sentence tells in its own voice (not the toll of a claimed attack: "JNIM claimed the ambush
    ..., in which the army says eight soldiers were killed")."""
    return a.type == b.type == "ASSAULT" and a.speaker_i < 0 <= b.speaker_i and b.trigger_i > a.trigger_i \
        and b.killed is not None and b.target != EMPTY and b.target.name != a.target.name \
        and a.status in {"actual", "alleged"} and b.status in FACTUAL \
        and not b.is_anaphoric


def _two_scenes(a: Draft, b: Draft) -> bool:
    """Two attacks of different kinds in one sentence, the second at a place of its own."""
    return a.type == b.type == "ASSAULT" and b.place_in_sentence \
        and a.place is not None and b.place is not None and a.place.name != b.place.name \
        and bool(a.cameo and b.cameo) and a.cameo[:3] != b.cameo[:3] and a.status in FACTUAL and b.status in FACTUAL


def _two_acts(a: Draft, b: Draft) -> bool:
    """Two acts of one type in one sentence: two kinds by two parties, or crowd control and arrests
    ("Police fired tear gas to break up a road blockade ..., detaining 31 people")."""
    if a.type == "ASSAULT" or not (a.cameo and b.cameo) or a.cameo[:3] == b.cameo[:3]:
        return False
    if {a.cameo[:3], b.cameo[:3]} == {"173", "175"}:   # (" ... and five were arrested": by the same police)
        return max(a.actor_grade, b.actor_grade) >= AGENT
    return a.actor_grade >= AGENT and b.actor_grade >= AGENT and a.actor.name != b.actor.name


def _strength(draft: Draft) -> tuple[bool, bool, bool, bool, int, float]:
    """An anaphoric attack mention ("claimed the bombing") links to the incident: it wins; then
    the main clause over a subordinate one ("police fired tear gas after demonstrators tried to
    block lawmakers"), a reported fact over a possibility, our trigger rows over compiled ones."""
    return (draft.type == "ASSAULT" and draft.is_anaphoric, draft.on_spine,
            draft.status not in {"hypothetical", "negated"}, draft.curated,
            draft.actor_grade + draft.target_grade, draft.confidence)


#: Statuses that say who vouches for an act: a second, bare mention of the same act in the
#: sentence ("the latest kidnapping", "the group's first such attack") keeps them.
FRAMED = frozenset({"claimed", "alleged", "denied"})


def _fill(winner: Draft, loser: Draft) -> None:
    if winner.type == loser.type == "ASSAULT" and winner.status == "actual" and loser.status in FRAMED:
        winner.status = loser.status
        winner.attribution = winner.attribution or loser.attribution
    if winner.actor == EMPTY and loser.actor != EMPTY:
        winner.actor, winner.actor_grade, winner.has_actor = loser.actor, loser.actor_grade, True
    if winner.target == EMPTY and loser.target != EMPTY and loser.target != winner.actor:
        winner.target, winner.target_grade = loser.target, loser.target_grade
    if winner.killed is None:
        winner.killed = loser.killed
    if winner.injured is None:
        winner.injured = loser.injured
    winner.mode = winner.mode or loser.mode
    if winner.type == loser.type == "ASSAULT" and loser.date is not None and loser.date.source == "text" \
            and winner.date is not None and winner.date.source in {"report", "published"}:
        winner.date = loser.date   # "A day after an air strike on a monastery, rescuers said on Wednesday
        # that the toll had risen to 24 and 40 had been wounded": the strike's day, not the report's
    elif winner.date is not None and loser.date is not None and winner.date.precision in {"week", "month"} \
            and loser.date.precision == "day" and abs((winner.date.date - loser.date.date).days) <= 7:
        winner.date = loser.date   # "... this week, while residents of Hajin protested" ... "marched in Hajin on Tuesday"


def main_events(drafts: list[Draft]) -> list[Draft]:
    """What a sentence reports: its main-clause events (coordinated ones too), not the purposes,
    means and circumstances hanging off them ("used water cannon *to push the crowd back*");
    a claiming/alleging frame is not an event next to the act it frames ("X claimed
    responsibility for the bombing" is the bombing, claimed). Attacks always stay: a subordinate
    mention may be the incident itself ("suspect X of planting a bomb")."""
    frames = {d.frame_i for d in drafts if d.frame_i >= 0}
    drafts = [d for d in drafts if d.trigger_i not in frames]
    spine = [d for d in drafts if d.on_spine]
    if not spine:
        best = max(drafts, key=lambda d: (d.object_of_spine, d.confidence), default=None)   # "began a strike to demand"
        spine = [best] if best is not None and not best.circumstance and (
            best.rank < LEAD or best.object_of_spine or _carried_act(best)) else []
    kept = [d for d in drafts if d in spine or d.type == "ASSAULT" or (
        d.mode == "weapons" and d.object_of_spine)   # "condemns North Korea's launch of a missile"
        or (d.type == "THREATEN" and d.curated and d.status == "threatened" and not d.circumstance
            and d.trigger.startswith(("warn/VERB", "threaten/VERB")) and d.has_actor and d.actor_grade >= AGENT)
        # "JNIM blocked the main road, warning drivers that their trucks would be burned": a threat too
        or d.anchor or (d.type == "THREATEN" and d.written and d.status == "threatened")   # "notes ... were found, warning that"
        or (d.object_of_spine and d.type in MATERIAL_ACTS and d.curated and not d.is_anaphoric
            and not _object_of_a_trigger(d, drafts) and not d.definite
            and not any(s.on_spine and s.type != "REQUEST" for s in drafts if s is not d))
        or _dated_antecedent(d, spine) or _concurrent_act(d)]
    # "traders began a general strike to demand ...": the strike is what the sentence tells
    return _prefer_curated(kept)


#: Acts that a sentence may tell in a clause below a verb of no event of its own ("Police lobbed
#: tear gas to disperse the crowd", "the kidnappers made contact, threatening to kill the captives").
CARRIED_ACTS = frozenset({"COERCE", "THREATEN", "MOBILIZE", "PROTEST", "SANCTION"})


def _dated_antecedent(draft: Draft, spine: list[Draft]) -> bool:
    """'A day after Kosovo police arrested a former officer, police fired tear gas ...': an act by a
    named party in the time clause, on a day of its own, is news too (not only the main clause's)."""
    when = draft.date
    return draft.circumstance and draft.type in MATERIAL_ACTS and draft.curated and draft.has_actor \
        and draft.actor_grade >= AGENT and draft.status in FACTUAL and when is not None \
        and when.source == "text" and when.precision == "day" \
        and bool(spine) and all(s.date is not None and s.date.date != when.date for s in spine)


def _concurrent_act(draft: Draft) -> bool:
    """'Nine people were killed this week, as lawmakers extended the state of emergency': what a
    named party did meanwhile is news of its own."""
    return draft.concurrent and draft.type in MATERIAL_ACTS - {"RETREAT", "COOPERATE"} and draft.curated \
        and draft.has_actor \
        and draft.actor_grade >= AGENT and draft.status in FACTUAL


def _carried_act(draft: Draft) -> bool:
    return draft.type in CARRIED_ACTS and draft.has_actor and draft.actor_grade >= AGENT


def _object_of_a_trigger(draft: Draft, drafts: list[Draft]) -> bool:
    """The noun's own verb is a trigger ("lifted a blockade", "lodged a protest"), or the main clause
    already tells an act of the same type ("imposed a curfew")."""
    return any(d is not draft and (d.trigger_i == draft.head_i or d.on_spine and d.type == draft.type)
               for d in drafts)


def one_per_actor(drafts: list[Draft]) -> list[Draft]:
    """Beyond the lead a sentence is one statement: the same speaker's several verbs ("China
    firmly opposes terrorism and urged Pakistan to ...") are one event, the one that names its
    addressee best. Attacks are left to incident linking; a condemnation next to an appeal ("condemned
    the strike and called on the United States to ...") is a second event, as analysts record both."""
    best: dict[str, Draft] = {}
    for d in drafts:
        if d.rank < LEAD or d.type == "ASSAULT" or d.actor == EMPTY or d.shadow:
            continue
        key = _statement_key(d)
        kept = best.get(key)
        if kept is None or (d.target_grade, d.curated, d.confidence) > \
                (kept.target_grade, kept.curated, kept.confidence):
            best[key] = d
    return [d for d in drafts if d.rank < LEAD or d.type == "ASSAULT" or d.actor == EMPTY or d.shadow
            or best.get(_statement_key(d)) is d]


def _statement_key(draft: Draft) -> str:
    if draft.type in MATERIAL_ACTS:   # "imposed a curfew and suspended mobile internet": two acts, not words
        code = draft.cameo or ""
        return f"{draft.actor.name or ''}|{draft.type}|{code if code.startswith('172') else code[:3]}"
    kind = {"ACCUSE": "condemn", "THREATEN": "threat"}.get(draft.type, "")   # a threat next to a rejection
    return f"{draft.actor.name or ''}|{kind}"   # ("rejected the sanctions ... and said London 'will receive a response'")


#: Types of acts (not statements): several in one sentence by one actor are several events.
MATERIAL_ACTS = frozenset({"COERCE", "SANCTION", "MOBILIZE", "AID", "PROTEST", "RETREAT", "COOPERATE"})


def _prefer_curated(drafts: list[Draft]) -> list[Draft]:
    """A compiled verb reading next to one of our own triggers is usually a second reading of the
    same act ("fired tear gas and used water cannon": COERCE, not also ASSAULT) or a side remark:
    the sentence reports what our triggers say. Attacks stay unless the sentence reports force."""
    if not any(d.curated for d in drafts):
        return drafts
    force = any(d.curated and d.type in {"ASSAULT", "COERCE"} for d in drafts)
    return [d for d in drafts if d.curated or (d.type == "ASSAULT" and not force)]


def _restatement(draft: Draft, out: list[Draft]) -> Draft | None:
    """Beyond the lead, an unnamed actor doing the same kind of thing to no one in particular
    ("officers used water cannon") restates an event of the story already kept."""
    if draft.type == "THREATEN":   # a threat repeated in other words ("would target every vessel")
        return next((k for k in out if k.type == "THREATEN" and k.status == draft.status
                     and _same_side(k, draft) and _near_days(k, draft)), None)
    if draft.cameo == "175":   # "police fired tear gas and used water cannon" told again
        crowd = next((k for k in out if k.cameo == "175" and k.status == draft.status and _near_days(k, draft)
                      and not _two_told_days(k, draft)
                      and (k.place is None or draft.place is None or k.place.country == draft.place.country)
                      and not (k.place_in_sentence and draft.place_in_sentence and k.place != draft.place)), None)
        if crowd is not None:
            return crowd
    if draft.type == "PROTEST" and draft.actor.name and not re.search(r"\bagain\b", draft.evidence.text):
        # "Farmers squatted on the highway" ... "police cleared (not "protesters regrouped and blocked it again")
        crowd = draft.actor.name.split()[-1].lower()  # ... "police cleared hundreds of farmers who had blocked it"
        same = next((k for k in out if k.type == "PROTEST" and k.status == draft.status and _near_days(k, draft)
                     and not _two_told_days(k, draft)   # ("On Monday evening about 400 people marched ...")
                     and k.actor.name and k.actor.name.split()[-1].lower() == crowd
                     and (k.place is None or draft.place is None or k.place.country == draft.place.country)
                     and not (k.place_in_sentence and draft.place_in_sentence and k.place != draft.place)), None)
        if same is not None:
            return same
    if draft.is_anaphoric and draft.type in AGREEMENT_TYPES:   # "the deal was signed by ..."
        return next((k for k in out if k.type in AGREEMENT_TYPES), None)
    if draft.rank < LEAD or draft.type == "ASSAULT" or draft.actor_grade >= 4 or draft.target_grade >= AGENT \
            or re.search(r"\bagain\b", draft.evidence.text):
        return None   # ("protesters regrouped and blocked the highway again": a second time)
    for kept in out:
        if kept.type == draft.type and kept.status == draft.status and _same_kind(kept, draft) \
                and not _told_apart(kept, draft) and not _text_days_apart(kept, draft) and not (
                draft.actor.country and draft.actor.country != kept.actor.country) and not (
                draft.place is not None and kept.place is not None and draft.place.country != kept.place.country):
            return kept   # (not a rejection made in another country: "In Islamabad, a spokesperson rejected ...")
    return None


def _text_days_apart(a: Draft, b: Draft) -> bool:
    """Each act is dated to its own day by its own words ("Sunday's march" ... "On Monday evening
    about 400 people marched"): two acts, however alike."""
    return _two_told_days(a, b) and a.date is not None and b.date is not None \
        and a.date.source == b.date.source == "text"


def _told_apart(a: Draft, b: Draft) -> bool:
    """The text dates the later mention to another day or month than the act told before ("Last
    month, police cleared a smaller blockade at Caracollo")."""
    x, y = a.date, b.date
    if x is None or y is None or y.source != "text":
        return False
    if y.precision == "month" or x.precision == "month":
        return (x.date.year, x.date.month) != (y.date.year, y.date.month)
    return x.precision == y.precision == "day" and abs((x.date - y.date).days) > 1


def _same_act(draft: Draft, out: list[Draft]) -> Draft | None:
    """A non-violent act told twice ("Iran's Revolutionary Guards say they have seized a foreign
    tanker in the Strait of Hormuz" ... "the IRGC navy said it seized a foreign-flagged tanker in
    the Strait of Hormuz on Sunday"): the same kind of act on the same target at the same place."""
    if draft.type == "ASSAULT" or draft.place is None or not draft.target.name or not draft.cameo:
        return None
    head = draft.target.name.split()[-1].lower()
    for kept in out:
        if kept.type == draft.type and kept.cameo == draft.cameo and kept.status == draft.status \
                and kept.place is not None and kept.place.name == draft.place.name and kept.target.name \
                and kept.target.name.split()[-1].lower() == head and _near_days(kept, draft):
            return kept
    return None


def _same_side(a: Draft, b: Draft) -> bool:
    """The same actor by name, or the same country and sector under another name."""
    if a.actor == EMPTY or b.actor == EMPTY:
        return False
    return a.actor.name == b.actor.name or bool(
        a.actor.country and a.actor.sector and (a.actor.country, a.actor.sector) == (b.actor.country, b.actor.sector))


def _two_told_days(a: Draft, b: Draft) -> bool:
    """Both acts are dated to a day by the text (or its narrative), and the days differ."""
    return a.date is not None and b.date is not None and a.date.precision == b.date.precision == "day" \
        and {a.date.source, b.date.source} <= {"text", "context"} and a.date.date != b.date.date


def _policed_protest(draft: Draft) -> bool:
    """A protest read only from the police's act on its protesters."""
    return draft.type == "PROTEST" and draft.trigger.split("/", 1)[0] in PROTESTER_NOUNS


def _near_days(a: Draft, b: Draft) -> bool:
    if a.date is None or b.date is None:
        return True
    reach = 6 if "week" in {a.date.precision, b.date.precision} else 1   # ("this week" ... "on Tuesday")
    return abs((a.date.date - b.date.date).days) <= reach


def _same_kind(a: Draft, b: Draft) -> bool:
    """The same kind of act: 'fired tear gas' (175) does not restate 'arrested 41 people' (173)."""
    if not a.cameo or not b.cameo or len(a.cameo) < 3 or len(b.cameo) < 3:
        return True
    if a.type == "COERCE" and a.cameo[:3] == "172" and a.cameo != b.cameo:
        return False   # an internet cut (1721) is not a ban on gatherings (172) nor a curfew (1723)
    return a.cameo[:3] == b.cameo[:3]


def _same_days(a: Draft, b: Draft) -> bool:
    """Dated to the same day (or either undated)."""
    return a.date is None or b.date is None or a.date.date == b.date.date


def dedupe_article(drafts: list[Draft]) -> list[Draft]:
    """The same type, actor, target, date and place reported twice in one article is one event."""
    seen: dict[tuple[Any, ...], Draft] = {}
    out: list[Draft] = []
    for draft in drafts:
        if _policed_protest(draft):   # "police fired tear gas at the protesters": the protest told elsewhere
            told = next((o for o in drafts if o is not draft and o.type == "PROTEST" and not _policed_protest(o)
                         and _same_days(o, draft)), None) or next(
                (o for o in out if o.type == "PROTEST" and _same_days(o, draft)), None)
            if told is not None or draft.status != "actual":
                if told is not None:
                    told.merged.append(draft)
                continue
        host = _restatement(draft, out)
        if host is not None:
            _fill(host, draft)
            host.merged.append(draft)
            continue
        host = _same_act(draft, out)
        if host is not None:   # the act told again in fuller words: cite the fuller sentence
            fuller = (draft.richness(), len(draft.evidence.text)) > (host.richness(), len(host.evidence.text))
            winner, loser = (draft, host) if fuller else (host, draft)
            _fill(winner, loser)
            winner.merged.append(loser)
            out[out.index(host)] = winner
            continue
        key = (draft.type, draft.status, draft.actor.name, draft.target.name,
               draft.date.date if draft.date else None,
               draft.place.country if draft.place else None)
        if draft.actor == EMPTY and draft.target == EMPTY:
            out.append(draft)
            continue
        kept = seen.get(key)
        if kept is None:
            seen[key] = draft
            out.append(draft)
        else:
            _fill(kept, draft)
            kept.merged.append(draft)
    return out
