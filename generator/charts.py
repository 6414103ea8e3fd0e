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
    if comparator:
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="none" stroke="currentColor" stroke-width="2"/>'
    return f'<rect x="{x - 6:.1f}" y="{y - 6:.1f}" width="12" height="12" fill="currentColor"/>'


def forest_svg(rows: list, title: str, description: str, chart_id: str, percent: bool, unit_text: str = "") -> str:
    """An SVG figure (one line, no blank lines: a raw HTML block in Markdown) with <title> and <desc>."""
    top = axis_maximum(rows, percent)
    height = TOP + ROW_H * len(rows) + AXIS_H

    def x(value: float) -> float:
        return LABEL_W + PLOT_W * max(0.0, min(value, top)) / top

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="cle-chart" viewBox="0 0 {WIDTH} {height}" '
             f'width="100%" role="img" aria-labelledby="{chart_id}-t {chart_id}-d">',
             f'<title id="{chart_id}-t">{escape(title)}</title>',
             f'<desc id="{chart_id}-d">{escape(description)}</desc>']
    axis_y = TOP + ROW_H * len(rows)
    for step in range(5):
        value = top * step / 4
        tick = x(value)
        parts.append(f'<line x1="{tick:.1f}" y1="{TOP}" x2="{tick:.1f}" y2="{axis_y}" stroke="currentColor" '
                     f'stroke-opacity="0.2"/>')
        parts.append(f'<text x="{tick:.1f}" y="{axis_y + 16}" text-anchor="middle" font-size="12" '
                     f'fill="currentColor">{value:g}{escape(unit_text)}</text>')
    parts.append(f'<line x1="{LABEL_W}" y1="{axis_y}" x2="{LABEL_W + PLOT_W}" y2="{axis_y}" stroke="currentColor"/>')
    for index, row in enumerate(rows):
        y = TOP + ROW_H * index + ROW_H / 2
        parts.append(f'<text x="{LABEL_W - 8}" y="{y + 4:.1f}" text-anchor="end" font-size="12" '
                     f'fill="currentColor">{escape(_short(row.label))}</text>')
        if row.lower is not None and row.upper is not None:
            lo, hi = x(row.lower), x(row.upper)
            parts.append(f'<line x1="{lo:.1f}" y1="{y:.1f}" x2="{hi:.1f}" y2="{y:.1f}" stroke="currentColor" stroke-width="2"/>')
            for end in (lo, hi):
                parts.append(f'<line x1="{end:.1f}" y1="{y - 6:.1f}" x2="{end:.1f}" y2="{y + 6:.1f}" '
                             f'stroke="currentColor" stroke-width="2"/>')
        parts.append(_marker(x(row.estimate), y, row.comparator))
        parts.append(f'<text x="{LABEL_W + PLOT_W + 10}" y="{y + 4:.1f}" font-size="12" '
                     f'fill="currentColor">{escape(row.text)}</text>')
    parts.append("</svg>")
    return "".join(parts)
