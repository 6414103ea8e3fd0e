"""CURIEs checked and expanded with the Bioregistry (a maintained prefix registry, not a hand-written table).

Importing the Bioregistry takes a second or more, longer than checking a whole small tree, so what this module
asks of it (per prefix: canonical spelling, identifier pattern, IRI prefix, preferred spelling) is remembered
in a small JSON file in the user's cache folder, one per Bioregistry version: a new version is asked again."""

from __future__ import annotations

import atexit
import functools
import json
import os
import re
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .load import did_you_mean

__all__ = ["expand_curie", "compress_iri"]

_EXPANDED: dict = {}  # URI prefix -> canonical prefix, for every prefix expanded in this process


def _registry():
    import bioregistry  # only when the cache does not know a prefix

    return bioregistry


def _cache_file() -> Path | None:
    try:
        release = version("bioregistry")
    except PackageNotFoundError:
        return None
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "childhood-leukaemia-kg" / f"bioregistry-{release}.json"


class _PrefixCache:
    """prefix as written -> [canonical, pattern, IRI prefix, preferred prefix], or None for an unknown prefix."""

    def __init__(self):
        self.path = _cache_file()
        self.records: dict = {}
        self.changed = False
        if self.path is not None and self.path.is_file():
            try:
                self.records = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):  # unreadable or half written: ask the registry again
                self.records = {}

    def get(self, prefix: str):
        if prefix not in self.records:
            registry = _registry()
            canonical = registry.normalize_prefix(prefix)
            self.records[prefix] = None if canonical is None else [
                canonical, registry.get_pattern(canonical), registry.get_uri_prefix(canonical),
                registry.get_preferred_prefix(canonical)]
            self.changed = True
        return self.records[prefix]

    def save(self) -> None:
        if not self.changed or self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(json.dumps(self.records, sort_keys=True), encoding="utf-8")
            partial.replace(self.path)
        except OSError:  # a read-only home: the registry is asked again next time, nothing else changes
            pass


@functools.lru_cache(maxsize=1)
def _prefixes() -> _PrefixCache:
    cache = _PrefixCache()
    atexit.register(cache.save)
    return cache


@functools.lru_cache(maxsize=None)
def _prefix_record(prefix: str):
    """(canonical prefix, compiled pattern or None, URI prefix or None) for a prefix as written, or None."""
    record = _prefixes().get(prefix)
    if record is None:
        return None
    canonical, pattern, uri_prefix, _ = record
    return canonical, re.compile(pattern) if pattern else None, uri_prefix


@functools.lru_cache(maxsize=1)
def _all_prefixes() -> tuple:
    return tuple(sorted(_registry().read_registry()))


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
    return _registry().get_converter()


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
    record = _prefixes().get(prefix)
    preferred = record[3] if record is not None else None
    return f"{preferred or prefix.upper()}:{local}"
