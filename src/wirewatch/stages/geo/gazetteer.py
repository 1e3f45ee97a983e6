"""The embedded gazetteer: a compact, columnar pickle built once from installed packages.

Entries (continents, curated regions, countries, admin-1, admin-2, populated places) are stored as
parallel arrays; names go through a lookup index (key -> entry ids, best prior first) and an
Aho-Corasick automaton over the names worth scanning for. :func:`get_gazetteer` loads the file once
per process and builds it first when it is missing (all offline, from the installed packages).
"""

from __future__ import annotations

import functools
import logging
import os
import pickle
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirewatch.errors import GeoError

LOGGER = logging.getLogger("wirewatch.geo")

FORMAT_NAME = "wirewatch-gazetteer"
FORMAT_VERSION = 2
FILE_NAME = f"gazetteer-v{FORMAT_VERSION}.pkl"
ENV_VAR = "WIREWATCH_GAZETTEER"

KIND_CONTINENT, KIND_REGION, KIND_COUNTRY, KIND_ADMIN1, KIND_ADMIN2, KIND_CITY = range(6)
#: Output precision of each entry kind (index = kind).
PRECISION_OF_KIND: tuple[str, ...] = ("continent", "region", "country", "admin1", "admin2", "point")
NO_ADMIN = -1
#: The scanner's values pack (key id << SCAN_LENGTH_BITS) | length of the scanned form.
SCAN_LENGTH_BITS = 7
SCAN_LENGTH_LIMIT = 1 << SCAN_LENGTH_BITS


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer record, materialised from the columnar arrays."""

    id: int
    name: str
    kind: int
    lat: float
    lon: float
    country: str | None
    admin1: int
    population: int
    geonameid: int | None

    @property
    def precision(self) -> str:
        return PRECISION_OF_KIND[self.kind]


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Columnar place records plus their name index and scanning automaton."""

    names: list[str]
    kinds: bytes
    lats: array[float]
    lons: array[float]
    country_index: array[int]          # index into country_codes; 0 = no country
    country_codes: tuple[str, ...]     # ISO 3166-1 alpha-3, "" first
    admin1: array[int]                 # entry id of the admin-1 unit, or NO_ADMIN
    populations: array[int]
    geonameids: array[int]             # 0 = none
    key_ids: dict[str, int]            # lookup key -> key id
    postings_start: array[int]         # key id -> first posting (CSR layout)
    postings: array[int]               # entry id << 1 | is primary name, best prior first
    scanner: Any                       # ahocorasick.Automaton: scan form -> key id, length
    country_entries: dict[str, int]    # ISO3 -> entry id of the country
    demonyms: dict[str, str]           # lookup key of a demonym -> ISO3
    neighbours: dict[str, tuple[str, ...]]   # ISO3 -> ISO3 of the countries bordering it
    capitals: dict[str, int]           # ISO3 -> entry id of the capital city

    def __len__(self) -> int:
        return len(self.names)

    def entry(self, entry_id: int) -> Entry:
        """The record ``entry_id``."""
        code = self.country_codes[self.country_index[entry_id]]
        geonameid = self.geonameids[entry_id]
        return Entry(entry_id, self.names[entry_id], self.kinds[entry_id], self.lats[entry_id],
                     self.lons[entry_id], code or None, self.admin1[entry_id],
                     self.populations[entry_id], geonameid or None)

    def key_id(self, name: str, *, is_key: bool = False) -> int | None:
        """The id of a name's lookup key (``is_key`` when ``name`` already is one); abbreviated
        prefixes are tried spelled out too ("St. Marc" -> "Saint Marc", "Mt. Kenya" -> "Mount Kenya")."""
        from wirewatch.stages.geo.names import expanded_key, lookup_key

        key = name if is_key else lookup_key(name)
        found = self.key_ids.get(key)
        if found is None:
            expanded = expanded_key(key)
            found = None if expanded is None else self.key_ids.get(expanded)
        return found

    def postings_of(self, key_id: int) -> list[tuple[int, bool]]:
        """(entry id, is the entry's primary name) listed under ``key_id``, best prior first."""
        packed = self.postings[self.postings_start[key_id]:self.postings_start[key_id + 1]]
        return [(p >> 1, bool(p & 1)) for p in packed]

    def candidates(self, name: str) -> list[Entry]:
        """All entries called ``name`` (any normalised spelling), best prior first."""
        key_id = self.key_id(name)
        return [] if key_id is None else [self.entry(i) for i, _ in self.postings_of(key_id)]

    def country(self, iso3: str) -> Entry | None:
        """The country entry for an ISO 3166-1 alpha-3 code."""
        entry_id = self.country_entries.get(iso3.upper())
        return None if entry_id is None else self.entry(entry_id)

    def capital(self, iso3: str) -> Entry | None:
        """The capital city of country ``iso3``, when known."""
        entry_id = self.capitals.get(iso3)
        return None if entry_id is None else self.entry(entry_id)

    def country_code(self, entry_id: int) -> str | None:
        """ISO3 of an entry, without materialising it."""
        return self.country_codes[self.country_index[entry_id]] or None


def default_gazetteer_path() -> Path:
    """``$WIREWATCH_GAZETTEER``, else the package data dir if writable, else ``~/.cache/wirewatch``."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    package_data = Path(__file__).resolve().parents[2] / "data"
    if os.access(package_data, os.W_OK) or (package_data / FILE_NAME).exists():
        return package_data / FILE_NAME
    return Path.home() / ".cache" / "wirewatch" / FILE_NAME


def save_gazetteer(gazetteer: Gazetteer, path: Path) -> Path:
    """Write ``gazetteer`` atomically (temporary file, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    payload = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "gazetteer": gazetteer}
    with tmp.open("wb") as handle:
        pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)
    return path


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Read a gazetteer file written by :func:`save_gazetteer`; raise GeoError if absent or stale."""
    path = path or default_gazetteer_path()
    try:
        with path.open("rb") as handle:
            payload = pickle.load(handle)
    except FileNotFoundError as exc:
        raise GeoError(f"gazetteer file {path} not found.",
                       hint="Run `wirewatch gazetteer build`.") from exc
    except (pickle.UnpicklingError, EOFError, AttributeError) as exc:
        raise GeoError(f"gazetteer file {path} is unreadable ({exc}).",
                       hint="Rebuild it with `wirewatch gazetteer build`.") from exc
    if not isinstance(payload, dict) or payload.get("format") != FORMAT_NAME \
            or payload.get("version") != FORMAT_VERSION:
        raise GeoError(f"gazetteer file {path} has an unknown format or version.",
                       hint="Rebuild it with `wirewatch gazetteer build`.")
    gazetteer = payload["gazetteer"]
    assert isinstance(gazetteer, Gazetteer)
    return gazetteer


@functools.lru_cache(maxsize=4)
def get_gazetteer(path: Path | None = None) -> Gazetteer:
    """Load the gazetteer once per process; build it first (offline) when the file is missing."""
    path = path or default_gazetteer_path()
    if not path.exists():
        from wirewatch.stages.geo.build import build_gazetteer

        LOGGER.info("gazetteer %s is missing: building it from the installed packages (once)", path)
        build_gazetteer(path, quiet=True)
    return load_gazetteer(path)
