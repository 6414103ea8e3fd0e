"""Pages that list across the graph: home, overview, timeline, sources and each class index."""
