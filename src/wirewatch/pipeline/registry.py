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
    names = set(BUILTINS) | {ep.name for ep in entry_points(group=GROUP)}
    return sorted(n for n in names if kind is None or n.split(".", 1)[0] == kind)


def load_stage(name: str, **options: Any) -> Stage:
    """Instantiate the stage registered as ``name``; options it does not accept are ignored."""
    target = next((ep.value for ep in entry_points(group=GROUP) if ep.name == name), BUILTINS.get(name))
    if target is None:
        raise PluginError(f"unknown stage {name!r}.", hint=f"Installed: {', '.join(list_stages())}.")
    module_name, _, attr = target.partition(":")
    try:
        module = __import__(module_name, fromlist=[attr])
        cls = getattr(module, attr)
    except (ImportError, AttributeError) as exc:
        raise PluginError(f"stage {name!r} ({target}) failed to load: {exc}") from exc
    params = inspect.signature(cls).parameters
    accepted = {k: v for k, v in options.items() if k in params}
    stage: Stage = cls(**accepted)
    return stage
