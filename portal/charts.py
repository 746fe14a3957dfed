"""Accessible SVG charts drawn on the server: no JavaScript, no inline style (the site's CSP
forbids both), a `viewBox` so they scale, and a title and description read out in place of the
drawing (`role="img"`). The page always shows a table of the same figures beside a chart.

Colours are presentation attributes chosen for contrast on white (at least 3:1 for shapes,
4.5:1 for text); a second series is told apart by a hatching pattern and a text legend, never
by its colour alone. Every label goes through `format_html`, so it is escaped: sector and
commune names come from data. Each builder returns safe markup, ready for a template.
"""

import math
import textwrap
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

WIDTH = 640
TEXT = "#1d1d1f"  # 16.9:1 on white
MUTED = "#4a4a4f"  # 8.9:1 on white
PRIMARY = "#0b5563"  # 7.9:1 on white
ACCENT = "#a8361a"  # 6.6:1 on white
GRID = "#767676"  # 4.5:1 on white


def number(value, decimals=0):
    """A number written for the active language: 1 234,5 in French, 1,234.5 in English."""
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


@dataclass
class Bar:
    label: str
    value: float
    text: str = ""  # the value as written at the end of the bar; number(value) when empty

    @property
    def display(self):
        return self.text or number(self.value)


@dataclass
class Series:
    label: str
    values: list  # one number per category, in the order of the categories
    colour: str = PRIMARY
    hatched: bool = False


def wrap(label, width=64, lines=2):
    """The label cut into at most `lines` lines of `width` characters (… when longer)."""
    return textwrap.wrap(str(label), width, max_lines=lines, placeholder=" …") or [""]


def join(parts):
    """Safe markup parts (each built by format_html) joined into one."""
    return mark_safe("".join(parts))  # noqa: S308 - every part is already escaped


def svg(chart_id, title, description, height, body):
    """The <svg> element around `body`, named by its title and its description."""
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        'role="img" aria-labelledby="{id}-title {id}-desc" focusable="false" '
        'font-family="system-ui, sans-serif">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{description}</desc>'
        "{body}</svg>",
        width=WIDTH, height=height, id=chart_id, title=title, description=description,
        body=body,
    )


def axis_step(largest, ticks=4):
    """A whole step between the `ticks` grid lines of an axis reaching at least `largest`:
    any whole number up to 10, then 1, 2, 2.5 or 5 × 10ⁿ (15, 20, 25, 50, 100…)."""
    step = max(math.ceil(largest / ticks), 1)
    if step <= 10:
        return step
    power = 10 ** math.floor(math.log10(step))
    return next(int(m * power) for m in (1, 1.5, 2, 2.5, 5, 10) if step <= m * power)


def bar_chart(chart_id, title, description, bars) -> SafeString:
    """Horizontal bars, one a row: the label above the bar, the value written at its end."""
    line_height, bar_height, gap, value_room = 18, 18, 14, 90
    largest = max((bar.value for bar in bars), default=0) or 1
    scale = (WIDTH - value_room) / largest
    parts, y = [], 0
    for bar in bars:
        for line in wrap(bar.label):
            y += line_height
            parts.append(format_html(
                '<text x="0" y="{}" font-size="15" fill="{}">{}</text>', y - 4, TEXT, line
            ))
        length = max(bar.value * scale, 1) if bar.value else 0
        parts.append(format_html(
            '<rect x="0" y="{}" width="{}" height="{}" fill="{}"><title>{} – {}</title></rect>'
            '<text x="{}" y="{}" font-size="15" font-weight="600" fill="{}">{}</text>',
            y + 2, f"{length:.1f}", bar_height, PRIMARY, bar.label, bar.display,
            f"{length + 6:.1f}", y + bar_height - 1, TEXT, bar.display,
        ))
        y += bar_height + gap
    return svg(chart_id, title, description, max(y, 1), join(parts))


def column_chart(chart_id, title, description, categories, series) -> SafeString:
    """Vertical columns, the series of one category side by side (years along the bottom, a
    label every five years when there are many), a value axis with grid lines, and a legend in
    words. Each column has its own <title> holding its exact value."""
    left, right, top, bottom, height = 56, 8, 44, 30, 300
    plot_width, plot_height = WIDTH - left - right, height - top - bottom
    step = axis_step(max((max(one.values, default=0) for one in series), default=0))
    maximum = step * 4
    parts = [_patterns(chart_id, series), *_legend(chart_id, series)]
    for tick in range(5):
        value = step * tick
        y = top + plot_height * (1 - tick / 4)
        parts.append(format_html(
            '<line x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" stroke-width="{}"/>'
            '<text x="{}" y="{}" font-size="13" text-anchor="end" fill="{}">{}</text>',
            left, WIDTH - right, f"{y:.1f}", f"{y:.1f}", GRID, "1" if tick == 0 else "0.5",
            left - 6, f"{y + 4:.1f}", MUTED, number(value),
        ))
    count = max(len(categories), 1)
    slot = plot_width / count
    bar_width = min(slot * 0.8 / max(len(series), 1), 24)
    for index, category in enumerate(categories):
        x = left + index * slot + (slot - bar_width * len(series)) / 2
        for rank, one in enumerate(series):
            value = one.values[index]
            bar_height = plot_height * value / maximum
            parts.append(format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{}">'
                "<title>{} – {} – {}</title></rect>",
                f"{x + rank * bar_width:.1f}", f"{top + plot_height - bar_height:.1f}",
                f"{bar_width:.1f}", f"{bar_height:.1f}", _fill(chart_id, rank, one),
                one.colour if value else "none", category, one.label, number(value),
            ))
        if count <= 12 or index == count - 1 or str(category).endswith(("0", "5")):
            parts.append(format_html(
                '<text x="{}" y="{}" font-size="13" text-anchor="middle" fill="{}">{}</text>',
                f"{left + index * slot + slot / 2:.1f}", height - 10, MUTED, category,
            ))
    return svg(chart_id, title, description, height, join(parts))


def _fill(chart_id, rank, series):
    return f"url(#{chart_id}-pattern-{rank})" if series.hatched else series.colour


def _patterns(chart_id, series):
    """Diagonal hatching, in its series' colour, for each hatched series."""
    patterns = format_html_join(
        "",
        '<pattern id="{}-pattern-{}" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        '<rect width="3" height="6" fill="{}"/></pattern>',
        ((chart_id, rank, one.colour) for rank, one in enumerate(series) if one.hatched),
    )
    return format_html("<defs>{}</defs>", patterns) if patterns else ""


def _legend(chart_id, series):
    """A swatch (same fill as the columns) and the series' name in words, in a row on top."""
    parts, x = [], 0
    for rank, one in enumerate(series):
        parts.append(format_html(
            '<rect x="{}" y="4" width="18" height="18" fill="{}" stroke="{}"/>'
            '<text x="{}" y="19" font-size="15" fill="{}">{}</text>',
            x, _fill(chart_id, rank, one), one.colour, x + 24, TEXT, one.label,
        ))
        x += 24 + len(one.label) * 8 + 24
    return parts
