"""The rule-based event coder: sentences → drafts → events.

Per article: skip sports/markets/weather pages, one Aho-Corasick pass for actors, the main
country (dateline, places, armed groups) against which ambiguous place names are re-read
(:mod:`.places`); per sentence: skip boilerplate and discarded sentences, a stem pre-filter,
then trigger candidates (:mod:`.candidates`), roles (:mod:`.roles`) graded as participants
(:mod:`.participants`), status and attribution (:mod:`.status`), place and date
(:mod:`.context`), casualties (:mod:`.casualties`) and the precision rules (:mod:`.selection`:
participants, quotes, background, one event per type, main clause); per article again: incident
linking (:mod:`.incidents`: later mentions, claims and denials complete the first report) and
de-duplication.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

import ahocorasick

from wirewatch.models import Actor, Article, Event, EventPlace, Evidence, Place
from wirewatch.stages.coding.actors import ActorDictionary, ArticleActors
from wirewatch.stages.coding.attribution import (
    PERPETRATOR_NOUNS,
    Attribution,
    apply_attributions,
    find_attribution,
)
from wirewatch.stages.coding.candidates import (
    ANSWERED,
    CONTAINER_TYPES,
    DENIED_INVOLVEMENT,
    DISMISSED_BY_SPEAKER,
    MESSAGE_NOUNS,
    MESSAGE_THREAT,
    PEOPLE,
    POLICED_CROWD,
    PROJECTILE_LANDED,
    SHOT_DEAD,
    Candidate,
    days_before,
    days_earlier,
    find_candidates,
    is_person,
    lookup,
)
from wirewatch.stages.coding.casualties import Casualties, find_casualties, no_casualties, parse_number
from wirewatch.stages.coding.context import (
    PROJECTILES,
    EventDate,
    choose_date,
    choose_place,
    is_attached,
    is_locative,
    main_country,
    main_place,
)
from wirewatch.stages.coding.dates import parse_published
from wirewatch.stages.coding.doctext import doc_text
from wirewatch.stages.coding.draft import AGREEMENT_NOUNS, AGREEMENT_TYPES, EMPTY, Draft, to_event
from wirewatch.stages.coding.incidents import CasualtyReport, anchors_of, link_incidents, side
from wirewatch.stages.coding.lexicon import Lexicon
from wirewatch.stages.coding.participants import (
    AGENT,
    NAMED,
    PROTEST_PURPOSES,
    Roles,
    alleged_actor,
    crowd_gathering,
    grade,
    is_abstract,
)
from wirewatch.stages.coding.places import prefer_country, section_starts
from wirewatch.stages.coding.roles import (
    LIGHT_VERBS,
    Salience,
    event_object_target,
    np_bounds,
    prep_objects,
    resolve_actor_tokens,
    resolve_np,
    verbal_roles,
)
from wirewatch.stages.coding.selection import (
    ASSAULT_INSTRUMENTS,
    DYADIC,
    EXPLOSIVE_OBJECTS,
    LEAD,
    UNREAL,
    anchoring_protest,
    closed_crossing,
    pact,
    told_as_time,
    dangling_root_subject,
    dedupe_article,
    dedupe_sentence,
    in_quotes,
    is_old,
    main_events,
    off_topic,
    on_spine,
    one_per_actor,
    rejection,
    scare_quoted,
    struck_explosive,
    written_threat,
)
from wirewatch.stages.coding.status import DENY, SPEECH, assess
from wirewatch.stages.nlp import paragraph_prefix_end

#: Sectors of armed groups: their orders with a deadline are ultimatums.
ARMED_SECTORS = frozenset({"rebels", "armed group", "militia", "criminals"})
_DEADLINE = re.compile(r"\b(?:within|in the next|in) (?:\d+|one|two|three|four|five|six|seven|ten|fourteen|"
                       r"thirty|48|72|24) (?:hours?|days?|weeks?)\b|\bor (?:face|be killed|risk)\b|\bdeadline\b|"
                       r"\bultimatum\b", re.IGNORECASE)
#: Frames that name who is held responsible for the act in their "for" phrase.
BLAME_FRAMES = frozenset({"blame", "hold"})
#: Common nouns for perpetrators an attack is blamed on ("blamed the attack on militants").
ARMED_NOUNS = frozenset({"militant", "rebel", "insurgent", "gang", "group", "jihadist", "terrorist", "separatist",
                         "bandit", "fighter", "guerrilla", "militia", "extremist", "structure", "cell"})
#: Pronouns by which a speaker means their own side.
FIRST_PERSON = frozenset({"i", "we", "us", "me", "our", "my"})
#: Pronouns that address the listener or anyone: never the speaker's own group.
GENERIC_PRONOUNS = frozenset({"you", "one", "yourself", "yourselves", "someone", "somebody", "anyone", "anybody",
                              "who", "whom", "whoever", "what", "which"})   # "have not said who carried out"
#: Verbs whose subject is the one who died ("twelve people died"), never an attacker.
DEATH_VERBS = frozenset({"die", "perish", "drown"})
#: Frames that only say how certain an act is; "accuse"/"blame" are ACCUSE events of their own.
EPISTEMIC_FRAMES = frozenset({"claim", "suspect", "believe", "think", "assume", "attribute", "link"})
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
MATERIAL_CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})
#: A conditional promise of these is an offer ("would meet the envoy if ..."), not an ultimatum.
OFFERS = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"})
_TAIL_HEADINGS = re.compile(
    r"^\s*(related (content|articles?|stories|news|coverage|posts)|read more|more (on this|stories)|"
    r"recommended( for you)?|most (read|popular|viewed)|trending( now)?|you may also like|"
    r"see also|further reading)\s*:?\s*$", re.IGNORECASE | re.MULTILINE)
#: An inline teaser or media label inside the body ("READ ALSO: ...", "WATCH: ...", "Photo: ..."):
#: another story's headline or a caption, not this story's text.
_TEASER = re.compile(
    r"^\s*(read (also|more|next)|also read|more|related( stories| news| coverage)?|see also|watch|listen|"
    r"video|photos?|pictures?|gallery|in pictures|recommended|editor'?s (pick|choice)|top stories|"
    r"lire aussi|à lire aussi|image|file photo|caption)\s*[:|»›>\-–—]", re.IGNORECASE)
#: A photo caption: it ends with a picture credit ("(Levant Ledger/Omar Ibrahim)", "REUTERS/Name",
#: "AFP via Getty Images", "Photo: ...") and shows what the story reports.
_CREDIT = re.compile(
    r"(\((?:photo|picture|image|file)[^)]*\)|\([A-Z][\w .'-]+/[A-Z][\w .'-]+\)|"
    r"\b(?:REUTERS|AFP|AP|EPA|Reuters|Getty Images)/[A-Z][\w .'-]+|via Getty Images|"
    r"\b(?:Photo|Picture|Image) ?(?:credit)?: ?[A-Z][\w .'-]+)\s*\.?\s*$")
_PROMO = re.compile(r"dear reader|paywall|click here|for \$\d|all rights reserved", re.IGNORECASE)
#: Words of a promotion that a story may also use ("in its weekly newsletter, al-Naba"): only a
#: short paragraph with them is a promotion.
_SHORT_PROMO = re.compile(r"subscribe|newsletter|premium|sign up|cookie", re.IGNORECASE)
SHORT_PROMO_WORDS = 40


@dataclass(frozen=True, slots=True)
class CoderResources:
    """What coding needs, loaded once per process."""

    lexicon: Lexicon
    actors: ActorDictionary
    discards: Any   # an Aho-Corasick automaton of lower-case phrases


def build_discards(phrases: list[str]) -> Any:
    """An automaton over discard phrases."""
    automaton = ahocorasick.Automaton()
    for phrase in phrases:
        automaton.add_word(phrase, phrase)
    automaton.make_automaton()
    return automaton


def is_discarded(text_lower: str, discards: Any) -> bool:
    """True when a whole-word discard phrase occurs in the sentence."""
    for end, phrase in discards.iter(text_lower):
        start = end - len(phrase) + 1
        before = text_lower[start - 1] if start else " "
        after = text_lower[end + 1] if end + 1 < len(text_lower) else " "
        if not before.isalnum() and not after.isalnum():
            return True
    return False


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Tail sections (after "Related Content" etc.) and promotional paragraphs."""
    spans = []
    tail = _TAIL_HEADINGS.search(text)
    if tail:
        spans.append((tail.start(), len(text)))
    offset = 0
    for para in text.split("\n"):
        if _PROMO.search(para) or _TEASER.match(para) or _CREDIT.search(para) or (
                _SHORT_PROMO.search(para) and len(para.split()) <= SHORT_PROMO_WORDS):
            spans.append((offset, offset + len(para)))
        offset += len(para) + 1
    return spans


#: Words for what an actor put out: as a subject, the actor speaks through it ("the TTP statement warned").
STATEMENT_NOUNS = frozenset({"statement", "video", "message", "communique", "communiqué", "audio", "letter",
                             "post", "note", "recording", "broadcast", "leaflet", "declaration"})
#: Verbs whose negation says nobody was harmed ("no one was hurt"), not that an act is denied.
HARM_LEMMAS = frozenset({"hurt", "injure", "wound", "kill", "die", "harm", "affect", "damage", "hit", "explode",
                         "detonate", "fire", "shoot", "return"})
#: Verbs and nouns that give a toll: a clause of another day that holds one keeps it to itself.
TOLL_LEMMAS = frozenset({"kill", "wound", "injure", "die", "dead", "death"})
#: Acts of one party that happen where that party is when the sentence names no place: a state's
#: statements and measures ("Kuwait's foreign ministry handed a protest note", "Canada imposed sanctions").
SPEAKER_PLACED = frozenset({"ACCUSE", "REJECT", "THREATEN", "REQUEST", "SANCTION", "CONCEDE"})
#: Verbs of a journey, whose compiled readings (CONSULT, COOPERATE) take a place for a partner.
JOURNEY_VERBS = frozenset({"leave", "head", "depart", "reach", "return", "go", "travel", "cross", "enter", "pass",
                           "drive", "sail", "fly"})
#: People who speak for a group, described by it ("a man who identified himself as a commander of
#: the Gran Grif gang", "a Wazalendo commander").
SPOKESPEOPLE = frozenset({"man", "woman", "person", "commander", "spokesman", "spokeswoman", "spokesperson",
                          "leader", "member", "fighter", "official", "chief", "militant"})
#: What a statement answers ("a claim the army rejected", "an accusation Kabul denied").
CLAIM_NOUNS = frozenset({"claim", "accusation", "allegation", "charge", "report", "assertion"})
#: Verbs that say whether an event took place ("no attack took place", "no strike occurred").
EXISTENCE_VERBS = frozenset({"happen", "occur", "take", "be", "exist"})
#: Statements, placed where they were made: said at a named place, else at the speaker's home
#: rather than at a place they speak about (CONVENTIONS, "Places").
STATEMENT_TYPES = frozenset({"ACCUSE", "REJECT", "THREATEN", "REQUEST"})
#: Whom a statement is made to ("told reporters in Moscow", "at a briefing in Kabul").
AUDIENCE_NOUNS = frozenset({"reporter", "journalist", "press", "briefing", "conference", "parliament", "lawmaker",
                            "meeting", "rally", "summit", "session", "crowd", "supporter", "news"})
#: Determiners of a noun that names an act already known ("the arrests", "its strike").
DEFINITE_WORDS = frozenset({"the", "these", "this", "those", "that", "its", "their", "his", "her"})
#: Words of a sentence that may say who is behind an incident (see :mod:`.attribution`).
_ATTRIBUTING = re.compile(r"\b(?:blam|suspect|attribut|believ|accus|linked|tied|behind|think|hallmark|belong|"
                          r"according to|carried out by|were (?:members|fighters|militants))")


def paragraph_sentences(doc: Any) -> list[Any]:
    """spaCy sentences, split again at line breaks (headlines, captions and paragraphs)."""
    out = []
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if "\n" in token.text and token.is_space:
                if token.i > start:
                    out.append(doc[start:token.i])
                start = token.i + 1
        if start < sent.end:
            out.append(doc[start:sent.end])
    return out


def code_article(article: Article, doc: Any, res: CoderResources) -> list[Event]:
    """All events of one parsed article."""
    found = res.actors.find(article.text)
    if off_topic(article.text, groups=len({m.entry.name for m in found if m.entry.kind == "group"})):
        return []
    published = parse_published(article.published)
    actors = ArticleActors(found)
    state = _ArticleState(article, actors, published, res)
    sentences = paragraph_sentences(doc)
    state.has_prose = any(_is_prose(s) for s in sentences)
    for index, sentence in enumerate(sentences):
        state.code_sentence(index, sentence)
    kept = link_incidents(_carry_dates(state.drafts), state.reports, background_incident=state.old_incident)
    apply_attributions(kept, state.attributions)
    drafts = dedupe_article(kept)
    return [to_event(article.id, d) for d in drafts]


class _ArticleState:
    """Per-article working state (salience, drafts, casualty reports)."""

    def __init__(self, article: Article, actors: ArticleActors, published: date | None,
                 res: CoderResources) -> None:
        self.article, self.actors, self.published, self.res = article, actors, published, res
        places = sorted(article.places, key=lambda p: p.start)
        groups = [m.entry.country for m in actors.matches
                  if m.entry.kind == "group" and m.entry.country]
        self.country = main_country(places, article.text, article.dateline, groups)
        self.places: list[Place] = prefer_country(places, self.country, article.text)
        self.fallback = main_place(self.places, self.country)
        #: News round-ups: each brief that opens with its own dateline falls back on that place.
        self.sections = [p for p in self.places if p.start in set(section_starts(self.places, article.text))]
        if self.sections:   # the first brief, above any brief dateline, has its own places too
            early = [p for p in self.places if p.start < self.sections[0].start and p.country]
            if early:
                first_country = Counter(p.country for p in early).most_common(1)[0][0]
                self.fallback = main_place(early, first_country) or self.fallback
        self.skip = boilerplate_spans(article.text)
        self.salience = Salience()
        self.drafts: list[Draft] = []
        self.reports: list[CasualtyReport] = []
        self.rank = 0   # prose sentences seen so far (menus, bylines and datelines do not count)
        self.hazard = False   # the current sentence's deaths come from an accident or a hazard
        self.old_incident = False   # an attack dated long before the story was told (and left out)
        self.has_prose = True   # the text has running prose (so headline-style lines are not the story)
        self.attributions: list[Attribution] = []   # "police believe the attackers were ...": who did it
        self.said_days: list[tuple[int, Any]] = []   # sentences that tell a statement (dated when needed)
        self._tolled_for, self._tolled = -1, []   # see _tolled_time_clauses

    def code_sentence(self, index: int, sentence: Any) -> None:
        start = sentence.start_char
        if any(a <= start < b for a, b in self.skip):
            return
        self.sentence_rank = self.rank
        if _is_prose(sentence):
            self.rank += 1
        elif self.rank and not _short_news(sentence):
            self._no_harm(index, sentence)   # "No one was hurt." is short, and news
            return   # a sub-heading or caption inside the story repeats what the text reports
        elif self.has_prose and _headline_line(sentence):
            return   # a ticker item or teaser above the story
        lower = sentence.text.lower()
        if not self.res.lexicon.has_candidate(lower) or is_discarded(lower, self.res.discards):
            self._attribution(index, sentence, lower, [])
            self._no_harm(index, sentence)
            self._remember_subject(sentence)
            return
        self.salience.note_groups(self.actors, sentence.end_char)
        candidates = find_candidates(sentence, self.res.lexicon)
        lemmas = [t.lemma_.lower() for t in sentence]
        anchors = anchors_of(lemmas)
        casualties = find_casualties(sentence)
        self.hazard = False
        made = [d for c in candidates if (d := self._draft(c, sentence, index, anchors, casualties))]
        if _open_question(sentence):   # "Could you cut them off?", "- Whether the curfew is extended ..."
            for draft in made:
                draft.status = "hypothetical"
        if made and _WEEK_TALLY.match(sentence.text):   # "At least nine people were killed in a week of violence
            made = [d for d in made if d.concurrent and d.type != "ASSAULT"]   # across the Fezzan, as armed groups
            # fought ..., gunmen seized ...": a round-up's sum, each act told below (but "..., as lawmakers extended
            # the state of emergency": what a named party did meanwhile)
        made = _drop_side_casualties(made, sentence.doc)
        made = _drop_narrated_accusations(made, sentence.doc)
        self._apply_claim_phrase(sentence, made)
        self._apply_blame_phrase(sentence, made)
        drafts = one_per_actor(main_events(dedupe_sentence([d for d in made if not d.shadow]))) \
            + [d for d in made if d.shadow]
        if not any(not d.shadow for d in drafts) and not casualties.is_empty and not self.hazard:
            self.reports.append(CasualtyReport(index, casualties, anchors,
                                               choose_date(sentence, sentence.root, self.published)))
        self._after_statement(index, sentence, drafts)
        self._attribution(index, sentence, lower, drafts)
        if self.attributions and self.attributions[-1].index == index \
                and self.attributions[-1].actor.sector in ARMED_GROUP_SECTORS:
            drafts = [d for d in drafts if not (d.type == "ACCUSE" and _lemma_of(d) in {"blame", "suspect", "attribute"})]
            # "Residents blamed the RSF for the shelling": who is held responsible (the incident is alleged)
        self.drafts.extend(drafts)
        self._remember_subject(sentence)

    def _after_statement(self, index: int, sentence: Any, drafts: list[Draft]) -> None:
        """'The army said in a statement on Sunday ... Hours after the statement, the army deployed ...':
        the day of the statement told before dates what followed it."""
        if _AFTER_STATEMENT.match(sentence.text):
            for i, told in reversed(self.said_days):   # (dated only when asked: dates are costly to find)
                when = choose_date(told, told.root, self.published) if i < index else None
                if when is not None and when.source in {"text", "report"} and when.precision == "day":
                    for draft in drafts:
                        if draft.date is None or draft.date.source != "text":
                            draft.date = EventDate(when.date, "day", "context")
                    break
        root = sentence.root
        if root.lemma_.lower() in SPEECH or any(c.dep_ == "ccomp" for c in root.children):
            self.said_days.append((index, sentence))

    def _attribution(self, index: int, sentence: Any, lower: str, drafts: list[Draft]) -> None:
        """Who a sentence holds responsible for the incident told before it (not for an attack the
        sentence itself tells: "Drones dropped explosives ...; officials blamed a CJNG cell")."""
        if self.rank <= 1 or not _ATTRIBUTING.search(lower):
            return
        if any(d.type == "ASSAULT" and not d.shadow and not d.is_anaphoric and (
                d.has_actor or d.status != "alleged" or d.date is not None and d.date.source == "text") for d in drafts):
            return   # (but "..., saying the shells had been fired from Houthi positions" tells no act of its own)
        found = find_attribution(sentence, self._resolve)
        if found is not None:
            self.attributions.append(Attribution(index, *found))

    def _no_harm(self, index: int, sentence: Any) -> None:
        """A sentence with no event that says nobody was hurt: a zero toll for the incident."""
        none = no_casualties(sentence.text)
        if none.killed == 0:
            self.reports.append(CasualtyReport(index, none, anchors_of(t.lemma_.lower() for t in sentence),
                                               choose_date(sentence, sentence.root, self.published)))

    def _remember_subject(self, sentence: Any) -> None:
        subject = next((t for t in sentence.root.children if t.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and subject.pos_ != "PRON":
            found = resolve_np(subject, self.actors, self.salience)
            if found is not None and found.country or (found is not None and found.sector):
                self.salience.last_actor = found

    def _draft(self, cand: Candidate, sentence: Any, index: int, anchors: frozenset[str],
               casualties: Casualties) -> Draft | None:
        token = cand.token
        actor_tok, target_tok = (t if t is not None and sentence.start <= t.i < sentence.end else None
                                 for t in self._roles(cand))
        verdict = assess(token)
        if cand.row is DISMISSED_BY_SPEAKER:   # "a spokesman said the claims were 'lies'": the spokesman rejects
            actor_tok, target_tok = next((c for c in token.head.children if c.dep_ == "nsubj"), None), None
            verdict.status, verdict.speaker = "actual", None
        if cand.row is ANSWERED:   # "Russia's foreign ministry said London 'will receive a response'": the
            answered = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)   # speaker threatens
            speaker = verdict.speaker if verdict.speaker is not None else next(
                (c for c in sentence.root.children if c.dep_ == "nsubj" and sentence.root.lemma_.lower() in SPEECH), None)
            if speaker is None:
                return None
            actor_tok, target_tok = speaker, answered if answered is not None and is_person(answered) or (
                answered is not None and answered.pos_ == "PROPN") else None
            verdict.speaker = speaker
            if token.lemma_.lower() == "go":
                verdict.status = "actual"   # "will not go unanswered": the negation is the idiom's
        if cand.row is DENIED_INVOLVEMENT:   # "MACBAN said none of its members was involved": MACBAN denies
            actor_tok, target_tok = next((c for c in token.head.children if c.dep_ == "nsubj"), None), None
            verdict.status, verdict.speaker = "actual", None
        if actor_tok is not None and actor_tok.lemma_.lower() in STATEMENT_NOUNS and actor_tok.head.i == token.i:
            owner = next((c for c in actor_tok.children if c.dep_ in {"compound", "poss"}
                          and (c.pos_ == "PROPN" or c.ent_type_ in {"ORG", "NORP", "GPE"})), None)
            actor_tok = owner or actor_tok   # "the TTP statement also warned that ...": the TTP warned
        if actor_tok is not None and actor_tok.lemma_.lower() in CLAIM_NOUNS and token.pos_ == "VERB":
            speaker = next((c for c in actor_tok.children if c.dep_ == "appos" and c.pos_ in {"NOUN", "PROPN"}), None)
            if speaker is not None:   # "..., a claim Rwanda's military rejected as propaganda" (read by the
                actor_tok = speaker   # parser as "a claim, Rwanda's military, rejected")
        if cand.row.type == "PROTEST" and _joined_protest(token):   # "thousands took part in a rally", "joined the march"
            verb = token.head.head if token.dep_ == "pobj" else token.head
            actor_tok = next((c for c in verb.children if c.dep_ == "nsubj"), None) or actor_tok
        if token.lemma_.lower() == "protest" and token.pos_ == "NOUN" and token.dep_ == "pobj" \
                and token.head.lower_ == "in" and actor_tok is None:   # "traders kept the market shut in protest"
            verb = token.head.head
            while verb.dep_ in {"oprd", "xcomp", "acomp"} and not any(c.dep_ == "nsubj" for c in verb.children):
                verb = verb.head   # ("in protest" hangs on "shut")
            actor_tok = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if verdict.frame_lemma == "deny" and actor_tok is None and token.pos_ == "VERB" \
                and any(c.dep_ == "auxpass" for c in token.children):
            verdict.status = "negated"   # "the army denied that any soldier had been killed": no such deaths
        elif verdict.frame_lemma in {"claim", "deny"} and actor_tok is None:
            actor_tok = next((c for c in verdict.frame.children if c.dep_ == "nsubj"), None)
        if verdict.frame_lemma in BLAME_FRAMES:
            blamed = next((c for c in verdict.frame.children if c.dep_ in {"dobj", "nsubjpass"}), None)
            cause = next((c for c in verdict.frame.children if c.dep_ == "prep" and c.lower_ == "for"), None)
            if blamed is not None and cause is not None and cause.left_edge.i <= token.i <= cause.right_edge.i:
                actor_tok = blamed   # "police blamed Los Lobos for a car bomb": the gang is the alleged actor
            on = next((o for p in (*verdict.frame.children, *token.children) if p.dep_ == "prep" and p.lower_ == "on"
                       for o in p.children if o.dep_ == "pobj" and (o.pos_ == "PROPN" or o.ent_type_ in {"ORG", "NORP"}
                                                                   or o.lemma_.lower() in ARMED_NOUNS)), None)
            if blamed is not None and blamed.i == token.i and on is not None:
                actor_tok = on   # "the Joint Command blamed the attack on the Militarized Communist Party"
                target_tok = None if target_tok is not None and target_tok.i == on.i else target_tok
        if verdict.frame_lemma == "claim" and _negated_subject(verdict.frame):
            verdict.status = "actual"   # "no group has claimed the attack": unclaimed, not claimed
            actor_tok = None if actor_tok is not None and _negated_subject(actor_tok.head) else actor_tok
        if actor_tok is not None and actor_tok.pos_ == "PRON" and verdict.speaker is not None \
                and actor_tok.lower_ not in GENERIC_PRONOUNS and not (
                    actor_tok.lower_ not in FIRST_PERSON and in_quotes(sentence, actor_tok)):
            # "the group said it carried out the attack", '"We attacked," he said'; not "you are
            # fighting blind" or a witness's '"They came in large numbers," said X' (someone else)
            actor_tok = verdict.speaker
        if actor_tok is not None and verdict.speaker is not None and actor_tok.i != verdict.speaker.i \
                and _the_group(actor_tok):   # "a spokesman for the Forces Vives said the coalition ...": they
            actor_tok = next((o for p in verdict.speaker.children if p.dep_ == "prep" and p.lower_ == "for"
                              for o in p.children if o.dep_ == "pobj"), actor_tok)
        own_claim = verdict.speaker is not None and actor_tok is not None and verdict.status == "actual" \
            and not any(c.dep_ == "neg" for c in verdict.speaker.head.children) and (
            actor_tok.i == verdict.speaker.i or _owned(actor_tok) or _the_group(actor_tok))
        if cand.row.type == "ASSAULT" and verdict.status == "negated" and verdict.speaker is not None \
                and actor_tok is not None and (actor_tok.i == verdict.speaker.i or _owned(actor_tok)) \
                and any(c.dep_ == "neg" for c in (token if token.pos_ == "VERB" else token.head).children):
            verdict.status = "denied"   # "the group said it had not carried out the attack": its denial
        unowned = actor_tok is None or (actor_tok.lemma_.lower() in ASSAULT_INSTRUMENTS and not any(
            c.dep_ in {"poss", "compound", "amod"} or c.dep_ == "prep" and c.lower_ == "of" for c in actor_tok.children))
        if cand.row.type == "ASSAULT" and unowned and verdict.speaker is not None and _enemy_victims(sentence):
            speaker = self._resolve(verdict.speaker)
            if speaker is not None and speaker.sector in STATE_SECTORS:
                actor_tok = verdict.speaker   # "the army said air strikes had killed 20 terrorists": its own strikes
        if token.pos_ == "VERB" and actor_tok is not None and (
                token.lemma_.lower() in DEATH_VERBS or _reduced_passive(token, actor_tok)):
            actor_tok, target_tok = None, actor_tok   # who died is a victim; "18 civilians killed in an attack"
        type_, status = cand.row.type, verdict.status
        converted = converted_threat = False
        cameo: str | None = cand.row.cameo
        mode = cand.row.mode or next((c.row.mode for c in cand.absorbed if c.row.mode), None)
        if verdict.is_demand and verdict.speaker is not None:
            frame = verdict.speaker.head   # "Beijing would declare that all ships must ...": a scenario
            status = "hypothetical" if any(c.dep_ == "aux" and c.lower_ in {"would", "could", "might", "may"}
                                           for c in frame.children) else "actual"
            type_, cameo = "REQUEST", "10"
            actor_tok, target_tok = verdict.speaker, actor_tok
        elif verdict.is_intent and _ultimatum(token) and status in {"actual", "hypothetical"} \
                and type_ not in OFFERS:
            type_, cameo, status = "THREATEN", "13", "threatened"   # "will withdraw ... unless ..."
            converted_threat = True
        elif status == "hypothetical" and type_ in MATERIAL_CONFLICT and _ultimatum(token) \
                and (_modal(token) or verdict.speaker is not None and _will(token)):
            type_, cameo, status = "THREATEN", "13", "threatened"   # "may halt its mediation if ...", "said it
            converted_threat = True   # would 'close every road into Cochabamba' if the detainees were not freed"
        elif verdict.is_intent or _refused_recognition(token, type_, status):
            converted = type_ in COOPERATIVE and status == "negated"   # ("does not recognise the ban")
            type_, cameo, status = _intent(type_, cameo, status)
        if converted_threat and verdict.speaker is not None and actor_tok is not None \
                and actor_tok.i != verdict.speaker.i and grade(actor_tok, self._resolve(actor_tok), self.actors) < AGENT:
            actor_tok = verdict.speaker   # "the deputy speaker said the entity would 'cut every tie' if ...": his threat
        curated = cand.row.curated or any(c.row.curated for c in cand.absorbed) or type_ == "REQUEST" \
            and verdict.is_demand or converted_threat   # "X said Y must ...": our reading of the speaker
        if not curated and type_ in DYADIC and token.lemma_.lower() in JOURNEY_VERBS and target_tok is not None \
                and self._is_place(target_tok):
            return None   # "the convoy had left Fada N'Gourma": a journey, not a meeting (a compiled reading)
        if type_ == "MOBILIZE" and actor_tok is None and verdict.speaker is not None \
                and any(c.dep_ == "auxpass" for c in token.children) \
                and any(t.ent_type_ in {"DATE", "TIME"} for t in token.subtree):
            speaker = self._resolve(verdict.speaker)   # "the army said reinforcements had been sent on Monday"
            actor_tok = verdict.speaker if speaker is not None and speaker.sector in STATE_SECTORS else None
        teller = verdict.speaker if verdict.speaker is not None else next(
            (c for c in sentence.root.children if c.dep_ == "nsubj" and sentence.root.lemma_.lower() == "say"), None)
        if type_ == "MOBILIZE" and actor_tok is not None and teller is not None \
                and actor_tok.lemma_.lower() in FORCE_NOUNS | {"army"} and not _owned(actor_tok) and not any(
                    c.dep_ in {"poss", "compound", "amod", "nmod"} and (c.pos_ == "PROPN" or c.ent_type_ in {"NORP", "GPE", "ORG"})
                    for c in actor_tok.children):
            speaker = self._resolve(teller)   # "Serbia's defence ministry said army units deployed near the
            if speaker is not None and speaker.sector in STATE_SECTORS and speaker.country:   # line had been placed
                actor_tok = teller   # on higher readiness": its own units
        if crowd_gathering(type_, actor_tok, target_tok, token):
            type_, cameo, mode, curated = "PROTEST", "141", "demonstrate", True
            target_tok = None
        if status == "actual" and alleged_actor(actor_tok):
            status = "alleged"
        if type_ == "THREATEN" and status in {"actual", "claimed", "alleged"}:
            status = "threatened"
        roles = self._graded(actor_tok, target_tok)
        if type_ == "REQUEST" and status == "actual" and roles.actor is not None \
                and roles.actor.sector in ARMED_SECTORS and _DEADLINE.search(sentence.text):
            type_, cameo, status = "THREATEN", "139", "threatened"   # an armed group's order with a deadline
        if type_ == "MOBILIZE" and mode == "exercise" and _joint_exercise(actor_tok, token):
            type_, cameo, mode = "COOPERATE", "060", None   # "French and Egyptian warships launched war games"
        if token.lemma_.lower() == "order" and type_ in {"REQUEST", "COERCE"} and _orders_custody(token):
            type_, cameo, mode, curated = "COERCE", "173", "arrest", True   # "a court ordered four journalists jailed"
        elif token.lemma_.lower() in {"order", "announce", "decree"} and type_ in {"REQUEST", "COERCE", "CONSULT"} \
                and _orders_restriction(token):
            type_, cameo, mode, curated = "COERCE", "1723", "curfew", True   # "the governor ordered a night curfew"
        elif token.lemma_.lower() == "order" and type_ in {"REQUEST", "COERCE"} and _orders_closure(token):
            type_, cameo, mode, curated = "COERCE", "172", None, True   # "ordered the road ... closed to traffic"
        lemma = token.lemma_.lower()
        if type_ == "COERCE" and (cameo or "").startswith("172") and status == "actual" and roles.actor is not None \
                and roles.actor.sector in ARMED_GROUP_SECTORS and lemma in {"order", "announce", "declare", "decree", "call"}:
            type_, cameo, status = "THREATEN", "139", "threatened"   # "the ADF ordered a lockdown across the two
            # regions": an armed group's order, enforced by the threat of its guns
        if (type_ == "SANCTION" and (cameo or "").startswith("162") or type_ == "ASSAULT" and cameo == "192"
                or type_ == "COERCE" and cameo == "191" and lemma == "blockade"
                or type_ == "ASSAULT" and lemma in {"surround", "encircle", "besiege"} and (_in_protest(token) or any(
                    c.dep_ in {"advcl", "xcomp"} and c.lemma_.lower() in PROTEST_PURPOSES for c in token.children))) \
                and (token.pos_ == "VERB" or lemma == "blockade") \
                and status == "actual" and roles.actor is not None and not roles.actor.country \
                and roles.actor_grade >= AGENT and (roles.actor.sector == "civilians" or (
                    roles.actor_token is not None and roles.actor_token.lemma_.lower() in CIVILIAN_NOUNS)):
            type_, cameo, mode, curated = ("PROTEST", "143", "strike", True) if type_ == "SANCTION" \
                else ("PROTEST", "144", "obstruct", True)   # "teachers boycotted classes", "villagers occupied
            # the town hall", "a blockade by cooperative miners": people without arms or a state protest
        if type_ == "ASSAULT" and cameo in {"1712", "180"} and target_tok is not None \
                and target_tok.lemma_.lower() in PROTEST_FUEL:
            type_, cameo, mode, curated = "PROTEST", "141", "demonstrate", True   # "protesters set fire to tyres",
            target_tok = None   # "burned flags and effigies": a demonstration, not an attack
        if type_ in {"AGREE", "SUPPORT", "COOPERATE"} and lemma in PLEDGES and _hostile_content(token):
            type_, cameo, mode, status = "THREATEN", "13", None, "threatened"   # "promised that the attackers
            # 'will be tracked down wherever they hide'": a pledge to pursue someone is a threat
        if type_ == "AGREE" and lemma == "sign" and _economic_object(token):
            type_, cameo = "SUPPORT", "057"   # "signed a treaty of friendship and cooperation", a trade deal
        if lemma == "arrive" and type_ == "CONSULT" and actor_tok is not None \
                and actor_tok.lemma_.lower() in PERPETRATOR_NOUNS:
            return None   # "the attackers arrived on motorcycles": how the attack began
        if lemma == "arrive" and type_ == "CONSULT" and actor_tok is not None and actor_tok.lemma_.lower() in FORCE_NOUNS:
            type_, cameo, mode, curated = "MOBILIZE", "150", "troops", True   # "150 soldiers arrived in Sugapa"
        if type_ == "MOBILIZE" and cameo == "154" and any(t.lower_ == "against" for t in token.subtree):
            type_, cameo, mode = "ASSAULT", "190", None   # "launched military operations against hideouts"
        if type_ == "REJECT" and _in_protest(token):
            type_, cameo, mode, curated = "PROTEST", "143", "strike", True   # "refused to load, in protest at"
        if lemma == "strike" and token.pos_ == "NOUN" and type_ == "PROTEST" and not _labour_strike(token) \
                and any(d.type == "ASSAULT" and not d.shadow for d in self.drafts) \
                and not any(d.type == "PROTEST" and d.trigger.startswith("strike/") for d in self.drafts):
            type_, cameo, mode = "ASSAULT", "195", "aerial"   # "residents blamed security forces for the strike"
        if lemma in {"fly", "airlift"} and type_ == "MOBILIZE" and any(c.dep_ == "nsubjpass" for c in token.children) \
                and (not cand.row.obj or _evacuation(token)):
            return None   # "the two wounded officers were flown to a hospital": no deployment
            # ("a contingent of 120 soldiers was flown into Wabag" is one)
        if lemma in RESPONSES and type_ == "THREATEN":   # "said Minsk would respond", "vowed to retaliate"
            if not (verdict.is_intent or any(c.dep_ == "aux" and c.lower_ in {"would", "will"} for c in token.children)) \
                    or any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in token.children) \
                    or any(c.dep_ == "advmod" and c.lower_ in LIKELIHOOD for c in token.children):
                return None   # "Israel retaliated with air strikes": the strikes are the event; "Baghdad would
                # probably respond by sending more battalions": an analyst's forecast, nobody's threat
            status = "threatened"
            if lemma == "pay":   # "the minister said the Houthis would pay a heavy price": the minister threatens them
                if verdict.speaker is None:
                    return None
                actor_tok, target_tok = verdict.speaker, actor_tok
                roles = self._graded(actor_tok, target_tok)
        if type_ == "COERCE" and cameo == "1723" and lemma in {"suspend", "halt"} and closed_crossing(token, roles):
            type_, cameo, mode = "SANCTION", "163", "embargo"   # "suspended all freight traffic at the road crossing
            # on the Belarusian border": a blockade of the other side (not "suspended boat traffic on the river")
        if type_ == "COERCE" and _takes_ground(token, self._is_place):
            type_, cameo, mode = "ASSAULT", "192", "occupy"   # "captured a police outpost"
        if type_ == "ASSAULT" and _weapons_test(token):
            type_, cameo, mode = "MOBILIZE", "150", "weapons"   # "the missile was launched toward the East Sea"
        if own_claim and type_ == "ASSAULT" and status == "actual" and actor_tok is not None:
            speaker = state = self._resolve(verdict.speaker)   # "the BLA said its fighters had carried out the attack"
            if speaker is None or speaker.sector not in ARMED_GROUP_SECTORS:
                speaker = self._speaker_group(verdict.speaker)
            if speaker is not None and speaker.sector in ARMED_GROUP_SECTORS:
                status = "claimed"
                if actor_tok.i != verdict.speaker.i and roles.actor_grade < NAMED:   # "the KNDF said its
                    roles = replace(roles, actor=speaker, actor_grade=max(roles.actor_grade, AGENT))   # fighters
                    # had attacked": the KNDF
            elif state is not None and state.sector in STATE_SECTORS and state.country \
                    and actor_tok.i != verdict.speaker.i and _owned(actor_tok) and roles.actor_grade < NAMED:
                roles = replace(roles, actor=state, actor_grade=max(roles.actor_grade, AGENT))   # "Ukraine's
                # General Staff said its drones had struck a fuel depot": Ukraine's forces
        elif type_ == "ASSAULT" and status == "actual" and verdict.speaker is not None and actor_tok is not None \
                and self._adversary_says(verdict.speaker, actor_tok):
            status = "alleged"   # "the army said the RSF had launched 11 suicide drones at Port Sudan"
        if mode == "occupy" and status == "actual" and scare_quoted(token):
            status = "alleged"   # 'its forces had "liberated" the village': the claimant's word, kept at a distance
        if status == "actual" and actor_tok is not None and any(
                c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in {"believe", "suspect", "think", "say"}
                and c.tag_ == "VBN" for c in actor_tok.children):
            status = "alleged"   # "armed men believed to be members of CODECO attacked ..."
        if type_ == "COERCE" and cameo == "171" and target_tok is not None and is_person(target_tok) \
                and roles.actor is not None:   # people seized: an abduction, or an arrest by the state
            type_, cameo, mode = ("COERCE", "173", "arrest") if roles.actor.sector in {"police", "military", "government"} \
                else ("ASSAULT", "181", "abduct")   # gunmen "seized the four staff members"
        if type_ == "ASSAULT" and lemma in {"fire", "shoot"} and _to_disperse(token):
            type_, cameo, mode, curated = "COERCE", "175", None, True   # "police fired shots in the air to disperse the crowd"
        if type_ == "PROTEST" and _diplomatic(roles.actor, token):
            type_, cameo, mode = "ACCUSE", "111", "disapprove"   # "the ministry protests the actions of"
        exclude = [np_bounds(t) for t in (actor_tok,) if t is not None and t.pos_ != "PRON"]
        fallback = next((p for p in reversed(self.sections) if p.start <= sentence.start_char), self.fallback)
        place = choose_place(self.places, sentence, token, exclude, fallback)
        in_sentence = place is not None and (fallback is None or place != fallback.as_event_place())
        if not in_sentence and type_ in SPEAKER_PLACED and roles.actor is not None and roles.actor.country \
                and roles.actor.sector not in ARMED_GROUP_SECTORS \
                and roles.actor_grade >= AGENT and (place is None or place.country != roles.actor.country):
            place = self._home(roles.actor.country) or place   # "Iran's foreign ministry rejected the sanctions"
        elif in_sentence and place is not None and (type_ in STATEMENT_TYPES or type_ == "SANCTION"
                                                    and (cameo or "").startswith("16")):   # sanctions: at home
            spoken = self._spoken_at(sentence, token, verdict.speaker)
            if spoken is not None:
                place = spoken   # "the Kremlin's spokesman told reporters in Moscow that Russia would respond"
            elif roles.actor is not None and roles.actor.country and roles.actor_grade >= AGENT \
                    and roles.actor.sector not in ARMED_GROUP_SECTORS \
                    and place.country != roles.actor.country and (type_ == "SANCTION" or not self._act_place(
                        sentence, token, place)):   # (a sanction's target's home is not where it is imposed)
                place = self._home(roles.actor.country) or place   # "Turkey warned it would not allow Sinjar to ..."
        when = choose_date(sentence, token.head if cand.row in {DENIED_INVOLVEMENT, DISMISSED_BY_SPEAKER}
                           else token, self.published)   # a denial is dated when it is said
        earlier = days_before(token)
        ago = days_earlier(token) if token.i != sentence.root.i else None
        if ago and when is not None and when.source != "text":   # "the bodies of three children killed in
            main = choose_date(sentence, sentence.root, self.published)   # an attack a day earlier"
            if main is not None and main.precision == "day" and main.source == "text":
                when = EventDate(main.date - timedelta(days=ago), "day", "text")
        elif ago and when is not None and when.source == "text" and when.precision == "day" \
                and _main_day(sentence, self.published) == when.date:
            when = EventDate(when.date - timedelta(days=ago), "day", "text")
        if earlier and when is not None:   # "A day after a bomb killed ..., troops raided ... on Wednesday"
            main = choose_date(sentence, token.head if token.pos_ == "VERB" else sentence.root, self.published)
            if main is not None and main.precision == "day" and (when.source != "text" or when.date == main.date):
                when = EventDate(main.date - timedelta(days=earlier), "day", "text")
        if type_ == "THREATEN" and when is not None and self.published is not None and (
                when.date > self.published or when.source == "text" and _PERIOD.search(sentence.text)):
            # "said late on Tuesday that farmers would block railway tracks from next Monday", "ordered a
            # lockdown from Wednesday to Friday": the threat is made when it is said (else on the story's
            # day), not when the threatened act would happen
            frame = verdict.speaker.head if verdict.speaker is not None else sentence.root
            said = choose_date(sentence, frame, self.published) if frame.i != token.i else None
            when = said if said is not None and said.date <= self.published \
                else EventDate(self.published, "day", "published")
        if status == "actual" and when is not None and self.published is not None and when.source == "text" \
                and when.date > self.published:
            status = "hypothetical"   # "the Security Council is meeting on the DRC tomorrow": not yet
        killed, injured = (casualties.killed, casualties.injured) if type_ == "ASSAULT" or cameo == "175" \
            else (None, None)   # (crowd control has its injured: "four students were treated")
        if earlier is None and any(t.i != token.i and token.i not in range(t.left_edge.i, t.right_edge.i + 1)
                                   for t in self._tolled_time_clauses(sentence)):
            killed, injured = _own_count(token), None   # "A day after a bomb killed four soldiers, troops raided ...
        if cand.row is SHOT_DEAD and killed is None:   # "shot dead a village chief", "shot dead two farmers"
            victim = next((c for c in token.children if c.dep_ == "dobj"), None)
            number = next((c for c in victim.children if c.dep_ == "nummod"), None) if victim is not None else None
            killed = parse_number(number.text) if number is not None else (
                1 if victim is not None and victim.tag_ in {"NN", "NNP"} else None)
        confidence = self._confidence(token, roles.actor, roles.target, cand)
        draft = Draft(type_, cameo, mode, roles.actor or EMPTY, roles.target or EMPTY, place,
                      when, killed, injured, status, verdict.attribution_text,
                      Evidence(sentence.text, sentence.start_char, sentence.end_char), confidence,
                      index, anchors, _is_anaphoric(token), roles.actor_grade >= AGENT, in_sentence,
                      roles.actor_grade, roles.target_grade,
                      f"{token.lemma_.lower()}/{token.pos_}/{'cur' if cand.row.curated else 'cmp'}")
        denier = self._denier(draft, token, verdict, actor_tok)
        if denier is not None:   # "the military said it carried out no strike on civilians": a denial
            draft.type, draft.cameo, draft.mode, draft.status = "REJECT", "125", None, "actual"
            draft.actor, draft.has_actor, draft.actor_grade = denier, True, max(draft.actor_grade, AGENT)
            draft.target, draft.killed, draft.injured, draft.trigger_i = EMPTY, None, None, token.i
            said = choose_date(sentence, verdict.speaker.head if verdict.speaker is not None else token,
                               self.published)
            draft.date = said if said is not None and said.source != "published" else draft.date   # when denied
            return draft
        event_head = lookup(token.head, self.res.lexicon) is not None
        # the story's first sentence tells its news, even of months ago ("allegedly executed 31 men
        # in March, the group said in a report released on Wednesday"); later ones are background
        if is_old(draft, self.published) and not (self.sentence_rank == 0 and not is_old(draft, self.published, 366)):
            self.old_incident = self.old_incident or type_ == "ASSAULT"
            return None
        draft.trigger_i, draft.on_spine = token.i, on_spine(token) or (
            type_ != "ASSAULT" and _light_object(token))   # (attacks are kept anyway, see main_events)
        draft.curated, draft.rank = curated, self.sentence_rank
        draft.converted, draft.circumstance = converted, _temporal_clause(token)
        if converted and type_ == "REJECT" and verdict.speaker is not None:   # "said on Thursday that the
            said = choose_date(sentence, verdict.speaker.head, self.published)   # coalition 'does not recognise'
            draft.date = said if said is not None and said.source != "published" else draft.date   # the ban"
        draft.concurrent = draft.circumstance and any(c.dep_ == "mark" and c.lower_ in {"as", "while"}
                                                      for c in token.children) \
            and not any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in token.children)   # ("as they withdrew")
        draft.toll_kind = casualties.kind if killed is not None else ""   # "also killed", "have died"
        if not draft.is_anaphoric and type_ == "ASSAULT":
            draft.is_anaphoric = self._anaphoric_subject(token) or self._in_known_event(token)
        elif type_ in AGREEMENT_TYPES:   # "the deal was signed by ...": the agreement already reported
            draft.is_anaphoric = any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in AGREEMENT_NOUNS
                                     and _is_anaphoric(c) for c in token.children)
        draft.head_i = token.head.i
        draft.definite = token.pos_ in {"NOUN", "PROPN"} and any(
            c.dep_ in {"det", "poss"} and c.lower_ in DEFINITE_WORDS for c in token.children)
        draft.object_of_spine = token.pos_ in {"NOUN", "PROPN"} and token.dep_ == "dobj" \
            and on_spine(token.head)   # "repeated Baku's demand", "imposed new sanctions"
        if type_ in {"REJECT", "ACCUSE"} and token.dep_ == "relcl" and token.head.lemma_.lower() in CLAIM_NOUNS:
            draft.on_spine = True   # "..., a claim Mali's military rejected as propaganda": told as news
        if verdict.frame is not None and verdict.frame_lemma in EPISTEMIC_FRAMES:
            draft.frame_i = verdict.frame.i   # "police suspect X of ...": the act, not the suspicion
        draft.speaker_i = verdict.speaker.i if verdict.speaker is not None else -1
        event_object = any(c.dep_ == "dobj" and lookup(c, self.res.lexicon) is not None
                           for c in token.children)   # "condemned the attack"
        why = rejection(draft, roles, sentence, token, cand.is_verbal, curated, event_head, event_object)
        if why is None:
            draft.written = written_threat(draft, token)
            draft.anchor = anchoring_protest(draft, token) or token.pos_ == "NOUN" and pact(draft, token) \
                and draft.date is not None and draft.date.source == "text" \
                or told_as_time(draft, roles, token)
            return draft
        if why == "accident or hazard":
            self.hazard = True   # its casualties are no attack's toll either
        if type_ == "ASSAULT" and why not in UNREAL:
            draft.shadow = True   # "due to the bombing of the plane on October 31": completes the incident
            return draft
        return None

    def _tolled_time_clauses(self, sentence: Any) -> list[Any]:
        """The sentence's "a day after ... killed four soldiers" clauses with a toll (found once a sentence)."""
        if self._tolled_for != sentence.start:
            self._tolled_for = sentence.start
            self._tolled = [t for t in sentence if days_before(t)
                            and any(k.lemma_.lower() in TOLL_LEMMAS for k in t.subtree)]
        return self._tolled

    def _denier(self, draft: Draft, token: Any, verdict: Any, actor_tok: Any | None) -> Actor | None:
        """The government or army that, after an incident blamed on it or told as its own, says
        its forces did not carry out such an attack ("the junta's information team said no air
        operation was conducted", "federal forces had 'carried out no strike on civilians'"), or the
        armed group accused of it saying its forces did not do it ("a military source said Houthi forces
        'did not fire a single shell'")."""
        if token.pos_ == "NOUN" and token.dep_ == "nsubj" and token.head.lemma_.lower() not in EXISTENCE_VERBS:
            return None   # "the attack will not go unpunished": the attack is taken as given
        if draft.type == "ASSAULT" and draft.status == "negated" and self.sentence_rank > 0 \
                and actor_tok is not None and actor_tok.pos_ != "PRON" and not _present(token):
            group = self._resolve(actor_tok)   # "a military source ... said Houthi forces 'did not fire a
            if group is not None and group.sector in ARMED_GROUP_SECTORS and group.name and any(   # single shell'"
                    d.type == "ASSAULT" and not d.shadow and d.status in {"actual", "alleged"} for d in self.drafts) \
                    and (any(_same_group(d.actor.name or "", group.name) for d in self.drafts if d.type == "ASSAULT")
                         or any(_same_group(a.actor.name or "", group.name) for a in self.attributions)
                         or _ANSWERS_CHARGE.search(token.sent.text)):
                return group   # the group accused of the attack denies it
        denier = verdict.speaker or (next((c for c in verdict.frame.children if c.dep_ == "nsubj"), None)
                                     if verdict.frame is not None else None)
        if draft.type == "COERCE" and draft.status == "negated" and verdict.frame_lemma in DENY \
                and denier is not None and denier.pos_ != "PRON" and self.sentence_rank > 0:
            return self._resolve(denier)   # "a Houthi security official denied that the three had
            # been arrested": his side's denial of the detention reported
        if draft.type != "ASSAULT" or draft.status != "negated" or verdict.speaker is None \
                or self.sentence_rank == 0 or verdict.speaker.pos_ == "PRON":
            return None
        speaker = self._resolve(verdict.speaker)
        own = speaker is not None and actor_tok is not None and actor_tok.pos_ != "PRON" \
            and (self._resolve(actor_tok) or EMPTY).sector == speaker.sector
        if token.lemma_.lower() in HARM_LEMMAS and not (own and token.lemma_.lower() in {"fire", "shoot"}):
            return None   # ("no one was hurt"; but "no police officer had fired live ammunition", said the police)
        if speaker is None or speaker.sector not in {"military", "government", "police"}:
            return None
        if actor_tok is not None and actor_tok.pos_ != "PRON":
            actor = self._resolve(actor_tok)
            if actor is None or actor.sector not in {"military", "government", "police"} \
                    or (actor.country and speaker.country and actor.country != speaker.country):
                return None   # "Russian forces did not attack Romanian territory", said Bucharest
        if not any(d.type == "ASSAULT" and not d.shadow and (d.status == "alleged" or side(d) == "state"
                                                             or own and d.status == "actual")
                   for d in self.drafts):
            return None   # no attack of the state's side told before: nothing to deny (but "the police command
            # said no police officer had fired live ammunition", after a protester was shot dead: its denial)
        return speaker

    def _speaker_group(self, speaker: Any) -> Actor | None:
        """The armed group a speaker is described as speaking for: "a man who identified himself as a
        commander of the Gran Grif gang", "a Wazalendo commander"."""
        if speaker.lemma_.lower() not in SPOKESPEOPLE:
            return None
        described = [t for c in speaker.children if c.dep_ in {"relcl", "acl", "prep", "appos", "compound"}
                     for t in c.subtree]
        for token in described:
            if token.pos_ in {"NOUN", "PROPN"} and token.dep_ != "compound" \
                    or token.dep_ == "compound" and token.head.i == speaker.i:
                found = self._resolve(token)
                if found is not None and found.sector in ARMED_GROUP_SECTORS:
                    return found
        return None

    def _home(self, country: str) -> EventPlace | None:
        """Where a state's statement or measure is placed when the sentence names no place: the
        country itself as the text mentions it (None when the text places nothing there: the
        actor's country may be a misreading, "Congo's government" in a story on the DRC)."""
        mentioned = [p for p in self.places if p.country == country]
        if not mentioned:
            return None
        named = next((p for p in mentioned if p.precision == "country"), None)
        return named.as_event_place() if named is not None else EventPlace(None, country)

    def _spans(self, sentence: Any, place: EventPlace | None = None) -> list[Any]:
        doc = sentence.doc
        return [span for p in self.places if sentence.start_char <= p.start < sentence.end_char
                and (place is None or (p.name, p.country) == (place.name, place.country))
                and (span := doc.char_span(p.start, p.end, alignment_mode="expand")) is not None]

    def _spoken_at(self, sentence: Any, token: Any, speaker: Any | None) -> EventPlace | None:
        """Where a statement was made, when the text says so: "told reporters in Moscow",
        "said in Islamabad", "rejected the charge at a briefing in Kabul"."""
        frames = {token.i} | ({speaker.head.i} if speaker is not None else set())
        for span in self._spans(sentence):
            root = span.root
            if root.dep_ != "pobj" or root.head.lower_ not in {"in", "at"}:
                continue
            owner = root.head.head
            if owner.i in frames or owner.dep_ in {"dobj", "pobj"} and owner.lemma_.lower() in AUDIENCE_NOUNS \
                    and (owner.head.i in frames or owner.head.head.i in frames):
                return next(p.as_event_place() for p in self.places if p.start == span.start_char)
        return None

    def _act_place(self, sentence: Any, token: Any, place: EventPlace) -> bool:
        """The place is said where the act itself happened ("rejected the demand in Kabul"), not
        what the statement is about ("warned it would not allow Sinjar to become ...")."""
        return any(is_locative(span.root, token) and is_attached(span, token) for span in self._spans(sentence, place))

    def _is_place(self, token: Any) -> bool:
        """The token lies in a place name the gazetteer resolved."""
        return any(p.start <= token.idx < p.end for p in self.places)

    def _adversary_says(self, speaker_tok: Any, actor_tok: Any) -> bool:
        """A state's forces or government say a named armed group or another state did it: their
        side of a conflict, an allegation until others confirm it."""
        speaker, actor = self._resolve(speaker_tok), self._resolve(actor_tok)
        if speaker is None or actor is None or speaker.sector not in STATE_SECTORS:
            return False
        if grade(actor_tok, actor, self.actors) < NAMED or actor.name == speaker.name:
            return False
        return actor.sector in ARMED_GROUP_SECTORS or bool(
            actor.country and speaker.country and actor.country != speaker.country)

    def _anaphoric_subject(self, token: Any) -> bool:
        """A verb whose subject is a definite event noun refers back to that event."""
        if token.pos_ != "VERB":
            return False
        if any(c.dep_ == "dobj" and c.lemma_.lower() in EXPLOSIVE_OBJECTS and _is_anaphoric(c) for c in token.children):
            return True   # "the group that laid the mine": the mine already told
        subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        return subject is not None and _is_anaphoric(subject) \
            and (lookup(subject, self.res.lexicon) is not None
                 or subject.lemma_.lower() in EXPLOSIVE_OBJECTS | PROJECTILES and any(
                     c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"}
                     for c in subject.children))   # "the mine had been laid by
        # ...", "the rockets had been launched by Hezbollah"

    def _apply_claim_phrase(self, sentence: Any, drafts: list[Draft]) -> None:
        """'..., in an attack later claimed by JNIM': the sentence's attack is claimed by JNIM."""
        claimant = None
        for token in sentence:
            if token.lemma_.lower() == "claim" and token.tag_ == "VBN" and token.dep_ in {"acl", "amod"} \
                    and lookup(token.head, self.res.lexicon) is not None:
                agent = next((c for c in token.children if c.dep_ == "agent"), None)
                claimant = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                if claimant is not None:
                    break
        if claimant is None:
            return
        actor = self._resolve(claimant)
        level = grade(claimant, actor, self.actors)
        for draft in drafts:
            if draft.type != "ASSAULT" or draft.status not in {"actual", "alleged"}:
                continue
            draft.status = "claimed"
            draft.attribution = draft.attribution or (actor.name if actor is not None else claimant.text)
            if actor is not None and level >= AGENT and draft.actor_grade < 4:
                draft.actor, draft.actor_grade, draft.has_actor = actor, level, True

    def _apply_blame_phrase(self, sentence: Any, drafts: list[Draft]) -> None:
        """'Shells struck the camp, killing two children, the camp's administration said, blaming Houthi
        artillery': the sentence's own attack, alleged against the party blamed."""
        blamed = next((o for t in sentence if t.lemma_.lower() == "blame" and t.tag_ == "VBG"
                       and t.dep_ in {"advcl", "xcomp", "conj"} and not any(
                           p.dep_ == "prep" and p.lower_ == "for" for p in t.children)
                       for o in t.children if o.dep_ == "dobj"), None)
        if blamed is None:
            return
        actor = self._resolve(blamed)
        level = grade(blamed, actor, self.actors)
        if actor is None or level < AGENT or not (actor.sector or actor.country):
            return
        for draft in drafts:
            if draft.type == "ASSAULT" and draft.status == "actual" and draft.actor_grade < NAMED and not draft.shadow:
                draft.status, draft.attribution = "alleged", draft.attribution
                draft.actor, draft.actor_grade, draft.has_actor = actor, level, True

    def _in_known_event(self, token: Any) -> bool:
        """'Eleven villagers were killed in the attack': victims of an incident already told."""
        if token.pos_ != "VERB" or token.lemma_.lower() not in CASUALTY_VERBS:
            return False
        return any(prep.dep_ == "prep" and prep.lower_ in {"in", "during"} and any(
            obj.dep_ == "pobj" and _is_anaphoric(obj) and lookup(obj, self.res.lexicon) is not None
            for obj in prep.children) for prep in token.children)

    def _graded(self, actor_tok: Any | None, target_tok: Any | None) -> Roles:
        actor = self._resolve(actor_tok)
        target = self._resolve(target_tok)
        if actor is not None and target is not None and actor == target:
            target, target_tok = None, None
        return Roles(actor, target, grade(actor_tok, actor, self.actors),
                     grade(target_tok, target, self.actors), actor_tok, target_tok)

    def _roles(self, cand: Candidate) -> tuple[Any | None, Any | None]:
        actor_tok, target_tok = resolve_actor_tokens(cand.token)
        for inner in cand.absorbed:
            inner_actor, inner_target = resolve_actor_tokens(inner.token)
            if inner_actor is not None and inner_actor.pos_ == "NUM":
                inner_actor = None   # "two soldiers were killed and four wounded when fighters attacked": victims
            if inner_actor is not None and struck_explosive(inner.token):
                inner_actor, inner_target = None, inner_target or inner_actor   # "when the minibus struck a
                # landmine": the minibus is hit, not the attacker
            if actor_tok is None or actor_tok.i == inner.token.i:
                actor_tok = inner_actor if inner_actor is not None else (
                    None if actor_tok is not None and actor_tok.i == inner.token.i else actor_tok)
            target_tok = target_tok if target_tok is not None else inner_target
        if actor_tok is not None and any(actor_tok.i == c.token.i for c in cand.absorbed) \
                and actor_tok.lemma_.lower() not in PERPETRATOR_NOUNS:   # (but "a suicide bomber rammed ...")
            actor_tok = None
        if actor_tok is not None and actor_tok.lower_ in {"who", "which", "that"} and actor_tok.dep_ == "nsubj" \
                and cand.token.dep_ == "relcl" and cand.token.head.pos_ in {"NOUN", "PROPN"}:
            actor_tok = cand.token.head   # "hundreds of Serbs who had blocked the road": the Serbs
        root = cand.token.sent.root
        if cand.token.dep_ == "conj" and cand.token.head.i == root.i and root.pos_ in {"NOUN", "PROPN"} \
                and root.lemma_.lower() in PEOPLE and (actor_tok is None or is_abstract(actor_tok)):
            actor_tok = root   # "About 400 relatives of people who disappeared during and after the war marched
            # from the temple ...": the parser left the sentence without a verb of its own
        dangling = dangling_root_subject(cand.token)
        if dangling is not None:   # "About 30 relatives of one of the detained men protested ..., saying ..."
            actor_tok = dangling
        if _ordered_state(cand.token):   # "the governor ordered the road closed": the governor closed it
            actor_tok, target_tok = next((c for c in cand.token.head.children if c.dep_ == "nsubj"), None), None
        if actor_tok is not None and _dateline_word(actor_tok):   # "BIAŁYSTOK – Poland's foreign ministry summoned"
            actor_tok = next((c for c in actor_tok.head.children if c.dep_ == "nsubj" and c.i != actor_tok.i), None)
        if cand.row.type in {"REJECT", "ACCUSE"} and cand.token.dep_ == "conj" and actor_tok is not None \
                and actor_tok.head.i == cand.token.head.i and cand.token.head.dep_ == "ccomp" \
                and actor_tok.lemma_.lower() in ASSAULT_INSTRUMENTS | AIRCRAFT:
            actor_tok = next((c for c in cand.token.head.head.children if c.dep_ == "nsubj"), actor_tok)
            # "the military said its aircraft had struck ... and denied that any civilians had been harmed"
        if cand.row.type in {"THREATEN", "REJECT", "ACCUSE"} and actor_tok is None and cand.token.pos_ == "VERB" \
                and cand.token.dep_ in {"ccomp", "conj"} and cand.token.head.lemma_.lower() in SPEECH:
            actor_tok = next((c for c in cand.token.head.children if c.dep_ == "nsubj"), None)   # "Hamas said one
            # of the dead was a member of its armed wing and warned that ...": Hamas warned
        if cand.row is PROJECTILE_LANDED:   # "three artillery shells landed in farmland": who fired them is not said
            return None, next((o for p in cand.token.children if p.dep_ == "prep" for o in p.children
                               if o.dep_ == "pobj"), None)
        if cand.row is SHOT_DEAD:   # "Gunmen on a motorbike shot dead a village chief" (misparsed)
            return verbal_roles(cand.token)
        if cand.row is POLICED_CROWD:   # "fired tear gas at protesters": the protesters protest
            node = cand.token
            if node.dep_ == "pobj" and node.head.lower_ == "of":
                node = node.head.head
            return node, None
        if cand.row is MESSAGE_THREAT:
            actor_tok = _warner(cand.token)
        elif cand.row.type == "THREATEN" and cand.token.tag_ == "VBG" and (actor_tok is None or (
                cand.token.dep_ == "acl" and actor_tok.i == cand.token.head.i and not is_person(actor_tok))):
            actor_tok = _warner(cand.token)   # "declared an armed strike, warning that ...", "released an audio
            # message warning villagers that ..."
        if target_tok is None and cand.row.type in CONTAINER_TYPES:   # "threatened to strike Israel"
            complement = next((c for c in cand.token.children if c.dep_ in {"xcomp", "ccomp"}), None)
            target_tok = verbal_roles(complement)[1] if complement is not None else None
        if target_tok is not None and lookup(target_tok, self.res.lexicon) is not None:
            target_tok = event_object_target(target_tok)
        elif target_tok is not None and target_tok.pos_ == "NOUN" and is_abstract(target_tok):
            owner = next((c for c in target_tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
            target_tok = owner or target_tok   # "will support Turkey's efforts": Turkey
        if target_tok is None and cand.row.type == "CONSULT" and cand.token.pos_ == "NOUN" \
                and cand.token.dep_ in {"dobj", "nsubj", "nsubjpass"}:   # not "it was the first meeting"
            between = [o for p, o in prep_objects(cand.token, frozenset({"between"}))]
            target_tok = between[0] if between else None   # "a mediation mission between X and Y"
        return actor_tok, target_tok

    def _resolve(self, token: Any | None) -> Actor | None:
        if token is None:
            return None
        return resolve_np(token, self.actors, self.salience)

    @staticmethod
    def _confidence(token: Any, actor: Actor | None, target: Actor | None, cand: Candidate) -> float:
        depth = 0
        node = token
        if node.dep_ == "dobj" and node.head.lemma_.lower() in LIGHT_VERBS:
            node = node.head   # "staged demonstrations": the noun is the main event
        while node.head.i != node.i and depth < 10:
            node, depth = node.head, depth + 1
        score = 0.75 - 0.04 * depth + (0.08 if actor else 0) + (0.05 if target else 0)
        score += 0.08 if cand.row.curated else 0.0
        if token.dep_ in {"advcl", "xcomp"} and any(c.lower_ == "to" for c in token.children) \
                and token.head.pos_ == "VERB" and token.head.dep_ != "ROOT" or _is_purpose(token):
            score -= 0.15   # "staged a rally to demand reforms": the purpose is secondary
        score += 0.03 if cand.is_verbal else 0.0
        return max(0.05, min(0.99, score))


TEMPORAL_MARKS = frozenset({"before", "after", "when", "while", "until", "as", "once", "since"})


#: Sectors that speak for a state: their "protest" is a diplomatic one (PLOVER ACCUSE 'disapprove').
DIPLOMATIC_SECTORS = frozenset({"government", "diplomat", "igo"})
CASUALTY_VERBS = frozenset({"injure", "wound", "hurt", "kill", "die"})


#: Aircraft that strike (and cannot speak).
AIRCRAFT = frozenset({"aircraft", "jet", "plane", "warplane", "helicopter", "gunship", "bomber", "fighter-jet"})


#: A round-up's opening sum of a week's violence ("At least nine people were killed in a week of violence across
#: ...", "Five people were killed in and around Sidon this week, in a gun battle ... and a drone strike ...").
_WEEK_TALLY = re.compile(r"^\W*(?:at least |more than |some |about )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
                         r"eleven|twelve|a dozen|dozens of|scores of)\b[^.;:]{0,40}?\b(?:were|have been) killed\b"
                         r"(?=[^.]*\b(?:this week|a week of|past week|over the weekend|this month)\b)", re.IGNORECASE)


def _diplomatic(actor: Actor | None, token: Any) -> bool:
    """A ministry or government "protests" something (a direct object, or "lodged a protest"):
    a diplomatic protest, not a demonstration."""
    if actor is None or (actor.sector not in DIPLOMATIC_SECTORS and not (
            actor.name and actor.name.split()[-1].lower() in {"department", "ministry", "embassy", "government"})):
        return False
    if token.pos_ == "VERB":
        if token.dep_ in {"advcl", "xcomp"} and token.head.lemma_.lower() in {"summon", "call", "recall"}:
            return True   # "summoned Pakistan's chargé d'affaires to protest"
        return any(c.dep_ == "dobj" for c in token.children) or any(
            p.dep_ == "prep" and p.lower_ == "to" and any(o.lemma_.lower() in ENVOY_NOUNS for o in p.children)
            for p in token.children)   # "formally protested to the Chinese embassy"
    return token.dep_ == "dobj"


#: Ground taken by force: capturing one of these is occupying territory (CAMEO 192), not an arrest.
POSITIONS = frozenset({"outpost", "base", "town", "village", "city", "checkpoint", "position", "post",
                       "garrison", "barracks", "camp", "district", "township", "hill", "airport",
                       "airbase", "territory", "stronghold", "area", "bridge", "port"})


#: Words of custody in what a court or an official orders.
CUSTODY = frozenset({"jail", "detain", "arrest", "imprison", "hold", "remand", "detention", "custody", "prison"})


def _orders_custody(token: Any) -> bool:
    """'ordered four journalists jailed pending trial', 'ordered four of them, including X, held in
    pre-trial detention' (not 'ordered the release of those held')."""
    after = [t.lemma_.lower() for t in token.subtree if t.i > token.i]
    return bool(CUSTODY.intersection(after)) and not {"release", "free", "freeing"}.intersection(after[:3])


#: Who receives a diplomatic protest.
ENVOY_NOUNS = frozenset({"embassy", "ambassador", "envoy", "government", "ministry", "consulate", "chargé"})
#: Verbs of a promised answer: a threat when said of the future ("Minsk would respond with mirror measures").
RESPONSES = frozenset({"respond", "retaliate", "pay"})
#: Words of an economic or friendly accord (a signed one is SUPPORT, not a security agreement).
ECONOMIC = frozenset({"trade", "economic", "friendship", "investment", "commercial", "tax", "energy", "cultural",
                      "tariff", "loan", "credit", "business", "cooperation"})
#: Nouns for armed or police forces.
FORCE_NOUNS = frozenset({"troop", "soldier", "gendarme", "police", "officer", "reinforcement", "marine", "commando",
                         "unit", "battalion", "peacekeeper", "paratrooper", "force", "policeman", "personnel"})


def _ordered_state(token: Any) -> bool:
    """'ordered the road closed', 'declared the area sealed': a state the head verb's subject imposes."""
    return token.tag_ in {"VBN", "VBD"} and token.dep_ in {"ccomp", "oprd"} \
        and token.head.lemma_.lower() in {"order", "declare", "keep"} \
        and not any(c.dep_ in {"dobj", "aux"} for c in token.children) \
        and any(c.dep_ == "nsubj" for c in token.children)


def _economic_object(token: Any) -> bool:
    """'signed an agreement to increase trade', 'a treaty of friendship and cooperation'."""
    return any(t.lemma_.lower() in ECONOMIC for t in token.subtree if t.i > token.i)


#: Nouns by which a speaker's own organisation is referred to.
OWN_GROUP = frozenset({"group", "movement", "organisation", "organization", "militia", "coalition", "alliance",
                       "front"})


def _owned(actor: Any) -> bool:
    """'its fighters', 'his men', 'one of its fighters': the speaker's own people."""
    if any(c.dep_ == "poss" and c.lower_ in {"its", "their", "our", "his", "her"} for c in actor.children):
        return True
    if any(p.dep_ == "prep" and p.lower_ in {"under", "from"} and any(
            c.dep_ == "poss" and (c.lower_ in {"its", "their", "our", "his"} or _the_group(o))
            for o in p.children if o.dep_ == "pobj" for c in o.children) for p in actor.children):
        return True   # "fighters under the group's Lanny Jaya command", "men from its Sahel wing"
    return actor.lower_ in {"one", "two", "some", "several", "three"} and any(
        c.dep_ == "poss" and c.lower_ in {"its", "their", "our"} for p in actor.children
        if p.dep_ == "prep" and p.lower_ == "of" for o in p.children for c in o.children)


def _the_group(actor: Any) -> bool:
    """'the group had fired two missiles', 'the group's forces': the speaker's own organisation."""
    if actor.lemma_.lower() in OWN_GROUP and any(c.dep_ == "det" and c.lower_ == "the" for c in actor.children):
        return True
    return any(c.dep_ == "poss" and c.lemma_.lower() in OWN_GROUP and any(d.lower_ == "the" for d in c.children)
               for c in actor.children)


#: How a state's forces name the other side, when they report their own strikes.
ENEMY_WORDS = frozenset({"terrorist", "militant", "insurgent", "bandit", "jihadist", "criminal", "hideout",
                         "rebel", "extremist"})


def _enemy_victims(sentence: Any) -> bool:
    """'had killed 20 terrorists', 'struck bandit hideouts', 'neutralised dozens of terrorists'."""
    return any(t.lemma_.lower() in ENEMY_WORDS and t.dep_ in {"dobj", "pobj", "nsubjpass", "compound", "amod"}
               for t in sentence)


def _orders_restriction(token: Any) -> bool:
    """'ordered a ban on motorcycle traffic and a night curfew', 'ordered a lockdown'."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    objects += [c for o in objects for c in o.conjuncts]
    if token.lemma_.lower() == "order" and any(o.pos_ == "NOUN" for o in objects) and any(
            c.dep_ == "xcomp" and any(n.dep_ == "neg" for n in c.children) for c in token.children):
        return True   # "the regent ordered farmers not to go to their gardens without a police escort"
    return any(o.lemma_.lower() in {"curfew", "ban", "lockdown", "closure", "shutdown"} for o in objects)


def _main_day(sentence: Any, published: date | None) -> date | None:
    main = choose_date(sentence, sentence.root, published)
    return main.date if main is not None and main.precision == "day" and main.source == "text" else None


#: What carries a warning ("an audio message warning villagers", "pamphlets warning that ...").


def _warner(token: Any) -> Any | None:
    """Who warns in a participle: the subject of the clause it hangs on, or whoever issued the
    message that warns (its releaser, or 'signed by' / 'signed with the initials of' X)."""
    head = token.head
    if token.dep_ == "advcl" and head.pos_ == "VERB":
        subject = next((c for c in head.children if c.dep_ in {"nsubj", "agent"}), None)
        if subject is not None or not any(c.dep_ == "nsubjpass" and c.lemma_.lower() in MESSAGE_NOUNS
                                          for c in head.children):
            return subject   # (but "a banner ... was found hanging ..., threatening to kill": its author)
    if token.dep_ == "acl" and head.lemma_.lower() in MESSAGE_NOUNS:
        for signed in (c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in {"sign", "post", "issue"}):
            for prep in (c for c in signed.children if c.dep_ in {"agent", "prep"}):
                obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
                while obj is not None and obj.lemma_.lower() in {"initial", "name"}:
                    obj = next((o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                                for o in p.children if o.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is not None:
            return owner
        if head.dep_ in {"dobj", "pobj"}:
            verb = head.head if head.dep_ == "dobj" else head.head.head
            if verb.pos_ == "VERB":
                return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    author = _message_author(token)
    if author is not None:
        return author
    if token.dep_ in {"acl", "compound"}:   # "left a message next to the bodies warning rivals ...": the participle hung on
        node = head           # the wrong noun; the message it belongs to is higher up
        for _ in range(5):
            if node.pos_ == "VERB":
                if any(c.dep_ == "dobj" and c.lemma_.lower() in MESSAGE_NOUNS for c in node.children):
                    return next((c for c in node.children if c.dep_ == "nsubj"), None)
                break
            if node.head.i == node.i:
                break
            node = node.head
    return None


def _message_author(token: Any) -> Any | None:
    """Who wrote or released the message a warning is in, read off the words when the parse is poor:
    "signed by X", "signed with the initials of X", or the subject of the verb that released, posted,
    issued or left the message."""
    sent = token.sent
    for t in sent:
        if t.lemma_.lower() != "sign" or t.tag_ != "VBN":
            continue
        words = list(token.doc[t.i + 1:min(sent.end, t.i + 9)])
        for i, w in enumerate(words):
            if w.lower_ in {"by", "of"} and (w.lower_ == "by" or any(x.lower_ in {"initials", "name"} for x in words[:i])):
                for x in words[i + 1:]:
                    if x.pos_ == "PROPN" or x.ent_type_ in {"ORG", "NORP"}:
                        head = x
                        while head.dep_ in {"compound", "amod"} and head.head.i > head.i:
                            head = head.head
                        return head
                break
    for t in sent:
        if t.lemma_.lower() in MESSAGE_NOUNS and t.i < token.i:
            node = t
            for _ in range(4):
                if node.pos_ == "VERB" and node.lemma_.lower() in {"release", "post", "issue", "publish", "leave",
                                                                   "distribute", "send", "broadcast", "circulate"}:
                    return next((c for c in node.children if c.dep_ == "nsubj"), None)
                if node.head.i == node.i:
                    break
                node = node.head
    return None


def _orders_closure(token: Any) -> bool:
    """'ordered the road between X and Y closed to civilian traffic', 'ordered markets shut'."""
    if any(c.dep_ == "ccomp" and c.lemma_.lower() in {"stay", "remain", "be", "keep"} and any(
            a.lemma_.lower() in {"close", "closed", "shut"} and a.dep_ in {"acomp", "oprd", "xcomp"} for a in c.children)
           for c in token.children):
        return True   # "ordered late on Wednesday that schools in Kiryat Shmona stay closed on Thursday"
    return any(c.dep_ == "dobj" for c in token.children) and any(
        c.lemma_.lower() in {"close", "shut", "seal"} and c.dep_ in {"oprd", "xcomp", "ccomp", "conj", "advcl", "acomp"}
        for c in token.children)


def _in_protest(token: Any) -> bool:
    """'parked their trucks and refused to load, in protest at the arrests': a strike."""
    heads = {token.i, token.head.i} | {c.i for c in token.children if c.dep_ in {"xcomp", "conj"}}
    return any(t.lower_ == "protest" and t.dep_ == "pobj" and t.head.lower_ == "in" and t.head.head.i in heads
               for t in token.sent)


#: Where the wounded and the sick are flown, and what they are.
EVACUATION_WORDS = frozenset({"hospital", "clinic", "wounded", "injured", "wound", "injure", "sick", "casualty", "medical",
                              "body"})


def _evacuation(token: Any) -> bool:
    """'the wounded officers were flown to a hospital in Kabul': a medical evacuation."""
    return any(t.lemma_.lower() in EVACUATION_WORDS for t in token.subtree)


_WHETHER = re.compile(r"^\W{0,3}whether\b", re.IGNORECASE)


def _open_question(sentence: Any) -> bool:
    """A question, or a 'whether ...' item of a list of things to watch: nothing told as done."""
    text = sentence.text.strip()
    return text.endswith("?") or bool(_WHETHER.match(text))


def _to_disperse(token: Any) -> bool:
    """'fired shots in the air to disperse the crowd', 'fired warning shots': crowd control."""
    words = {t.lower_ for t in token.subtree}
    return bool(words & {"disperse", "dispersed", "dispersing", "warning"}) or ("air" in words and "shots" in words)


def _own_count(token: Any) -> int | None:
    """'killed nine militants': the number of the killing verb's own object."""
    if token.lemma_.lower() != "kill":
        return None
    obj = next((c for c in token.children if c.dep_ == "dobj"), None)
    count = next((c for c in obj.children if c.dep_ == "nummod"), None) if obj is not None else None
    return parse_number(count.text) if count is not None else None


def _lemma_of(draft: Draft) -> str:
    return draft.trigger.split("/", 1)[0]


def _present(verb: Any) -> bool:
    """'its fighters do not target teachers': a present-tense policy, not a past act."""
    return verb.tag_ in {"VBP", "VBZ"} or any(c.dep_ == "aux" and c.tag_ in {"VBP", "VBZ"} and c.lemma_ == "do"
                                              for c in verb.children)


_ANSWERS_CHARGE = re.compile(r"\b(?:accusation|allegation|charge|claim)s?\b|\bblame\b", re.IGNORECASE)


def _same_group(a: str, b: str) -> bool:
    """'Houthis' and 'Houthi forces', 'M23' and 'M23 rebels': one name holds the other's head word."""
    wa, wb = a.lower().replace("’s", "").split(), b.lower().replace("’s", "").split()
    return bool(wa and wb) and (wa[-1].rstrip("s") in {w.rstrip("s") for w in wb}
                                or wb[-1].rstrip("s") in {w.rstrip("s") for w in wa}
                                or wa[0].rstrip("s") == wb[0].rstrip("s"))


def _dateline_word(token: Any) -> bool:
    """A word of a capitalised dateline before a dash at the start of a paragraph ("BIAŁYSTOK – ...",
    "LA CEIBA, Atlántida – ...")."""
    doc = token.doc
    start = token.i
    while start > 0 and not doc[start - 1].is_space and doc[start - 1].text not in {"\n", "."} \
            and token.i - start < DATELINE_WORDS:
        start -= 1
    first = doc[start]
    if not (first.text.isupper() and (len(first.text) > 2 or doc[start + 1].text.isupper())) or (start > 0 and not (
            doc[start - 1].is_space or doc[start - 1].text in {"\n", "."})):
        return False
    dash = next((t.i for t in doc[token.i + 1:min(len(doc), start + DATELINE_WORDS + 1)]
                 if t.text in {"–", "—", "-", "--"}), None)
    return dash is not None and all(t.text[:1].isupper() or t.text == "," for t in doc[start:dash])


#: Words a dateline may have before its dash ("SAN PEDRO SULA, Cortés –").
DATELINE_WORDS = 6


#: Words that make a strike a stoppage of work ("a general strike", "went on strike", "strike action").
LABOUR_WORDS = frozenset({"general", "hunger", "worker", "union", "labour", "labor", "teacher", "doctor", "nurse",
                          "driver", "trader", "transporter", "nationwide", "national", "indefinite", "sit-down",
                          "wildcat", "action", "staff", "employee", "miner", "docker", "student", "shopkeeper",
                          "day", "week", "warning", "pay", "wage", "salary"})


def _labour_strike(token: Any) -> bool:
    """'a general strike', 'a hunger strike', 'teachers went on strike', 'called a strike over pay'."""
    near = {c.lemma_.lower() for c in token.children} | {t.lemma_.lower() for t in token.subtree}
    if near & LABOUR_WORDS:
        return True
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "on":   # "on strike"
        return True
    return head.lemma_.lower() in {"call", "stage", "hold", "begin", "start", "end", "suspend", "join", "observe",
                                   "announce", "declare", "enforce", "go"} and head.pos_ == "VERB"


def _takes_ground(token: Any, is_place: Any = None) -> bool:
    """'captured a police outpost', 'seized the town of X', 'took part of the stronghold': an
    object that is a place (a position word, a place entity, or a place the gazetteer found)."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in {"capture", "seize", "take", "overrun", "recapture", "liberate"}:
        return False
    obj = next((c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    if obj is not None and obj.lemma_.lower() in {"part", "most", "much", "rest", "half", "control"}:
        obj = next((o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in p.children if o.dep_ == "pobj"), None)
    if obj is None:
        return False
    if any(c.dep_ == "appos" and c.lemma_.lower() in POSITIONS for c in obj.children):
        return True   # "captured Tigyaing, a river town of about 20,000 people"
    return obj.lemma_.lower() in POSITIONS or (obj.pos_ == "PROPN" and obj.ent_type_ in {"GPE", "LOC", "FAC"}) \
        or (is_place is not None and obj.text[:1].isupper() and is_place(obj))


#: Where a missile fired in a test falls, or how it flies: no target.
TEST_GROUNDS = frozenset({"sea", "ocean", "water", "waters", "trajectory", "course", "path", "range", "site"})
TARGET_PREPS = frozenset({"at", "on", "against", "toward", "towards", "into", "onto"})


def _weapons_test(token: Any) -> bool:
    """A missile launched or fired with no target ("launched a ballistic missile toward the East
    Sea", "the missile was launched on a lofted trajectory", "test-fired"): a weapons test."""
    lemma = token.lemma_.lower()
    if lemma not in {"launch", "fire"} or token.pos_ != "VERB":
        return False
    obj = next((c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    if obj is None or obj.lemma_.lower() != "missile":
        return False
    if any(w.lower_ in {"test", "tests", "tested", "test-fired", "test-fire"} for w in token.sent):
        return True
    targets = [o for p in token.children if p.dep_ == "prep" and p.lower_ in TARGET_PREPS
               for o in p.children if o.dep_ == "pobj" and o.ent_type_ not in {"DATE", "TIME"}]
    return bool(targets) and all(o.lemma_.lower() in TEST_GROUNDS for o in targets)


def _light_object(token: Any) -> bool:
    """'The US speeded up the withdrawal', 'Italy announced a suspension of air links': the
    event noun is what the main clause reports when its verb only carries it; so is what a
    statement issued by the main clause says ("deputies adopted a statement rejecting the resolution")."""
    head = token.head
    if token.pos_ == "VERB" and token.tag_ == "VBG" and token.dep_ == "acl" and head.lemma_.lower() in STATEMENT_NOUNS \
            and head.dep_ == "dobj" and on_spine(head.head):
        return True
    return token.pos_ == "NOUN" and token.dep_ == "dobj" and head.lemma_.lower() in LIGHT_VERBS \
        and on_spine(head) and not any(c.dep_ in {"oprd", "xcomp", "ccomp"} for c in head.children)
    # (not "called the arrests 'illegal'": a judgement about a known event)


def _joint_exercise(actor_tok: Any | None, token: Any) -> bool:
    """An exercise held by two parties ("X and Y launched war games", "drills with the US navy")."""
    if actor_tok is not None and any(t.dep_ == "conj" for t in actor_tok.subtree):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)


def _drop_side_casualties(drafts: list[Draft], doc: Any) -> list[Draft]:
    """'Police arrested 41 people, adding that 12 officers were injured', 'fired its water cannon
    at the boat, damaging its mast and injuring three crew': casualties with no attacker of their
    own (a passive with no agent, or a participle of consequence) in a sentence that reports
    another act are a detail of that act, not an attack of their own."""
    others = [d for d in drafts if d.type != "ASSAULT" and not d.shadow and d.curated]
    if not others:
        return drafts
    heads = {d.trigger_i for d in others}

    def side(d: Draft) -> bool:
        if d.type != "ASSAULT" or d.trigger_i < 0:
            return False
        token = doc[d.trigger_i]
        if token.lemma_.lower() not in CASUALTY_VERBS | {"damage", "destroy"}:
            return False
        if token.tag_ == "VBG" and token.dep_ in {"advcl", "conj"} and token.head.i in heads:
            return True   # a consequence of the other act
        if d.actor_grade == 0 and any(o.cameo == "175" for o in others) and token.lemma_.lower() != "kill":
            return True   # "police used tear gas ..., leaving 35 people injured": crowd control's injured
        passive = any(c.dep_ == "auxpass" for c in token.children)
        return d.actor_grade == 0 and passive and not any(c.dep_ == "agent" for c in token.children) \
            and any(o.on_spine for o in others)
    return [d for d in drafts if not side(d)]


def _drop_narrated_accusations(drafts: list[Draft], doc: Any) -> list[Draft]:
    """'the soldiers separated the men, accused them of supporting JNIM, and shot them': an
    accusation told as a step of the attack it is coordinated with is no statement of its own."""
    attacks = {d.trigger_i for d in drafts if d.type == "ASSAULT" and d.trigger_i >= 0}
    if not attacks:
        return drafts
    return [d for d in drafts if not (d.type == "ACCUSE" and d.trigger_i >= 0 and doc[d.trigger_i].pos_ == "VERB"
                                      and any(c.i in attacks for c in doc[d.trigger_i].conjuncts))]


def _reduced_passive(token: Any, subject: Any) -> bool:
    """'At least 18 civilians killed and 22 injured in an attack': a casualty verb with no object
    and no auxiliary whose subject is its own (a headline-style passive: the subject was hit)."""
    if token.lemma_.lower() in CASUALTY_VERBS and token.dep_ == "acl" and token.tag_ == "VBN" \
            and subject.i == token.head.i and not any(c.dep_ == "dobj" for c in token.children):
        return True   # "the bodies of three children killed in a quadcopter attack": the children were hit
    if token.lemma_.lower() not in CASUALTY_VERBS or subject.head.i != token.i or subject.dep_ != "nsubj":
        return False
    return token.tag_ in {"VBN", "VBD"} and not any(c.dep_ in {"dobj", "aux", "auxpass", "ccomp", "xcomp"}
                                                     for c in token.children)


#: How far (in sentences) the time of a dated event carries over to undated ones told right after it.
DATE_CARRY = 1
#: How far back "the next afternoon", "that night" may look for the act whose day they mean.
NARRATIVE_REACH = 6


def _carry_dates(drafts: list[Draft]) -> list[Draft]:
    """'On Tuesday, hundreds of students marched on Parliament. Police fired tear gas to disperse
    them.': an act told with no date of its own, right after a dated one, happened then too (not on
    the publication day)."""
    last: Draft | None = None
    lead = next((d for d in drafts if d.rank < LEAD and not d.shadow and d.date is not None
                 and d.date.source == "text" and d.date.precision == "day"), None)
    told: Draft | None = None   # the latest act with a day of its own, from the text or its report
    for draft in drafts:
        offset = _narrative_offset(draft)
        if offset is not None and draft.date is not None and (draft.date.source == "published" or offset < 0
                                                              and not _NAMED_DAY.search(draft.evidence.text)) \
                and told is not None and told.sentence_index < draft.sentence_index \
                and draft.sentence_index - told.sentence_index <= NARRATIVE_REACH:
            # "The next afternoon, a drone struck ...", "During the attack the gunmen seized ...",
            # "The embassy rejected our protest the same day": the day of the act told before
            draft.date = EventDate(told.date.date + timedelta(days=offset), "day", "context")
        elif draft.date is not None and draft.date.source == "published" and last is not None \
                and 0 < draft.sentence_index - last.sentence_index <= DATE_CARRY and draft.status in {
                    "actual", "claimed", "alleged", "denied"}:
            draft.date = EventDate(last.date.date, last.date.precision, "context")
        elif draft.date is not None and draft.date.source == "published" and lead is not None \
                and draft.sentence_index > lead.sentence_index and draft.type in MATERIAL_CONFLICT \
                and 0 < (draft.date.date - lead.date.date).days <= 1 and draft.status in {"actual", "claimed", "alleged"}:
            # a story of yesterday's events: what it tells without a date happened then too
            draft.date = EventDate(lead.date.date, "day", "context")
        if draft.date is not None and draft.date.source == "text" and not draft.shadow \
                and draft.status != "hypothetical":   # (a planned rally's Friday dates nothing told after it)
            last = draft
        if draft.date is not None and draft.date.source in {"text", "report", "context"} \
                and draft.date.precision == "day":
            told = draft   # (a side mention's day is the story's time too)
    return drafts


#: "Hours after the statement, ...": the time of a statement told before.
_AFTER_STATEMENT = re.compile(r"^\W*(?:hours|minutes|moments|shortly) after (?:the|its|their|this|that|his|her) "
                              r"(?:statement|announcement|speech|remarks|briefing|video|message|warning|claim)\b",
                              re.IGNORECASE)
#: Time words that refer to the day of an act told before: the same day, or the day after.
_SAME_DAY = re.compile(r"\b(?:the same day|that (?:day|night|evening|morning|afternoon)|(?:later|earlier) that day|"
                       r"(?:earlier|later) in the day|in the same statement|in it,|during the (?:attack|raid|assault|"
                       r"clash(?:es)?|clearance|operation|fighting|protest|march|ambush|siege)|"
                       r"(?:hours|minutes|moments) later|shortly afterwards?|at (?:about|around) \d|"
                       r"\b(?:responded|retaliated|reacted|replied) (?:with|by)\b|"
                       r"^\W*(?:by|around|towards?) (?:midday|noon|nightfall|dusk|dawn|mid-?morning|mid-?afternoon|"
                       r"the (?:afternoon|evening))|^\W*in the (?:morning|afternoon|evening)\b)", re.IGNORECASE)
_NEXT_DAY = re.compile(r"\b(?:the (?:next|following) (?:day|morning|afternoon|evening|night)|the day after)\b(?! \w+ed\b)",
                       re.IGNORECASE)


_PREVIOUS_DAY = re.compile(r"\b(?:a|one) day earlier\b", re.IGNORECASE)
#: A day named outright ("on Monday", "on 3 June"): it dates the act, whatever else the sentence says.
_NAMED_DAY = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
                        r"april|may|june|july|august|september|october|november|december)\b", re.IGNORECASE)


def _narrative_offset(draft: Draft) -> int | None:
    """-1, 0 or 1 when the act's own sentence dates it by an act told before ("a day earlier",
    "that night", "the next afternoon"), else None."""
    text = (draft.mention_evidence or draft.evidence).text
    if _NEXT_DAY.search(text):
        return 1
    if _PREVIOUS_DAY.search(text):
        return -1
    if _SAME_DAY.search(text):
        return 0
    return None


def _temporal_clause(token: Any) -> bool:
    """'... before the attackers withdrew into the bush': a circumstance of the main event."""
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS
                                         for c in token.children)


def _is_prose(sentence: Any) -> bool:
    """A sentence of running text (not a menu item, byline, date line, caption fragment, or a
    headline-style line with no closing punctuation: a related link, a ticker item, a teaser)."""
    words = sum(1 for t in sentence if t.is_alpha)
    if 4 <= words < 7 and _short_statement(sentence):
        return True   # "Serbia rejected the accusation."
    return words >= 7 and any(t.pos_ in {"VERB", "AUX"} for t in sentence) and not _headline_line(sentence)


def _short_statement(sentence: Any) -> bool:
    """A short sentence with a named subject and a past-tense verb, closed by a full stop ("Serbia
    rejected the accusation.")."""
    root = sentence.root
    last = next((t for t in reversed(sentence) if not t.is_space), None)
    return last is not None and last.text == "." and root.pos_ == "VERB" and root.tag_ == "VBD" \
        and any(c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.ent_type_ in {"GPE", "ORG", "NORP"})
                for c in root.children)


def _short_news(sentence: Any) -> bool:
    """A short past-tense sentence with a noun subject, closed by a full stop ("Police arrested 12
    people on Monday.", "Three journalists were detained."): news, not a sub-heading or a caption
    (it does not move the story past its lead, as running text does)."""
    root = sentence.root
    last = next((t for t in reversed(sentence) if not t.is_space), None)
    if last is None or last.text != "." or root.pos_ != "VERB" or sum(1 for t in sentence if t.is_alpha) < 4:
        return False
    passive = root.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in root.children)
    return (root.tag_ == "VBD" or passive) and any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ in {"PROPN", "NOUN"} for c in root.children)


TERMINAL = frozenset('.!?"\'”’)…:;')


def _headline_line(sentence: Any) -> bool:
    """A whole line that ends without sentence punctuation ("Car bomb kills four in Homs")."""
    text = doc_text(sentence.doc)
    body = sentence.text.rstrip()
    if not body or body[-1] in TERMINAL:
        return False
    start, end = sentence.start_char, sentence.start_char + len(body)
    before = text[:start].rstrip(" \t").rstrip("-–•·*").rstrip(" \t")   # a bullet: a key-points line
    after = text[end:].lstrip(" \t")
    return (not before or before.endswith("\n") or _after_label(sentence)) and (not after or after.startswith("\n"))


def _after_label(sentence: Any) -> bool:
    """The sentence follows a label or dateline that opens its line ("LIVE: Israel strikes ...")."""
    doc, line = sentence.doc, sentence.start
    while line > 0 and not (doc[line - 1].is_space and "\n" in doc[line - 1].text):
        line -= 1
    return line < sentence.start and paragraph_prefix_end(doc, line) == sentence.start


def _joined_protest(token: Any) -> bool:
    """'Thousands of people took part in a rally', 'participated in the march', 'joined the protest'."""
    if token.pos_ != "NOUN":
        return False
    if token.dep_ == "pobj" and token.head.lower_ == "in":
        verb = token.head.head
        return verb.lemma_.lower() == "participate" or verb.lower_ == "part" or (
            verb.pos_ == "VERB" and any(c.lower_ == "part" and c.dep_ == "dobj" for c in verb.children))
    return token.dep_ == "dobj" and token.head.lemma_.lower() == "join"


#: What demonstrators burn (not an attack on anyone's property).
PROTEST_FUEL = frozenset({"tyre", "tire", "flag", "effigy", "portrait", "poster", "banner", "rubbish", "garbage"})
#: People without arms or office: their boycotts and occupations are protests.
CIVILIAN_NOUNS = frozenset({"resident", "villager", "student", "teacher", "worker", "farmer", "trader", "driver",
                            "protester", "demonstrator", "member", "relative", "family", "woman", "man", "people",
                            "youth", "union", "community", "parent", "doctor", "nurse", "lawyer", "miner",
                            "shopkeeper", "merchant", "fisherman", "citizen", "activist", "employee", "staff"})
#: Adverbs of an analyst's likelihood ("would probably respond").
LIKELIHOOD = frozenset({"probably", "likely", "possibly", "perhaps", "presumably", "conceivably"})
#: Verbs of a pledge, and what a pledge against someone promises.
PLEDGES = frozenset({"promise", "pledge", "vow", "swear"})
HOSTILE_VERBS = frozenset({"track", "hunt", "punish", "crush", "eliminate", "retaliate", "avenge", "pursue",
                           "annihilate", "destroy", "wipe", "neutralise", "neutralize", "chase"})


def _hostile_content(token: Any) -> bool:
    """The pledge's clause promises to pursue or punish someone ("the attackers will be tracked down")."""
    return any(t.lemma_.lower() in HOSTILE_VERBS and t.pos_ == "VERB"
               for c in token.children if c.dep_ in {"ccomp", "xcomp"} for t in c.subtree)


#: A period a measure is to hold ("from Wednesday to Friday", "until Sunday").
_PERIOD = re.compile(r"\b(?:from|until|till)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
                     re.IGNORECASE)


def _ultimatum(token: Any) -> bool:
    """An intention with a condition attached ("will withdraw its force unless ..."); not a condition
    on the actor's own judgement ("if it judged that the eastern forces were losing, Egypt could
    move troops": a scenario)."""
    return any(c.dep_ == "advcl" and c.lemma_.lower() not in OWN_JUDGEMENT and any(
        m.dep_ == "mark" and m.lower_ in {"unless", "if"} for m in c.children) for c in token.children)


#: Verbs of the actor's own judgement: a condition on them makes a scenario, not an ultimatum.
OWN_JUDGEMENT = frozenset({"judge", "feel", "decide", "think", "believe", "conclude", "consider", "choose",
                           "want", "wish", "perceive", "calculate", "sense", "fear"})


#: Sectors that speak for a state.
STATE_SECTORS = frozenset({"military", "government", "police"})
#: Sectors of non-state armed groups: their word that they did it is a claim.
ARMED_GROUP_SECTORS = frozenset({"rebels", "militia", "armed group", "insurgents", "criminals"})


def _will(token: Any) -> bool:
    """The trigger's own clause is in the future ("would close", "will close")."""
    return any(c.dep_ == "aux" and c.lower_ in {"will", "would", "shall", "'ll"} for c in token.children)


def _modal(token: Any) -> bool:
    """The trigger's own clause has a modal of possibility ("may halt", "could impose")."""
    return any(c.dep_ == "aux" and c.lower_ in {"may", "might", "could", "can"} for c in token.children)


def _negated_subject(verb: Any) -> bool:
    """'no group has claimed', 'nobody claimed', 'nor has any movement claimed'."""
    if any(c.dep_ in {"nsubj", "nsubjpass"} and (c.lower_ in {"nobody", "none"} or any(
            d.lower_ == "no" for d in c.children)) for c in verb.children):
        return True
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or not any(d.lower_ == "any" for d in subject.children):
        return False
    window = verb.doc[max(verb.sent.start, subject.left_edge.i - 3):subject.left_edge.i]
    return any(t.lower_ in {"nor", "not", "n't", "never"} for t in window) or any(
        c.dep_ == "neg" for c in verb.children)


def _is_purpose(token: Any) -> bool:
    """An infinitive of purpose hanging off an event clause ("... to demand reforms")."""
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


#: Verbs whose negation refuses a measure or an authority ("does not recognise the ban").
RECOGNITION_VERBS = frozenset({"recognise", "recognize", "accept", "respect", "obey", "acknowledge", "honour",
                               "honor", "abide"})


def _refused_recognition(token: Any, type_: str, status: str) -> bool:
    """'the coalition "does not recognise" the ban', 'will not accept the verdict': a refusal."""
    return type_ in COOPERATIVE and status == "negated" and token.pos_ == "VERB" \
        and token.lemma_.lower() in RECOGNITION_VERBS and token.tag_ in {"VB", "VBZ", "VBP"} \
        and any(c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN"} for c in token.children)


def _intent(type_: str, cameo: str | None, status: str) -> tuple[str, str | None, str]:
    """A stated intention is coded as PLOVER does: AGREE (cooperative) or THREATEN (conflictual)."""
    if type_ in COOPERATIVE and status == "negated":
        return "REJECT", "12", "actual"
    if type_ in COOPERATIVE and status == "actual":
        return "AGREE", "03", "actual"
    if type_ in {"MOBILIZE", "PROTEST"} and status == "actual":
        return type_, cameo, "hypothetical"   # "the troops would be stationed along the border", "students
        # said they would hold another march": a plan (an ultimatum, "unless ...", is a threat: see above)
    if type_ in MATERIAL_CONFLICT and status == "actual":
        return "THREATEN", "13", "threatened"
    return type_, cameo, status


def _is_anaphoric(token: Any) -> bool:
    """A definite nominal mention ("the bombing", "the attack")."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    return any(c.dep_ in {"det", "poss"} and c.lower_ in {"the", "this", "that", "its", "their"}
               for c in token.children)
