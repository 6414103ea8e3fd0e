"""The performance page: benchmark figures from bench/results/build.json as a table and an inline SVG plot, and
the live preview's figures from bench/results/preview.json."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

__all__ = ["write_performance_pages", "PERFORMANCE_PAGE"]

PERFORMANCE_PAGE = "performance.md"
RESULTS = Path("bench") / "results" / "build.json"
PREVIEW_RESULTS = Path("bench") / "results" / "preview.json"
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
    "preview": {"en": "Live preview", "nl": "Live voorbeeld"},
    "preview_intro": {
        "en": "Time from saving one YAML edit (an entity's English label, one entity of each class) to the changed "
              "page being served by `kg preview`, at {n:,} entities, measured by `bench/bench_preview.py`. The "
              "baseline is the full build the preview starts with ({full:.1f} s), which every edit used to cost.",
        "nl": "Tijd van het opslaan van één YAML-wijziging (het Engelse label van een entiteit, één entiteit per "
              "klasse) tot `kg preview` de gewijzigde pagina serveert, bij {n:,} entiteiten, gemeten met "
              "`bench/bench_preview.py`. De basislijn is de volledige build waarmee het voorbeeld start "
              "({full:.1f} s), wat elke wijziging vroeger kostte."},
    "preview_header": {"en": "| class folder | edit → page served (s) | pages re-rendered |",
                       "nl": "| klassemap | wijziging → pagina geserveerd (s) | pagina's opnieuw gemaakt |"},
    "preview_summary": {"en": "Median {median:.2f} s, slowest {max:.2f} s (budget: {limit:.0f} s).",
                        "nl": "Mediaan {median:.2f} s, traagste {max:.2f} s (budget: {limit:.0f} s)."},
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


def preview_markdown(preview: dict | None, lang: str) -> list:
    """The live preview section (nothing when there are no figures)."""
    if not preview:
        return []
    lines = ["", f"## {TEXT['preview'][lang]}", "",
             TEXT["preview_intro"][lang].format(n=preview["n"], full=preview["full_build_s"]), "",
             TEXT["preview_header"][lang], "|---|---:|---:|"]
    lines += [f"| {edit['folder']} | {edit['seconds']:.2f} | {edit['pages']} |" for edit in preview["edits"]]
    summary = TEXT["preview_summary"][lang].format(median=preview["median_s"], max=preview["max_s"],
                                                   limit=preview["budget"]["limit_s"])
    return lines + ["", summary]


def performance_markdown(results: dict | None, lang: str, preview: dict | None = None) -> str:
    lines = [f"# {TEXT['title'][lang]}", "", TEXT["intro"][lang], ""]
    if not results:
        return "\n".join(lines + [TEXT["none"][lang]] + preview_markdown(preview, lang) + [""])
    rows = sorted(results["rows"], key=lambda r: r["n"])
    lines += [_svg(rows, lang), "", TEXT["header"][lang], "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {r['n']:,} | {r['pages']:,} | {r['build_s']:.1f} | {r['floor_s']:.1f} | {r['ratio_to_floor']:.2f} "
                     f"| {r['build_peak_mb']:.0f} | {r['check_s']:.2f} | {r['largest_page_kb']:.1f} |")
    lines += ["", f"## {TEXT['budgets'][lang]}", ""]
    for name, budget in sorted(results.get("budgets", {}).items()):
        mark = "✓" if budget["value"] <= budget["limit"] else "✗"
        lines.append(f"- {mark} `{name}`: {budget['value']:.2f} (≤ {budget['limit']})")
    return "\n".join(lines + preview_markdown(preview, lang)) + "\n"


def write_performance_pages(root: Path, docs_root: Path, navs: dict) -> None:
    """docs/<lang>/performance.md for every language, from the committed benchmark results; adds it to the nav."""
    results, preview = (json.loads((root / name).read_text(encoding="utf-8")) if (root / name).is_file() else None
                        for name in (RESULTS, PREVIEW_RESULTS))
    for lang, nav in navs.items():
        text = performance_markdown(results, lang, preview)
        (docs_root / lang / PERFORMANCE_PAGE).write_text(text, encoding="utf-8")
        nav.append((TEXT["title"][lang], PERFORMANCE_PAGE))
