"""The semantic diff of two versions of the graph (pure): what `kg diff`, the changelog and pull requests show."""
