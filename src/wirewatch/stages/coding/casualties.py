"""Casualty figures (killed, injured) from a parsed sentence.

Reads the dependency tree around death and injury words: "killing at least 26 people and
wounding 48", "26 people were killed", "the death toll rose to 30", "All 224 passengers and crew
were killed", "left 12 dead", "dozens were wounded", "no one was hurt" (→ 0). Vague quantities
give a conservative lower bound ("dozens" → 24).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

KILL_LEMMAS = frozenset({"kill", "murder", "assassinate", "execute", "massacre", "slay", "behead",
                         "assassination", "killing", "execution",
                         "die", "dead", "death", "toll", "body", "corpse", "fatality", "life", "slaughter"})
INJURE_LEMMAS = frozenset({"wound", "injure", "hurt", "injury", "injured", "wounded", "casualty"})
SMALL_NUMBERS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"])}
TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "dozen": 12, "several": 3,
         "a few": 2, "few": 2, "couple": 2}
NONE_WORDS = frozenset({"no", "nobody", "none", "noone"})
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                    "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
                    "jul", "aug", "sep", "sept", "oct", "nov", "dec"})


@dataclass(frozen=True, slots=True)
class Casualties:
    """Figures for one sentence; None where the sentence says nothing."""

    killed: int | None = None
    injured: int | None = None
    #: How the death figure relates to others in the story: "also" (a further group of victims of
    #: an incident told before: "... were also killed"), "tally" (a running count, which may span
    #: several incidents: "five judges have been killed in 2 months"), "combat" (fighters among the
    #: dead: a clash's toll, "a soldier and six guerrillas were killed"), "revised" (the incident's
    #: toll told anew: "the death toll rose to seven") or "" (the toll itself).
    kind: str = ""

    def merged(self, other: Casualties) -> Casualties:
        """Fill what this one lacks from ``other``."""
        first = self if self.killed is not None else other
        return Casualties(first.killed, self.injured if self.injured is not None else other.injured,
                          first.kind)

    @property
    def is_empty(self) -> bool:
        return self.killed is None and self.injured is None


def parse_number(text: str) -> int | None:
    """'26', '1,200', 'twenty-six', 'two hundred', 'dozens' → an integer."""
    text = text.lower().strip().replace(",", "")
    if re.fullmatch(r"\d+", text):
        return int(text)
    if text in VAGUE:
        return VAGUE[text]
    total, current = 0, 0
    for word in re.split(r"[\s-]+", text):
        if word in SMALL_NUMBERS:
            current += SMALL_NUMBERS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total, current = total + max(current, 1) * 1000, 0
        elif word not in {"and", "a"}:
            return None
    value = total + current
    return value if value or text == "zero" else None


def count_of(noun: Any) -> int | None:
    """The number a noun phrase denotes: its numeral, a vague plural, or 0 for 'no one'."""
    if any(c.dep_ in {"det", "neg"} and c.lower_ == "no" for c in noun.children):
        return 0
    if noun.like_num or noun.pos_ == "NUM":
        return parse_number(_numeral_text(noun))
    for child in noun.children:
        if _date_number(child):   # "on 23 september 28 bodies ...": the day is no figure
            before = noun.doc[noun.i - 1] if noun.i else noun
            if before.like_num and not _date_number(before):
                return parse_number(before.text)
            continue
        if child.dep_ == "nummod" or (child.dep_ in {"amod", "quantmod"} and child.like_num):
            return parse_number(_numeral_text(child))
        if child.dep_ == "det" and child.lower_ in NONE_WORDS:
            return 0
    lower = noun.lower_
    if lower in {"nobody", "none"} or (lower == "one" and any(c.lower_ == "no" for c in noun.children)):
        return 0
    if lower in VAGUE:
        return VAGUE[lower]
    for child in noun.children:   # "dozens of people"
        if child.dep_ == "prep" and child.lower_ == "of" and noun.lower_ in VAGUE:
            return VAGUE[noun.lower_]
    return None


def _date_number(token: Any) -> bool:
    """A day of the month ("23 september", "september 23"), not a count."""
    if not token.like_num:
        return False
    doc = token.doc
    if token.i + 1 < len(doc) and doc[token.i + 1].lower_ in MONTHS:
        return True   # "23 september"
    return token.i > 0 and doc[token.i - 1].lower_ in MONTHS \
        and not (token.i > 1 and doc[token.i - 2].like_num)   # "september 23", not "23 september 28 bodies"


def _numeral_text(token: Any) -> str:
    """The numeral's words next to the token ("twenty - six", "two hundred"), not other numbers
    further down its phrase ("four of the nine students": four)."""
    def part(t: Any) -> bool:
        return t.like_num or t.lower_ in {"hundred", "thousand", "-"}
    span = {t.i for t in token.subtree if part(t)}
    if token.i not in span:
        return " ".join(token.doc[i].text for i in sorted(span)) if span else token.text
    lo = hi = token.i
    while lo - 1 in span:
        lo -= 1
    while hi + 1 in span:
        hi += 1
    return " ".join(t.text for t in token.doc[lo:hi + 1])


PERSON_KILLING = frozenset({"murder", "assassinate", "assassination", "execute", "execution", "slay",
                            "behead", "kill", "killing", "die", "shoot"})
#: Words whose object or passive subject is counted person by person ("killed the mayor and ...").
PERSON_VICTIM = PERSON_KILLING | {"wound", "injure", "massacre", "slaughter"}
PERSON_WORDS = frozenset({"man", "woman", "child", "boy", "girl", "person", "soldier", "policeman",
                          "officer", "leader", "mayor", "judge", "priest", "journalist", "minister",
                          "official", "member", "guard", "student", "worker", "peasant", "civilian",
                          "businessman", "politician", "candidate", "commander", "general", "colonel",
                          "director", "president", "governor", "councilman", "lawyer", "teacher",
                          "reporter", "correspondent", "photographer", "cameraman", "monsignor",
                          "bishop", "archbishop", "father", "nun", "senator", "deputy", "councillor",
                          "secretary", "chief", "inspector", "detective", "sergeant", "lieutenant",
                          "captain", "major", "landowner", "rancher", "farmer", "trader",
                          "driver", "employee", "engineer", "doctor", "nurse", "activist",
                          "unionist", "labourer", "laborer", "missionary", "diplomat",
                          "ambassador", "consul", "magistrate", "prosecutor", "attorney",
                          "businesswoman", "industrialist", "executive", "manager", "owner"})


#: Singular nouns that name a group, a place or a thing rather than one person: never "1 killed".
NOT_ONE_PERSON = frozenset({"family", "group", "crew", "people", "population", "community", "unit",
                            "patrol", "squad", "column", "platoon", "company", "battalion", "team",
                            "village", "town", "city", "house", "home", "building", "vehicle", "car",
                            "bus", "truck", "plane", "process", "hope", "peace", "plan", "bill",
                            "dialogue", "talk", "deal", "idea", "project", "time", "one", "other",
                            "rest", "majority", "number", "total", "dozen", "score", "hundred",
                            "thousand", "lot", "dead", "injured", "wounded", "victim", "victims",
                            "civilian", "someone", "anyone", "everyone", "nobody", "all", "both",
                            "most", "many", "several", "some", "none", "each", "who", "that", "which",
                            "passenger", "personnel", "staff", "force", "army", "police"})
#: Event nouns coordinated with a victim ("the murder of X and the kidnapping of Y"): no victims.
EVENT_NOUNS = frozenset({"kidnapping", "abduction", "attack", "bombing", "murder", "assassination",
                         "killing", "massacre", "explosion", "crime", "incident", "death", "arson"})
#: Nouns of an incident or its setting, never its victims (a misparse may make them a subject).
SCENE_NOUNS = frozenset({"clash", "fighting", "fight", "battle", "confrontation", "operation", "raid",
                         "ambush", "shooting", "action", "combat", "skirmish", "offensive", "shootout"})
#: Nouns that name one person when they have an indefinite article ("a civilian", "a passenger").
SINGLE_WITH_ARTICLE = frozenset({"civilian", "passenger", "victim", "bystander", "passer-by", "passerby"})
#: Nouns of killing whose "of" object (or possessor) is the victim: "the murder of X", "X's murder".
KILLING_NOUNS = frozenset({"murder", "assassination", "killing", "execution", "death", "massacre",
                           "slaying", "kidnapping"}) - {"kidnapping"}
#: Verbs that "to death" / "dead" turn into killing: "shot to death", "was found dead", "left dead".
DEATH_COMPLEMENT_VERBS = frozenset({"shoot", "beat", "stab", "hack", "burn", "torture", "club",
                                    "stone", "find", "leave", "strangle", "machine-gun", "gun",
                                    "crush", "batter", "lynch", "kick", "knife", "bludgeon"})


def _victims(token: Any) -> list[Any]:
    """The victim noun(s) of a death word: object, passive subject, 'of' object or possessor of a
    killing noun, or subject of 'die'."""
    deps = {"dobj", "nsubjpass"} | ({"nsubj"} if token.lemma_.lower() in {"die", "dead"} else set())
    found = [c for c in token.children if c.dep_ in deps]
    if not found and token.pos_ == "VERB" and not any(c.dep_ == "auxpass" for c in token.children):
        found = [c for c in token.children if c.dep_ == "npadvmod" and c.i > token.i   # "killed, in less
                 and c.ent_type_ == "PERSON"]   # than 48 hours, magistrate X": an object parsed as an adverb
    if len(found) > 1 and token.pos_ == "VERB":   # "killed five militants ..., the military's media wing,
        found = [c for k, c in enumerate(found) if k == 0 or c.ent_type_ == "PERSON"   # ISPR, said": a misparse
                 or c.lemma_.lower() in PERSON_WORDS or count_of(c) is not None]
    if len(found) > 1:   # "X [name as transliterated], secretary ..., was killed": not the aside
        found = [c for c in found if not _in_brackets(c)] or found
    if len(found) > 1:   # "killing 11 civilians, among them four children": a breakdown
        found = [c for k, c in enumerate(found) if k == 0 or not any(
            t.lower_ in {"among", "including", "incl"} for t in c.doc[found[k - 1].i + 1:c.left_edge.i + 1])]
    if found and token.pos_ == "VERB":   # "X was killed ..., along with two of his bodyguards"
        for along in token.children:
            if along.lower_ in {"along", "together"} and along.dep_ in {"advmod", "prep"}:
                found += [p for w in along.children if w.lower_ == "with"
                          for p in w.children if p.dep_ == "pobj"]
    if token.dep_ == "relcl":   # "espina, who was killed": the relative pronoun is the head noun
        found = [_antecedent(token.head) if c.lower_ in {"who", "that", "whom"} else c for c in found]
    if token.pos_ == "NOUN":
        first = True
        for prep in token.children:   # "the murder of X, rector ..., of the University": the first
            if prep.dep_ == "prep" and prep.lower_ == "of" and (    # "of", or "... and of Y"
                    first or prep.i > 0 and prep.doc[prep.i - 1].lower_ in {"and", "or"}):
                found += [c for c in prep.children if c.dep_ == "pobj"]
                first = False
        if not found:   # "the assassination on 22 march of X": the parser hangs "of X" on the date
            found = [c for prep in token.children if prep.dep_ == "prep" and prep.lower_ in {"on", "in"}
                     for date in prep.children if date.dep_ == "pobj" and date.ent_type_ == "DATE"
                     for of in date.children if of.dep_ == "prep" and of.lower_ == "of"
                     for c in of.children if c.dep_ == "pobj" and c.ent_type_ == "PERSON"]
        if not found and token.lemma_.lower() in KILLING_NOUNS:   # "the murders ... and especially that of X"
            found = [o for c in token.head.children if c.lower_ in {"that", "those"} and c.i > token.i
                     for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                     for o in p.children if o.dep_ == "pobj"]
        if not found and token.lemma_.lower() in KILLING_NOUNS:   # "galan's murder", "his death"
            found = [c for c in token.children if c.dep_ == "poss" and c.lower_ not in
                     {"its", "their", "our", "your"}]
    # "a clash ensued, and X, Y and Z were killed": the scene is no victim, its conjuncts are
    return [c.conjuncts[0] if c.lemma_.lower() in SCENE_NOUNS and c.conjuncts else c for c in found
            if c.lemma_.lower() not in SCENE_NOUNS or c.conjuncts]


def _antecedent(noun: Any) -> Any:
    """The noun a relative clause is about: past a breakdown the parser took for its head ("six
    priests, five of them spaniards, who were killed": the priests)."""
    doc = noun.doc
    for figure in noun.children:
        if figure.dep_ in {"nsubj", "nummod"} and figure.like_num and figure.i >= 2 and doc[figure.i - 1].text == "," \
                and doc[figure.i - 2].pos_ == "NOUN" and any(
                    p.lower_ == "of" and any(o.lower_ in {"them", "whom"} for o in p.children)
                    for p in figure.children):
            return doc[figure.i - 2]
    return noun


def _in_brackets(token: Any) -> bool:
    """The token stands inside an unclosed "[" or "(" of its sentence (an editor's aside)."""
    depth = 0
    for tok in token.doc[token.sent.start:token.i]:
        depth += tok.text in {"[", "("}
        depth -= tok.text in {"]", ")"} and depth > 0
    return depth > 0


def _is_one_person(person: Any) -> bool:
    """A singular noun that names one person: a name, a person noun, a titled name, or a singular
    common noun that is not a group or thing (re-cased wire copy tags lower-case names NN)."""
    lemma = person.lemma_.lower()
    if lemma in SINGLE_WITH_ARTICLE and person.tag_ == "NN" and any(
            c.dep_ == "det" and c.lower_ in {"a", "an", "another"} for c in person.children):
        return True   # "five policemen and a civilian"
    if person.tag_ in {"NNS", "NNPS"} and not any(c.dep_ == "nummod" for c in person.children) and any(
            c.dep_ == "compound" and c.ent_type_ == "PERSON" and c.i == person.i - 1 for c in person.children):
        return True   # "Danilo barillas": a re-cased surname the tagger read as a plural
    if person.tag_ in {"NNS", "NNPS"} or lemma in NOT_ONE_PERSON or person.lower_ in NOT_ONE_PERSON:
        return False
    if person.tag_ == "NNP" or person.ent_type_ == "PERSON" or lemma in PERSON_WORDS or _titled(person):
        return True
    if person.tag_ in {"PRP", "PRP$"}:
        return person.lower_ in {"he", "she", "him", "her", "his"}
    common = person.tag_ == "NN" or (person.tag_ == "JJ" and person.dep_ in {"nsubj", "nsubjpass",
                                                                                  "dobj", "pobj"})
    return common and person.ent_type_ in {"", "PERSON", "NORP"} \
        and not any(c.dep_ == "nummod" for c in person.children)


def _members(noun: Any) -> list[Any]:
    """A coordination's members, including 'along with' / 'as well as' additions and list items
    the parser took for appositions ("rector X, five other jesuits, and two women")."""
    members = [noun] + list(noun.conjuncts)
    for member in list(members):
        for appos in member.children:
            if appos.dep_ == "appos" and _listed_apposition(member, appos):
                members += [appos] + list(appos.conjuncts)
    for member in list(members):
        for prep in member.children:
            if prep.dep_ == "prep" and prep.lower_ == "with" and prep.head.i == member.i \
                    and any(c.lower_ == "along" for c in member.children):
                members += [c for c in prep.children if c.dep_ == "pobj"]
        for prep in member.children:   # "X, along with Y": "along" heads the preposition
            if prep.dep_ in {"prep", "advmod"} and prep.lower_ == "along":
                for w in prep.children:
                    if w.lower_ == "with":
                        members += [c for c in w.children if c.dep_ == "pobj"]
    seen: set[int] = set()
    unique = []
    for member in members:
        if member.i not in seen:
            seen.add(member.i)
            unique.append(member)
    return unique


def _listed_apposition(noun: Any, appos: Any) -> bool:
    """An 'apposition' that is really a further list item: "five other jesuits" after a name, or a
    single "a maid" after "6 clergymen" (a plural is not renamed by one person). A breakdown of
    the figure ("two reporters, a Salvadoran and a Netherlander") is not a further item."""
    if any(c.dep_ == "amod" and c.lower_ in {"other", "another"} for c in appos.children):
        return True
    if any(t.lower_ in {"among", "including", "includes"} for t in noun.doc[noun.i + 1:appos.i]):
        return False   # "18 people, among them a journalist"
    if noun.tag_ == "NNS" and appos.tag_ == "NN" and count_of(noun) and any(
            c.dep_ == "det" and c.lower_ in {"a", "an"} for c in appos.children):
        return len(appos.conjuncts) + 1 != count_of(noun)
    return False


def _person_count(noun: Any) -> int | None:
    """Victims in a noun phrase: its numeral, or 1 per singular person, summed over a
    coordination ("six jesuits and two women": 8; "the mayor and two peasants": 3). A list the
    parser split (:func:`_list_count`) counts when it finds more victims."""
    tree = _tree_count(noun)
    listed = _list_count(noun)
    return listed if listed is not None and (tree is None or listed > tree) else tree


def _tree_count(noun: Any) -> int | None:
    members = _members(noun)
    if _breakdown(members):   # "three reporters, two Salvadorans and a Netherlander"
        return count_of(noun)
    total = 0
    for person in members:
        if person.i != noun.i and person.lemma_.lower() in EVENT_NOUNS:
            continue
        value = count_of(person)
        if value is None:
            if not _is_one_person(person):   # "all 224 passengers and crew": the figure stands
                return total if person.i != noun.i and count_of(noun) else None
            value = 1
        total += value
    return total if total or count_of(noun) == 0 else None


LIST_JOINERS = (("as", "well", "as"), ("along", "with"), ("together", "with"), ("and", "of"), ("and",),
                ("&",))
LIST_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART"})
POSSESSIVES = frozenset({"his", "her", "their", "its"})
OPEN_BRACKETS = {"(": ")", "[": "]"}


def _joiner_at(doc: Any, i: int, end: int) -> int:
    """Length of a list joiner ("and", "as well as", "along with") starting at token i, or 0."""
    for words in LIST_JOINERS:
        if i + len(words) <= end and all(doc[i + k].lower_ == w for k, w in enumerate(words)):
            return len(words)
    return 0


def _list_token(doc: Any, i: int) -> bool:
    """A token that may stand inside a list of victims (nouns, names, numbers, determiners, commas)."""
    tok = doc[i]
    if tok.lemma_.lower() in KILL_LEMMAS | EVENT_NOUNS:
        return False   # the death word itself ends a list of its victims ("X's murder, Y ...")
    if tok.pos_ in LIST_POS or tok.ent_type_ == "PERSON" or tok.text in {",", ";", "-"}:
        return tok.lower_ not in RELATIVE_PRONOUNS | {"which", "whose", "all", "both", "each"}
    if tok.tag_ == "PRP$":
        return tok.lower_ in POSSESSIVES
    if tok.lower_ == "of":   # "the governor of Antioquia": a title's complement, not "the murder of"
        before = doc[i - 1] if i > 0 else tok
        if before.like_num and i + 1 < len(doc) and (doc[i + 1].tag_ == "PRP$" or doc[i + 1].lower_ == "the"):
            return True   # "one of their employees", "two of the guards"
        return before.tag_ == "NN" and before.lemma_.lower() not in KILL_LEMMAS | INJURE_LEMMAS | EVENT_NOUNS \
            and i + 1 < len(doc) and doc[i + 1].ent_type_ != "PERSON"   # not "father of X, Y and Z"
    # a noun the tagger took for a verb ("and bodyguard Jairo Ortega"): a leaf inside a noun phrase
    return tok.pos_ == "VERB" and tok.dep_ in {"amod", "compound", "nmod"} and not list(tok.children)


def _list_span(noun: Any) -> tuple[int, int]:
    """Tokens around ``noun`` that may form one list (left and right until a verb, a clause word,
    a preposition other than a title's "of"); bracketed asides are crossed."""
    doc, sent = noun.doc, noun.sent
    start = noun.i
    while start - 1 >= sent.start and (_list_token(doc, start - 1) or doc[start - 1].lower_ == "and"):
        start -= 1
    end = noun.i + 1
    while end < sent.end:
        tok = doc[end]
        if tok.text in OPEN_BRACKETS:
            close = next((j for j in range(end + 1, min(sent.end, end + 40))
                          if doc[j].text == OPEN_BRACKETS[tok.text]), None)
            if close is None:
                break
            end = close + 1
            continue
        step = _joiner_at(doc, end, sent.end)
        if step:
            end += step
        elif _list_token(doc, end):
            end += 1
        else:
            break
    if any(doc[j].text == ";" for j in range(start, end)):   # "X, 42; Y, 19; a minor known as Z; and W"
        last = max(j for j in range(start, sent.end) if doc[j].text == ";")
        if last >= end and not any(doc[j].pos_ == "AUX" or doc[j].tag_ in {"VBD", "VBZ", "VBP"}
                                   for j in range(end, last)):   # entries, not clauses
            end = last + 1
            while end < sent.end and (_list_token(doc, end) or _joiner_at(doc, end, sent.end)):
                end += _joiner_at(doc, end, sent.end) or 1
    return start, end


def _list_items(doc: Any, start: int, end: int) -> list[tuple[list[Any], bool, bool]]:
    """(tokens, joined by "and", after a semicolon) for each list item between start and end."""
    items: list[tuple[list[Any], bool, bool]] = []
    current: list[Any] = []
    joined = semi = False
    depth = 0
    i = start
    while i < end:
        tok = doc[i]
        if tok.text in OPEN_BRACKETS:
            depth += 1
        elif tok.text in {")", "]"}:
            depth = max(0, depth - 1)
        elif depth == 0 and tok.text in {",", ";"}:
            items.append((current, joined, semi))
            current, joined, semi = [], False, tok.text == ";" or (semi and not current and False)
            if tok.text == ";":
                semi = True
            i += 1
            continue
        step = _joiner_at(doc, i, end) if depth == 0 else 0
        if step:
            if current:
                items.append((current, joined, semi))
                current, semi = [], False
            joined = True
            i += step
            continue
        if depth == 0 and tok.text not in {")", "]"}:
            current.append(tok)
        i += 1
    items.append((current, joined, semi))
    return [item for item in items if item[0]]


#: Nouns for one person inside a list of victims (with PERSON_WORDS): relatives and companions.
LIST_PERSONS = PERSON_WORDS | frozenset({
    "wife", "husband", "son", "daughter", "brother", "sister", "mother", "father", "child", "baby",
    "companion", "bodyguard", "escort", "friend", "relative", "nephew", "niece", "cousin", "uncle",
    "aunt", "grandson", "granddaughter", "cook", "maid", "servant", "domestic", "minor", "adult",
    "teenager", "youth", "infant", "boy", "girl", "man", "woman", "passenger", "civilian", "victim",
    "bystander", "passerby", "hostage", "pilot", "assistant", "aide", "agent", "policeman",
    "policewoman", "corporal", "private", "soldier", "resident", "villager", "neighbour", "neighbor",
    "pupil", "son-in-law", "fiancee", "partner", "spouse", "colleague", "chauffeur"})
#: Figures that name people in general: the items after them break the figure down ("three
#: civilians, two women and a man") rather than add to it.
GENERIC_VICTIMS = frozenset({"people", "person", "civilian", "victim", "other", "passenger", "member",
                             "resident", "villager", "inhabitant", "individual"})
NOT_NAMES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "EVENT",
                       "PRODUCT", "LAW", "WORK_OF_ART", "LANGUAGE"})


def _item_value(tokens: list[Any]) -> tuple[int | None, str]:
    """(count, kind) of one list item; kind is "name", "person", "title" (a bare person noun, no
    determiner: "senator"), "number", "age", or "" (not a victim phrase)."""
    cut = next((k for k, t in enumerate(tokens) if k and not _list_token(t.doc, t.i)), len(tokens))
    words = [t for t in tokens[:cut] if t.text not in {"-", "'s", "’s"}]
    if not words:
        return 0, "age"
    if any(t.lower_ in MONTHS or t.ent_type_ in {"DATE", "TIME"} and not t.like_num for t in words):
        return None, ""   # "on 16 november": a date, not victims
    if all(t.like_num for t in words):
        return 0, "age"   # "maria pulido, 42"
    lowers = [t.lower_ for t in words]
    if "of" in lowers and any(w in {"them", "whom", "those"} for w in lowers) \
            or lowers[0] == "the" and len(lowers) > 1 and lowers[1] in {"first", "last", "former", "latter"}:
        return 0, "age"   # "five of them spaniards", "the first five spaniards": a breakdown
    head_part = words[:lowers.index("of")] if "of" in lowers else words
    if len(head_part) == 1 and head_part[0].like_num and len(words) > 1:   # "one of their employees"
        value = parse_number(head_part[0].text)
        if value is not None:
            return value, "number"
    for tok in head_part:
        if tok.like_num and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ in {"NOUN", "PROPN", "ADJ", "NUM"}:
            value = parse_number(_numeral_text(tok) if tok.dep_ != "compound" else tok.text)
            if value is not None:
                return value, "number"
    nouns = [t for t in head_part if t.pos_ in {"NOUN", "PROPN"} or t.ent_type_ == "PERSON"]
    if not nouns:
        return None, ""
    head = nouns[-1]
    lemma = head.lemma_.lower()
    if lemma in EVENT_NOUNS:
        return None, ""   # "... and the kidnapping of Y"
    names = [t for t in nouns if (t.pos_ == "PROPN" or t.ent_type_ == "PERSON")
             and t.ent_type_ not in NOT_NAMES and t.lemma_.lower() not in LIST_PERSONS]
    if head.tag_ in {"NNS", "NNPS"} and head.ent_type_ != "PERSON":
        if names and names[-1].i > head.i:
            return 1, "name"   # "brothers martiza"
        if names and words[0].pos_ == "PROPN" and not any(t.like_num for t in words):
            return 1, "name"   # "segundo montes": a re-cased surname read as a plural
        return None, ""
    if head.pos_ == "PROPN" and head.ent_type_ not in {"DATE", "TIME"} and any(
            t.lemma_.lower() in LIST_PERSONS for t in head_part if t.i < head.i):
        return 1, "relative" if words[0].tag_ == "PRP$" else "name"   # "their mother Marta", "judge X"
    if names and head.tag_ == "NN" and names[-1].i == head.i - 1 and names[-1].ent_type_ == "PERSON":
        return 1, "name"   # "Bernardo Jaramillo ossa": a re-cased surname
    if names and names[-1].i == head.i:
        if head.ent_type_ == "NORP" and words[0].lower_ == "the":
            return 1, "person"   # "X, the Mexican, ...": a byname
        return 1, "name"
    if lemma in LIST_PERSONS or head.lower_ in LIST_PERSONS:
        if words[0].tag_ == "PRP$" and words[0].lower_ in POSSESSIVES:
            return 1, "relative"   # "X, his wife, and two other people": a person of their own
        bare = words[0].pos_ not in {"DET", "PRON"} and words[0].dep_ != "poss"
        return 1, "title" if bare else "person"
    if head.tag_ == "NN" and words[0].pos_ not in {"DET", "PRON", "NUM"} and head.ent_type_ not in NOT_NAMES \
            and lemma not in NOT_ONE_PERSON:
        return 0, "noun"   # "rector of the university": after a name, a title; else no victim
    return None, ""


def _list_count(noun: Any) -> int | None:
    """Victims counted item by item along a list the parser may have split or attached
    elsewhere: "a police colonel, a judge, and candidate senator X were murdered" (3), "the
    murders of the governor of Antioquia, another judge, and the police commander" (3), "killing
    X, 42; Y, 19; a minor; Z, and a police official" (5). A list needs a final "and" (or
    semicolons); an unmarked item after a name is its apposition ("X, rector of the university"),
    a name after a person noun names that person ("his son, William"), titles joined to a name
    are one person ("senator and presidential candidate X"), and names after a figure that add
    up to it are its breakdown ("two reporters, X and Y"), as are any items after a figure of
    people in general ("three civilians, two women and a man")."""
    doc = noun.doc
    start, end = _list_span(noun)
    items = _list_items(doc, start, end)
    own = next((k for k, (tokens, _j, _s) in enumerate(items) if any(t.i == noun.i for t in tokens)), 0)
    while own > 0 and _item_value(items[0][0])[1] in {"", "noun"}:   # "on 16 november, jesuit priests X, ..."
        items, own = items[1:], own - 1
    if len(items) < 2 or not any(joined for _t, joined, _s in items[1:]):
        return None
    last_joined = max(k for k, (_t, joined, _s) in enumerate(items) if joined)
    items = items[:last_joined + 1]
    values = [_item_value(tokens) for tokens, _j, _s in items]
    if values[own][0] is None and any(t.i == noun.i and t.pos_ == "PROPN" for t in items[own][0]):
        values[own] = (1, "name")   # the parser's own victim, a name the tagger took for a place
    total, counted, previous = 0, 0, ""
    k = 0
    while k < len(items):
        tokens, joined, semi = items[k]
        value, kind = values[k]
        if value is None and semi:
            value, kind = 1, "person"   # one entry of a semicolon list ("a minor known as Carlos")
        if value is None:
            return None
        other = any(t.lower_ in {"another", "other"} for t in tokens)
        if kind == "title" and k + 1 < len(items) and items[k + 1][1] \
                and values[k + 1][1] in {"name", "title"}:
            k += 1   # "senator and presidential candidate X": titles of the one person named next
            continue
        if kind == "noun" and not (previous == "apposition" or previous == "name" and not joined):
            return None   # a thing, not a victim
        apposition = k > 0 and not semi and not other and (
            (previous in {"name", "apposition"} and kind in {"person", "title", "noun"}
             and (not joined or kind == "title"))
            or (previous == "apposition" and joined and (   # "a friend and a great Colombian",
                _indefinite(tokens) or [t.lower_ for t in tokens[:2]] == ["one", "of"]))   # "and one of the"
            or (previous in {"person", "title", "relative"} and kind == "name" and not joined))
        if kind == "age" or apposition:
            previous = "apposition" if apposition and previous in {"name", "apposition"} else previous
            k += 1
            continue
        if kind == "number" and k + 1 < len(items) and not items[k + 1][1]:
            figure, running, j = value, 0, k + 1
            generic = any(t.lemma_.lower() in GENERIC_VICTIMS for t in tokens)
            while j < len(items) and running < figure and (generic or values[j][1] == "name"):
                part = values[j][0]
                if part is None:
                    break
                running += part
                j += 1
            if running == figure:   # the figure's members, told after it
                total, counted, previous, k = total + figure, counted + 1, "number", j
                continue
        total += value
        counted += 1
        previous = kind
        k += 1
    return total if counted >= 2 else None


def _indefinite(tokens: list[Any]) -> bool:
    return bool(tokens) and tokens[0].lower_ in {"a", "an", "another"}


def _breakdown(members: list[Any]) -> bool:
    """The members after a counted first one, set off by a comma, that add up to its figure."""
    first = members[0]
    figure = count_of(first)
    if not figure or len(members) < 3:
        return False
    if first.i + 1 >= len(first.doc) or first.doc[first.i + 1].text != ",":
        return False
    rest = [count_of(m) if count_of(m) is not None else (1 if _is_one_person(m) else None)
            for m in members[1:]]
    known = [n for n in rest if n is not None]
    return len(known) == len(rest) and sum(known) == figure


def _titled(noun: Any) -> bool:
    """'defense minister general enrique lopez', 'mayor X': a singular name with a person title
    (re-cased wire copy loses the capitals that would mark the name)."""
    if noun.tag_ not in {"NN", "NNS", "NNP"} or any(c.dep_ == "nummod" for c in noun.children):
        return False
    return any(c.dep_ in {"compound", "appos", "amod"} and c.lemma_.lower() in PERSON_WORDS
               for c in noun.children)


RELATIVE_PRONOUNS = frozenset({"who", "whom", "that", "which"})


def _death_complement(token: Any) -> Any | None:
    """The verb that "to death" / "dead" completes: "shot to death", "found dead", "shot dead"."""
    lemma = token.lemma_.lower()
    if lemma == "death" and token.dep_ == "pobj" and token.head.lower_ == "to":
        verb = token.head.head
    elif lemma == "dead" and token.dep_ in {"oprd", "acomp", "advmod", "xcomp", "ccomp", "dobj"}:
        verb = token.head
    else:
        return None
    return verb if verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() in DEATH_COMPLEMENT_VERBS \
        else None


def _victim_count(token: Any) -> int | None:
    """Count for the victims of a death/injury word (object, passive subject, amod head)."""
    lemma = token.lemma_.lower()
    if token.dep_ == "compound":   # "death squads", "death threats"
        return None
    if lemma in {"death", "fatality", "body", "corpse", "casualty"} and token.pos_ == "NOUN" \
            and any(c.dep_ == "nummod" for c in token.children):
        return count_of(token)   # "causing 9 deaths"
    if lemma in {"life", "body", "corpse"} and token.pos_ == "NOUN":
        return _remains_count(token)
    verb = _death_complement(token)
    if verb is not None:
        victims = [c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}
                   and c.lower_ not in RELATIVE_PRONOUNS]
        if not victims and verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN"}:
            victims = [verb.head]   # "the jesuits who were shot to death" (not "an attack that left 31 dead")
        for victim in victims:
            value = _person_count(victim)
            if value is not None:
                return value
        if not victims and any(c.dep_ == "nummod" for c in token.children):
            return count_of(token)   # "the bombing left 9 dead"
        return None
    args = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass", "nsubj"}]
    for child in args if len(args) == 1 or lemma not in PERSON_VICTIM else []:
        value = count_of(child)
        if value is not None and not child.conjuncts and len(_members(child)) == 1:
            return value
        if child.lower_ in VAGUE:
            return VAGUE[child.lower_]
    if lemma in PERSON_VICTIM or (lemma in KILLING_NOUNS and token.pos_ == "NOUN"):
        total = None
        covered: list[tuple[int, int]] = []   # list spans already counted
        for victim in _victims(token):   # "killed the mayor ..., as well as two peasants"
            if any(a <= victim.i < b for a, b in covered):
                continue
            value = _person_count(victim)
            if value is None and victim.dep_ == "poss":
                value = 1 if _is_one_person(victim) else None
            if value is not None:
                total = value if total is None else total + value
                if _list_count(victim) == value:
                    covered.append(_list_span(victim))
        if total is not None and token.pos_ == "NOUN" and not covered:   # "the murder of six jesuits and two women"
            for extra in token.conjuncts:                  # (the parser attaches the women to murder)
                if extra.lemma_.lower() in KILLING_NOUNS:
                    continue
                if extra.tag_ == "NNS" and (value := count_of(extra)) is not None:
                    total += value
                elif extra.tag_ == "NN" and extra.lemma_.lower() in PERSON_WORDS:
                    total += 1
        if total is not None:
            return total
    if token.dep_ in {"amod", "acomp", "oprd"} and token.head.pos_ in {"NOUN", "PROPN", "NUM"}:
        return count_of(token.head)
    if token.dep_ in {"acl", "relcl"}:
        return count_of(token.head)
    if token.lemma_ == "toll":
        return _toll_value(token)
    return None


def _remains_count(token: Any) -> int | None:
    """'took the life of X', 'claimed 20 lives', 'the body of X', 'the bodies of four students':
    the persons named or counted (a life only when taken, claimed or cost)."""
    if token.lemma_.lower() == "life" and not (
            token.dep_ in {"dobj", "nsubjpass"} and token.head.lemma_.lower() in {"take", "claim", "cost"}):
        return None
    edge = token.left_edge.i
    if edge > 0 and token.doc[edge - 1].lower_ in {"over", "across", "through", "upon", "on", "under"}:
        return None   # "they will have to climb over the body of the last soldier"
    if any(c.dep_ == "nummod" for c in token.children):
        return count_of(token)
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for person in prep.children:
                if person.dep_ != "pobj":
                    continue
                value = count_of(person) if person.like_num or any(
                    c.dep_ == "nummod" for c in person.children) else None
                if value is None and (person.pos_ == "PROPN" or person.ent_type_ == "PERSON"
                                      or person.lemma_.lower() in LIST_PERSONS):
                    value = _person_count(person)
                return value
    return None


#: Verbs that give a death toll a new value ("the death toll rose to seven", "has climbed to 30").
REVISION_VERBS = frozenset({"rise", "climb", "increase", "reach", "jump", "mount", "grow", "hit", "soar", "stand"})


def _revised_toll(token: Any) -> bool:
    return token.lemma_.lower() == "toll" and token.head.lemma_.lower() in REVISION_VERBS


def _toll_value(toll: Any) -> int | None:
    verb = toll.head
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in {"to", "at"}:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return count_of(obj)
            following = toll.doc[child.i + 1] if child.i + 1 < len(toll.doc) else None
            if following is not None and following.like_num:   # "rose to seven after five soldiers died"
                return parse_number(following.text)
        if child.dep_ in {"attr", "dobj"}:
            return count_of(child)
    return None


def find_casualties(sentence: Any) -> Casualties:
    """Killed and injured counts stated in a spaCy sentence span."""
    killed: int | None = None
    injured: int | None = None
    kind = ""
    counted: list[Any] = []   # death words whose victims are in ``killed``
    for token in sentence:
        lemma = token.lemma_.lower()
        passed_away = lemma == "pass" and any(c.dep_ == "prt" and c.lower_ == "away" for c in token.children)
        if (lemma in KILL_LEMMAS or passed_away) and (
                killed is None or _also(token) or _second_clause(token, counted)):
            count = _passed_away_count(token) if passed_away else _victim_count(token)
            if killed is not None and count is not None:
                killed += count   # "X was assassinated ... two of his escorts were also killed"
                kind = ""         # the sentence itself holds both groups
                counted.append(token)
            elif killed is None:
                killed = count
                kind = "" if count is None else "revised" if _revised_toll(token) \
                    else "also" if _also(token) or _further_victims(token) \
                    else "tally" if _perfect(token) and count > 1 else ""   # one victim is no running count
                counted += [token] if count is not None else []
        elif (lemma in INJURE_LEMMAS or token.lower_ in INJURE_LEMMAS) and injured is None:
            injured = _victim_count(token)
    if killed and kind in {"", "also"} and any(_fighters_among(t) for t in counted):
        kind = "combat"
    if killed is None:
        zero = no_casualties(sentence.text)
        if zero.killed == 0:
            return Casualties(0, injured if injured is not None else zero.injured, zero.kind)
    return Casualties(killed, injured, kind)


#: "No one was hurt", "there were no casualties", "all crew were safe": nobody was killed (and,
#: unless only deaths are denied, nobody was hurt). Not "no deaths since the ceasefire": a tally.
_NO_ONE = r"(?:no one|no-one|nobody|none of (?:the|them)(?: \w+)?)"
_NO_HARM = re.compile(
    rf"\b{_NO_ONE} (?:was|were|has been|have been|had been|got) (?P<w1>hurt|injured|wounded|harmed|killed)\b"
    r"|\b(?:there (?:were|was|have been|had been) )?no (?P<w2>casualties|injuries|deaths|fatalities)"
    r"(?! since)\b(?: (?:were|was|have been) reported)?"
    r"|\bwithout (?:causing )?(?:any )?(?P<w3>casualties|injuries)\b"
    r"|\b(?:escaped|were|was|are|is) (?:all )?(?P<w4>unhurt|unharmed|uninjured)\b"
    r"|\ball (?:\w+ ){0,3}(?:were|are) (?P<w5>safe|accounted for)\b", re.IGNORECASE)


def no_casualties(text: str) -> Casualties:
    match = _NO_HARM.search(text)
    if match is None:
        return Casualties()
    word = next(w for w in match.groups() if w)
    only_deaths = word.lower() in {"killed", "deaths", "fatalities"}
    return Casualties(0, None if only_deaths else 0, "none")


#: Armed-group fighters: their deaths are a clash's toll, not the toll of an attack on others.
FIGHTERS = frozenset({"guerrilla", "rebel", "insurgent", "militant", "terrorist", "fighter", "attacker",
                      "gunman", "assailant", "combatant", "subversive", "extremist", "jihadist"})


def _fighters_among(token: Any) -> bool:
    """The victims of a death word include armed-group fighters ("a soldier and six guerrillas")."""
    verb = _death_complement(token)
    victims = [c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}] if verb is not None \
        else _victims(token)
    return any(m.lemma_.lower() in FIGHTERS or m.lower_.rstrip("s") in FIGHTERS
               for v in victims for m in _members(v))


def _passed_away_count(token: Any) -> int | None:
    """'he passed away', 'two of the wounded passed away'."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    return _person_count(subject) if subject is not None else None


def _second_clause(token: Any, counted: list[Any]) -> bool:
    """A second death clause with victims of its own, joined to one already counted: "the
    magistrate and the colonel had been murdered; Galan was murdered that evening"."""
    if token.pos_ != "VERB" or not any(
            (token.head.i == c.i or c.head.i == token.i) and token.dep_ in {"conj", "ccomp", "parataxis"}
            or (c.head.i == token.i and c.dep_ in {"conj", "ccomp", "parataxis"}) for c in counted):
        return False
    own = [c for c in token.children if c.dep_ in {"nsubjpass", "dobj"}]
    return bool(own) and all(c.pos_ in {"NOUN", "PROPN"} for c in own) \
        and not any(c.i == o.i for c in counted for o in _victims(c))


def _also(token: Any) -> bool:
    """A further group of victims ("... were also killed")."""
    return token.pos_ == "VERB" and any(c.dep_ == "advmod" and c.lower_ == "also" for c in token.children)


def _further_victims(token: Any) -> bool:
    """Victims told as more of them: "four other priests", "two more people" ("another soldier"
    often opens another incident)."""
    verb = _death_complement(token)
    victims = [c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}] if verb is not None \
        else _victims(token)
    if not victims:
        return False
    first = min(victims, key=lambda v: v.i)
    doc = first.doc
    return any(c.lower_ == "other" and c.dep_ == "amod" for c in first.children) or any(
        n.dep_ == "nummod" and n.i + 1 < len(doc) and doc[n.i + 1].lower_ == "more"
        for n in first.children)   # "two more people", not "more than 200 people"


def _perfect(token: Any) -> bool:
    """A death verb in the present perfect ("have been killed", "has died", "has resulted in more
    than 350 deaths"): often a running count."""
    verb, steps = _death_complement(token) or token, 0
    while verb.pos_ != "VERB" and verb.dep_ in {"dobj", "pobj", "prep", "attr"} and steps < 3:
        verb, steps = verb.head, steps + 1
    if steps and verb.lemma_.lower() not in TOLL_VERBS:
        return False   # "have condemned the assassination of X": the perfect is the reaction's
    return verb.pos_ == "VERB" and any(c.dep_ == "aux" and c.lemma_.lower() == "have"
                                       and c.tag_ in {"VBZ", "VBP"} for c in verb.children)


#: Verbs whose object is a toll ("has resulted in 350 deaths", "has claimed 70,000 lives").
TOLL_VERBS = frozenset({"result", "cause", "claim", "leave", "bring", "take", "cost", "reach", "rise",
                        "climb", "raise", "put", "total", "amount", "lead", "have", "see", "record",
                        "register", "suffer"})
