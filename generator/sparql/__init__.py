"""SPARQL over the graph: the embedded Oxigraph store, the guarded query engine, `kg serve` and `kg publish`."""
