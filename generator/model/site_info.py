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
    site_url: str = ""  # where the built site is served (mkdocs.yml site_url): the one place, with repo_url

    def page_address(self, path: str) -> str:
        """The absolute URL of a path under the site (a page's URL path, a data file), '' without site_url.

        >>> SiteInfo("en", site_url="https://example.org/kg").page_address("drugs/x/")
        'https://example.org/kg/drugs/x/'
        """
        return f"{self.site_url.rstrip('/')}/{path}" if self.site_url else ""

    def commit_url(self, commit_hash: str) -> str:
        """A commit's page in the repository (GitHub and GitLab both use <repo>/commit/<hash>)."""
        return f"{self.repo_url.rstrip('/')}/commit/{commit_hash}" if self.repo_url else ""

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
