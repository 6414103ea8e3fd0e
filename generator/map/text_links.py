"""Links written in contributor Markdown: only http, https and mailto, never javascript:, data: or a relative
path. Checked per file as it is mapped (a file's text needs no other file)."""

from __future__ import annotations

import html
import re

from rdflib import Literal

from ..model.problems import Problem

__all__ = ["check_text_links"]

_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)", re.MULTILINE)
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


def check_text_links(mapped) -> list:
    """A problem for each link in the Markdown text of a mapped file (its Mapped part) that is not http, https
    or mailto."""
    problems = []
    for s, p, o in mapped.triples():
        if not isinstance(o, Literal) or not o.language or "](" not in o and "]:" not in o:
            continue
        for match in _LINK_TARGET.finditer(str(o)):
            target = (match.group(1) or match.group(2) or "").strip()
            target = re.sub(r"\s", "", html.unescape(target))  # as a browser reads it: `&#106;ava script:` too
            scheme = _SCHEME.match(target)
            position = mapped.positions.get((s, p, o)) or mapped.positions.get(s)
            if scheme and scheme.group(1).lower() not in ("http", "https", "mailto"):
                problems.append(
                    Problem(
                        position,
                        f"a link to `{scheme.group(1)}:`; only http, https and mailto links "
                        "are allowed, write a web address",
                    )
                )
            elif not scheme:  # a relative link would point into the generated site, whose layout is not the text's
                shown = target if len(target) <= 40 else target[:40] + "…"
                problems.append(
                    Problem(
                        position,
                        f"a relative link `{shown}`; write a full http or https address "
                        "(links to other entities belong in their relation keys)",
                    )
                )
    return problems
