"""What `kg build` keeps beside a build to redo only what changed the next time: a fingerprint of everything that
invalidates the whole build, each content file's digest, each entity's file, class and links, and per language
what each part of the docs read and the pages it made (see build/parts.py). JSON, so it crosses processes."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

__all__ = ["BuildState", "STATE_VERSION", "fingerprint_of"]

STATE_VERSION = 1  # bumped when the layout below changes: an older state is not read


def _key_in(key):
    """A part key or a read as JSON: an id stays a string, a tuple becomes a list."""
    return list(key) if isinstance(key, tuple) else key


def _key_out(value):
    return tuple(value) if isinstance(value, list) else value


@dataclass
class BuildState:
    fingerprint: str  # of the inputs that make every page stale (see load/build_inputs.py)
    files: dict  # content path -> sha256 of its bytes
    entities: dict  # id -> (content path, class folder, ids its file links to)
    parts: dict  # lang -> part key -> (frozenset of what it read, doc paths it made)
    navs: dict  # lang -> nav, as rendered
    releases: dict = field(default_factory=dict)  # version -> dump name -> bytes (the release dumps kept)

    def to_json(self) -> dict:
        return {
            "version": STATE_VERSION,
            "fingerprint": self.fingerprint,
            "files": self.files,
            "entities": {i: [path, folder, list(targets)] for i, (path, folder, targets) in self.entities.items()},
            "parts": {
                lang: sorted(
                    (
                        [_key_in(key), sorted(map(_key_in, reads), key=str), list(paths)]
                        for key, (reads, paths) in parts.items()
                    ),
                    key=lambda part: str(part[0]),
                )
                for lang, parts in self.parts.items()
            },
            "navs": self.navs,
            "releases": self.releases,
        }

    @classmethod
    def from_json(cls, data: dict) -> BuildState | None:
        """The state, or None when it was written by another layout."""
        if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
            return None
        return cls(
            data["fingerprint"],
            data["files"],
            {i: (path, folder, tuple(targets)) for i, (path, folder, targets) in data["entities"].items()},
            {
                lang: {_key_out(key): (frozenset(map(_key_out, reads)), tuple(paths)) for key, reads, paths in parts}
                for lang, parts in data["parts"].items()
            },
            data["navs"],
            data.get("releases", {}),
        )


def fingerprint_of(inputs: str, *derived) -> str:
    """One digest of the inputs' fingerprint and what the build derived from them (the edition, the menus):
    any difference makes every page stale."""
    text = json.dumps([inputs, *[repr(value) for value in derived]], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
