"""Two pages that answer readers' questions across the graph: the key results of every trial (figure, words and
summary of findings) and survival compared across studies."""

from __future__ import annotations

from ...model.vocab import CLE
from ..escaping import front_matter
from ..layout import heading, more
from ..page_meta import page_meta
from ..results import comparisons, outcomes_reached
from ..sections.across_studies import across_studies
from ..sections.key_results import key_results_of
from ..sections.summary_of_findings import summary_of_findings
from ..ui_text import ui

__all__ = ["key_results_page", "comparison_page", "KEY_RESULTS_PAGE", "COMPARISON_PAGE"]

KEY_RESULTS_PAGE = "key-results.md"
COMPARISON_PAGE = "comparison.md"
KEY_RESULTS_TRIALS = 10  # trials on the key results page (each a figure and a table): the page stays light


def _trials(ctx) -> list:
    """The trials whose results are compared with a comparison group, by label."""
    found = []
    for cls in ctx.schema.classes.values():
        if CLE.ClinicalTrial in cls.ancestors and cls.iri == CLE.ClinicalTrial:
            found += [i for i in ctx.members(cls) if comparisons(ctx, outcomes_reached(ctx, i))]
    return sorted(found, key=ctx.sort_key)


def _page_head(ctx, path: str, title_key: str, intro_key: str) -> list:
    """Front matter, title and the page's opening sentence."""
    title = ui(title_key, ctx.lang)
    return [front_matter(page_meta(ctx, path, title)).rstrip("\n"), "", f"# {title}", "", ui(intro_key, ctx.lang), ""]


def key_results_page(ctx) -> str:
    lang = ctx.lang
    head = _page_head(ctx, KEY_RESULTS_PAGE, "key_results_page", "key_results_intro")
    lines = list(head)
    trials = _trials(ctx)
    for trial in trials[:KEY_RESULTS_TRIALS]:
        outcomes = outcomes_reached(ctx, trial)
        lines += heading(2, ctx.link(trial, None)) + key_results_of(ctx, outcomes)
        lines += [
            line.replace("## ", "### ", 1) if line.startswith("## ") else line
            for line in summary_of_findings(ctx, None, outcomes, None)
        ]
    if len(lines) == len(head):
        lines.append(ui("none_yet", lang))
    rest = more(ctx, trials, KEY_RESULTS_TRIALS, None)
    if rest:
        lines += ["", rest]
    return "\n".join(lines).rstrip() + "\n"


def comparison_page(ctx) -> str:
    lang = ctx.lang
    outcomes = [i for _, record in ctx.all_entities() if CLE.Outcome in record.cls.ancestors for i in [record.id]]
    body = across_studies(ctx, None, outcomes, None) if outcomes else []
    lines = _page_head(ctx, COMPARISON_PAGE, "comparison_page", "comparison_intro")
    lines += body[2:] if body else [ui("none_yet", lang)]
    return "\n".join(lines).rstrip() + "\n"
