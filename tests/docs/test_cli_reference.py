"""docs/cli.md is generated from --help; it must match the commands as they are."""

from __future__ import annotations

import runpy
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "gen_cli_docs.py"


def test_cli_reference_is_up_to_date() -> None:
    module = runpy.run_path(str(SCRIPT))
    expected = module["render"]()
    actual = module["DOC"].read_text(encoding="utf-8")
    assert actual == expected, "docs/cli.md is stale: run `.venv/bin/python scripts/gen_cli_docs.py`"
