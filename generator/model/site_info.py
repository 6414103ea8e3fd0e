"""What pages need from mkdocs.yml, read in one place (load/site_config.py): the repository for edit and
report links, the default language and the URL style."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

__all__ = ["SiteInfo"]


@dataclass(frozen=True)
class SiteInfo:
    """The site settings pages and data files depend on."""

    default_language: str  # the language of the site at / (mkdocs.yml theme.language)
    repo_url: str = ""
    edit_uri: str = ""
    directory_urls: bool = True

    def edit_url(self, path: str) -> str:
        """
        >>> SiteInfo("en", "https://github.com/o/r", "edit/main/").edit_url("content/drugs/x.yaml")
        'https://github.com/o/r/edit/main/content/drugs/x.yaml'
        """
        return f"{self.repo_url.rstrip('/')}/{self.edit_uri.strip('/')}/{quote(path)}" if self.repo_url else ""

    def issue_url(self, title: str, body: str) -> str:
        if not self.repo_url:
            return ""
        return f"{self.repo_url.rstrip('/')}/issues/new?" + urlencode({"title": title, "body": body}, quote_via=quote)
