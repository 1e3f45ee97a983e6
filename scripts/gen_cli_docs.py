"""Write docs/cli.md from the `--help` of every wirewatch command (run after changing the CLI).

    .venv/bin/python scripts/gen_cli_docs.py          # rewrite docs/cli.md
    .venv/bin/python scripts/gen_cli_docs.py --check  # exit 1 when docs/cli.md is out of date
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def _help(args: list[str]) -> str:
    from wirewatch.cli import main

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        main([*args, "--help"])
    return buf.getvalue().rstrip()


def _commands() -> list[list[str]]:
    from wirewatch.cli import _register, app
    from typer.main import get_command

    _register()
    root = get_command(app)
    found: list[list[str]] = []

    def walk(command: object, path: list[str]) -> None:
        subs = getattr(command, "commands", None)
        if not subs:
            found.append(path)
            return
        if path:
            found.append(path)
        for name in sorted(subs):
            walk(subs[name], [*path, name])

    walk(root, [])
    return found


def render() -> str:
    saved = {k: os.environ.get(k) for k in ("COLUMNS", "TERM")}
    os.environ.update(COLUMNS="100", TERM="dumb")
    try:
        return _render()
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _render() -> str:
    parts = ["# Command-line reference", "",
             "Generated from `--help` by `scripts/gen_cli_docs.py`; a test fails when it is out of date.", "",
             "## wirewatch", "", "```", _help([]), "```", ""]
    for path in _commands():
        parts += [f"## wirewatch {' '.join(path)}", "", "```", _help(path), "```", ""]
    return "\n".join(parts)


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        return 0 if DOC.exists() and DOC.read_text(encoding="utf-8") == text else 1
    DOC.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
