"""Merge the search index of a dirty build (only the pages it rendered) into the index of the whole site."""

from __future__ import annotations

import json

__all__ = ["merge_search_index", "merge_in_page_order"]


def _page(entry) -> str:
    """The page URL of an entry: a page's entries are its URL and its URL#section."""
    return entry["location"].split("#", 1)[0]


def merge_search_index(previous: str, fresh: str, removed=()) -> str:
    """The search index of a dirty build holds only the pages it rendered: put their entries in place of
    those pages' old entries (a page's entries are its URL and its URL#section), keep every other page's,
    and drop pages that are gone."""
    old, new = json.loads(previous), json.loads(fresh)
    rendered: dict = {}
    for entry in new["docs"]:
        rendered.setdefault(_page(entry), []).append(entry)
    gone = set(removed)
    docs, placed = [], set()
    for entry in old["docs"]:
        url = _page(entry)
        if url in gone:
            continue
        if url not in rendered:
            docs.append(entry)
        elif url not in placed:
            docs.extend(rendered[url])
            placed.add(url)
    docs.extend(entry for url, entries in rendered.items() if url not in placed for entry in entries)
    return json.dumps({**new, "docs": docs}, ensure_ascii=False, separators=(",", ":"))


def merge_in_page_order(previous: str, fresh: str, order: list) -> str:
    """The index a full build writes, from the index of the last build and that of a build of only some pages:
    each page's entries from the fresh index when it was rendered, else from the previous one, pages in the
    full build's order (MkDocs indexes pages in build order); a page not in order is gone."""
    old, new = json.loads(previous), json.loads(fresh)
    by_page: dict = {}
    for entry in old["docs"]:
        by_page.setdefault(_page(entry), []).append(entry)
    rendered: dict = {}
    for entry in new["docs"]:
        rendered.setdefault(_page(entry), []).append(entry)
    by_page.update(rendered)
    docs = [entry for url in order for entry in by_page.get(url, ())]
    return json.dumps({**new, "docs": docs}, separators=(",", ":"))  # as Material writes it, byte for byte
