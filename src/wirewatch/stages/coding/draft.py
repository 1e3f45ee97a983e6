"""An event under construction, and its conversion to the frozen :class:`~wirewatch.models.Event`."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from wirewatch.models import Actor, Event, EventPlace, Evidence
from wirewatch.stages.coding.casualties import LIST_PERSONS, parse_number
from wirewatch.stages.coding.context import EventDate

#: Statuses that say who is behind an incident ("X claimed", "police suspect X", "X denied").
ATTRIBUTED = frozenset({"claimed", "alleged", "denied"})
PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}
EMPTY = Actor()
NEAR_SENTENCES = 3


#: Cooperative types whose act is an agreement, and the nouns that refer back to one.
AGREEMENT_TYPES = frozenset({"AGREE", "SUPPORT"})
AGREEMENT_NOUNS = frozenset({"deal", "agreement", "accord", "pact", "treaty", "truce", "ceasefire", "cease-fire",
                             "memorandum", "armistice"})


@dataclass(slots=True)
class Draft:
    """Mutable event fields plus what article-level linking needs (anchors, definiteness)."""

    type: str
    cameo: str | None
    mode: str | None
    actor: Actor
    target: Actor
    place: EventPlace | None
    date: EventDate | None
    killed: int | None
    injured: int | None
    status: str
    attribution: str | None
    evidence: Evidence
    confidence: float
    sentence_index: int
    anchors: frozenset[str] = frozenset()
    is_anaphoric: bool = False
    has_actor: bool = False
    place_in_sentence: bool = False
    actor_grade: int = 0
    target_grade: int = 0
    trigger: str = ""              # the trigger lemma and lexicon source, for diagnostics
    shadow: bool = False           # not an event by itself; may only complete another mention
    trigger_i: int = -1            # token index of the trigger in the parsed document
    frame_i: int = -1              # token index of a claiming/alleging/denying frame verb, if any
    on_spine: bool = True          # the trigger heads the sentence's main clause (or a coordinate)
    curated: bool = True           # the trigger row is ours, not compiled from the PETRARCH verbs
    rank: int = 0                  # prose sentences before this one (0, 1, 2: the story's lead)
    object_of_spine: bool = False  # a nominal trigger that is the object of a main-clause verb
    definite: bool = False         # a nominal trigger named as known ("the arrests", "its strike")
    head_i: int = -1               # token index of the trigger's syntactic head
    circumstance: bool = False     # the trigger heads a temporal clause ("before the attackers withdrew")
    concurrent: bool = False       # ... a clause of what happened meanwhile ("as lawmakers extended ...")
    speaker_i: int = -1            # token index of who tells this mention in its sentence (-1: the paper)
    anchor: bool = False           # told as news inside a noun phrase: a protest that dates the sentence's acts
    # ("arrested after a protest outside X turned violent"), a pact ("a ceasefire brokered by X took hold")
    written: bool = False          # a threat known by what it was written in ("a message posted on Telegram warned")
    converted: bool = False        # a refusal read from a negated cooperative verb ("gave no details")
    toll_kind: str = ""            # how ``killed`` relates to other figures (Casualties.kind)
    toll_from: int = -1            # sentence the toll was last taken from (-1: this mention's own)
    merged: list[Draft] = field(default_factory=list)
    mention_status: str = ""       # the status this mention had on its own, before merging
    mention_evidence: Evidence | None = None   # this mention's own sentence (its evidence may change)
    cited: int = -1                # richness of the sentence cited as evidence (-1: not yet measured)

    def richness(self) -> int:
        """How much this mention states itself: casualties, place, date, named actor, target."""
        own = self
        return (2 * (own.killed is not None and own.toll_kind != "none") + (own.injured is not None and own.toll_kind != "none") + own.place_in_sentence
                + (own.date is not None and own.date.source == "text") + (own.actor_grade >= 4)
                + (own.target != EMPTY) + (own.status in {"claimed", "denied"}))   # who owns up to it

    def last_mention(self) -> int:
        """Index of the latest sentence that mentions this incident."""
        return max([self.sentence_index] + [d.sentence_index for d in self.merged])

    def add_toll(self, killed: int | None, kind: str, sentence_index: int, *,
                 shadow: bool = False, when: EventDate | None = None, victims: str | None = None,
                 claimed: bool = False) -> None:
        """Take another sentence's death figure for this incident: a further group ("two
        bodyguards were also killed") adds to the toll; a larger figure (up to ten times as large)
        told near the sentence the toll comes from (at most three sentences later), or anywhere
        when its victims include the ones counted ("six jesuits" ... "the six jesuits and two
        women", "X" ... "X and his companion"), replaces a partial count. Other figures, running
        counts ("have been killed this year"), figures of another day ("in 2019, 20 people died in
        a similar attack") and mentions that only complete the incident fill a missing toll and
        nothing more. A revised toll ("the death toll has risen to seven") replaces a smaller one
        wherever and whenever it is told. The toll of a story's first sentence stands against other
        sources' larger figures, and a perpetrator's claim ("Amaq said 20 soldiers were killed")
        never replaces a toll."""
        if killed is None or kind == "tally":
            return   # a running count ("more than 6,000 people have been killed since 2017") is no incident's toll
        if kind == "revised" and self.killed is not None and self.killed < killed <= 10 * max(self.killed, 1):
            self.killed, self.toll_from = killed, sentence_index   # "the death toll rose to seven"
            return
        if _other_day(when, self.date, 400):   # (a day and month without a year may resolve a year off)
            return   # "In 2014, its fighters killed 28 passengers": another year's dead
        near = 0 < sentence_index - self._toll_sentence() <= NEAR_SENTENCES
        larger = self.killed is not None and kind == "" and self.killed < killed <= 10 * max(self.killed, 1) \
            and not claimed
        lead_toll = self.rank == 0 and self.toll_from < 0 and bool(self.killed)   # the lead's own toll stands
        if self.killed is None or (larger and not shadow and _includes(victims, self.killed, self.target.name)):
            self.killed, self.toll_from = killed, sentence_index
        elif shadow or _other_day(when, self.date):
            return
        elif kind == "also" and near:
            self.killed, self.toll_from = self.killed + killed, sentence_index
        elif larger and near and not lead_toll:
            self.killed, self.toll_from = killed, sentence_index

    def _toll_sentence(self) -> int:
        return self.sentence_index if self.toll_from < 0 else self.toll_from

    def absorb(self, other: Draft) -> None:
        """Fill what this draft lacks from another mention of the same incident."""
        mine = self.cited if self.cited >= 0 else self.richness()   # the cited sentence on its own
        self.add_toll(other.killed, other.toll_kind, other.sentence_index, shadow=other.shadow,
                      when=other.date, victims=other.target.name, claimed=other.mention_status == "claimed")
        if other.date is not None and (self.date is None or _better_date(other, self)) \
                and other.mention_status not in {"denied", "claimed"}:   # a denial or claim is dated when made
            self.date = other.date
        if self.injured is None:
            self.injured = other.injured
        if other.place is not None and (self.place is None or (
                other.place_in_sentence and not self.place_in_sentence and other.status != "hypothetical"
                and other.place.country == self.place.country)):   # a later mention does not move it abroad
            self.place, self.place_in_sentence = other.place, other.place_in_sentence
        attributed = other.status in ATTRIBUTED and (self.status == "actual" or self.status == "alleged"
                                                      and other.status == "claimed") and other.has_actor and (
            other.actor_grade > self.actor_grade or other.actor_grade == self.actor_grade
            and (other.status in {"alleged", "claimed"} or other.actor.name == self.actor.name))
        # "police blamed the ADF for the attack"; "the Taliban denied shelling Chaman"
        if other.actor_grade > self.actor_grade or attributed:
            self.actor, self.has_actor, self.actor_grade = other.actor, True, other.actor_grade
            if attributed:
                self.status, self.attribution = other.status, other.attribution or self.attribution
        if self.target == EMPTY and other.target != EMPTY:
            self.target = other.target
        self.mode = self.mode or other.mode
        theirs = other.richness()
        margin = 1 if self.circumstance else CITE_MARGIN   # "... before the attackers withdrew"
        if other.mention_status != "denied" and (   # (the incident is not cited from its denial)
                theirs >= mine + margin or (theirs == mine + margin - 1 and not self.on_spine and other.on_spine)):
            self.evidence, self.cited = other.evidence, theirs   # cite the sentence that says the most
        else:
            self.cited = mine
        self.anchors = self.anchors | other.anchors
        self.merged.append(other)


#: Words of a victim description that are no part of a name.
_NOT_NAME_WORDS = LIST_PERSONS | {"the", "and", "his", "her", "their", "of", "dr", "mr", "mrs", "ms", "msgr"}


def _includes(victims: str | None, counted: int, counted_victims: str | None) -> bool:
    """A victim description that contains the victims already counted: it starts with their
    figure ("six jesuit priests [and two women]" after six), or names the one victim counted
    ("Dr Oqueli [and his companion]" after "Hector Oqueli Colindres")."""
    if not victims:
        return False
    words = victims.lower().replace("-", " ").split()
    if parse_number(words[0]) == counted:
        return True
    if counted != 1 or not counted_victims:
        return False
    names = {w for w in counted_victims.lower().split() if len(w) > 2 and w.isalpha()} - _NOT_NAME_WORDS
    return bool(names & set(words))


#: A later mention is cited instead of the first only when it states clearly more on its own: the
#: first report of an incident is usually the story's lead.
CITE_MARGIN = 2


def _other_day(new: EventDate | None, old: EventDate | None, days: int = 1) -> bool:
    """Both dates are stated in the text and lie more than ``days`` apart."""
    return new is not None and old is not None and new.source == "text" and old.source == "text" \
        and abs((new.date - old.date).days) > days


def _better_date(new: Draft, old: Draft) -> bool:
    """A date stated in the text beats a report or publication date; finer beats coarser nearby."""
    assert new.date is not None and old.date is not None
    if new.date.source != "text":
        return False
    if old.date.source != "text":
        return True
    finer = PRECISION_ORDER[new.date.precision] < PRECISION_ORDER[old.date.precision]
    close = abs((new.date.date - old.date.date).days) <= 21
    return finer and (close or within_span(new.date, old.date))


def within_span(inner: EventDate, outer: EventDate) -> bool:
    """A date inside the month or year another date names ("on Monday" inside "this year")."""
    if outer.precision == "year":
        return inner.date.year == outer.date.year
    if outer.precision == "month":
        return (inner.date.year, inner.date.month) == (outer.date.year, outer.date.month)
    return False


def event_id(article_id: str, draft: Draft) -> str:
    """Deterministic id: article, evidence offsets, type, actor and target."""
    key = "|".join([article_id, str(draft.evidence.start), str(draft.evidence.end), draft.type,
                    draft.actor.name or "", draft.target.name or ""])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def to_event(article_id: str, draft: Draft) -> Event:
    """Freeze a draft."""
    return Event(
        id=event_id(article_id, draft), type=draft.type, cameo=draft.cameo, mode=draft.mode,
        actor=draft.actor, target=draft.target, place=draft.place,
        date=draft.date.date.isoformat() if draft.date else None,
        date_precision=draft.date.precision if draft.date else None,
        killed=draft.killed, injured=draft.injured, status=draft.status,
        attribution=draft.attribution, evidence=draft.evidence,
        confidence=round(draft.confidence, 3), mentions=mentions_of(draft),
    )


def mentions_of(draft: Draft) -> tuple[Evidence, ...]:
    """The sentences of the mentions merged into a draft, other than the one it cites, in order."""
    seen = {draft.evidence.start}
    out: list[Evidence] = []
    stack = [draft, *draft.merged]
    while stack:
        other = stack.pop()
        stack.extend(other.merged)
        own = other.mention_evidence or other.evidence
        if own.start not in seen:
            seen.add(own.start)
            out.append(own)
    return tuple(sorted(out, key=lambda e: e.start))
