"""CURIEs checked and expanded with the Bioregistry (a maintained prefix registry, not a hand-written table)."""

from __future__ import annotations

import functools
import re

import bioregistry

from .load import did_you_mean

__all__ = ["expand_curie", "compress_iri"]

_EXPANDED: dict = {}  # URI prefix -> canonical prefix, for every prefix expanded in this process


@functools.lru_cache(maxsize=None)
def _prefix_record(prefix: str):
    """(canonical prefix, compiled pattern or None, URI prefix or None) for a prefix as written, or None."""
    canonical = bioregistry.normalize_prefix(prefix)
    if canonical is None:
        return None
    pattern = bioregistry.get_pattern(canonical)
    return canonical, re.compile(pattern) if pattern else None, bioregistry.get_uri_prefix(canonical)


@functools.lru_cache(maxsize=1)
def _all_prefixes() -> tuple:
    return tuple(sorted(bioregistry.read_registry()))


def expand_curie(curie: str) -> tuple[str | None, str | None]:
    """(IRI, None) for a valid CURIE, or (None, what is wrong and what to write)."""
    if ":" not in curie or curie.startswith(("http://", "https://")):
        return None, (f"`{curie}` is not a CURIE; write prefix:id such as `HGNC:7132` "
                      "(identifiers without a registry prefix go in otherIdentifier)")
    prefix, local = curie.split(":", 1)
    record = _prefix_record(prefix)
    if record is None:
        return None, (f"unknown identifier prefix `{prefix}`{did_you_mean(prefix.lower(), _all_prefixes())} "
                      "(prefixes come from the Bioregistry; identifiers without one go in otherIdentifier)")
    canonical, pattern, uri_prefix = record
    if pattern is not None and not pattern.match(local):
        return None, f"`{local}` is not a valid {prefix} identifier; it must match {pattern.pattern}"
    if not uri_prefix:
        return None, f"the Bioregistry has no IRI pattern for `{prefix}`; put `{curie}` in otherIdentifier instead"
    _EXPANDED[uri_prefix] = canonical
    return uri_prefix + local, None


@functools.lru_cache(maxsize=1)
def _converter():
    return bioregistry.get_converter()


def compress_iri(iri: str) -> str | None:
    """The CURIE for an IRI, with the registry's preferred prefix spelling, or None."""
    for uri_prefix, canonical in _EXPANDED.items():
        if iri.startswith(uri_prefix):
            prefix, local = canonical, iri[len(uri_prefix):]
            break
    else:
        curie = _converter().compress(iri)
        if curie is None:
            return None
        prefix, local = curie.split(":", 1)
    return f"{bioregistry.get_preferred_prefix(prefix) or prefix.upper()}:{local}"
