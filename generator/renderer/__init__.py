"""The MkDocs adapter (the only code that imports mkdocs or jinja2), its hooks, worker processes and the
search-index merge."""
