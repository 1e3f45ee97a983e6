"""`python -m wirewatch` runs the command line."""

from wirewatch.cli import entry

entry()
