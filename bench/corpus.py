"""Build a scaled-up corpus from the bundled sample pages (for benchmarks, not tests).

Each copy gets its own canonical URL and a unique reference sentence, so every page is a
distinct article (different id and text) while keeping the sample's layout and length.
With ``words``, paragraphs of the following sample pages are added after the first paragraph
(as in a round-up article) until the main text has about that many words.
"""

from __future__ import annotations

import html as html_lib
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


def _texts(pages: list[Path]) -> list[str]:
    """Each page's main text, as the pipeline extracts it."""
    from wirewatch.stages.extract import extract_article
    from wirewatch.stages.ingest import read_file

    return [extract_article(read_file(page)).text for page in pages]


def _padded(sources: list[tuple[str, str]], texts: list[str], words: int) -> list[tuple[str, str]]:
    """Add paragraphs of the next pages after each page's first paragraph, up to ``words``."""
    body = [[p.strip() for p in t.split("\n")[1:] if len(p.split()) >= 12] for t in texts]
    out = []
    for k, (stem, page) in enumerate(sources):
        added: list[str] = []
        total = len(texts[k].split())
        for step in range(1, len(sources)):
            for para in body[(k + step) % len(sources)]:
                if total >= words:
                    break
                added.append(f"<p>{html_lib.escape(para)}</p>")
                total += len(para.split())
        out.append((stem, _insert_after_body_paragraph(page, body[k], "".join(added))))
    return out


def _insert_after_body_paragraph(page: str, paragraphs: list[str], extra: str) -> str:
    """Insert ``extra`` after the page's first main-text paragraph (found by its opening words)."""
    for para in paragraphs:
        at = page.find(para[:30])
        end = _FIRST_P_END.search(page, at) if at >= 0 else None
        if end:
            return page[:end.end()] + extra + page[end.end():]
    return _FIRST_P_END.sub(lambda m: m.group(0) + extra, page, count=1)


def build_corpus(folder: Path, n: int, words: int | None = None) -> list[Path]:
    """Write ``n`` pages into ``folder`` (round-robin over the samples); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    pages = english_samples()
    sources = [(p.stem, p.read_text(encoding="utf-8")) for p in pages]
    if words:
        sources = _padded(sources, _texts(pages), words)
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
