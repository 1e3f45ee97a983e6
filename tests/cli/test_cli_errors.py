"""CLI errors: one clear line on stderr, no traceback, documented exit codes (STYLE.md §4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.cli import main


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def pages(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    binary = tmp_path / "image.html"
    binary.write_bytes(bytes(range(256)) * 4)
    unreadable = tmp_path / "secret.html"
    unreadable.write_text("<p>x</p>")
    unreadable.chmod(0)
    return {"empty": empty, "binary": binary, "unreadable": unreadable}


@pytest.mark.parametrize(("args", "code", "message"), [
    (["process", "does-not-exist.html"], 4, "no such file"),
    (["process", "{empty}"], 4, "empty"),
    (["process", "{binary}"], 4, "binary file"),
    (["process", "{empty}", "--published", "2015-13-45"], 2, "is not a date"),
    (["process", "--no-such-option", "x.html"], 2, "No such option"),
    (["process"], 2, "Missing argument"),
    (["export", "--table", "nonsense"], 2, "Invalid value"),
    (["nosuchcommand"], 2, "No such command"),
])
def test_cli_error_is_one_clear_line(capsys: pytest.CaptureFixture[str], pages: dict[str, Path],
                                     args: list[str], code: int, message: str) -> None:
    args = [a.format(**pages) for a in args]
    got, _out, err = _run(capsys, *args)
    assert got == code
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("Error: ")
    assert message in lines[0]
    assert "Traceback" not in err


def test_cli_unreadable_file_exit_4(capsys: pytest.CaptureFixture[str], pages: dict[str, Path]) -> None:
    import os

    if os.geteuid() == 0:   # root reads anything: use a directory-shaped path instead
        code, _o, err = _run(capsys, "process", "/proc/self/mem")
        assert code == 4 and err.startswith("Error:")
        return
    code, _out, err = _run(capsys, "process", str(pages["unreadable"]))
    assert code == 4
    assert "cannot be read" in err


def test_cli_help_explains_commands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _run(capsys, "--help")
    assert code == 0
    for command in ("process", "ingest", "export", "eval"):
        assert command in out


def test_cli_bad_database_url_exit_5(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _out, err = _run(capsys, "summary", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert code == 5
    assert err.startswith("Error: cannot open the database")


def test_cli_log_json_lines(capsys: pytest.CaptureFixture[str], pages: dict[str, Path]) -> None:
    import json

    code = main(["--log-json", "-v", "process", str(pages["empty"])])
    err = capsys.readouterr().err
    assert code == 4
    records = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    assert records and records[0]["level"] == "info" and "empty" in records[0]["msg"]


def test_cli_overlong_path_is_input_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "process", "x" * 5000)
    assert code == 4
    assert "cannot be read" in err and "Traceback" not in err
