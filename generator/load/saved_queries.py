"""The saved competency questions: queries/<name>.rq, each starting with `# title:` and `# question:` lines
(and `@nl` twins)."""

from __future__ import annotations

import re
from pathlib import Path

from ..model.queries import SavedQuery

__all__ = ["load_saved_queries", "SavedQueryError", "saved_names", "read_query_file"]

_HEADER = re.compile(r"^#\s*(title|question)(?:@([a-z]{2}))?:\s*(.+?)\s*$")


class SavedQueryError(Exception):
    """A saved query file lacks its title or question lines."""


def _read_saved(path: Path) -> SavedQuery:
    text = path.read_text(encoding="utf-8")
    titles, questions = {}, {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        found = _HEADER.match(line)
        if found:
            key, lang, value = found.groups()
            (titles if key == "title" else questions)[lang or "en"] = value
    if "en" not in titles or "en" not in questions:
        raise SavedQueryError(f"{path.name}: start the file with `# title: …` and `# question: …` comment lines")
    return SavedQuery(path.stem, text, titles, questions)


def load_saved_queries(root: Path) -> list:
    """Every queries/*.rq, sorted by name."""
    folder = root / "queries"
    return [_read_saved(path) for path in sorted(folder.glob("*.rq"))] if folder.is_dir() else []


def saved_names(root: Path) -> list:
    """The names of the saved questions (queries/<name>.rq)."""
    return sorted(path.stem for path in (root / "queries").glob("*.rq"))


def read_query_file(path: Path) -> str:
    return path.read_text(encoding="utf-8")
