"""Alert sinks by name: the built-in ``jsonl`` file sink, plugins found through the
``wirewatch.alert_sinks`` entry point group, and clear errors for bad delivery settings."""

from __future__ import annotations

import json
import threading
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from wirewatch.config import Settings
from wirewatch.errors import ConfigError, PluginError
from wirewatch.fetch.ssrf import SSRFGuard
from wirewatch.pipeline import registry
from wirewatch.watch.build import build_sinks
from wirewatch.watch.deliver import DeliveryError, JsonlFileSink
from wirewatch.watch.settings import DeliverySettings
from wirewatch.watch.sinks import list_sinks, load_sink

MESSAGE = {"alert_id": 3, "kind": "match", "rule": {"name": "Sahel attacks"},
           "events": [{"type": "ASSAULT", "evidence": "Gunmen killed 12 villagers near Ménaka."}]}


def _watch(deliveries: list[dict[str, Any]]) -> Settings:
    return Settings(db="sqlite://", watch={"deliveries": deliveries})


def test_jsonl_sink_appends_one_line_per_message(tmp_path: Path) -> None:
    path = tmp_path / "alerts.jsonl"
    sink = load_sink("jsonl", "file", {"path": str(path)})
    sink.send(MESSAGE)
    sink.send({**MESSAGE, "alert_id": 4})
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["alert_id"] for line in lines] == [3, 4]
    assert json.loads(lines[0])["events"][0]["evidence"] == "Gunmen killed 12 villagers near Ménaka."


def test_jsonl_sink_lines_do_not_interleave_across_threads(tmp_path: Path) -> None:
    path = tmp_path / "alerts.jsonl"
    sinks = [JsonlFileSink(f"w{i}", {"path": str(path)}) for i in range(4)]
    big = {**MESSAGE, "padding": "x" * 20_000}

    def send(sink: JsonlFileSink) -> None:
        for _ in range(25):
            sink.send(big)

    threads = [threading.Thread(target=send, args=(s,)) for s in sinks]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 100 and all(json.loads(line)["padding"] == big["padding"] for line in lines)


def test_jsonl_sink_failure_is_a_delivery_error(tmp_path: Path) -> None:
    sink = JsonlFileSink("file", {"path": str(tmp_path / "missing-dir" / "alerts.jsonl")})
    with pytest.raises(DeliveryError, match="cannot append"):
        sink.send(MESSAGE)


def test_jsonl_sink_options_are_checked() -> None:
    with pytest.raises(ConfigError, match="options.path"):
        load_sink("jsonl", "file", {})
    with pytest.raises(ConfigError, match="unknown jsonl sink option"):
        load_sink("jsonl", "file", {"path": "/tmp/x.jsonl", "rotate": True})


def test_delivery_from_settings_builds_the_named_sink(tmp_path: Path) -> None:
    settings = _watch([{"name": "archive", "sink": "jsonl", "options": {"path": str(tmp_path / "a.jsonl")}}])
    sinks = build_sinks(settings.watch, SSRFGuard.build())
    assert isinstance(sinks["archive"], JsonlFileSink) and sinks["archive"].name == "archive"


@pytest.mark.parametrize("delivery, message", [
    ({"name": "x"}, "exactly one of"),
    ({"name": "x", "sink": "jsonl", "webhook": "https://hooks.example.org/a"}, "exactly one of"),
    ({"name": "x", "email": ["a@example.org"], "options": {"path": "a"}}, "'options' are for a 'sink'"),
])
def test_delivery_needs_exactly_one_target(delivery: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        DeliverySettings(**delivery)


def test_unknown_sink_names_the_installed_ones() -> None:
    settings = _watch([{"name": "chat", "sink": "carrier-pigeon"}])
    with pytest.raises(PluginError) as info:
        build_sinks(settings.watch, SSRFGuard.build())
    assert "carrier-pigeon" in str(info.value) and "jsonl" in (info.value.hint or "")


class RecordingSink:
    """What a third-party plugin would ship."""

    sent: list[dict[str, Any]] = []

    def __init__(self, name: str, options: dict[str, Any]) -> None:
        self.name, self.channel = name, options["channel"]

    def send(self, message: dict[str, Any]) -> None:
        RecordingSink.sent.append({"channel": self.channel, **message})


def test_plugin_registered_by_entry_point_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    plugin = EntryPoint(name="chat", value=f"{__name__}:RecordingSink", group="wirewatch.alert_sinks")
    real = registry.entry_points

    def fake(*, group: str) -> Any:
        return [plugin] if group == "wirewatch.alert_sinks" else real(group=group)

    monkeypatch.setattr(registry, "entry_points", fake)
    assert "chat" in list_sinks() and "jsonl" in list_sinks()
    settings = _watch([{"name": "ops-chat", "sink": "chat", "options": {"channel": "#ops"}}])
    sink = build_sinks(settings.watch, SSRFGuard.build())["ops-chat"]
    sink.send(MESSAGE)
    assert RecordingSink.sent[-1]["channel"] == "#ops" and RecordingSink.sent[-1]["alert_id"] == 3


def test_plugin_that_cannot_be_built_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    plugin = EntryPoint(name="chat", value=f"{__name__}:RecordingSink", group="wirewatch.alert_sinks")
    monkeypatch.setattr(registry, "entry_points", lambda *, group: [plugin])
    with pytest.raises(ConfigError):
        load_sink("chat", "ops-chat", {})    # RecordingSink needs options.channel → KeyError
