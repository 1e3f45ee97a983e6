"""`wirewatch watch`: flags layered over the config file, --once, clear errors, the example config."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wirewatch.cli import main
from wirewatch.config import load_settings

REPO = Path(__file__).resolve().parents[2]


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _stub(monkeypatch: pytest.MonkeyPatch, stub_pipeline) -> None:
    from wirewatch.pipeline import builder

    monkeypatch.setattr(builder.Pipeline, "default", classmethod(lambda cls, **kw: stub_pipeline))
    monkeypatch.delenv("WIREWATCH_CONFIG_FILE", raising=False)
    monkeypatch.delenv("WIREWATCH_DB", raising=False)


def test_example_config_is_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIREWATCH_WEBHOOK_SECRET", "x")
    settings = load_settings(REPO / "wirewatch.example.toml")
    assert len(settings.watch.sources) == 3 and len(settings.watch.rules) == 3
    assert settings.watch.rules[2].kind == "spike" and settings.watch.fetch.max_bytes == 10_000_000


def test_watch_help_explains_the_flags(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "watch", "--help")
    assert code == 0
    for flag in ("--source", "--rule", "--webhook", "--webhook-secret-env", "--email", "--smtp", "--interval",
                 "--allow-host", "--once", "--demo", "--config", "--db"):
        assert flag in out


@pytest.mark.parametrize(("args", "code", "message"), [
    ([], 3, "nothing to watch"),
    (["--source", "x", "--rule", "typo=1"], 3, "unknown filter 'typo'"),
    (["--source", "x", "--rule", "type=NOPE"], 3, "unknown event type 'NOPE'"),
    (["--source", "x", "--smtp", "nocolon"], 2, "is not HOST:PORT"),
    (["--source", "x", "--webhook", "https://h.test/", "--webhook-secret-env", "WW_UNSET_SECRET"], 3,
     "WW_UNSET_SECRET (webhook secret) is not set"),
])
def test_watch_bad_flags_fail_clearly(capsys: pytest.CaptureFixture[str], sqlite_url: str, args: list[str],
                                      code: int, message: str) -> None:
    got, _, err = _run(capsys, "watch", "--db", sqlite_url, "--once", *args)
    assert got == code and message in err and "Traceback" not in err


def test_watch_once_on_a_folder_alerts_then_stays_quiet(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                        sqlite_url: str) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(REPO / "samples" / "01-mogadishu-suicide-bombing.html", inbox)
    shutil.copy(REPO / "samples" / "06-uk-sanctions-iran.html", inbox)
    args = ("watch", "--db", sqlite_url, "--source", str(inbox), "--rule", "type=ASSAULT&country=SOM", "--once")
    code, out, err = _run(capsys, *args)
    assert code == 0, err
    assert out.count("[wirewatch] type=ASSAULT&country=SOM: ASSAULT in Mogadishu, SOM") == 1
    assert "2 new page(s), 2 article(s) stored" in err
    shutil.copy(REPO / "samples" / "09-darfur-shelling-airstrike.html", inbox)   # a new file arrives
    code, out, err = _run(capsys, *args)
    assert code == 0 and out == "" and "1 new page(s), 1 article(s) stored" in err


def test_watch_once_only_source_dead_exits_4(capsys: pytest.CaptureFixture[str], sqlite_url: str,
                                              tmp_path: Path) -> None:
    code, _, err = _run(capsys, "watch", "--db", sqlite_url, "--once", "--source", str(tmp_path / "missing"))
    assert code == 4 and "every source failed" in err and "no such file or directory" in err


def test_watch_config_file_and_flags_combine(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                             sqlite_url: str) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    shutil.copy(REPO / "samples" / "09-darfur-shelling-airstrike.html", inbox)
    config = tmp_path / "wirewatch.toml"
    config.write_text(f'db = "sqlite:///{tmp_path / "other.db"}"\n[watch]\ninterval = 60\n'
                      f'[[watch.sources]]\nurl = "{inbox}"\nkind = "folder"\n'
                      '[[watch.rules]]\nname = "Sudan"\nquery = "country=SDN"\n')
    code, out, err = _run(capsys, "watch", "--config", str(config), "--db", sqlite_url, "--once")
    assert code == 0, err
    assert "[wirewatch] Sudan: ASSAULT in Darfur, SDN" in out
    assert not (tmp_path / "other.db").exists()       # --db won over the file


def test_every_watch_setting_is_documented() -> None:
    from pydantic import BaseModel

    from wirewatch.watch import settings as ws

    doc = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    models: list[type[BaseModel]] = [ws.WatchSettings, ws.FetchSettings, ws.SmtpSettings, ws.SourceSettings,
                                     ws.RuleSettings, ws.DeliverySettings]
    missing = [f"{m.__name__}.{k}" for m in models for k in m.model_fields
               if f"`{k}`" not in doc and f"watch.{k}]" not in doc]
    assert missing == []
