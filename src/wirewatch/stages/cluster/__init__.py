"""Clustering: near-duplicates (``dedup``), online stories (``stories``), merged events (``merge``).

``clusterer.StoryClusterer`` ties them to a store; `wirewatch ingest` runs it after each stored
batch. (Nothing is imported here, so that storage can use ``merge`` without import cycles.)
"""
