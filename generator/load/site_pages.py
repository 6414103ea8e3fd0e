"""The hand-written pages and assets of site/: the default language's at its top, every other language's in
site/<lang>/, assets shared; overrides/ (theme templates) is the renderer's, not a page."""

from __future__ import annotations

from pathlib import Path

from ..model.site_paths import is_default

__all__ = ["hand_written_files", "home_text", "has_page", "OVERRIDES"]

OVERRIDES = "overrides"
ASSETS = "assets"


def _files_under(folder: Path) -> dict:
    return (
        {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}
        if folder.is_dir()
        else {}
    )


def hand_written_files(root: Path, lang: str, languages: tuple) -> dict:
    """doc path -> bytes of every hand-written file of one language's docs tree (assets included)."""
    site = root / "site"
    if is_default(lang, languages):
        skip = set(languages[1:]) | {OVERRIDES}
        return {rel: data for rel, data in _files_under(site).items() if rel.split("/", 1)[0] not in skip}
    if not (site / lang).is_dir():
        return {}
    return _files_under(site / lang) | {f"{ASSETS}/{rel}": data for rel, data in _files_under(site / ASSETS).items()}


def _page(root: Path, lang: str, languages: tuple, name: str) -> Path:
    return (root / "site" if is_default(lang, languages) else root / "site" / lang) / name


def has_page(root: Path, lang: str, languages: tuple, name: str) -> bool:
    """Whether a language has a hand-written page of this name (the playground, say)."""
    return _page(root, lang, languages, name).is_file()


def home_text(root: Path, lang: str, languages: tuple) -> str | None:
    """The hand-written home page of a language, or None when there is none."""
    home = _page(root, lang, languages, "index.md")
    return home.read_text(encoding="utf-8").rstrip() if home.is_file() else None
