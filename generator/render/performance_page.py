"""The performance page: benchmark figures (bench/results/build.json) as a table and an inline SVG plot, the
live preview's figures (bench/results/preview.json) and page speed on a phone (bench/results/pages.json)."""

from __future__ import annotations

from html import escape

from .layout import table
from .locale import number, whole
from .ui_text import ui

__all__ = ["performance_markdown", "PERFORMANCE_PAGE"]

PERFORMANCE_PAGE = "performance.md"
WIDTH, HEIGHT, PAD = 560, 300, 48


def _summary(rows: list) -> str:
    return ", ".join(f"{r['n']} entities: build {r['build_s']:.1f} s, floor {r['floor_s']:.1f} s" for r in rows)


def _svg(rows: list, lang: str) -> str:
    """A two-line plot with labelled axes; lines differ by dash pattern and marker, not only colour."""
    max_n = max(r["n"] for r in rows)
    max_s = max(max(r["build_s"], r["floor_s"]) for r in rows) * 1.1

    def x(n):
        return PAD + (WIDTH - 2 * PAD) * n / max_n

    def y(s):
        return HEIGHT - PAD - (HEIGHT - 2 * PAD) * s / max_s

    title = escape(ui("perf_plot", lang))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" aria-labelledby="perf-title perf-desc"><title id="perf-title">{title}</title>',
        f'<desc id="perf-desc">{escape(_summary(rows))}</desc>',
        f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" stroke="currentColor"/>',
        f'<line x1="{PAD}" y1="{PAD}" x2="{PAD}" y2="{HEIGHT - PAD}" stroke="currentColor"/>',
    ]
    for r in rows:
        parts.append(
            f'<text x="{x(r["n"]):.1f}" y="{HEIGHT - PAD + 18}" text-anchor="middle" font-size="12" '
            f'fill="currentColor">{whole(r["n"])}</text>'
        )
    for tick in range(5):
        value = max_s * tick / 4
        parts.append(
            f'<text x="{PAD - 6}" y="{y(value) + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="currentColor">{value:.0f}</text>'
        )
    for key, dash, label in (
        ("build_s", "", ui("perf_build", lang)),
        ("floor_s", ' stroke-dasharray="6 4"', ui("perf_floor", lang)),
    ):
        points = " ".join(f"{x(r['n']):.1f},{y(r[key]):.1f}" for r in rows)
        parts.append(f'<polyline points="{points}" fill="none" stroke="currentColor" stroke-width="2"{dash}/>')
        last = rows[-1]
        parts.append(
            f'<text x="{x(last["n"]) - 4:.1f}" y="{y(last[key]) - 8:.1f}" text-anchor="end" font-size="12" '
            f'fill="currentColor">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def preview_markdown(preview: dict | None, lang: str) -> list:
    """The live preview section (nothing when there are no figures)."""
    if not preview:
        return []
    lines = [
        "",
        f"## {ui('perf_preview', lang)}",
        "",
        ui("perf_preview_intro", lang, n=whole(preview["n"]), full=number(f"{preview['full_build_s']:.1f}", lang)),
        "",
    ]
    lines += table(
        list(ui("perf_preview_columns", lang)),
        [[edit["folder"], number(f"{edit['seconds']:.2f}", lang), str(edit["pages"])] for edit in preview["edits"]],
        ["left", "right", "right"],
    )
    summary = ui(
        "perf_preview_summary",
        lang,
        median=number(f"{preview['median_s']:.2f}", lang),
        max=number(f"{preview['max_s']:.2f}", lang),
        limit=f"{preview['budget']['limit_s']:.0f}",
    )
    return lines + ["", summary]


def _ratio(value, lang: str) -> str:
    return number(f"{value:.2f}", lang) + "×" if value else "—"


def _page_rows(rows: list, lang: str) -> list:
    return table(
        list(ui("perf_pages_columns", lang)),
        [
            [
                f"`{r['path']}`",
                *(str(r[name]) for name in ("performance", "accessibility", "best-practices", "seo")),
                number(f"{r['fcp_s']:.2f}", lang),
                number(f"{r['lcp_s']:.2f}", lang),
                whole(r["tbt_ms"]),
                whole(r["kib"]),
                _ratio(r.get("fcp_to_floor"), lang),
            ]
            for r in rows
        ],
        ["left"] + ["right"] * 9,
    )


def pages_markdown(pages: dict | None, lang: str) -> list:
    """Lighthouse on the built site, and the same pages before a change (nothing when there are no figures)."""
    if not pages:
        return []
    floor = number(f"{pages['floor']['fcp_s']:.2f}", lang)
    intro = ui("perf_pages_intro", lang, version=pages["lighthouse"], fcp=floor)
    lines = ["", f"## {ui('perf_pages', lang)}", "", intro, ""] + _page_rows(pages["pages"], lang)
    if pages.get("before"):
        lines += ["", ui("perf_pages_before", lang), ""] + _page_rows(pages["before"], lang)
    return lines + ["", ui("perf_pages_goal", lang)]


def performance_markdown(results: dict | None, lang: str, preview: dict | None = None, pages=None) -> str:
    lines = [f"# {ui('perf_title', lang)}", "", ui("perf_intro", lang), ""]
    if not results:
        return "\n".join(
            lines + [ui("perf_none", lang)] + preview_markdown(preview, lang) + pages_markdown(pages, lang)
        )
    rows = sorted(results["rows"], key=lambda r: r["n"])
    lines += [_svg(rows, lang), ""]
    lines += table(
        list(ui("perf_columns", lang)),
        [
            [
                whole(r["n"]),
                whole(r["pages"]),
                number(f"{r['build_s']:.1f}", lang),
                number(f"{r['floor_s']:.1f}", lang),
                number(f"{r['ratio_to_floor']:.2f}", lang),
                number(f"{r['cores_busy']:.2f}", lang) if "cores_busy" in r else "—",
                number(f"{r['rebuild_s']:.1f}", lang) if "rebuild_s" in r else "—",
                number(f"{r['build_peak_mb']:.0f}", lang),
                number(f"{r['check_s']:.2f}", lang),
                number(f"{r['largest_page_kb']:.1f}", lang),
            ]
            for r in rows
        ],
        ["right"] * 10,
    )
    lines += ["", f"## {ui('perf_budgets', lang)}", ""]
    for name, budget in sorted(results.get("budgets", {}).items()):
        mark = "✓" if budget["value"] <= budget["limit"] else "✗"
        value, limit = number(f"{budget['value']:.2f}", lang), number(f"{budget['limit']}", lang)
        lines.append(f"- {mark} `{name}`: {value} (≤ {limit})")
    return "\n".join(lines + preview_markdown(preview, lang) + pages_markdown(pages, lang)) + "\n"
