"""CURIEs checked and expanded with the Bioregistry (a maintained prefix registry, not a hand-written table).

Per prefix the registry is asked once for its canonical spelling, identifier pattern, IRI prefix and
preferred spelling; the answers are kept in PREFIXES, which the pipeline seeds from the cache file earlier
runs wrote (load/curie_cache.py) and the edges save again when something new was learnt (write/curie_cache.py).
"""

from __future__ import annotations

import functools
import re

from ..model.wording import did_you_mean, not_a_curie

__all__ = ["expand_curie", "compress_iri", "PrefixRecords", "PREFIXES"]

_EXPANDED: dict = {}  # URI prefix -> (canonical prefix, preferred spelling), for every prefix expanded in this process


def _registry():
    import bioregistry  # only when the cache does not know a prefix: importing it takes a second or more

    return bioregistry


class PrefixRecords:
    """prefix as written -> [canonical, pattern, IRI prefix, preferred prefix], or None for an unknown prefix."""

    def __init__(self):
        self.records: dict = {}
        self.changed = False

    def seed(self, records: dict) -> None:
        """Take what a cache file held (answers asked in this process win)."""
        self.records = dict(records) | self.records

    def get(self, prefix: str):
        if prefix not in self.records:
            registry = _registry()
            canonical = registry.normalize_prefix(prefix)
            self.records[prefix] = (
                None
                if canonical is None
                else [
                    canonical,
                    registry.get_pattern(canonical),
                    registry.get_uri_prefix(canonical),
                    registry.get_preferred_prefix(canonical),
                ]
            )
            self.changed = True
        return self.records[prefix]


PREFIXES = PrefixRecords()


@functools.cache
def _prefix_record(prefix: str):
    """(canonical prefix, compiled pattern or None, URI prefix or None) for a prefix as written, or None."""
    record = PREFIXES.get(prefix)
    if record is None:
        return None
    canonical, pattern, uri_prefix, _ = record
    return canonical, re.compile(pattern) if pattern else None, uri_prefix


@functools.lru_cache(maxsize=1)
def _all_prefixes() -> tuple:
    return tuple(sorted(_registry().read_registry()))


def expand_curie(curie: str) -> tuple[str | None, str | None]:
    """(IRI, None) for a valid CURIE, or (None, what is wrong and what to write).

    >>> expand_curie("HGNC:7132")
    ('https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/7132', None)
    >>> expand_curie("https://example.org")[1]
    '`https://example.org` is not a CURIE; write prefix:id such as `HGNC:7132` (identifiers without a registry prefix go in otherIdentifier)'
    """
    if ":" not in curie or curie.startswith(("http://", "https://")):
        return None, not_a_curie(f"`{curie}`")
    prefix, local = curie.split(":", 1)
    record = _prefix_record(prefix)
    if record is None:
        return None, (
            f"unknown identifier prefix `{prefix}`{did_you_mean(prefix.lower(), _all_prefixes())} "
            "(prefixes come from the Bioregistry; identifiers without one go in otherIdentifier)"
        )
    canonical, pattern, uri_prefix = record
    if pattern is not None and not pattern.match(local):
        return None, f"`{local}` is not a valid {prefix} identifier; it must match {pattern.pattern}"
    if not uri_prefix:
        return None, f"the Bioregistry has no IRI pattern for `{prefix}`; put `{curie}` in otherIdentifier instead"
    _EXPANDED[uri_prefix] = (canonical, PREFIXES.get(prefix)[3])  # known now: compressing asks no registry
    return uri_prefix + local, None


@functools.lru_cache(maxsize=1)
def _converter():
    return _registry().get_converter()


def compress_iri(iri: str) -> str | None:
    """The CURIE for an IRI, with the registry's preferred prefix spelling, or None. An IRI of a prefix this
    process expanded needs no registry (importing it takes seconds, in every process that makes pages).

    >>> compress_iri(expand_curie("HGNC:7132")[0])
    'HGNC:7132'
    """
    for uri_prefix, spelling in _EXPANDED.items():  # spelling: (canonical prefix, preferred spelling)
        if iri.startswith(uri_prefix):
            (prefix, preferred), local = spelling, iri[len(uri_prefix) :]
            break
    else:
        curie = _converter().compress(iri)
        if curie is None:
            return None
        prefix, local = curie.split(":", 1)
        record = PREFIXES.get(prefix)
        preferred = record[3] if record is not None else None
    return f"{preferred or prefix.upper()}:{local}"
