"""Victim counts: coordinated victims, named victims, killing nouns and "shot to death"."""

from __future__ import annotations

import pytest

from wirewatch.stages.coding.casualties import find_casualties

CASES = [
    ("coordinated-numbers", "The murder of six priests and two women was condemned.", 8),
    ("person-then-number", "Guerrillas have killed the mayor of the town, as well as two peasants.", 3),
    ("two-names-shot-to-death", "Fabio Roa and his brother Norberto Saavedra were shot to death.", 2),
    ("named-object", "Several gunmen killed Roberto Sarasty, a radio reporter.", 1),
    ("possessive-murder", "After Senator Luis Carlos Galan's murder, security became an issue.", 1),
    ("deaths-noun", "The attack caused 9 deaths.", 9),
    ("found-dead", "The political leader Hector Oqueli was found dead.", 1),
    ("shot-dead", "The police said that Tomas Evangelista was shot dead by terrorists.", 1),
    ("death-of", "The double murder resulted in the death of a lawyer and a teacher.", 2),
    ("sentenced-to-death", "He was sentenced to death by the court.", None),
    ("death-squads", "Death squads operate in the capital.", None),
    ("collective", "The bomb killed a family.", None),
    # lists read item by item, whatever the parser made of them
    ("list-passive-subject", ("The ministry gave its report after a police colonel, a judge, and candidate "
     "Senator Luis Carlos Galan were murdered last week."), 3),
    ("list-of-titles", ("The judges investigating the murders of the governor of Antioquia, another judge, "
     "and the Antioquia police commander resigned."), 3),
    ("list-semicolons", ("The bomb exploded at 1100, killing Maria Jacinta Pulido, 42; Pilar Pulido, 19; a "
     "minor reportedly known as Carlos; Efrain Rincon Rodriguez, and a police official who died at the "
     "clinic."), 5),
    ("list-roles-add-up", "The attack killed two soldiers, a policeman and a civilian.", 4),
    ("list-breakdown-of-people", "Three other civilians, two women and a man, also died.", 3),
    ("list-breakdown-by-name", ("Gunmen killed two reporters, Roberto Navas and Mauricio Pineda, late last "
     "night."), 2),
    ("list-apposition", ("Gunmen killed Tomas Evangelista, a leader of the ruling party and director of the "
     "development corporation."), 1),
    ("list-joined-titles", ("The ministry said Luis Carlos Galan, senator and presidential hopeful, died "
     "tonight."), 1),
    ("list-relatives", "Police found Dr Teofilo Forero Castro, his wife, and two other people dead.", 4),
    ("list-not-a-date", "On 11 february, one adult and four minors were killed.", 5),
    ("list-stops-at-event", ("The court acquitted them of the murder of attorney general Carlos Mauro Hoyos "
     "and the kidnapping of Andres Pastrana."), 1),
    ("list-wounded-apart", "The gunmen killed the mayor of Kabul, Ahmad Khan, and wounded three guards.", 1),
    ("bracketed-aside", ("On 27 February Comrade Forero [name as transliterated], PCC secretary for "
     "organizational matters, was killed."), 1),
    ("massacred-coordination", "Members of the armed forces massacred the six jesuit priests and two women.", 8),
    ("scene-is-no-victim", ("A clash ensued, and Juan Zurita, Cesar Orbegozo, and Ernesto Benavides were "
     "killed."), 3),
    ("and-of", ("The party demanded an investigation into the assassination of MNR leader Hector Oqueli and "
     "of Guatemalan attorney Gilda Flores."), 2),
    ("crew-is-no-person", "The plane blew up in midair, killing all 107 passengers and crew.", 107),
    ("byname-apposition", ("Police said Jose Gonzalo Rodriguez Gacha, the Mexican, and military chief of the "
     "cartel, died today."), 1),
    ("list-then-breakdown", ("Jesuits Ignacio Ellacuria, Ignacio Martin Baro, Segundo Montes, Amando Lopez, Juan "
     "Ramon Moreno, and Joaquin Lopez, the first five Spaniards and the last a Salvadoran, were killed."), 6),
    ("joined-titles-after-names", ("Students condemned the assassination of priests Ignacio Ellacuria and "
     "Ignacio Martin Baro, rector and vice rector of the university."), 2),
    ("day-is-no-figure", ("Travellers said that on 23 september 28 bodies of alleged peasants were found near "
     "the town."), 28),
    ("numeral-not-further-numbers", "The bodies of four of the nine students were found near the campus.", 4),
    ("surname-read-as-plural", ("The reporters resigned since 1 august, when christian democrat ideologue Danilo "
     "barillas, who wrote columns for the magazine, was murdered."), 1),
    ("of-after-date", ("The party said the assassination on 22 march of Bernardo Jaramillo, its presidential "
     "candidate, forced it to withdraw."), 1),
    ("took-the-life", ("We were confronted with another disgrace that took the life of presidential candidate "
     "Carlos Pizarro."), 1),
    ("claimed-lives", "The flood claimed 20 lives.", 20),
    ("risked-life", "He risked his life to save them.", None),
    ("body-of-named", "The authorities identified the body of Leonel Chuta Camey, a law student.", 1),
    ("governing-body", "The governing body of the party met on Monday.", None),
    ("over-the-bodies", "The rebels will have to step over the body of the last soldier.", None),
    ("list-stops-at-death-word", ("A few days after Barillas's murder, Rolando Pineda, the magazine publisher, "
     "and his deputy resigned."), 1),
    ("title-and-name", ("Terrorists murdered brothers Martiza and John Paolo Puzo Ochoa and their mother Marta "
     "Ochoa in the township."), 3),
    ("object-after-adverbial", ("In fact, mercenaries of that organization assassinated in less than 48 hours, "
     "magistrate Carlos Valencia Garcia, police commander Colonel Waldemar Franklin Quintero, and senator Luis "
     "Carlos Galan."), 3),
    ("left-dead-and-injured", "The bombing left 9 dead and 23 injured.", 9),
    ("among-them", "Hamas said 18 people, among them a journalist, were killed.", 18),
    ("bodies-recovered", "Rescuers recovered the bodies of 14 miners.", 14),
    ("relative-past-breakdown", ("Officials attended the funeral of six jesuit priests, five of them Spaniards, "
     "who were killed on Thursday."), 6),
    ("that-of", ("The member states condemn the murders which have occurred in Colombia and especially that of "
     "Senator Luis Carlos Galan."), 1),
    ("list-including", "The bomb killed at least 26 people, including three children, and wounded 48.", 26),
]


@pytest.mark.parametrize("text,killed", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_killed(nlp: object, text: str, killed: int | None) -> None:
    doc = nlp(text)  # type: ignore[operator]
    assert find_casualties(doc[:]).killed == killed
