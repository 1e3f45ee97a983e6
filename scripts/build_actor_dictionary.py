#!/usr/bin/env python3
"""Compile the shared open dictionaries into wirewatch's compact actor dictionary.

Run at build time only (the product never reads ../shared at run time)::

    python scripts/build_actor_dictionary.py --shared /work/shared/data \
        --out src/wirewatch/data/actors.compiled.tsv

Inputs (licences in ``src/wirewatch/data/CODING-LICENSES.md``):

1. CountryInfo (MIT): country names and nationality adjectives → ISO3, sector ``country``;
   capitals → ISO3, kind ``capital`` (used as a government actor: "Kabul said").
2. Phoenix agents (MIT): generic agent nouns ("troops", "police") → sector, no country.
3. Phoenix MilNonState actors (MIT): armed groups with their country prefix.
4. UCDP Actor Dataset 22.1 (CC BY 4.0): organised armed groups (Org = 1) with their country.

Output columns: ``pattern  name  country  sector  kind  case`` where ``case`` is 1 when the
pattern must match with its exact case (short acronyms such as "IS" or "RSF").
"""

from __future__ import annotations

import argparse
import csv
import re
from collections.abc import Iterator
from pathlib import Path

ISO_FIXES = {"GLP": "GTM", "IL": "ISR", "JON": "JPN"}

#: CAMEO agent code (first three letters) → wirewatch sector word (PLOVER-style, spelled out).
AGENT_SECTORS = {
    "GOV": "government", "MIL": "military", "COP": "police", "REB": "rebels", "INS": "rebels",
    "SEP": "rebels", "UAF": "armed group", "CVL": "civilians", "MED": "media", "JUD": "judiciary",
    "LEG": "legislature", "OPP": "opposition", "PTY": "political party", "BUS": "business",
    "EDU": "education", "HLH": "health", "REF": "refugees", "ELI": "elites", "LAB": "labor",
    "CRM": "criminals", "SPY": "intelligence", "AGR": "agriculture", "NGO": "ngo", "HRI": "ngo",
    "REL": "religious", "MUS": "religious", "CHR": "religious", "JEW": "religious",
    "HIN": "religious", "BUD": "religious", "DEV": "government", "ENV": "ngo", "PPL": "civilians",
    "RAD": "rebels", "IGO": "igo",
}
_LINE_CODE = re.compile(r"\[~?([A-Z]{3,})")


def phrase(raw: str) -> str:
    """A TABARI phrase (``FOO_BAR_``) as plain lower-case text (``foo bar``)."""
    text = raw.strip().strip("+").replace("_", " ")
    text = re.sub(r"\(.*?\)", " ", text)
    return " ".join(text.split()).lower()


def country_records(path: Path) -> Iterator[dict[str, list[str] | str]]:
    """Yield ``{"iso3", "name", "nationality": [...], "capital": [...]}`` per <Country> block."""
    text = path.read_bytes().decode("utf-8", "replace")
    for block in text.split("<Country>\n")[1:]:
        fields = dict(re.findall(r"<([A-Za-z0-9-]+)>([^<\n]*)</\1>", block))
        iso = ISO_FIXES.get(fields.get("ISO3166-alpha3", ""), fields.get("ISO3166-alpha3", ""))
        if len(iso) != 3 or not iso.isalpha():
            iso = fields.get("CountryCode", "")
        if len(iso) != 3:
            continue
        yield {
            "iso3": iso, "name": _title(fields.get("CountryName", iso).replace("_", " ")),
            "nationality": _section(block, "Nationality"), "capital": _section(block, "Capital"),
        }


def _section(block: str, tag: str) -> list[str]:
    match = re.search(rf"<{tag}>\n(.*?)</{tag}>", block, re.S)
    if not match:
        return []
    return [phrase(line.split("[")[0]) for line in match.group(1).splitlines() if line.strip()]


def country_rows(path: Path) -> tuple[list[tuple[str, ...]], dict[str, str]]:
    """Rows for countries and capitals, and a lower-case name → ISO3 map for the other sources."""
    rows: list[tuple[str, ...]] = []
    names: dict[str, str] = {}
    for rec in country_records(path):
        iso, name = str(rec["iso3"]), str(rec["name"])
        variants = [phrase(name), *rec["nationality"]]
        variants += [v + "s" for v in rec["nationality"] if v.endswith(("an", "i")) and " " not in v]
        for variant in variants:
            if len(variant) > 2:
                rows.append((variant, name, iso, "", "country", "0"))
                names.setdefault(variant, iso)
        for capital in rec["capital"]:
            if len(capital) > 2:
                rows.append((capital, _title(capital), iso, "government", "capital", "0"))
    return rows, names


def agent_rows(path: Path) -> list[tuple[str, ...]]:
    """Generic agent nouns with their sector (and a naive plural)."""
    rows = []
    for line in path.read_text("utf-8", "replace").splitlines():
        if line.startswith(("#", "!")) or "[" not in line:
            continue
        match = _LINE_CODE.search(line)
        sector = AGENT_SECTORS.get(match.group(1)[:3]) if match else None
        noun = phrase(line.split("[")[0].split("{")[0].replace("!PERSON!", ""))
        if not sector or len(noun) < 3 or not noun.isascii():
            continue
        rows.append((noun, noun, "", sector, "agent", "0"))
        plural = noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"
        rows.append((plural, noun, "", sector, "agent", "0"))
    return rows


def milnonstate_rows(path: Path) -> list[tuple[str, ...]]:
    """Non-state armed groups; aliases (``+`` lines) share the primary name and code."""
    rows: list[tuple[str, ...]] = []
    name, country = "", ""
    for line in path.read_text("utf-8", "replace").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line.startswith("+"):
            match = re.search(r"\[([A-Z]{3})", line)
            name, country = _title(phrase(line.split("[")[0])), (match.group(1) if match else "")
            country = country if country not in {"KKL", "IMG", "IGO", "NGO"} else ""
            rows.append((phrase(line.split("[")[0]), name, country, "rebels", "group", "0"))
        elif name:
            rows.append((phrase(line), name, country, "rebels", "group", "0"))
    return rows


def ucdp_rows(path: Path, countries: dict[str, str]) -> list[tuple[str, ...]]:
    """UCDP organised armed groups (Org 1) by every name form; acronyms match case-sensitively."""
    rows = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for rec in csv.DictReader(handle):
            if rec["Org"] != "1":
                continue
            first = rec["Location"].split(",")[0].strip().lower()
            iso = countries.get(re.sub(r"\s*\(.*\)", "", first), "")
            name = rec["NewNameFullEng"] or rec["NameOrigFullEng"] or rec["NameData"]
            for key in ("NameData", "NameOrig", "NameOrigFull", "NameOrigFullEng", "NewName",
                        "NewNameFullEng"):
                rows.extend(_ucdp_form(rec[key], name, iso))
    return rows


def _ucdp_form(form: str, name: str, iso: str) -> list[tuple[str, ...]]:
    form = form.strip()
    if not form or form == "n/a" or not form.isascii():
        return []
    if form.isupper() and len(form) <= 6:
        return [(form, name, iso, "rebels", "group", "1")] if len(form) >= 3 else []
    return [(form.lower(), name, iso, "rebels", "group", "0")] if len(form) >= 5 else []


#: Group names that are ordinary English words ("Elements", "Youth", "Tigers"): matched only as
#: written with a capital, never as the common word ("armed elements of the MFDC", "the youth").
COMMON_WORDS = frozenset({"elements", "tigers", "spiders",
                          "cobras", "ninjas", "mavericks", "neutralists", "royalists", "contras", "boogeymen",
                          "counterrevolutionaries", "greenlanders", "maidan", "ex-contras", "recontras"})
#: Aliases that are only a common word for another group's name ("Union", "Youth"): left out.
ALIAS_WORDS = frozenset({"union", "organization", "youth", "zero", "falcon"})


def _as_written(row: tuple[str, ...]) -> tuple[str, ...] | None:
    """A single-word group pattern that is a number (dropped) or a common word (exact case)."""
    pattern, case = row[0], row[5]
    if row[4] != "group" or case != "0" or " " in pattern:
        return row
    if pattern.isdigit() or pattern in ALIAS_WORDS:
        return None
    if pattern in COMMON_WORDS:
        return (_title(pattern), *row[1:5], "1")
    return row


def _title(text: str) -> str:
    """Each word capitalised ("New People's Army", not str.title's "People'S")."""
    return re.sub(r"(?<=\w)'S\b", "'s", text.title())


def main() -> None:
    """Read the shared dictionaries and write the compiled TSV."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--out", type=Path, default=Path("src/wirewatch/data/actors.compiled.tsv"))
    args = parser.parse_args()
    base = args.shared / "dictionaries"
    rows, countries = country_rows(base / "countryinfo" / "CountryInfo.140728.txt")
    rows += agent_rows(base / "petrarch2" / "Phoenix.agents.txt")
    rows += milnonstate_rows(base / "petrarch2" / "Phoenix.MilNonState.actors.txt")
    rows += ucdp_rows(base / "ucdp" / "ucdp-actor-221.csv", countries)
    seen: set[tuple[str, str]] = set()
    with args.out.open("w", encoding="utf-8") as out:
        out.write("# pattern\tname\tcountry\tsector\tkind\tcase  (generated by "
                  "scripts/build_actor_dictionary.py; see CODING-LICENSES.md)\n")
        for row in filter(None, map(_as_written, rows)):
            key = (row[0], row[5])
            row = tuple(" ".join(cell.split()) for cell in row)
            if key not in seen:
                seen.add(key)
                out.write("\t".join(row) + "\n")
    print(f"wrote {len(seen)} patterns to {args.out}")


if __name__ == "__main__":
    main()
