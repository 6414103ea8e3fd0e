"""CURIEs checked and expanded with the Bioregistry (a maintained prefix registry, not a hand-written table)."""

from __future__ import annotations

import functools
import re

import bioregistry

from .load import did_you_mean

__all__ = ["expand_curie", "compress_iri"]


@functools.lru_cache(maxsize=1)
def _converter():
    return bioregistry.get_converter()


@functools.lru_cache(maxsize=None)
def _pattern(prefix: str):
    pattern = bioregistry.get_pattern(prefix)
    return re.compile(pattern) if pattern else None


@functools.lru_cache(maxsize=1)
def _all_prefixes() -> tuple:
    return tuple(sorted(bioregistry.read_registry()))


def expand_curie(curie: str) -> tuple[str | None, str | None]:
    """(IRI, None) for a valid CURIE, or (None, what is wrong and what to write)."""
    if ":" not in curie or curie.startswith(("http://", "https://")):
        return None, (f"`{curie}` is not a CURIE; write prefix:id such as `HGNC:7132` "
                      "(identifiers without a registry prefix go in otherIdentifier)")
    prefix, local = curie.split(":", 1)
    canonical = bioregistry.normalize_prefix(prefix)
    if canonical is None:
        return None, (f"unknown identifier prefix `{prefix}`{did_you_mean(prefix.lower(), _all_prefixes())} "
                      "(prefixes come from the Bioregistry; identifiers without one go in otherIdentifier)")
    pattern = _pattern(canonical)
    if pattern is not None and not pattern.match(local):
        return None, f"`{local}` is not a valid {prefix} identifier; it must match {pattern.pattern}"
    iri = _converter().expand(f"{canonical}:{local}")
    if iri is None:
        return None, f"the Bioregistry has no IRI pattern for `{prefix}`; put `{curie}` in otherIdentifier instead"
    return iri, None


def compress_iri(iri: str) -> str | None:
    """The CURIE for an IRI, with the registry's preferred prefix spelling, or None."""
    curie = _converter().compress(iri)
    if curie is None:
        return None
    prefix, local = curie.split(":", 1)
    preferred = bioregistry.get_preferred_prefix(prefix) or prefix.upper()
    return f"{preferred}:{local}"
