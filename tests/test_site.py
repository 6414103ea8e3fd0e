"""End to end: the real site has a page per entity and language, class indexes in the nav, links both ways."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from generator.check.pipeline import check_project
from generator.map.link_graph import build_link_graph
from tests.conftest import ROOT

CHECKED = check_project(ROOT, shacl=False)
ENTITIES = sorted(CHECKED.mapped.entities.values(), key=lambda r: r.id) if CHECKED.mapped else []
LANGUAGE_PREFIX = {"en": "", "nl": "nl/"}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.lang = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def page_of(site: Path, lang: str, folder: str, entity_id: str) -> Path:
    return site / LANGUAGE_PREFIX[lang] / folder / entity_id / "index.html"


def linked_pages(site: Path, page: Path) -> set:
    """Every local page a page links to, as paths relative to the site root."""
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    base = "http://site/" + page.parent.relative_to(site).as_posix() + "/"
    targets = set()
    for href in parser.hrefs:
        url = urlparse(urljoin(base, href))
        if url.netloc == "site":
            targets.add(unquote(url.path).lstrip("/").removesuffix("index.html").rstrip("/"))
    return targets


def test_the_real_content_checks_clean():
    assert [str(p) for p in check_project(ROOT).problems] == []


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_every_entity_has_a_page_in_every_language(site_dir, lang):
    missing = [r.id for r in ENTITIES if not page_of(site_dir, lang, r.cls.folder, r.id).is_file()]
    assert ENTITIES and missing == []


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_pages_carry_the_right_language(site_dir, lang):
    for record in ENTITIES[:25]:
        parser = _Links()
        parser.feed(page_of(site_dir, lang, record.cls.folder, record.id).read_text(encoding="utf-8"))
        assert parser.lang == lang


def test_every_relation_is_linked_in_both_directions(site_dir):
    links = build_link_graph(CHECKED.schema, CHECKED.mapped)
    for source, target in sorted(set(links.edges())):
        if source == target:
            continue
        s, t = CHECKED.mapped.entities[source], CHECKED.mapped.entities[target]
        forward = linked_pages(site_dir, page_of(site_dir, "en", s.cls.folder, source))
        backward = linked_pages(site_dir, page_of(site_dir, "en", t.cls.folder, target))
        assert f"{t.cls.folder}/{target}" in forward, f"{source} does not link to {target}"
        assert f"{s.cls.folder}/{source}" in backward, f"{target} does not link back to {source}"


def test_class_indexes_are_in_the_nav_and_entity_pages_are_not(site_dir):
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    for folder in CHECKED.schema.classes:
        assert f'href="{folder}/"' in home
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>', home, re.S).group(0)
    assert not any(f'href="{r.cls.folder}/{r.id}/"' in nav for r in ENTITIES)


def test_class_index_lists_every_member(site_dir):
    for folder in CHECKED.schema.classes:
        members = {r.id for r in ENTITIES if r.cls.folder == folder}
        listed = {
            target.split("/")[-1]
            for target in linked_pages(site_dir, site_dir / folder / "index.html")
            if target.startswith(folder + "/")
        }
        assert members <= listed
