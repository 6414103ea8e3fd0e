"""The `kg` generator: read → map → check → render → write, with MkDocs and SPARQL at the edges.

Packages, lowest layer first (a module imports only from its own layer or below; tests/test_architecture.py
keeps it so): model, load, map, check, diff, render, write, sparql, versions, renderer, then build.py, preview,
tools and cli.py on top.
"""
