"""What a build returns, and the progress a caller that shows none passes."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["BuildResult", "NO_PROGRESS"]


@dataclass
class BuildResult:
    problems: list
    entities: int = 0
    triples: int = 0
    pages: int = 0
    dumps: dict = field(default_factory=dict)
    navs: dict = field(default_factory=dict)  # lang -> [(title, doc path)], as rendered
    release_dumps: dict = field(default_factory=dict)  # version -> dump name -> bytes (data/releases/<version>/)
    rendered: int = 0  # pages MkDocs rendered: all of them in a full build, the stale ones in an incremental one
    full: bool = True  # a full build (False: only what changed since the last build was redone)


class _NoProgress:
    """The progress a caller that shows none passes: a counter that counts nothing."""

    def __call__(self, label: str, total: int):
        return self

    def advance(self, steps: int = 1) -> None:
        pass


NO_PROGRESS = _NoProgress()
