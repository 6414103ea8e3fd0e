"""Checks across files (references, optional pyshacl) and the pipeline that runs load → map → check."""
