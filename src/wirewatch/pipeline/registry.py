"""Stage registry fed by entry points (``wirewatch.stages``): choose one implementation by name."""

from __future__ import annotations

import inspect
from importlib.metadata import entry_points
from typing import Any

from wirewatch.errors import PluginError
from wirewatch.pipeline.base import Stage

GROUP = "wirewatch.stages"

#: Built-ins, so that a source checkout works without installed metadata.
BUILTINS: dict[str, str] = {
    "extract.trafilatura.v1": "wirewatch.stages.extract:TrafilaturaExtractor",
    "nlp.spacy.v1": "wirewatch.stages.nlp:SpacyParser",
    "geo.gazetteer.v1": "wirewatch.stages.geo:GazetteerGeoparser",
    "coding.plover.v1": "wirewatch.stages.coding:PloverCoder",
}


def list_stages(kind: str | None = None) -> list[str]:
    """Registered stage names, optionally only those of one kind ("geo")."""
    names = registered_names(GROUP, BUILTINS)
    return [n for n in names if kind is None or n.split(".", 1)[0] == kind]


def registered_names(group: str, builtins: dict[str, str]) -> list[str]:
    """Names registered under an entry point group, plus the built-ins."""
    return sorted(set(builtins) | {ep.name for ep in entry_points(group=group)})


def load_entry(group: str, name: str, builtins: dict[str, str], what: str) -> Any:
    """The object an entry point (or built-in ``module:attr``) called ``name`` points at."""
    target = next((ep.value for ep in entry_points(group=group) if ep.name == name), builtins.get(name))
    if target is None:
        raise PluginError(f"unknown {what} {name!r}.",
                          hint=f"Installed: {', '.join(registered_names(group, builtins))}.")
    module_name, _, attr = target.partition(":")
    try:
        module = __import__(module_name, fromlist=[attr])
        return getattr(module, attr)
    except (ImportError, AttributeError) as exc:
        raise PluginError(f"{what} {name!r} ({target}) failed to load: {exc}") from exc


def load_stage(name: str, **options: Any) -> Stage:
    """Instantiate the stage registered as ``name``; options it does not accept are ignored."""
    cls = load_entry(GROUP, name, BUILTINS, "stage")
    params = inspect.signature(cls).parameters
    accepted = {k: v for k, v in options.items() if k in params}
    stage: Stage = cls(**accepted)
    return stage
