"""Alert sinks registered by name (entry point group ``wirewatch.alert_sinks``).

A plugin package declares, in its ``pyproject.toml``::

    [project.entry-points."wirewatch.alert_sinks"]
    "slack" = "mypackage.alerts:SlackSink"

where ``SlackSink(name, options)`` builds an object with a ``name`` and a ``send(message)`` method
that raises :class:`wirewatch.watch.deliver.DeliveryError` when delivery fails (the watcher records
the outcome and retries later). A ``[[watch.deliveries]]`` entry with ``sink = "slack"`` and an
``options`` table then uses it. Webhook and e-mail deliveries have their own keys.
"""

from __future__ import annotations

from typing import Any

from wirewatch.errors import ConfigError
from wirewatch.pipeline.registry import load_entry, registered_names
from wirewatch.watch.deliver import AlertSink, DeliveryError

GROUP = "wirewatch.alert_sinks"
BUILTINS: dict[str, str] = {"jsonl": "wirewatch.watch.deliver:JsonlFileSink"}


def list_sinks() -> list[str]:
    """Names of the registered alert sinks."""
    return registered_names(GROUP, BUILTINS)


def load_sink(sink: str, name: str, options: dict[str, Any]) -> AlertSink:
    """Build delivery ``name`` with the sink registered as ``sink``; bad options are a config error."""
    factory = load_entry(GROUP, sink, BUILTINS, "alert sink")
    try:
        built = factory(name, dict(options))
    except DeliveryError as exc:
        raise ConfigError(str(exc)) from exc
    except Exception as exc:   # a plugin's own error: report it as a configuration problem
        raise ConfigError(f"delivery {name!r}: alert sink {sink!r} cannot be built: "
                          f"{type(exc).__name__}: {exc}") from exc
    if not callable(getattr(built, "send", None)):
        raise ConfigError(f"delivery {name!r}: alert sink {sink!r} has no send(message) method.")
    if getattr(built, "name", None) != name:
        built.name = name
    return built
