"""How certain an event is, and who says so.

``assess(trigger)`` walks from the trigger up the dependency tree and reads, clause by clause:
negation ("did not attack", "no one was hurt"), modality ("could", "is likely to", conditionals),
future or intent in reported speech ("said they would boycott" → an intent), epistemic frames
("officials suspect X of ..." → alleged, "claimed responsibility for" → claimed, "denied" → denied),
and reporting frames ("..., the SITE monitoring group said", "according to police") for attribution,
innermost source first ("Al-Hayat Media Center via SITE").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wirewatch.stages.coding.actors import clean_phrase
from wirewatch.stages.coding.roles import inherited_actor

SPEECH = frozenset({"say", "report", "tell", "announce", "state", "add", "confirm", "quote", "reveal",
                    "disclose", "note", "explain", "write", "declare", "indicate", "inform", "insist",
                    "assert", "stress", "acknowledge", "admit", "publish", "broadcast", "reiterate",
                    "repeat", "conclude", "argue", "maintain", "emphasize", "emphasise", "underline",
                    "remind", "reply", "respond"})
SPEECH_NOUNS = frozenset({"statement", "reminder", "warning", "declaration", "message", "letter",
                          "communique", "announcement"})
ALLEGE = frozenset({"suspect", "accuse", "allege", "blame", "believe", "think", "assume", "charge",
                    "implicate", "link", "attribute", "hold"})
DENY = frozenset({"deny", "dismiss"})
CLAIM = frozenset({"claim"})
HYPO_ADJ = frozenset({"likely", "unlikely", "possible", "probable", "expected", "poised", "able"})
INTENT_ADJ = frozenset({"ready", "willing", "prepared", "determined", "set", "eager"})
FORECAST = frozenset({"expect", "predict", "forecast", "fear", "risk", "consider", "could", "decide",
                      "seek", "hope", "want", "wish", "aim", "try", "attempt", "worry"})
#: "stop/cease -ing": the act no longer happens.
CEASE = frozenset({"stop", "cease", "quit", "halt", "refrain", "avoid", "abandon", "end"})
#: Permissions: what is not allowed has not been done ("the law does not allow the army to ...").
PERMIT = frozenset({"allow", "permit", "let", "enable", "authorise", "authorize"})
INTENT_VERBS = frozenset({"plan", "intend", "vow", "pledge", "promise", "prepare", "threaten", "swear"})
MODALS = frozenset({"could", "may", "might", "should", "can", "must", "ought"})
FUTURE = frozenset({"will", "would", "shall", "'ll", "wo"})
CONDITIONAL = frozenset({"if", "unless", "whether", "lest"})
ALLEGED_MODIFIERS = frozenset({"alleged", "suspected", "apparent", "presumed", "assumed", "reported",
                               "allegedly", "reportedly", "apparently", "purportedly", "possible",
                               "probable", "suspect"})
HYPO_MODIFIERS = frozenset({"planned", "possible", "potential", "future", "threatened", "feared"})
CLAUSE_LINKS = frozenset({"ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "pcomp", "dobj", "pobj",
                          "prep", "nsubj", "nsubjpass", "attr", "oprd", "appos", "agent", "compound",
                          "amod", "npadvmod", "dep", "ROOT", "acomp", "advmod"})


@dataclass(slots=True)
class Assessment:
    """The outcome of :func:`assess`."""

    status: str = "actual"
    attribution: list[str] = field(default_factory=list)
    is_intent: bool = False        # future/commitment ("will", "is ready to", reported "would")
    is_demand: bool = False        # "X said Y must ...": the speaker demands
    speaker: Any = None            # subject token of the innermost reporting verb
    frame: Any = None              # the token of an alleging/claiming/denying frame
    frame_lemma: str | None = None

    @property
    def attribution_text(self) -> str | None:
        return " via ".join(self.attribution) if self.attribution else None


def subject_text(verb: Any) -> str | None:
    """The cleaned text of a verb's subject (passive agents included)."""
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"} and child.pos_ != "PRON":
            return clean_phrase(_np_text(child))
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return clean_phrase(_np_text(obj))
    return None


def _np_text(token: Any) -> str:
    """A noun phrase without its relative clauses, appositions and trailing punctuation."""
    cut = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl"}
    words = [t for t in token.subtree if not any(a.dep_ in cut and a.i != token.i
                                                 for a in _path_to(t, token))]
    return " ".join(t.text for t in words) if words else token.text


def _path_to(token: Any, top: Any) -> list[Any]:
    path = []
    while token.i != top.i and token.head.i != token.i:
        path.append(token)
        token = token.head
    return path


def _aux(verb: Any) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}


def _has_neg(token: Any) -> bool:
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return True
    return token.dep_ in {"nsubj", "nsubjpass"} and token.lower_ in {"nobody", "none"}


def _subject_negated(verb: Any) -> bool:
    """'no one was hurt', 'nobody was killed'."""
    return any(child.dep_ in {"nsubj", "nsubjpass"} and (
        child.lower_ in {"nobody", "none"} or any(c.lower_ == "no" for c in child.children))
        for child in verb.children)


def _according_to(token: Any) -> str | None:
    for child in token.children:
        if child.lower_ == "according":
            for to in child.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return clean_phrase(_np_text(obj))
    return None


def _reporting_children(token: Any) -> list[str]:
    """'X attacked Y, police said' parsed with 'said' as a parataxis child of the event clause."""
    out = []
    for child in token.children:
        if child.dep_ in {"parataxis", "advcl"} and child.lemma_ in SPEECH:
            text = subject_text(child)
            if text:
                out.append(text)
    return out


def quote_opens_between(inner: Any, outer: Any) -> bool:
    """A quotation opens after ``inner`` and is still open at ``outer`` (who hangs on the quoted words:
    'some carrying placards reading "We just want to ...'; not 'a video threatening attacks "very soon,"
    the group said')."""
    if outer.i <= inner.i:
        return False
    doc = inner.doc
    straight = sum(1 for u in doc[:inner.i + 1] if u.text == '"')
    is_open = False
    for t in doc[inner.i + 1:outer.i]:
        if t.text == "\u201c" or t.text == '"' and straight % 2 == 0 and not is_open:
            is_open = True
        elif t.text == "\u201d" or t.text == '"':
            is_open = False
        if t.text == '"':
            straight += 1
    return is_open


def assess(trigger: Any) -> Assessment:
    """Status and attribution of the event whose trigger is ``trigger`` (a spaCy token)."""
    result = Assessment()
    if trigger.pos_ == "NOUN" and _nominal_modifiers(trigger, result):
        pass
    node, own_clause, in_speech = trigger, True, False
    while True:
        _read_clause(node, trigger, own_clause, result, in_speech)
        source = _according_to(node)
        if source:
            result.attribution.append(source)
        result.attribution.extend(_reporting_children(node))
        if node.head.i == node.i or node.dep_ not in CLAUSE_LINKS:
            break
        if node.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in node.children):
            break   # "I will start with the DRC, where colleagues tell us that fighters attacked ...": told as fact
        parent = node.head
        lemma = parent.lemma_.lower()
        if node.dep_ in {"ccomp", "xcomp", "advcl"} and quote_opens_between(node, parent):
            break   # 'had gathered at the gate, some carrying placards reading "We just want to ...': the parser
            # hung the clause on the quoted words
        if node.dep_ == "conj" and parent.pos_ == "VERB" and any(c.dep_ in {"nsubj", "nsubjpass"}
                                                                for c in node.children):
            pass   # "Hezbollah denied it, and the army later arrested suspects": a coordinate, not a frame
        elif node.dep_ in {"dep", "conj"} and node.pos_ == "VERB" and parent.pos_ == "VERB" \
                and any(c.dep_ == "dobj" for c in node.children) and any(c.dep_ == "dobj" for c in parent.children):
            pass   # "a judge charged all six, ordered four of them held ...": a list of acts, not a frame
        elif parent.pos_ in {"VERB", "AUX"} and node.dep_ not in {"nsubj", "nsubjpass"}:
            if lemma in CEASE and node.dep_ == "xcomp" and node.tag_ == "VBG":
                result.status = _stronger(result.status, "negated")   # "stopped sabotaging the network"
            in_speech = _read_frame(parent, lemma, result, in_speech)
            if parent.pos_ == "VERB" and lemma not in {"be", "have", "do"} and not (
                    node.i == trigger.i and trigger.pos_ == "NOUN" and node.dep_ in {"dobj", "attr"}):
                own_clause = False   # "has not yet suffered a major attack": the verb carries the noun
        elif parent.pos_ == "NOUN" and lemma in CLAIM and node.dep_ in {"acl", "ccomp"}:
            result.status = _stronger(result.status, "claimed")   # "the Houthis' claim that they fired"
            owner = next((c for c in parent.children if c.dep_ == "poss"), None)
            if owner is not None:
                result.attribution.append(_np_text(owner))
        elif parent.pos_ == "NOUN" and lemma in SPEECH_NOUNS and node.dep_ in {"acl", "ccomp"} \
                and parent.dep_ == "dobj" and parent.head.pos_ == "VERB":
            in_speech = True   # "issued a reminder to Iraq that it must cooperate": the issuer speaks
            if result.speaker is None:
                result.speaker = next((c for c in parent.head.children if c.dep_ == "nsubj"), None)
        elif parent.pos_ in {"NOUN", "PROPN"} and any(c.dep_ == "det" and c.lower_ == "no"
                                                      for c in parent.children):
            result.status = _stronger(result.status, "negated")   # "no evidence of an attack"
        elif lemma in HYPO_ADJ and node.dep_ in {"xcomp", "ccomp"}:
            result.status = _stronger(result.status, "hypothetical")
        elif lemma in INTENT_ADJ and node.dep_ in {"xcomp", "ccomp"} and own_clause:
            result.is_intent = True
        node = parent
    return result


def _nominal_modifiers(noun: Any, result: Assessment) -> bool:
    for child in noun.children:
        word = child.lower_
        if child.dep_ in {"amod", "advmod", "compound"} and (word in ALLEGED_MODIFIERS or child.lemma_ in ALLEGED_MODIFIERS
                                                             or any(g.lower_ in ALLEGED_MODIFIERS for g in child.children)):
            result.status = _stronger(result.status, "alleged")
        if child.dep_ == "amod" and word in HYPO_MODIFIERS and not _enacted(noun):
            result.status = _stronger(result.status, "hypothetical")
        if child.dep_ == "det" and word == "no":
            result.status = _stronger(result.status, "negated")
    return True


def _enacted(noun: Any) -> bool:
    """'launched the planned offensive': the object of a verb that carries the act out."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in {
        "mount", "launch", "carry", "stage", "conduct", "begin", "start", "execute", "unleash", "wage", "stag"}


def _holds_responsible(verb: Any) -> bool:
    """'held X responsible for': an accusation; 'held talks/exercises' is no frame at all."""
    return any(c.lower_ in {"responsible", "accountable", "liable", "culpable"} for c in verb.subtree)


def _read_clause(node: Any, trigger: Any, own_clause: bool, result: Assessment, in_speech: bool) -> None:
    """Modality and negation of the clause headed by ``node``."""
    if node.pos_ not in {"VERB", "AUX", "ADJ"} and node.i != trigger.i:
        return
    aux = _aux(node)
    if own_clause and (_has_neg(node) or _subject_negated(node)):
        result.status = _stronger(result.status, "negated")
    if aux & {"must", "should"} and own_clause and _under_speech(node):
        result.is_demand = True
    elif aux & MODALS:
        result.status = _stronger(result.status, "hypothetical")
    if aux & {"will", "shall", "'ll", "wo"} and own_clause:
        result.is_intent = True
    elif aux & FUTURE or _going_to(node):
        if in_speech or _under_speech(node):
            result.is_intent = True
        else:
            result.status = _stronger(result.status, "hypothetical")
    for child in node.children:
        if child.dep_ == "mark" and child.lower_ in CONDITIONAL and node.dep_ in {"advcl", "ccomp"}:
            result.status = _stronger(result.status, "hypothetical")
        if child.dep_ == "advmod" and child.lower_ in ALLEGED_MODIFIERS:
            result.status = _stronger(result.status, "alleged")
        if child.lower_ == "yet" and node.lemma_ in {"have", "be"}:
            result.status = _stronger(result.status, "hypothetical")


def _under_speech(verb: Any) -> bool:
    """The clause is the complement of a reporting verb ("said they would ...")."""
    head = verb.head
    return verb.dep_ in {"ccomp", "xcomp", "conj", "acl"} and head.lemma_.lower() in SPEECH | SPEECH_NOUNS


def _going_to(verb: Any) -> bool:
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ == "go" and any(c.lower_ in {"is", "are", "was", "'s", "'re"}
                                                                  for c in head.children)


def _read_frame(verb: Any, lemma: str, result: Assessment, in_speech: bool) -> bool:
    """Apply an enclosing reporting/alleging/denying verb; returns whether we are now in speech."""
    if lemma in SPEECH:
        text = subject_text(verb)
        if text:
            result.attribution.append(text)
        if result.speaker is None:
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            result.speaker = (subjects[-1] if subjects else None) \
                or inherited_actor(verb)   # "X claimed the attack, saying it had targeted ..." (the subject
            # nearest the verb: "Addressing supporters, the party leader said ...", misparsed, has two)
        return True
    if lemma in ALLEGE and result.frame is None and not (lemma == "hold" and not _holds_responsible(verb)):
        result.status = _stronger(result.status, "alleged")
        result.frame, result.frame_lemma = verb, lemma
        text = subject_text(verb)
        if text:
            result.attribution.append(text)
    elif lemma in DENY and result.frame is None:
        result.status = _stronger(result.status, "denied")
        result.frame, result.frame_lemma = verb, lemma
    elif lemma in CLAIM and result.frame is None and any(c.dep_ == "neg" for c in verb.children):
        result.frame, result.frame_lemma = verb, lemma   # "had not issued any statement about the attack": unclaimed
    elif lemma in CLAIM and result.frame is None:
        result.status = _stronger(result.status, "claimed")
        result.frame, result.frame_lemma = verb, lemma
        text = subject_text(verb)
        if text:
            result.attribution.append(text)
    elif lemma in PERMIT and any(c.dep_ == "neg" for c in verb.children):
        result.status = _stronger(result.status, "hypothetical")   # "the law does not allow the army to shoot down"
    elif lemma in FORECAST and not (lemma in {"try", "attempt"} and verb.tag_ == "VBD") or _aux(verb) & MODALS:
        result.status = _stronger(result.status, "hypothetical")   # (but "hundreds of women tried to march
        # towards the Raj Bhavan": an attempt made is an act, stopped or not)
    elif lemma in INTENT_VERBS:
        result.is_intent = True
    return in_speech


_RANK = {"actual": 0, "claimed": 1, "alleged": 2, "threatened": 3, "hypothetical": 4, "denied": 5,
         "negated": 6}


def _stronger(current: str, new: str) -> str:
    """Keep the status that weakens the event most (a denied forecast is still not actual)."""
    return new if _RANK[new] > _RANK[current] else current
