"""Rich consoles: results go to stdout, progress, logs and errors to stderr."""

from __future__ import annotations

from rich.console import Console
from rich.progress import ProgressColumn, Task
from rich.text import Text

out_console = Console(soft_wrap=True)
err_console = Console(stderr=True)


class RateColumn(ProgressColumn):
    """Items per second for a progress bar."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:.1f}/s", style="progress.data.speed")
