"""The only code that reads project files: strict YAML, the ontology, content, site configuration and pages,
saved queries, benchmark results, caches and what a build left behind."""
