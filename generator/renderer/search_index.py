"""Merge the search index of a dirty build (only the pages it rendered) into the index of the whole site."""

from __future__ import annotations

import json

__all__ = ["merge_search_index"]


def merge_search_index(previous: str, fresh: str, removed=()) -> str:
    """The search index of a dirty build holds only the pages it rendered: put their entries in place of
    those pages' old entries (a page's entries are its URL and its URL#section), keep every other page's,
    and drop pages that are gone."""

    def page(entry) -> str:
        return entry["location"].split("#", 1)[0]

    old, new = json.loads(previous), json.loads(fresh)
    rendered: dict = {}
    for entry in new["docs"]:
        rendered.setdefault(page(entry), []).append(entry)
    gone = set(removed)
    docs, placed = [], set()
    for entry in old["docs"]:
        url = page(entry)
        if url in gone:
            continue
        if url not in rendered:
            docs.append(entry)
        elif url not in placed:
            docs.extend(rendered[url])
            placed.add(url)
    docs.extend(entry for url, entries in rendered.items() if url not in placed for entry in entries)
    return json.dumps({**new, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
