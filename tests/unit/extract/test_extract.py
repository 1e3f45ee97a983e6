"""Extraction: main text, metadata, boilerplate, dateline, language, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirewatch.errors import ExtractionError
from wirewatch.models import Document
from wirewatch.stages import boilerplate
from wirewatch.stages.extract import extract_article
from wirewatch.stages.ingest import read_file


def _expected(shared_dir: Path) -> dict:
    return json.loads((shared_dir / "examples" / "seed-article.expected.json").read_text())


@pytest.mark.parametrize("page", ["seed-article.html", "seed-article.txt"])
def test_extract_seed_text_keeps_story_and_drops_boilerplate(shared_dir: Path, page: str) -> None:
    spec = _expected(shared_dir)["article"]
    article = extract_article(read_file(shared_dir / "examples" / page))
    for must in spec["main_text_must_include"]:
        assert must in article.text
    for never in spec["main_text_must_exclude"]:
        assert never not in article.text


def test_extract_seed_html_metadata(seed_html: Path, shared_dir: Path) -> None:
    spec = _expected(shared_dir)["article"]
    article = extract_article(read_file(seed_html))
    assert article.title == spec["title"]
    assert article.published is not None and article.published.startswith(spec["published"])
    assert article.site == spec["site"]
    assert article.dateline == spec["dateline"]
    assert article.language == spec["language"]
    assert article.url and article.url.startswith("https://www.jpost.com/")
    assert not article.text.startswith("CAIRO")


def test_extract_plain_text_title_and_given_date(seed_txt: Path) -> None:
    from datetime import date

    article = extract_article(read_file(seed_txt, published=date(2015, 11, 12)))
    assert article.title == "Islamic State video threatens attacks inside Russia 'very soon'"
    assert article.published == "2015-11-12"
    assert article.dateline == "Cairo"
    assert "1 minute read" not in article.text
    assert "Russian air strikes in Syria" not in article.text


@pytest.mark.parametrize(("line", "dateline", "rest"), [
    ("CAIRO - Islamic State has released a video.", "Cairo", "Islamic State has released a video."),
    ("MOGADISHU, March 3 (Caspian Wire) - A suicide bomber struck.", "Mogadishu", "A suicide bomber struck."),
    ("KYIV — Russian drones hit the city.", "Kyiv", "Russian drones hit the city."),
    ("BEIRUT, Lebanon (AP) — Israeli jets struck.", "Beirut, Lebanon", "Israeli jets struck."),
    ("TEGUCIGALPA, 6 FEB 89 (ACAN-EFE) -- [TEXT] Police said.", "Tegucigalpa", "[TEXT] Police said."),
    ("NEW YORK (Reuters) - Stocks fell.", "New York", "Stocks fell."),
    ("The army said - without evidence - that it won.", None, None),
    ("UPDATE - The count rose.", None, None),
    ("Imphal, Sept 7: A day after two farmers were shot dead, troops moved in.", "Imphal",
     "A day after two farmers were shot dead, troops moved in."),
    ("Lahore, March 3 (PPI) - Police said.", "Lahore", "Police said."),
    ("Imphal, a city of 300,000, was calm: shops opened.", None, None),
])
def test_extract_dateline_detection(line: str, dateline: str | None, rest: str | None) -> None:
    body, found = boilerplate.split_dateline(line)
    assert found == dateline
    assert body == (rest if rest is not None else line)


@pytest.mark.parametrize("paragraph", [
    "Dear Reader,", "For $5 a month you will receive access to the following:",
    "Join Jerusalem Post Premium Plus now for just $5 and upgrade your experience. Click here>>",
    "Sign up for our daily newsletter", "Advertisement", "3 min read",
])
def test_extract_boilerplate_paragraphs_dropped(paragraph: str) -> None:
    assert boilerplate.is_boilerplate(paragraph)


def test_extract_story_paragraph_not_boilerplate() -> None:
    assert not boilerplate.is_boilerplate(
        "Police said the gunmen opened fire on a market in the town of Gao on Tuesday, killing 12.")


def test_extract_related_block_is_cut() -> None:
    body = "First story paragraph here.\nSecond paragraph.\nRelated Content\nAbbas: I agreed to NATO force"
    assert "Abbas" not in boilerplate.clean_paragraphs(body)


@pytest.mark.parametrize(("content", "reason"), [
    (b"", "empty"), (b"   \n\t ", "empty"), (b"\x00\x01\x02\x03binary\x00", "binary"),
    (b"<html><body><nav>Home</nav></body></html>", "no article text"),
])
def test_extract_bad_input_raises_with_reason(content: bytes, reason: str) -> None:
    with pytest.raises(ExtractionError, match=reason):
        extract_article(Document(uri="x.html", content=content))


def test_extract_declared_latin1_page_decodes() -> None:
    html = ("<html><head><meta charset='iso-8859-1'><title>Caf\xe9 attack</title></head><body><article>"
            "<p>BOGOT\xc1 - Gunmen attacked a caf\xe9 in the capital on Sunday, killing three people and "
            "wounding five others, police said in a statement.</p><p>The mayor condemned the attack and "
            "promised more patrols in the city centre after the shooting.</p></article></body></html>")
    article = extract_article(Document(uri="x.html", content=html.encode("latin-1")))
    assert "café" in article.text
    assert article.dateline == "Bogotá"


def test_extract_non_english_page_gets_language() -> None:
    html = ("<html><head><title>Manifestation à Paris</title></head><body><article><p>PARIS - Des milliers de "
            "personnes ont manifesté samedi dans les rues de la capitale pour protester contre la réforme "
            "des retraites, selon la police.</p><p>Les syndicats ont appelé à une nouvelle journée de "
            "mobilisation la semaine prochaine dans toute la France.</p></article></body></html>")
    article = extract_article(Document(uri="fr.html", content=html.encode("utf-8")))
    assert article.language == "fr"


def test_extract_article_id_is_stable_and_url_based() -> None:
    html = b"<html><body><article><p>" + b"Rebels attacked the town of Goma on Monday, officials said. " * 3 + \
        b"</p></article></body></html>"
    a = extract_article(Document(uri="a.html", content=html, url="https://Example.com/x/?utm_source=t#top"))
    b = extract_article(Document(uri="b.html", content=html, url="https://example.com/x"))
    assert a.id == b.id


def test_extract_dateline_after_kicker_and_standfirst() -> None:
    body = ("Security\nResidents fled as the militants burned homes and a clinic\n"
            "MAPUTO - Militants killed 12 people in Macomia on Sunday, officials said.\nSecond paragraph.")
    text, dateline = boilerplate.split_dateline(body)
    assert dateline == "Maputo"
    assert text.startswith("Militants killed 12 people")


def test_extract_layout_table_page_reads_cells_as_blocks() -> None:
    html = ("<html><body><table><tr><td class='nav'><a href='/'>Home</a> | <a href='/l'>Local</a> | "
            "<a href='/s'>Sport</a></td></tr><tr><td class='left'>Weather: sunny</td><td class='content'>"
            "<h1>Blast at depot</h1><div>GALATI, Sept 10 - An explosion at a fuel depot injured three workers "
            "on Monday, the fire service said in a statement.<br><br>Firefighters needed four hours to put out "
            "the blaze, which started in a storage tank, the service said.</div></td></tr></table></body></html>")
    article = extract_article(Document(uri="t.html", content=html.encode()))
    assert article.text.startswith("An explosion at a fuel depot")
    assert "|" not in article.text
    assert article.dateline == "Galati"


@pytest.mark.parametrize("line", ["Home | Local | Romania | Economy | Sport",
                                  "Published: 10.09.2024, 12:47 | Author: Radu Munteanu | Views: 4,311"])
def test_extract_menu_and_byline_lines_are_boilerplate(line: str) -> None:
    assert boilerplate.is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "ALSO READ: Suicide bomber kills 5 at Yobe market", "WATCH: Residents flee as gunfire echoes",
    "Lire aussi : Le futur port accueillera ses premiers navires", "This article is for subscribers",
    "The Nile Current is funded by readers. Support us from $2.", "Bet responsibly. 18+ only.",
    "Local journalism matters. Get unlimited access for just 99¢ for the first month.",
    "Abonnez-vous à L'Écho de Dakar et accédez à tous nos articles.",
])
def test_extract_teasers_and_appeals_are_boilerplate(line: str) -> None:
    assert boilerplate.is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "You have read 3 of your 5 free articles this month.",
    "Rescue workers at the site of the explosion in Board Bazaar. — Photo by Frontier Ledger",
    "Soldiers secure the area where the fragments were found (Photo: Danube Post reader)",
])
def test_extract_paywall_counter_and_captions_are_boilerplate(line: str) -> None:
    assert boilerplate.is_boilerplate(line)


def test_extract_published_falls_back_to_fetch_date() -> None:
    from datetime import datetime, timezone

    html = b"<html><body><article><p>" + b"Rebels attacked the town of Beni on Monday, officials said. " * 3 + \
        b"</p></article></body></html>"
    fetched = datetime(2024, 5, 2, 10, 0, tzinfo=timezone.utc)
    article = extract_article(Document(uri="w.html", content=html, fetched_at=fetched))
    assert article.published == "2024-05-02"


def test_menu_lines_above_a_late_dateline_are_dropped() -> None:
    menu = ["Tuesday, November 19, 2024", "E-Paper", "Log in", "Pakistan", "World", "Sport",
            "Business", "Home", "»", "Police say no group has claimed the attack",
            "Staff Reporter | Published", "November 19, 2024 02:05 PM"]
    story = ["PESHAWAR: A bomb blast at a crowded market killed nine people on Tuesday, police said.",
             "The explosion ripped through vegetable stalls shortly after dawn."]
    body, dateline = boilerplate.split_dateline("\n".join(menu + story))
    assert dateline == "Peshawar"
    assert body.startswith("A bomb blast at a crowded market")
    assert "E-Paper" not in body


def test_a_dateline_after_the_first_story_paragraph_is_left_alone() -> None:
    text = "\n".join(["Residents fled the town on Monday after fighting resumed, officials said.",
                      "a", "b", "c", "d", "e", "f",
                      "GOMA: Aid groups said they could not reach the area, according to a statement."])
    body, dateline = boilerplate.split_dateline(text)
    assert dateline is None and body == text


def test_press_release_link_and_contact_sections_end_the_text() -> None:
    body = ("Canada imposed sanctions on five gang leaders in Haiti on Tuesday, the foreign ministry said.\n"
            "The listed people are barred from dealings with Canadians.\n"
            "Associated links\nCanadian sanctions related to Haiti\nConsolidated Sanctions List\n"
            "Contacts\nMedia Relations Office\n343-203-7700")
    text = boilerplate.clean_paragraphs(body)
    assert text.endswith("barred from dealings with Canadians.") and "Sanctions List" not in text


def test_reader_funding_appeal_after_the_story_is_dropped_but_quotes_stay() -> None:
    body = ("\"Iran is supporting us,\" the commander told reporters in Sanaa on Tuesday afternoon.\n"
            "The Continental Review is reader-funded\n"
            "We don't have a paywall. If you value our long reads, please consider supporting us from $3 a month.")
    text = boilerplate.clean_paragraphs(body)
    assert text == "\"Iran is supporting us,\" the commander told reporters in Sanaa on Tuesday afternoon."


def test_live_blog_entries_in_list_items_keep_heading_and_paragraphs_apart() -> None:
    entries = "".join(
        f'<li class="entry">\n  <span class="ts">{ts}</span><h3>{head}</h3>\n  <p>{body}</p>\n  <p>{more}</p>\n</li>\n'
        for ts, head, body, more in [
            ("16:02", "Deal on truce", "The two sides agreed to extend the truce by six months, the envoy said "
             "at a news conference in the capital.", "He thanked the mediators for their patience and work."),
            ("08:05", "Overnight shelling", "Three civilians were killed overnight when shells hit a residential "
             "area of the city, the health office said.", "Fighting has continued on several front lines."),
        ])
    html = (f"<html><head><title>Talks live</title></head><body><main><h1>Talks live</h1>"
            f"<ol class='entries'>{entries}</ol></main></body></html>")
    text = extract_article(Document("live", html.encode(), url="https://news.test/live",
                                    content_type="text/html")).text
    lines = text.split("\n")
    assert any(line.startswith("Three civilians were killed overnight") for line in lines)
    assert not any("Deal on truce" in line and "agreed" in line for line in lines)


def test_plain_lists_stay_lists() -> None:
    html = ("<html><body><article><h1>Sanctions imposed</h1>"
            "<p>The government imposed sanctions on five gang leaders on Tuesday, the ministry said in a statement.</p>"
            "<ul><li>Jean Lamour, gang leader</li><li>Wilson Désir, financier</li></ul>"
            "<p>The listed people are barred from any dealings with citizens and companies of the country.</p>"
            "</article></body></html>")
    text = extract_article(Document("list", html.encode(), url="https://news.test/list",
                                    content_type="text/html")).text
    assert "- Jean Lamour, gang leader" in text


def test_a_two_city_wire_dateline_gives_the_first_city() -> None:
    rest, dateline = boilerplate.split_dateline("SANAA/LONDON, Dec 9 (Reuters) - Yemen's Houthi movement threatened on Monday to attack ships.")
    assert dateline == "Sanaa" and rest.startswith("Yemen's Houthi movement")


@pytest.mark.parametrize(("line", "dateline"), [
    ("ISLAMABAD / KABUL: Pakistan's military denied on Tuesday that its jets had struck houses.", "Islamabad"),
    ("SANAA/LONDON, Dec 9 - The Houthi movement threatened on Monday to attack ships.", "Sanaa"),
])
def test_two_city_datelines(line: str, dateline: str) -> None:
    assert boilerplate.split_dateline(line)[1] == dateline


def test_wire_sign_off_and_notes_to_editors_are_boilerplate() -> None:
    assert boilerplate.is_boilerplate("Reporting by Lina Sayegh and Rami Haddad; Editing by Daniel Foster")
    assert not boilerplate.is_boilerplate("Reporting by local media suggested that the army had moved in overnight.")
    text = boilerplate.clean_paragraphs("The march was dispersed with tear gas on Tuesday, witnesses said.\n"
                                        "Notes to editors\nThe organisation monitors civic space in East Africa.")
    assert "organisation monitors" not in text
