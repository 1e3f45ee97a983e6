"""Build a scaled-up corpus from the bundled sample pages (for benchmarks, not tests).

Each copy gets its own canonical URL and a unique reference sentence, so every page is a
distinct article (different id and text) while keeping the sample's layout and length.
"""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
_CANONICAL = re.compile(r'<link rel="canonical" href="[^"]*"\s*/?>', re.IGNORECASE)
_PAGE_URLS = re.compile(r'(?:rel="canonical" href|property="og:url" content|"url"\s*:\s*)="?([^"]+)"', re.IGNORECASE)
_HEAD_END = re.compile(r"</head>", re.IGNORECASE)
_FIRST_P_END = re.compile(r"</p>", re.IGNORECASE)


def english_samples() -> list[Path]:
    """Sample pages in English (the French one is skipped: it codes no events)."""
    return [p for p in sorted(SAMPLES.glob("*.html")) if "-fr" not in p.stem]


def build_corpus(folder: Path, n: int) -> list[Path]:
    """Write ``n`` pages into ``folder`` (round-robin over the samples); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = [(p.stem, p.read_text(encoding="utf-8")) for p in english_samples()]
    paths = []
    for i in range(n):
        stem, html = sources[i % len(sources)]
        new_url = f"https://bench.example.org/{i:06d}/{stem}"
        link = f'<link rel="canonical" href="{new_url}">'
        for old_url in set(_PAGE_URLS.findall(html)):
            html = html.replace(old_url, new_url)
        html = _CANONICAL.sub("", html)
        html = _HEAD_END.sub(link + "</head>", html, count=1)
        html = _FIRST_P_END.sub(f" Reference number {i} of the benchmark copy.</p>", html, count=1)
        path = folder / f"{i:06d}-{stem}.html"
        path.write_text(html, encoding="utf-8")
        paths.append(path)
    return paths
