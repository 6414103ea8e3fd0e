"""A link checker over the whole built site: every href and src in every HTML file resolves to a file."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.page_fixture import fixture_project

ROOT = Path(__file__).resolve().parent.parent


class _Links(HTMLParser):
    """Collects (attribute, value) for href and src on every element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.found.append((tag, value))


def site_path() -> str:
    """The path the site is served under (from site_url in mkdocs.yml): MkDocs' 404 page links from there."""
    import yaml

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return urlsplit(config.get("site_url") or "/").path.rstrip("/") + "/"


def local_target(site: Path, page: Path, link: str) -> Path | None:
    """The file a relative or site-absolute link points to, or None for other hosts, mailto: and anchors."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    if path.startswith(SITE_PATH):
        path = "/" + path[len(SITE_PATH) :]
    base = site if path.startswith("/") else page.parent
    target = (base / path.lstrip("/")).resolve()
    if link.rstrip("?#").endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


SITE_PATH = site_path()


def broken_links(site: Path) -> list:
    """(page, link) for every link whose target file does not exist or lies outside the site."""
    site = site.resolve()
    broken = []
    for page in sorted(site.rglob("*.html")):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for _tag, link in parser.found:
            target = local_target(site, page, link)
            if target is None:
                continue
            if not target.is_relative_to(site) or not target.is_file():
                broken.append((page.relative_to(site).as_posix(), link))
    return broken


def test_the_real_site_has_no_broken_link(site_dir):
    assert broken_links(site_dir) == []


def test_the_fixture_site_has_no_broken_link(tmp_path):
    from generator.build import build_project

    root = fixture_project(tmp_path)
    result = build_project(root, tmp_path / "out")
    assert not result.problems, result.problems
    assert broken_links(tmp_path / "out" / "site") == []


def test_the_checker_finds_a_broken_link(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text(
        '<a href="../b/">x</a><img src="missing.png"><a href="../a/">ok</a>'
        '<a href="https://example.org/">other host</a><a href="#top">anchor</a>'
    )
    assert broken_links(site) == [("a/index.html", "../b/"), ("a/index.html", "missing.png")]


@pytest.mark.parametrize("link", ["../../../../etc/passwd", "/../outside.html"])
def test_links_leaving_the_site_count_as_broken(tmp_path, link):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(f'<a href="{link}">x</a>')
    assert broken_links(site) == [("index.html", link)]
