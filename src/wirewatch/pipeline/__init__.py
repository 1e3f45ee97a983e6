"""The pipeline: stages connected by one typed interface."""

from wirewatch.pipeline.base import ItemStage, RunContext, Stage, Work, check_stages, live, run

__all__ = ["ItemStage", "live", "RunContext", "Stage", "Work", "check_stages", "run"]
