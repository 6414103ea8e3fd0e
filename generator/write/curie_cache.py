"""Save what this run learnt from the Bioregistry into the cache file later runs read (load/curie_cache.py)."""

from __future__ import annotations

import json
import os

from ..load.curie_cache import cache_file
from ..map.curies import PREFIXES

__all__ = ["save_prefix_cache"]


def save_prefix_cache() -> None:
    """Write the prefix records when this process asked the registry something new; a read-only home just
    means the registry is asked again next time."""
    path = cache_file()
    if not PREFIXES.changed or path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(PREFIXES.records, sort_keys=True), encoding="utf-8")
        os.replace(partial, path)
        PREFIXES.changed = False
    except OSError:
        pass
