"""Page shapes whose text trafilatura gets wrong on its own: a tracker made of lists of prose items, a
photo gallery whose captions carry the story, pull quotes and newsletter boxes inside the story."""

from __future__ import annotations

import pytest

from wirewatch.models import Document
from wirewatch.stages import boilerplate
from wirewatch.stages.extract import extract_article


def _text(body: str, title: str = "Weekly security tracker") -> str:
    html = f"<html><head><title>{title}</title></head><body>{body}</body></html>"
    return extract_article(Document(uri="p.html", content=html.encode(), content_type="text/html")).text


# --- a body that is lists of long prose items -----------------------------------------------------------

_ITEMS = [
    ("3 March", "Gunmen attacked a police checkpoint on the main road north of the town, killing two officers "
                "and wounding three. No group said it carried out the attack."),
    ("5 March", "The army said it had killed six militants in an operation in the hills east of the provincial "
                "capital. Access to the area is restricted and the claim could not be confirmed."),
    ("6 March", "The interior ministry sent 800 additional police officers to the border district after a week "
                "of clashes between two armed groups over smuggling routes."),
    ("8 March", "Negotiators for the government and the rebel coalition signed a 30-day local truce covering "
                "three municipalities, the mediators said in a statement."),
]


def _tracker(aside: str = "") -> str:
    lists = "".join(
        f"<h2>Country {n}</h2><ul class='items'>"
        + "".join(f"<li><strong>{date}</strong> — {text}</li>" for date, text in _ITEMS[n * 2:n * 2 + 2])
        + "</ul>" for n in range(2))
    return (f"<div class='x-wrap'><div class='x-main'><h1>Weekly security tracker</h1>"
            f"<p>This week: attacks on police, an army operation and a local truce.</p>{lists}"
            f"<h2>Outlook</h2><p>We expect further attacks on police posts in the coming weeks.</p></div>"
            f"{aside}</div>")


def test_a_tracker_made_of_prose_list_items_keeps_the_items() -> None:
    lines = _text(_tracker()).split("\n")
    for date, item in _ITEMS:
        assert f"{date} — {item}" in lines          # a paragraph of its own, not a '- ' list line


def test_prose_items_in_a_sidebar_stay_out() -> None:
    aside = ("<aside class='sidebar'><h3>Previous issues</h3><ul>"
             + "".join(f"<li>{item}</li>" for _, item in _ITEMS[:3]) + "</ul></aside>")
    text = _text("<article><h1>Talks resume</h1>"
                 "<p>Talks between the government and the rebel coalition resumed in the capital on Monday, "
                 "the mediators said, after a pause of three weeks caused by a dispute over prisoners.</p>"
                 "<p>The two sides are expected to discuss a nationwide ceasefire and the return of displaced "
                 "people to their villages, diplomats said on condition of anonymity.</p>"
                 "<p>Several earlier rounds ended without agreement, and fighting has continued in the north "
                 "of the country, where the rebels control several towns.</p></article>" + aside,
                 title="Talks resume")
    assert "Gunmen attacked a police checkpoint" not in text
    assert "Talks between the government" in text


# --- photo galleries: the story's long captions are text, a rail's captions are not -------------------------

_CAPTIONS = [
    "Rescue workers search the ruins of the building on Monday evening, hours after it was hit. Neighbours "
    "said the strike came without warning.",
    "A rescuer carries a girl who was pulled alive from beneath a collapsed staircase late on Monday. She was "
    "taken to hospital with a broken leg.",
    "Relatives wait outside the hospital early on Tuesday. The dead included a mother and her two sons, "
    "the health ministry said.",
    "Soldiers cordon off the street on Tuesday morning. The prime minister condemned the strike and called "
    "for international pressure to stop such attacks.",
]

_RAIL = ("<section class='more-galleries'><h2>More galleries</h2>"
         "<div class='rail-item'><figure><img src='r.jpg'><figcaption>Traders clear debris from a market a day "
         "after a car bomb killed nine people there, police said on Sunday, adding that the toll could rise."
         "</figcaption></figure></div></section>")


def _gallery(captions: list[str], body_paragraphs: int = 1) -> str:
    figures = "".join(
        f"<figure class='gallery-item'><img src='{i}.jpg'><figcaption><span class='num'>{i + 1}/{len(captions)}"
        f"</span> {caption} <span class='credit'>Photo: A. Photographer / Agency</span></figcaption></figure>"
        for i, caption in enumerate(captions))
    intro = "".join(
        "<p>Rescue workers spent the night pulling survivors from the rubble of a residential building that was "
        "flattened by an air strike on Monday afternoon, officials said.</p>" for _ in range(body_paragraphs))
    return f"<main class='gallery'><h1>In pictures: rescuers dig through rubble</h1>{intro}{figures}</main>{_RAIL}"


def test_a_gallery_keeps_its_long_captions_without_counter_and_credit() -> None:
    text = _text(_gallery(_CAPTIONS), title="In pictures: rescuers dig through rubble")
    lines = text.split("\n")
    for caption in _CAPTIONS:
        assert caption in lines
    assert "1/4" not in text and "Photo: A. Photographer" not in text
    assert "Traders clear debris" not in text          # the 'more galleries' rail


def test_an_ordinary_article_does_not_take_its_captions_as_text() -> None:
    text = _text(_gallery(_CAPTIONS[:3], body_paragraphs=12), title="In pictures: rescuers dig through rubble")
    assert "Rescue workers spent the night" in text
    assert not any(caption in text for caption in _CAPTIONS)


# --- pull quotes ---------------------------------------------------------------------------------------------

_FEATURE = ("<article><h1>The quiet talks</h1>"
            "<p>The fields along the river have not been ploughed for three seasons. “The fields are there, the "
            "river is there,” says Abiba, a farmer who now lives in a camp. “But the fear is there too.”</p>"
            "{quote}"
            "<p>The governor's office denied that any agreement had been reached with the elders, and said "
            "that operations in the valley would continue through the planting season.</p></article>")


@pytest.mark.parametrize("quote", [
    "<blockquote class='pullquote'>“The fields are there. The fear is there too.”<cite>— Abiba, farmer</cite>"
    "</blockquote>",
    "<aside class='pull-quote'><p>Nobody in the valley believes the war is over, whatever is signed in "
    "the city.</p></aside>",
    "<blockquote>“The fields are there. The fear is there too.”<cite>— Abiba, farmer</cite></blockquote>",
])
def test_pull_quotes_are_dropped(quote: str) -> None:
    text = _text(_FEATURE.format(quote=quote), title="The quiet talks")
    assert "The fear is there too.”—" not in text and "The fear is there too.”\n" not in text
    assert "Nobody in the valley" not in text
    assert "“But the fear is there too.”" in text


def test_a_quote_that_is_not_repeated_stays() -> None:
    quote = "<blockquote>“We will not leave the river until someone tells us it is safe to farm again.”</blockquote>"
    text = _text(_FEATURE.format(quote=quote), title="The quiet talks")
    assert "“We will not leave the river until someone tells us it is safe to farm again.”" in text


@pytest.mark.parametrize(("paragraphs", "dropped"), [
    (["“The fields are there. The fear is there too.” — Abiba, farmer",
      "“The fields are there, the river is there,” says Abiba. “But the fear is there too.”"], True),
    # a short slogan quoted again in the story is no pull quote
    (["“Meth. We’re on it.”", "The state's slogan, “Meth. We’re on it.”, drew mockery online."], False),
    # a quote with its own attribution is a story paragraph
    (["“The fields are there, and the fear is there too,” she said.",
      "The fields are there, and the fear is there too, farmers in the camp say, and few plan to return."],
     False),
])
def test_display_quote_repeating_the_story(paragraphs: list[str], dropped: bool) -> None:
    text = boilerplate.clean_paragraphs("\n".join(paragraphs)).split("\n")
    assert (paragraphs[0] not in text) is dropped
    assert paragraphs[1] in text


# --- newsletter promos ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Get our free newsletter on Haiti’s security crisis, every Monday and Thursday.",
    "Sign up for the Sahel Briefing newsletter",
    "Want the morning newsletter? It is free.",
    "Never miss a story: subscribe to our weekly newsletter.",
])
def test_newsletter_promos_are_boilerplate(line: str) -> None:
    assert boilerplate.is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "The Islamic State claimed the raid two days later in its weekly newsletter, al-Naba.",
    "The group's newsletter said its fighters had entered the town on Tuesday night.",
])
def test_story_sentences_about_newsletters_stay(line: str) -> None:
    assert not boilerplate.is_boilerplate(line)


def test_a_newsletter_box_in_the_story_is_dropped_with_its_heading() -> None:
    box = ("<div class='css-1ox6rm4' data-testid='newsletter-signup'><h3>Sahel Briefing</h3>"
           "<p>Every week, the region's security news in one email.</p>"
           "<input type='email'><button>Sign up</button></div>")
    text = _text(_FEATURE.format(quote=box), title="The quiet talks")
    assert "Sahel Briefing" not in text and "one email" not in text
    assert "The governor's office denied" in text
