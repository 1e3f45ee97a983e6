"""Corpus builders for reliability tests."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

TOWNS = ["Gao", "Mopti", "Kidal", "Timbuktu", "Menaka", "Segou", "Djibo", "Dori", "Maiduguri", "Goma",
         "Beni", "Bunia", "Mosul", "Kirkuk", "Idlib", "Aleppo", "Kandahar", "Jalalabad", "Mogadishu", "Baidoa"]
ACTORS = ["Gunmen", "Suspected jihadists", "Rebels", "Unidentified attackers", "Militants"]


def write_corpus(folder: Path, n: int, seed: int = 7) -> list[Path]:
    """``n`` short, distinct news pages, each reporting one attack (names sort in arrival order)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        town = rng.choice(TOWNS)
        actor = rng.choice(ACTORS)
        killed = rng.randint(2, 40)
        body = (f"<p>{town.upper()} - {actor} attacked a village near {town} on Monday, killing {killed} "
                f"people and wounding {killed + 3} others, local officials said in report number {i}.</p>"
                f"<p>Residents said the assailants arrived on motorcycles and burned shops before fleeing. "
                f"The army said it had sent reinforcements to the area, item {i}.</p>")
        html = (f"<html><head><title>Attack near {town} (report {i})</title>"
                f"<meta property='article:published_time' content='2024-05-{1 + i % 28:02d}'>"
                f"<link rel='canonical' href='https://news.example.org/{i}'></head>"
                f"<body><article><h1>Attack near {town} (report {i})</h1>{body}</article></body></html>")
        path = folder / f"{i:05d}.html"
        path.write_text(html, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture()
def corpus_writer() -> Callable[[Path, int], list[Path]]:
    return write_corpus
