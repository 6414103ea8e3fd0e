"""Knowledge graph generator: content YAML + ontology -> RDF dumps and a static site (load → map → check → write)."""
