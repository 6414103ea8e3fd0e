"""`kg build`: the whole pipeline from the project tree to build/ (project.py), the docs tree generated part by
part (generate.py, parts.py), MkDocs rendering the languages side by side (render.py), and the incremental
build that redoes only what changed since the last one (incremental.py)."""

from .generate import docs_of_language, edition_of, generate_docs, saved_answers, site_context
from .project import build_project
from .result import NO_PROGRESS, BuildResult

__all__ = [
    "BuildResult",
    "build_project",
    "NO_PROGRESS",
    "generate_docs",
    "docs_of_language",
    "site_context",
    "saved_answers",
    "edition_of",
]
