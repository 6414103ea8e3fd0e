"""A dump the site published (kg.trig, kg.ttl, …), read back as Oxigraph quads for `kg diff`."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from ..model.formats import DUMPS

__all__ = ["read_dump", "is_dump", "DumpError"]


class DumpError(Exception):
    """A dump that cannot be read: an unknown extension or a syntax error."""


def is_dump(text: str) -> bool:
    """Whether a `kg diff` argument names an RDF file (by its extension) rather than a git revision."""
    return any(text.endswith(f".{data_format.extension}") for data_format in DUMPS) and Path(text).is_file()


def read_dump(path: Path) -> list:
    """The quads of a dump (triples of a Turtle or N-Triples file are in the default graph)."""
    data_format = next((f for f in DUMPS if path.name.endswith(f".{f.extension}")), None)
    if data_format is None:
        raise DumpError(f"{path}: not a dump ({', '.join('.' + f.extension for f in DUMPS)})")
    try:
        return list(ox.parse(path=str(path), format=data_format.format))
    except (SyntaxError, ValueError, OSError) as error:
        raise DumpError(f"{path}: {str(error).splitlines()[0]}") from None
