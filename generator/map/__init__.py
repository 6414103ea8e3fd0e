"""YAML trees to triples, one named graph per content file; CURIEs, links in text, the link graph."""
