"""Byte budgets of the real site, page by page: what a reader's phone downloads for each page (gzip, as GitHub
Pages serves it) — the HTML, every stylesheet, script and image it references, and the search worker and
index Material fetches on every page. Sizes are deterministic, so they are tested; timings are benchmarked
(bench/bench_pages.py)."""

from __future__ import annotations

import gzip
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from generator.load.site_config import read_site_config
from tests.conftest import ROOT

PAGE_BUDGET = 250_000  # bytes compressed, per reader page
SCRIPT_BUDGET = 150_000  # bytes (uncompressed) of any one script a reader page loads
SITE_PATH = urlsplit(read_site_config(ROOT)["site_url"]).path
EXEMPT = ("playground/index.html", "nl/playground/index.html")  # loads Oxigraph's WebAssembly, on purpose


class _References(HTMLParser):
    """The files a page makes the browser fetch as it loads: scripts, stylesheets, preloads and images."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag in ("script", "img") and found.get("src"):
            self.found.append(found["src"])
        if tag == "link" and found.get("rel") in ("stylesheet", "preload", "modulepreload") and found.get("href"):
            self.found.append(found["href"])


@cache
def compressed(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def loaded_files(site: Path, page: Path) -> list:
    """The local files page loads, the search worker and its language's index included."""
    parser = _References()
    parser.feed(page.read_text(encoding="utf-8"))
    files = [page]
    for reference in parser.found:
        parts = urlsplit(reference)
        if parts.scheme or parts.netloc:
            continue  # another host: test_browser proves no page asks for one
        if parts.path.startswith("/"):  # 404.html links from the site's root path (site_url in mkdocs.yml)
            target = (site / parts.path[len(SITE_PATH) :]).resolve()
        else:
            target = (page.parent / parts.path).resolve()
        assert target.is_file(), f"{page.relative_to(site)} loads {reference}, which is not in the site"
        files.append(target)
    language_root = site / "nl" if page.is_relative_to(site / "nl") else site
    files += [language_root / "search" / "search_index.json", *language_root.glob("assets/javascripts/workers/*.js")]
    return files


def reader_pages(site: Path) -> list:
    return [p for p in sorted(site.rglob("*.html")) if p.relative_to(site).as_posix() not in EXEMPT]


def test_every_reader_page_stays_within_its_byte_budget(site_dir):
    pages = reader_pages(site_dir)
    assert len(pages) > 500  # the whole site, both languages
    over = {}
    for page in pages:
        total = sum(compressed(path) for path in loaded_files(site_dir, page))
        if total > PAGE_BUDGET:
            over[page.relative_to(site_dir).as_posix()] = total
    assert over == {}


def test_no_reader_page_loads_a_large_script(site_dir):
    large = {
        (page.relative_to(site_dir).as_posix(), path.name)
        for page in reader_pages(site_dir)
        for path in loaded_files(site_dir, page)
        if path.suffix in (".js", ".mjs") and path.stat().st_size > SCRIPT_BUDGET
    }
    assert large == set()


def test_the_playground_alone_loads_the_query_engine(site_dir):
    loads_engine = [
        page.relative_to(site_dir).as_posix()
        for page in sorted(site_dir.rglob("*.html"))
        if any(path.name == "playground.js" for path in loaded_files(site_dir, page))
    ]
    assert loads_engine == sorted(EXEMPT)  # playground.js starts Oxigraph's WebAssembly in a worker


def test_the_site_ships_no_source_maps(site_dir):
    assert sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.map")) == []
