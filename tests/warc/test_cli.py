"""`wirewatch warc build` and `wirewatch process` on an archive."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirewatch.cli import main
from wirewatch.warc import WarcStats, iter_warc_documents

pytestmark = pytest.mark.issue(8)


def test_warc_build_command(tmp_path: Path, pages: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "s.warc.gz"
    code = main(["warc", "build", *map(str, pages), "--out", str(out), "--copies", "2", "--date", "2025-01-02"])
    assert code == 0, capsys.readouterr().err
    stats = WarcStats()
    docs = list(iter_warc_documents(out, stats=stats))
    assert len(docs) == 6 and docs[0].fetched_at is not None and docs[0].fetched_at.year == 2025
    assert "wrote 6 response records" in capsys.readouterr().err


def test_warc_build_rejects_a_bad_date(tmp_path: Path, pages: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["warc", "build", str(pages[0]), "--out", str(tmp_path / "x.warc"), "--date", "soon"]) == 2
    assert "not a date" in capsys.readouterr().err


def test_process_reads_an_archive_like_the_pages(tmp_path: Path, pages: list[Path],
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "p.warc.gz"
    assert main(["warc", "build", str(pages[0]), "--out", str(archive)]) == 0
    capsys.readouterr()
    assert main(["process", str(archive), "--json"]) == 0
    from_archive = json.loads(capsys.readouterr().out)
    assert main(["process", str(pages[0]), "--json"]) == 0
    from_file = json.loads(capsys.readouterr().out)
    assert from_archive["id"] == from_file["id"]
    assert from_archive["events"] == from_file["events"]
