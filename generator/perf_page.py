"""The performance page: benchmark figures from bench/results/build.json as a table and an inline SVG plot."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

__all__ = ["write_performance_pages", "PERFORMANCE_PAGE"]

PERFORMANCE_PAGE = "performance.md"
RESULTS = Path("bench") / "results" / "build.json"
WIDTH, HEIGHT, PAD = 560, 300, 48
TEXT = {
    "title": {"en": "Performance", "nl": "Prestaties"},
    "intro": {"en": "Build time against the number of entities, measured by `bench/bench_build.py` on a 2-core machine, "
                    "next to the floor: a bare MkDocs build of the same pages. Reproduce with "
                    "`.venv/bin/python bench/bench_build.py`.",
              "nl": "Bouwtijd tegen het aantal entiteiten, gemeten met `bench/bench_build.py` op een machine met 2 kernen, "
                    "naast de ondergrens: een kale MkDocs-build van dezelfde pagina's. Opnieuw meten: "
                    "`.venv/bin/python bench/bench_build.py`."},
    "none": {"en": "No benchmark results yet: run `bench/bench_build.py`.",
             "nl": "Nog geen meetresultaten: voer `bench/bench_build.py` uit."},
    "plot": {"en": "Build time (s) and bare MkDocs time (s) per number of entities",
             "nl": "Bouwtijd (s) en kale MkDocs-tijd (s) per aantal entiteiten"},
    "header": {"en": "| entities | HTML pages | build (s) | floor (s) | build / floor | peak memory (MB) | `kg check` (s) | largest page (KB) |",
               "nl": "| entiteiten | HTML-pagina's | build (s) | ondergrens (s) | build / ondergrens | piekgeheugen (MB) | `kg check` (s) | grootste pagina (KB) |"},
    "build": {"en": "build", "nl": "build"},
    "floor": {"en": "bare MkDocs (floor)", "nl": "kale MkDocs (ondergrens)"},
    "budgets": {"en": "Budgets", "nl": "Budgetten"},
}


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

    title = escape(TEXT["plot"][lang])
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
             f'height="{HEIGHT}" aria-labelledby="perf-title perf-desc"><title id="perf-title">{title}</title>',
             f'<desc id="perf-desc">{escape(_summary(rows))}</desc>',
             f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" stroke="currentColor"/>',
             f'<line x1="{PAD}" y1="{PAD}" x2="{PAD}" y2="{HEIGHT - PAD}" stroke="currentColor"/>']
    for r in rows:
        parts.append(f'<text x="{x(r["n"]):.1f}" y="{HEIGHT - PAD + 18}" text-anchor="middle" font-size="12" '
                     f'fill="currentColor">{r["n"]:,}</text>')
    for tick in range(5):
        value = max_s * tick / 4
        parts.append(f'<text x="{PAD - 6}" y="{y(value) + 4:.1f}" text-anchor="end" font-size="12" '
                     f'fill="currentColor">{value:.0f}</text>')
    for key, dash, label in (("build_s", "", TEXT["build"][lang]), ("floor_s", ' stroke-dasharray="6 4"', TEXT["floor"][lang])):
        points = " ".join(f"{x(r['n']):.1f},{y(r[key]):.1f}" for r in rows)
        parts.append(f'<polyline points="{points}" fill="none" stroke="currentColor" stroke-width="2"{dash}/>')
        last = rows[-1]
        parts.append(f'<text x="{x(last["n"]) - 4:.1f}" y="{y(last[key]) - 8:.1f}" text-anchor="end" font-size="12" '
                     f'fill="currentColor">{escape(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def performance_markdown(results: dict | None, lang: str) -> str:
    lines = [f"# {TEXT['title'][lang]}", "", TEXT["intro"][lang], ""]
    if not results:
        return "\n".join(lines + [TEXT["none"][lang], ""])
    rows = sorted(results["rows"], key=lambda r: r["n"])
    lines += [_svg(rows, lang), "", TEXT["header"][lang], "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['n']:,} | {r['pages']:,} | {r['build_s']:.1f} | {r['floor_s']:.1f} | {r['ratio_to_floor']:.2f} "
                     f"| {r['build_peak_mb']:.0f} | {r['check_s']:.2f} | {r['largest_page_kb']:.1f} |")
    lines += ["", f"## {TEXT['budgets'][lang]}", ""]
    for name, budget in sorted(results.get("budgets", {}).items()):
        mark = "✓" if budget["value"] <= budget["limit"] else "✗"
        lines.append(f"- {mark} `{name}`: {budget['value']:.2f} (≤ {budget['limit']})")
    return "\n".join(lines) + "\n"


def write_performance_pages(root: Path, docs_root: Path, navs: dict) -> None:
    """docs/<lang>/performance.md for every language, from the committed benchmark results; adds it to the nav."""
    path = root / RESULTS
    results = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
    for lang, nav in navs.items():
        (docs_root / lang / PERFORMANCE_PAGE).write_text(performance_markdown(results, lang), encoding="utf-8")
        nav.append((TEXT["title"][lang], PERFORMANCE_PAGE))
