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


@dataclass(frozen=True, slots=True)
class Casualties:
    """Figures for one sentence; None where the sentence says nothing."""

    killed: int | None = None
    injured: int | None = None

    def merged(self, other: Casualties) -> Casualties:
        """Fill what this one lacks from ``other``."""
        return Casualties(self.killed if self.killed is not None else other.killed,
                          self.injured if self.injured is not None else other.injured)

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


def _numeral_text(token: Any) -> str:
    parts = [t for t in token.subtree if t.like_num or t.lower_ in {"hundred", "thousand", "-"}]
    return " ".join(t.text for t in parts) if parts else token.text


PERSON_KILLING = frozenset({"murder", "assassinate", "assassination", "execute", "execution", "slay",
                            "behead", "kill", "killing", "die", "shoot"})
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


def _victims(token: Any) -> list[Any]:
    """The victim noun(s) of a death word: object, passive subject, 'of' object, or subject of 'die'."""
    deps = {"dobj", "nsubjpass"} | ({"nsubj"} if token.lemma_.lower() in {"die", "dead"} else set())
    found = [c for c in token.children if c.dep_ in deps]
    if token.dep_ == "relcl":   # "espina, who was killed": the relative pronoun is the head noun
        found = [token.head if c.lower_ in {"who", "that", "whom"} else c for c in found]
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of" and token.pos_ == "NOUN":
            found += [c for c in prep.children if c.dep_ == "pobj"]
    return found


def _person_count(noun: Any) -> int | None:
    """1 per singular person (a name or a person noun), summed over a coordination."""
    people = [noun] + [c for c in noun.conjuncts]
    total = 0
    for person in people:   # "the mayor and two peasants": 1 + 2
        if person.tag_ in {"NNP"} or (person.tag_ == "NN" and person.lemma_.lower() in PERSON_WORDS) \
                or person.ent_type_ == "PERSON" or _titled(person):
            total += 1
        elif person.i != noun.i and (value := count_of(person)) is not None:
            total += value
        else:
            return None
    return total or None


def _titled(noun: Any) -> bool:
    """'defense minister general enrique lopez', 'mayor X': a singular name with a person title
    (re-cased wire copy loses the capitals that would mark the name)."""
    if noun.tag_ not in {"NN", "NNS", "NNP"} or any(c.dep_ == "nummod" for c in noun.children):
        return False
    return any(c.dep_ in {"compound", "appos", "amod"} and c.lemma_.lower() in PERSON_WORDS
               for c in noun.children)


def _victim_count(token: Any) -> int | None:
    """Count for the victims of a death/injury word (object, passive subject, amod head)."""
    for child in token.children:
        if child.dep_ in {"dobj", "nsubjpass", "nsubj"}:
            value = count_of(child)
            if value is not None:
                return value
            if child.lower_ in VAGUE:
                return VAGUE[child.lower_]
    if token.lemma_.lower() in PERSON_KILLING:
        for victim in _victims(token):
            value = count_of(victim)
            value = value if value is not None else _person_count(victim)
            if value is not None:
                return value
    if token.dep_ in {"amod", "acomp", "oprd"} and token.head.pos_ in {"NOUN", "PROPN", "NUM"}:
        return count_of(token.head)
    if token.dep_ in {"acl", "relcl"}:
        return count_of(token.head)
    if token.lemma_ == "toll":
        return _toll_value(token)
    return None


def _toll_value(toll: Any) -> int | None:
    verb = toll.head
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in {"to", "at"}:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return count_of(obj)
        if child.dep_ in {"attr", "dobj"}:
            return count_of(child)
    return None


def find_casualties(sentence: Any) -> Casualties:
    """Killed and injured counts stated in a spaCy sentence span."""
    killed: int | None = None
    injured: int | None = None
    for token in sentence:
        lemma = token.lemma_.lower()
        if lemma in KILL_LEMMAS and (killed is None or _also(token)):
            count = _victim_count(token)
            if killed is not None and count is not None:
                killed += count   # "X was assassinated ... two of his escorts were also killed"
            elif killed is None:
                killed = count
        elif (lemma in INJURE_LEMMAS or token.lower_ in INJURE_LEMMAS) and injured is None:
            injured = _victim_count(token)
    return Casualties(killed, injured)


def _also(token: Any) -> bool:
    """A further group of victims ("... were also killed")."""
    return token.pos_ == "VERB" and any(c.dep_ == "advmod" and c.lower_ == "also" for c in token.children)
