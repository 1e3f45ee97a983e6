"""Paragraph-level boilerplate rules shared by HTML and plain-text extraction.

General rules, not per-site hacks: subscription and donation appeals, promos,
"Related"/"Read more" blocks, share/follow prompts, content-type kickers ("Analysis · X",
"News release"), page notes (standards footers, opinion disclaimers, audio and broadcast
notes), live-page greetings, and wire datelines.
"""

from __future__ import annotations

import re

#: A paragraph matching one of these is page furniture, not story text.
_BOILERPLATE = re.compile(
    r"^(?:(?:also read|read also|read more|see also|related|more|watch|listen|lire aussi|à lire aussi"
    r"|voir aussi|lea también|leer más|lesen sie auch)\s*:"                         # inline teasers
    r"|dear reader\b|thank you,?$|advertisement$|sponsored\b|share (?:this|on)\b|follow us\b"
    r"|sign up\b|subscribe\b|click here\b|read more\b|listen to (?:this|the) article"
    r"|\d+ min(?:ute)?s? read\.?$|all rights reserved|copyright\b|©|sorry!?$|thanks for signing up)"
    r"|\b(?:for \$\d+ a month|premium plus|subscribe now|subscribe to our|ads-free|ad-free website"
    r"|become a (?:member|subscriber|partner)|support (?:our|independent) journalism"
    r"|we ask you to be our partner|our loyal readers|newsletter sign-?up|sign up for our"
    r"|click here>>|click here to|download our app|enable javascript|accept (?:all )?cookies"
    r"|keep an eye on your inbox|processing your subscription|photos? ©|image:? ©"
    r"|(?:is|are) funded by (?:our )?readers|(?:is|are) reader-(?:funded|supported)|^support us\b|(?:please |consider |by )support(?:ing)? us\b|support us (?:today|now|from|for \$)|from \$\d+ a month|get unlimited access|for just \S*\d+\S*¢"
    r"|this article is for subscribers|subscribers only|abonnez-vous|suscr[ií]bete|jetzt abonnieren"
    r"|bet responsibly|18\+ only|odds subject to change|gamble responsibly"
    r"|donate (?:today|now)|non-profit newsroom|in your inbox|unlimited (?:stories|access|articles)"
    r"|(?:digital )?access for \$|free articles? (?:this|per|a) month|articles? (?:left|remaining) this month)\b"
    r"|(?:—|–|\(|\bphoto:)\s*(?:photo|image|picture|credit)s?\b[^.!?]{0,60}\)?\.?$"     # caption credit
    r"|\b(?:sign up|subscribe|register now)\.?$"
    r"|^(?:(?:additional )?(?:reporting|writing) by [^.!?]{2,100}; )?editing by [^.!?]{2,100}$"   # wire sign-off
    r"|^(?:published|updated|posted|last updated|by)\b.{0,80}\|"                      # byline/meta line
    r"|^[^.!?]{0,60}\|[^.!?]{0,60}\|[^.!?]{0,60}$",                                   # menu: a | b | c

    re.IGNORECASE,
)

#: A short line like this starts a block of teasers for other stories: drop it and what follows.
_TAIL_HEADER = re.compile(
    r"^(?:related(?: content| stories| articles| news| coverage)?|more (?:from|on|stories|news)\b.*"
    r"|read (?:more|next|also)|most (?:read|popular|viewed)|recommended(?: for you)?|you may also like"
    r"|trending(?: now)?|latest news|comments?|\d+ comments?|leave a comment|top stories"
    r"|(?:associated|related|useful|external|quick) links|(?:media )?contacts?|page details"
    r"|notes? (?:to|for) editors)\s*:?$",
    re.IGNORECASE,
)

_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\-]+(?:(?: |\s?/\s?)[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.\-]+){0,3})"     # CAIRO, NEW YORK, SANAA/LONDON
    r"(?P<region>,\s+[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?"          # , Lebanon / , Calif.
    r"(?:,?\s+(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN"
    r"|JUL|AUG|SEP|OCT|NOV|DEC)[A-Za-z]*\.?(?:\s+\d{1,4})?(?:,?\s+\d{2,4})?)?"   # , March 3 / 6 FEB 89
    r"\s*(?:\([^)\n]{1,40}\))?"                                           # (Reuters)
    r"\s*(?:[-–—]{1,2}|:)\s+"
)

#: A title-case dateline with its date, as South Asian papers write it: "Imphal, Sept 7:",
#: "Lahore, March 3 (PPI) -". The date is required (a sentence may open "Imphal, a city of ...").
_TITLE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][a-zà-ÿ'’.\-]+(?: [A-Z][a-zà-ÿ'’.\-]+){0,2}),\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s+\d{4})?"
    r"\s*(?:\([^)\n]{1,40}\))?\s*(?:[-–—]{1,2}|:)\s+"
)

#: A press-release dateline that gives the date first (Canada.ca style):
#: "May 14, 2026 – Ottawa, Ontario – Global Affairs Canada", "14 May 2026 - Kabul - Text".
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATE_FIRST_DATELINE = re.compile(
    rf"^(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"\s+[-–—]{1,2}\s+"
    r"(?P<place>[A-ZÀ-ÖØ-Þ][\w'’.\-]+(?: (?:[A-ZÀ-ÖØ-Þ][\w'’.\-]+|de|du|la|el|of)){0,3})"       # Ottawa / St. John's
    r"(?P<region>,\s+[A-Z][\w.\-]+(?: (?:[A-Z][\w.\-]+|and|de|of)){0,3})?"                # , Ontario
    r"(?:\s+[-–—]{1,2}\s+(?P<source>[A-Z][^\n.!?–—]{1,80}?))?"                              # – Global Affairs Canada
    r"\s*(?P<end>$|[-–—]{1,2}\s+)"
)

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")

#: A content-type label, alone on a line or before a section ("Analysis · Kosovo", "News release",
#: "LIVE · Updated 13:45 GMT"): a kicker above the headline, never story text.
_LABEL = (r"(?:analysis|commentary|comment|opinion|op-?ed|editorial|explainer|feature|interview|live(?: blog| updates)?"
          r"|breaking(?: news)?|exclusive|fact[- ]?check|long read|review|perspective|podcast|essay|column|obituary"
          r"|investigation|special report|in depth|insight|profile|(?:news|press|media) releases?|media advisory"
          r"|backgrounder|statement|readout|updated?)")
_KICKER = re.compile(
    rf"^{_LABEL}(?:\s*[·•|]\s*[^.!?·•|]{{1,60}}?(?:\s*[·•|]\s*[^.!?·•|]{{1,60}}?)?)?$"            # Analysis · Kosovo
    r"|^(?:live\s*[·•|:–—-]\s*)?(?:last\s+)?(?:updated|published|posted)\s*(?:on|at)?\s*:?\s+"     # Updated 13:45 GMT
    r"(?=[^.!?]*(?:\d{1,2}[:.h]\d{2}|\d{1,2},? \d{4}|\d{4}-\d{2}-\d{2}|\bago\b))(?:[^.!?]|\b[ap]\.m\.?){1,60}$",
    re.IGNORECASE)
#: Words at most, for a line to be read as a kicker.
KICKER_WORDS = 10

#: Notes about the page rather than the story: agency standards footers, opinion disclaimers,
#: audio and broadcast notes, follow/listen/tip prompts, filing and source lines, reading times,
#: widget headings inside the story. Only short paragraphs (see NOTE_WORDS).
_NOTE = re.compile(
    r"^(?:our|editorial) (?:editorial )?standards\s*:|\btrust principles\.?$"          # Our Standards: The X Trust Principles
    r"|^(?:read |learn more about |about )?our (?:editorial )?(?:standards|ethics policy|corrections policy)\.?$"
    r"|\b(?:views|opinions)(?: and (?:views|opinions))? expressed\b[^.!?]{0,120}"          # opinion disclaimer
    r"\b(?:(?:author|writer|contributor|columnist)s?\b|(?:their|his|her) own\b|not necessarily\b)"
    r"|\b(?:is|are) (?:solely )?(?:the )?(?:author|writer|contributor|columnist)s?['’]s? own\b"
    r"|^disclaimer\s*:"
    r"|\baudio (?:is |was )?(?:generated|produced|created|read) (?:automatically|by (?:ai|artificial intelligence"
    r"|a computer|a synthetic voice))\b|\b(?:voices?|narrators?) (?:may|might|can) mispronounce\b"
    r"|^this (?:story|report|article|piece|interview|programme|program|segment|episode|feature)"     # about itself
    r" (?:was|has been|is) (?:first |originally )?(?:broadcast|aired|heard|produced for)\b"
    r"|^an? (?:audio )?(?:version|transcript|recording) of this (?:story|report|article|interview|programme|program)"
    r" (?:was|is|first|can|appeared)\b"
    r"|^listen live\b|\blisten back (?:here|now|on)\b"                                       # station prompts
    r"|^follow\s[^.!?]{0,60}\bon (?:twitter|facebook|instagram|x|youtube|tiktok|telegram)\b"   # follow prompts
    r"|^follow\s[^.!?]{0,60}\b(?:full |live |latest )?coverage\b[^.!?]{0,80}(?:https?://|\bhere\b)"
    r"|^(?:have|got) a (?:news )?tip\?|\b(?:delivered|sent|straight) (?:to|into) your inbox\b"
    r"|^filed under\s*:|^source\s*:\s*[^.!?]{1,60}$"                                         # filing and source lines
    r"|^(?:tempo de leitura|tiempo de lectura|temps de lecture|lesezeit|reading time)\s*:?\s*\d"  # reading time
    r"|^(?:see more|don['’]t miss|must read)\s*:|^explore further$"                          # widget headings
    r"|^most (?:read|popular|viewed|shared) (?:in|on|from) [\w ]{1,30}$"
    r"|^(?:get|receive|sign up for|subscribe to|join|want)\b[^.!?]{0,80}\bnewsletters?\b"            # newsletter promos
    r"|\b(?:get|receive|sign up (?:for|to)|subscribe to)\s+our\b[^.!?]{0,60}\bnewsletters?\b",
    re.IGNORECASE)
#: Words at most, for a paragraph to be read as a note.
NOTE_WORDS = 40

#: The greeting of a live page ("Welcome to our live coverage."): furniture when it says no more.
_LIVE_WELCOME = re.compile(
    r"^(?:(?:good (?:morning|afternoon|evening)|hello|hi),? and )?welcome(?: back)? to (?:our|the|this)"
    r" (?:live|rolling|continuing|ongoing)(?: \w+)? (?:coverage|blog|updates|page|reporting)\s*[.!]\s*",
    re.IGNORECASE)
#: Words at most after the greeting for the whole paragraph to be dropped (who reports, where).
WELCOME_TAIL_WORDS = 30


_NOT_TEXT = re.compile(r"^(?:https?://\S+|\S+\.(?:jpe?g|png|gif|webp)|\d{4}-\d{2}-\d{2}T[\d:.+-]+Z?|[-–_•·|]+)$")


def clean_paragraphs(body: str, title: str | None = None) -> str:
    """Drop boilerplate paragraphs, repeats, metadata leftovers and trailing teaser blocks."""
    kept: list[str] = []
    for para in _drop_teaser_tail(body.split("\n")):
        stripped = para.strip()
        if not stripped:
            continue
        if _TAIL_HEADER.match(stripped) and kept:
            break
        if is_boilerplate(stripped) or _NOT_TEXT.match(stripped):
            continue
        if title and _same_text(stripped, title):
            continue   # the headline repeated in the body (top line, teaser boxes)
        kept.append(stripped)
    return "\n".join(_drop_repeated_quotes(kept))


#: A display quote: a quotation alone on its line, perhaps with a dash attribution ('“…” — Name, role').
_DISPLAY_QUOTE = re.compile(r"^[“\"‘'«](?P<quote>(?:(?![”\"»]\s+[a-z]).)+)[”\"’'»]\s*(?:[—–-]+\s*[^.!?“”\"]{1,80})?$")
#: Words at most in a display quote; its quote must repeat, in runs of 3 words, this share of a paragraph.
DISPLAY_QUOTE_WORDS = 40
DISPLAY_QUOTE_MIN_WORDS = 8
REPEAT_SHARE = 0.8


def _drop_repeated_quotes(paragraphs: list[str]) -> list[str]:
    """Drop pull quotes: a short quotation alone on its line (perhaps '— Name') whose words repeat,
    in runs of three or more, what another paragraph of the story says."""
    result = []
    for i, para in enumerate(paragraphs):
        match = _DISPLAY_QUOTE.match(para) if len(para.split()) <= DISPLAY_QUOTE_WORDS else None
        if match and any(j != i and len(other) > len(para) and _repeats(match.group("quote"), other)
                         for j, other in enumerate(paragraphs)):
            continue
        result.append(para)
    return result


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _repeats(quote: str, paragraph: str) -> bool:
    """At least REPEAT_SHARE of the quote's words (DISPLAY_QUOTE_MIN_WORDS or more: not a slogan or a title)
    lie in 3-word runs found in the paragraph."""
    words = _tokens(quote)
    if len(words) < DISPLAY_QUOTE_MIN_WORDS:
        return False
    body = _tokens(paragraph)
    trigrams = {tuple(body[k:k + 3]) for k in range(len(body) - 2)}
    covered = [False] * len(words)
    for k in range(len(words) - 2):
        if tuple(words[k:k + 3]) in trigrams:
            covered[k] = covered[k + 1] = covered[k + 2] = True
    return sum(covered) >= REPEAT_SHARE * len(words)


def _drop_teaser_tail(paragraphs: list[str]) -> list[str]:
    """After the last story sentence, a run of headlines mixed with a promo is a teaser block."""
    lines = [p.strip() for p in paragraphs if p.strip()]
    last_story = max((i for i, p in enumerate(lines) if is_story_paragraph(p) and not is_boilerplate(p)),
                     default=-1)
    tail = lines[last_story + 1:]
    is_teaser_block = any(is_boilerplate(p) for p in tail) and all(
        is_boilerplate(p) or (looks_like_title(p) and p[:1].isupper()) for p in tail)
    return lines[:last_story + 1] if tail and is_teaser_block else lines


def _same_text(a: str, b: str) -> bool:
    norm = re.compile(r"\W+")
    return norm.sub(" ", a).strip().lower() == norm.sub(" ", b).strip().lower()


def is_boilerplate(paragraph: str) -> bool:
    """True for appeals, promos, share prompts, kickers, page notes and similar furniture."""
    words = len(paragraph.split())
    if words <= KICKER_WORDS and _KICKER.match(paragraph):
        return True
    if words <= NOTE_WORDS and _NOTE.search(paragraph):
        return True
    welcome = _LIVE_WELCOME.match(paragraph)
    if welcome and len(paragraph[welcome.end():].split()) <= WELCOME_TAIL_WORDS:
        return True
    return bool(_BOILERPLATE.search(paragraph)) and words < 90


#: How many leading paragraphs (kicker, standfirst, byline) may precede the dateline paragraph.
DATELINE_SEARCH = 6


def split_dateline(body: str) -> tuple[str, str | None]:
    """Find a wire dateline in the first paragraphs and remove it with what precedes it.

    ('Security\nCAIRO - Text', ...) → ('Text', 'Cairo'): the story starts at the dateline;
    a kicker, standfirst or byline above it is page furniture. The search covers the first
    few paragraphs, or down to the first story paragraph when a menu comes first. A press
    release's date-first line ('May 14, 2026 – Ottawa, Ontario – Global Affairs Canada') is a
    dateline too ('Ottawa'); when it fills its paragraph, the story starts at the next one.
    """
    paragraphs = body.split("\n")
    first_story = next((i for i, p in enumerate(paragraphs) if is_story_paragraph(p)), 0)
    for i, para in enumerate(paragraphs[:max(DATELINE_SEARCH, first_story + 1)]):
        rest, dateline = _split_first_dateline(para)
        if dateline is not None:
            return "\n".join([rest, *paragraphs[i + 1:]] if rest.strip() else paragraphs[i + 1:]), dateline
    return body, None


def _split_first_dateline(body: str) -> tuple[str, str | None]:
    match = _DATELINE.match(body) or _TITLE_DATELINE.match(body)
    if not match:
        return _split_date_first_dateline(body)
    place = match.group("place").strip(" .")
    if len(place) < 3 or place in {"UPDATE", "WATCH", "BREAKING", "LIVE", "EXCLUSIVE", "ANALYSIS"}:
        return body, None
    dateline = place.split("/")[0].strip().title()   # "SANAA/LONDON": the first place is where the story is from
    if match.groupdict().get("region"):
        dateline += match.group("region")
    return body[match.end():], dateline


def _split_date_first_dateline(body: str) -> tuple[str, str | None]:
    """'May 14, 2026 – Ottawa, Ontario – Global Affairs Canada' → ('', 'Ottawa'): the city is the
    dateline; a date and a bare name ('May 14, 2026 – Global Affairs Canada') is not one."""
    match = _DATE_FIRST_DATELINE.match(body)
    if not match:
        return body, None
    if not match.group("end") and not (match.group("region") or match.group("source")):
        return body, None
    return body[match.end():], match.group("place").strip(" .")


def has_dateline(paragraph: str) -> bool:
    """True when the paragraph opens with a wire dateline."""
    return _split_first_dateline(paragraph)[1] is not None


def looks_like_title(line: str) -> bool:
    """A headline: short and not ending like a sentence."""
    words = len(line.split())
    return 2 <= words <= 25 and not _SENTENCE_END.search(line)


def is_story_paragraph(paragraph: str) -> bool:
    """Sentence-like text of some length (not a caption stub, menu or date line)."""
    words = len(paragraph.split())
    return words >= 8 and bool(_SENTENCE_END.search(paragraph))


def main_paragraphs(paragraphs: list[str]) -> list[str]:
    """Pick the story from plain-text paragraphs.

    The story starts at the dateline paragraph when there is one (everything above it is
    page furniture: captions, appeals, reading times); otherwise at the first story-like
    paragraph. It ends at a teaser-block header. Boilerplate paragraphs are dropped.
    """
    start = next((i for i, p in enumerate(paragraphs) if has_dateline(p) and is_story_paragraph(p)), None)
    if start is None:
        start = next((i for i, p in enumerate(paragraphs) if is_story_paragraph(p)), 0)
    kept: list[str] = []
    for para in paragraphs[start:]:
        if _TAIL_HEADER.match(para):
            break
        if is_boilerplate(para) or not _is_text_line(para):
            continue
        kept.append(para)
    return kept


def _is_text_line(paragraph: str) -> bool:
    """Drop bullets and stubs; keep sentences and short quoted lines."""
    if paragraph.startswith(("•", "·", "- ", "* ")):
        return False
    return len(paragraph.split()) >= 4 or bool(_SENTENCE_END.search(paragraph))
