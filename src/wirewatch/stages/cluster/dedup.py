"""Near-duplicate detection of wire copies and syndicated reprints (MinHash LSH on word shingles).

An article is a near-duplicate of an earlier one when their 5-word shingle sets overlap by
Jaccard ≥ ``jaccard`` (a reprint with small edits), or when one is mostly contained in the
other (containment ≥ ``containment``: a trimmed wire copy). Candidates come from a MinHash
LSH index (datasketch), so a check is sub-linear; the overlap is then computed exactly on
the stored shingle hashes. Two different stories that share boilerplate (a long footer, a
standard background paragraph) are not duplicates: their *leads* differ, and the lead of the
newcomer must be shared as well (``lead_overlap``).
"""

from __future__ import annotations

import re
import zlib
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class DedupOptions:
    """Thresholds of the near-duplicate detector."""

    shingle: int = 5              # words per shingle
    num_perm: int = 128           # MinHash permutations
    lsh_threshold: float = 0.4    # LSH candidate threshold (estimated Jaccard)
    jaccard: float = 0.5          # exact Jaccard to call a duplicate
    containment: float = 0.8      # or: share of the smaller article's shingles found in the other
    lead_shingles: int = 40       # the lead: this many first shingles of the newcomer
    lead_overlap: float = 0.5     # share of the lead that must be found in the original
    min_shingles: int = 10        # shorter texts are never called duplicates
    window: int = 50_000          # articles kept in the index (oldest dropped first)


def shingles(text: str, size: int) -> np.ndarray:
    """CRC32 hashes of the word ``size``-grams of ``text``, in text order (lower-cased)."""
    words = [w.lower() for w in _WORD.findall(text)]
    grams = (" ".join(words[i:i + size]) for i in range(max(0, len(words) - size + 1)))
    return np.fromiter((zlib.crc32(g.encode("utf-8")) for g in grams), dtype=np.uint32)


@dataclass(frozen=True, slots=True)
class Match:
    """The earlier article a newcomer duplicates, and how much they overlap."""

    original_id: str
    jaccard: float
    containment: float


class NearDuplicateIndex:
    """Remembers articles' shingles and finds the earlier article a new one copies."""

    def __init__(self, options: DedupOptions | None = None) -> None:
        self.options = options or DedupOptions()
        self._template = MinHash(num_perm=self.options.num_perm, hashfunc=_identity)
        self._lsh = MinHashLSH(threshold=self.options.lsh_threshold, num_perm=self.options.num_perm)
        self._sets: OrderedDict[str, np.ndarray] = OrderedDict()

    def __len__(self) -> int:
        return len(self._sets)

    def check(self, article_id: str, text: str) -> Match | None:
        """The earlier article that ``text`` nearly duplicates, or None; then remember ``text``."""
        ordered = shingles(text, self.options.shingle)
        unique = np.unique(ordered)
        match = self._best_match(ordered, unique) if len(unique) >= self.options.min_shingles else None
        if match is None:
            self.add(article_id, text, ordered=ordered)
        return match

    def add(self, article_id: str, text: str, *, ordered: np.ndarray | None = None) -> None:
        """Index an article as a possible original (stored articles on restart)."""
        if article_id in self._sets:
            return
        if ordered is None:
            ordered = shingles(text, self.options.shingle)
        unique = np.unique(ordered)
        if len(unique) < self.options.min_shingles:
            return
        self._lsh.insert(article_id, self._minhash(unique))
        self._sets[article_id] = unique
        if len(self._sets) > self.options.window:
            oldest, _ = self._sets.popitem(last=False)
            self._lsh.remove(oldest)

    def _minhash(self, unique: np.ndarray) -> MinHash:
        mh = MinHash(num_perm=self.options.num_perm, hashfunc=_identity,
                     permutations=self._template.permutations, scheme=self._template.scheme)
        mh.update_batch(unique.tolist())
        return mh

    def _best_match(self, ordered: np.ndarray, unique: np.ndarray) -> Match | None:
        opts = self.options
        lead = np.unique(ordered[: opts.lead_shingles])
        best: Match | None = None
        for candidate in self._lsh.query(self._minhash(unique)):
            other = self._sets[candidate]
            shared = len(np.intersect1d(unique, other, assume_unique=True))
            jaccard = shared / (len(unique) + len(other) - shared)
            containment = shared / min(len(unique), len(other))
            if jaccard < opts.jaccard and containment < opts.containment:
                continue
            if np.isin(lead, other, assume_unique=True).mean() < opts.lead_overlap:
                continue
            if best is None or jaccard > best.jaccard:
                best = Match(candidate, jaccard, containment)
        return best


def _identity(value: int) -> int:
    return value
