"""Outcome charts as accessible inline SVG: estimates with 95% CIs on one axis, built with XML escaping."""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

__all__ = ["ChartRow", "forest_svg", "axis_maximum"]

WIDTH, LABEL_W, VALUE_W, ROW_H, TOP, AXIS_H = 800, 330, 150, 30, 10, 40
PLOT_W = WIDTH - LABEL_W - VALUE_W
MAX_LABEL = 48


@dataclass(frozen=True)
class ChartRow:
    """One line of the chart: what it is, the estimate, the interval and the text shown beside it."""

    label: str
    estimate: float
    lower: float | None
    upper: float | None
    text: str
    comparator: bool = False


def axis_maximum(rows: list, percent: bool) -> float:
    """100 for percentages; otherwise the largest value rounded up to a 1-2-5 step."""
    if percent:
        return 100.0
    largest = max([r.upper if r.upper is not None else r.estimate for r in rows] + [1.0])
    magnitude = 10 ** math.floor(math.log10(largest))
    return next(step * magnitude for step in (1, 2, 5, 10) if step * magnitude >= largest)


def _short(text: str) -> str:
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"


def _marker(x: float, y: float, comparator: bool) -> str:
    """A filled square for a figure, an open circle for its comparator (inside the stroked group)."""
    if comparator:
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="6" fill="none"/>'
    return f'<rect x="{_n(x - 6)}" y="{_n(y - 6)}" width="12" height="12" stroke="none"/>'


def _n(value: float) -> str:
    """A coordinate with at most one decimal, no trailing '.0' (keeps the SVG small)."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def forest_svg(rows: list, title: str, description: str, chart_id: str, percent: bool, unit_text: str = "") -> str:
    """An SVG figure (one line, no blank lines: a raw HTML block in Markdown) with <title> and <desc>.
    Shared presentation attributes sit on <g> groups, so each row costs a few short elements."""
    top = axis_maximum(rows, percent)
    height = TOP + ROW_H * len(rows) + AXIS_H

    def x(value: float) -> str:
        return _n(LABEL_W + PLOT_W * max(0.0, min(value, top)) / top)

    axis_y = TOP + ROW_H * len(rows)
    ticks = [top * step / 4 for step in range(5)]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="cle-chart" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" aria-labelledby="{chart_id}-t {chart_id}-d">',
        f'<title id="{chart_id}-t">{escape(title)}</title>',
        f'<desc id="{chart_id}-d">{escape(description)}</desc>',
        '<g stroke="currentColor" stroke-opacity="0.2">',
    ]
    parts += [f'<line x1="{x(v)}" y1="{TOP}" x2="{x(v)}" y2="{axis_y}"/>' for v in ticks]
    parts.append('</g><g fill="currentColor" font-size="12" text-anchor="middle">')
    parts += [f'<text x="{x(v)}" y="{axis_y + 16}">{v:g}{escape(unit_text)}</text>' for v in ticks]
    parts.append('</g><g fill="currentColor" font-size="12" text-anchor="end">')
    middles = [TOP + ROW_H * index + ROW_H / 2 for index in range(len(rows))]
    parts += [
        f'<text x="{LABEL_W - 8}" y="{_n(y + 4)}">{escape(_short(row.label))}</text>'
        for row, y in zip(rows, middles, strict=True)
    ]
    parts.append('</g><g fill="currentColor" font-size="12">')
    parts += [
        f'<text x="{LABEL_W + PLOT_W + 10}" y="{_n(y + 4)}">{escape(row.text)}</text>'
        for row, y in zip(rows, middles, strict=True)
    ]
    parts.append('</g><g stroke="currentColor" stroke-width="2" fill="currentColor">')
    parts.append(f'<line x1="{LABEL_W}" y1="{axis_y}" x2="{LABEL_W + PLOT_W}" y2="{axis_y}" stroke-width="1"/>')
    for row, y in zip(rows, middles, strict=True):
        if row.lower is not None and row.upper is not None:
            lo, hi = x(row.lower), x(row.upper)
            parts.append(
                f'<path fill="none" d="M{lo} {_n(y)}H{hi}M{lo} {_n(y - 6)}V{_n(y + 6)}M{hi} {_n(y - 6)}V{_n(y + 6)}"/>'
            )
        parts.append(_marker(float(x(row.estimate)), y, row.comparator))
    parts.append("</g></svg>")
    return "".join(parts)
