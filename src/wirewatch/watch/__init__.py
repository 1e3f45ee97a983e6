"""Continuous monitoring: sources due → fetch → pipeline → store → rules → alerts → deliveries.

Import :class:`wirewatch.watch.loop.Watcher` for the loop; this package's ``__init__`` stays
light because ``wirewatch.config`` imports :mod:`wirewatch.watch.settings`.
"""
