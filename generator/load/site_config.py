"""mkdocs.yml, read safely in one place: the settings the renderer passes on and those pages need."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..model.site_info import SiteInfo

__all__ = ["read_site_config", "read_site_info", "setting_line"]


def read_site_config(root: Path) -> dict:
    """mkdocs.yml, read with a safe loader (it is hand-written; content never goes into it)."""
    return yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))


def read_site_info(root: Path, languages: tuple) -> SiteInfo:
    """The repository URL and edit path, the default language (theme.language, else the first required
    language), the URL style and the site URL, from mkdocs.yml."""
    config = read_site_config(root)
    theme = config.get("theme") or {}
    default = str(theme.get("language") or "") if isinstance(theme, dict) else ""
    return SiteInfo(
        default if default in languages else languages[0],
        str(config.get("repo_url") or ""),
        str(config.get("edit_uri") or ""),
        bool(config.get("use_directory_urls", True)),
        str(config.get("site_url") or ""),
    )


def setting_line(root: Path, key: str) -> int:
    """The line of mkdocs.yml where a top-level setting is written (1 when it is not)."""
    lines = (root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    return next((number for number, line in enumerate(lines, start=1) if line.startswith(f"{key}:")), 1)
