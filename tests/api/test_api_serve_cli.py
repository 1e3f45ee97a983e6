"""`wirewatch serve`: starts, prints its address, refuses a busy port and a missing token variable."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from corpus_api import TOKEN

from wirewatch.cli import main

WIREWATCH = Path(sys.executable).parent / "wirewatch"


def test_serve_help_explains_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--help"]) == 0
    out = capsys.readouterr().out
    for option in ("--db", "--host", "--port", "--allow-host", "--token-env", "--read-requires-token"):
        assert option in out


def test_serve_busy_port_is_a_clear_error(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--db", sqlite_url, "--port", str(port)]) == 3
    err = capsys.readouterr().err
    assert f"cannot listen on 127.0.0.1:{port}" in err and "--port" in err


def test_serve_token_env_must_be_set(sqlite_url: str, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WW_TEST_UNSET_TOKEN", raising=False)
    assert main(["serve", "--db", sqlite_url, "--port", "0", "--token-env", "WW_TEST_UNSET_TOKEN"]) == 3
    assert "WW_TEST_UNSET_TOKEN" in capsys.readouterr().err


def test_serve_bad_database_is_exit_5(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "dir.db").mkdir()
    assert main(["serve", "--db", f"sqlite:///{tmp_path / 'dir.db'}", "--port", "0"]) == 5
    assert "cannot open the database" in capsys.readouterr().err


@pytest.mark.network
def test_serve_runs_with_a_token_from_the_named_variable(sqlite_url: str, tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    env = {"PATH": "/usr/bin:/bin", "MY_TOKEN": TOKEN, "HOME": str(tmp_path)}
    with log.open("w") as handle:
        process = subprocess.Popen([str(WIREWATCH), "serve", "--db", sqlite_url, "--port", "0", "--token-env",
                                    "MY_TOKEN", "--allow-host", "127.0.0.1"], stdout=handle,
                                   stderr=subprocess.STDOUT, env=env)
    try:
        url = _wait_for_address(log, process)
        assert httpx.get(f"{url}/api/health").json()["write_enabled"] is True
        rule = {"name": "r", "query": "type=ASSAULT"}
        assert httpx.post(f"{url}/api/rules", json=rule).status_code == 401
        created = httpx.post(f"{url}/api/rules", json=rule, headers={"Authorization": f"Bearer {TOKEN}"})
        assert created.status_code == 201
        assert httpx.get(f"{url}/").status_code == 200
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert TOKEN not in log.read_text()


def _wait_for_address(log: Path, process: subprocess.Popen[bytes]) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        for line in log.read_text().splitlines():
            if "dashboard at http://" in line:
                url = line.split("dashboard at ", 1)[1].split("/ ", 1)[0].rstrip("/")
                try:
                    httpx.get(f"{url}/api/health", timeout=2)
                    return url
                except httpx.HTTPError:
                    break
        time.sleep(0.2)
    pytest.fail(f"serve did not start: {log.read_text()}")
