"""The `wirewatch` command line: one Typer app, thin commands over library functions.

Errors are translated here, in one place, into one line on stderr and an exit code
(STYLE.md §4): 2 usage, 3 configuration, 4 input, 5 storage, 6 quarantined items
with --strict, 1 a bug (traceback only with --debug).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from typer._click import exceptions as click_exc   # Typer vendors Click

from wirewatch.errors import WirewatchError

if TYPE_CHECKING:
    from wirewatch.config import Settings

app = typer.Typer(
    name="wirewatch", no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Offline-first news event monitor: extract articles, code political events "
         "(PLOVER/CAMEO) with status, attribution, place and evidence, store and export them.",
)


class _State:
    registered = False
    debug = False
    config: Path | None = None


def settings() -> "Settings":
    """The settings for this invocation: defaults < wirewatch.toml (--config) < WIREWATCH_* env."""
    from wirewatch.config import load_settings

    return load_settings(_State.config)


@app.callback()
def _root(
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True,
                                         help="More log output (-v info, -vv debug).")] = 0,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks for internal errors.")] = False,
    config: Annotated[Optional[Path], typer.Option(
        "--config", "-c", help="TOML settings file (see docs/configuration.md); env WIREWATCH_CONFIG_FILE.")] = None,
    log_json: Annotated[bool, typer.Option("--log-json", help="Logs as JSON lines on stderr.")] = False,
) -> None:
    from wirewatch.logs import configure_logging

    _State.debug = debug
    _State.config = config
    configure_logging(logging.WARNING - 10 * min(verbose, 2), as_json=log_json)


def _register() -> None:
    if _State.registered:
        return
    _State.registered = True
    from wirewatch.cli import backfill, data, evaluate, gazetteer, run, serve, watch

    for module in (run, data, serve, watch, backfill):
        module.register(app)
    app.add_typer(evaluate.app, name="eval")
    app.add_typer(gazetteer.app, name="gazetteer")


def _fail(message: str, code: int) -> int:
    sys.stderr.write(f"Error: {message}\n")
    return code


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    _register()
    try:
        app(args=argv, standalone_mode=False, prog_name="wirewatch")
    except click_exc.NoArgsIsHelpError as exc:
        sys.stderr.write(exc.ctx.get_help() + "\n" if exc.ctx else "")
        return 2
    except click_exc.UsageError as exc:
        cmd = exc.ctx.command_path if exc.ctx else "wirewatch"
        return _fail(f"{exc.format_message()} (see `{cmd} --help`)", 2)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        return _fail("interrupted.", 130)
    except click_exc.ClickException as exc:
        return _fail(exc.format_message(), exc.exit_code)
    except KeyboardInterrupt:
        return _fail("interrupted.", 130)
    except WirewatchError as exc:
        return _fail(str(exc), exc.exit_code)
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if _State.debug:
            raise
        return _fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback "
                     "and report it)", 1)
    return 0


def entry() -> None:
    sys.exit(main())


__all__ = ["app", "main"]
