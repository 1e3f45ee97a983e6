"""CAMEO facts used by the GDELT shape: quad class and Goldstein scale by root code.

The Goldstein value of a root is that of its base code ``<root>0`` in the CAMEO Goldstein
table that GDELT publishes (e.g. 18 "assault" = 180 = -9.0). QuadClass follows the GDELT
codebook: roots 01-05 verbal cooperation (1), 06-09 material cooperation (2), 10-14 verbal
conflict (3), 15-20 material conflict (4).
"""

from __future__ import annotations

GOLDSTEIN_BY_ROOT: dict[str, float] = {
    "01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0,
    "09": -2.0, "10": -5.0, "11": -2.0, "12": -4.0, "13": -4.4, "14": -6.5, "15": -7.2,
    "16": -4.0, "17": -5.0, "18": -9.0, "19": -10.0, "20": -10.0,
}
QUAD_CLASS_NAMES: dict[int, str] = {1: "Verbal Cooperation", 2: "Material Cooperation",
                                    3: "Verbal Conflict", 4: "Material Conflict"}
#: The CAMEO root of each PLOVER type, used only when an event has no CAMEO code.
ROOT_BY_PLOVER: dict[str, str] = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "CONCEDE": "08", "COOPERATE": "06", "AID": "07",
    "RETREAT": "08", "REQUEST": "02", "ACCUSE": "11", "REJECT": "12", "THREATEN": "13", "PROTEST": "14",
    "SANCTION": "16", "MOBILIZE": "15", "COERCE": "17", "ASSAULT": "18",
}


def root_code(cameo: str | None, plover_type: str | None = None) -> str:
    """Two-digit root ("183" → "18"); from the PLOVER type when there is no CAMEO code; "" if neither."""
    if cameo and len(cameo) >= 2 and cameo[:2] in GOLDSTEIN_BY_ROOT:
        return cameo[:2]
    return ROOT_BY_PLOVER.get(plover_type or "", "")


def base_code(cameo: str | None) -> str:
    """Three-digit base code ("1831" → "183"; "18" → "18"), or ""."""
    return cameo[:3] if cameo else ""


def quad_class(root: str) -> int | None:
    """GDELT QuadClass 1-4 for a root code, None for an unknown root."""
    if root not in GOLDSTEIN_BY_ROOT:
        return None
    number = int(root)
    if number <= 5:
        return 1
    if number <= 9:
        return 2
    return 3 if number <= 14 else 4


def goldstein(root: str) -> float | None:
    """Goldstein scale (-10 .. +10) of a root code, None for an unknown root."""
    return GOLDSTEIN_BY_ROOT.get(root)
