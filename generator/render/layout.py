"""Layout every page shares: bounded lists, one Markdown table writer, pagers between the pages of a long
list, and the one paged-list loop (class indexes, timeline and sources are split with it)."""

from __future__ import annotations

import posixpath

from .escaping import front_matter, inline
from .page_meta import page_meta
from .ui_text import ui

__all__ = [
    "MAX_LINKS",
    "LIST_PAGE",
    "NO_SEARCH",
    "table",
    "list_page_paths",
    "pager",
    "chunked",
    "paged_list",
    "more",
    "capped",
    "bullets",
    "heading",
]

MAX_LINKS = 40  # per relation group on a page: keeps every entity page bounded, whatever links to it
LIST_PAGE = 250  # entries per page of a long list (class index, timeline, sources): every page stays bounded
# After a generated heading: Material's search leaves the section out (attr_list), so the search index holds
# each entity page's title, description and infobox (label, synonyms, identifiers), not every list and table.
NO_SEARCH = " { data-search-exclude }"

ALIGN = {"left": "---", "right": "---:"}


def heading(level: int, text: str, searchable: bool = False) -> list:
    """A generated heading (kept out of the search index unless searchable) and the blank line after it."""
    return [f"{'#' * level} {text}{'' if searchable else NO_SEARCH}", ""]


def table(header, rows, align=None) -> list:
    """A Markdown table: the header row, the alignment row (left, or per column) and one line per row.

    >>> table(["a", "b"], [["1", "2"]], ["left", "right"])
    ['| a | b |', '|---|---:|', '| 1 | 2 |']
    """
    align = align or ["left"] * len(header)
    return ["| " + " | ".join(header) + " |", "|" + "".join(ALIGN[a] + "|" for a in align)] + [
        "| " + " | ".join(row) + " |" for row in rows
    ]


def table_sharing(header, rows, index: int) -> list:
    """A table whose column `index` is said once above it when every row has the same value there (a table of
    one group's results need not repeat the group on every line), and without columns empty in every row.

    >>> table_sharing(["What", "Group", "When", "n"], [["a", "G", "", "1"], ["b", "G", "", "2"]], 1)
    ['**Group:** G', '', '| What | n |', '|---|---|', '| a | 1 |', '| b | 2 |']
    """
    values = {row[index] for row in rows}
    shared = len(rows) > 1 and len(values) == 1 and next(iter(values))
    keep = [i for i in range(len(header)) if any(row[i] for row in rows) and not (shared and i == index)]
    lines = [f"**{header[index]}:** {rows[0][index]}", ""] if shared else []
    return lines + table([header[i] for i in keep], [[row[i] for i in keep] for row in rows])


def list_page_paths(first: str, folder: str, count: int, size: int = LIST_PAGE) -> list:
    """Doc paths of the pages a list of count entries is split into: first, then folder/2.md, folder/3.md …
    (a name starting with a digit is never an entity id, so these never clash with entity pages).

    >>> list_page_paths("timeline.md", "timeline", 301, 150)
    ['timeline.md', 'timeline/2.md', 'timeline/3.md']
    """
    pages = max(1, -(-count // size))
    return [first] + [f"{folder}/{number}.md" for number in range(2, pages + 1)]


def pager(paths: list, current: int, lang: str) -> list:
    """'Page 2 of 5: 1 · **2** · 3 …' as relative links between the pages of one list (nothing if one page).

    >>> pager(["t.md", "t/2.md"], 1, "en")
    ['Page 2 of 2: [1](../t.md) · **2**', '']
    """
    if len(paths) < 2:
        return []
    here = posixpath.dirname(paths[current])
    items = [
        f"**{n}**" if i == current else f"[{n}]({posixpath.relpath(p, here or '.')})"
        for i, (n, p) in enumerate(zip(range(1, len(paths) + 1), paths, strict=True))
    ]
    return [f"{ui('page_of', lang, n=current + 1, total=len(paths))}: " + " · ".join(items), ""]


def chunked(items: list, size: int) -> list:
    """items in chunks of size (one empty chunk for no items).

    >>> chunked([1, 2, 3], 2), chunked([], 2)
    ([[1, 2], [3]], [[]])
    """
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def paged_list(ctx, first: str, folder: str, title: str, chunks: list, head, body) -> dict:
    """doc path -> text for a long list split into pages (first, then folder/2.md …), one chunk per page.
    head(number, paths) gives the lines under the title; body(chunk, link_folder) the entries, where
    link_folder is where links start from (None on the first page); an empty chunk says 'None yet.'.
    Pages after the first are kept out of search."""
    paths = [first] + [f"{folder}/{number}.md" for number in range(2, len(chunks) + 1)]
    pages = {}
    for number, (path, chunk) in enumerate(zip(paths, chunks, strict=True)):
        page_title = title if number == 0 else f"{title} ({number + 1})"
        meta = page_meta(ctx, path, None if number == 0 else page_title)
        if number:
            meta["search"] = {"exclude": True}
        lines = [front_matter(meta).rstrip("\n"), "", f"# {inline(page_title)}", ""]
        lines += head(number, paths) + pager(paths, number, ctx.lang)
        lines += body(chunk, folder if number else None) if chunk else [ui("none_yet", ctx.lang)]
        pages[path] = "\n".join(lines + [""] + pager(paths, number, ctx.lang)).rstrip() + "\n"
    return pages


def more(ctx, ids: list, shown: int, folder: str | None) -> str:
    """'and N more' for the ids not shown, linked to where they are all listed: their class index (or the
    overview of every class, when they are of several classes); '' when none are left out."""
    rest = len(ids) - shown
    if rest <= 0:
        return ""
    folders = {ctx.class_of(i).folder for i in ids}
    target = f"{folders.pop()}/index.md" if len(folders) == 1 else "overview.md"
    return f"[{ui('more', ctx.lang, n=rest)}]({'../' if folder else ''}{target})"


def capped(ctx, ids: list, folder: str | None) -> str:
    """Links to ids, at most MAX_LINKS, then 'and N more' (linked)."""
    shown = [ctx.link(i, folder) for i in sorted(ids, key=ctx.sort_key)[:MAX_LINKS]]
    rest = more(ctx, ids, MAX_LINKS, folder)
    return ", ".join(shown) + (f", {rest}" if rest else "")


def bullets(ctx, ids: list, folder: str) -> list:
    """A bulleted list of links with each entity's class, at most MAX_LINKS, then 'and N more'."""
    shown = sorted(ids, key=ctx.sort_key)[:MAX_LINKS]
    lines = [f"- {ctx.link(i, folder)} ({inline(ctx.class_label(ctx.class_of(i)))})" for i in shown]
    if len(ids) > MAX_LINKS:
        lines.append(f"- {more(ctx, ids, MAX_LINKS, folder)}")
    return lines + [""]
