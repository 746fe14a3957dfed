"""The images shown where a link to the site is shared (Open Graph and Twitter cards: social
networks, messaging apps): 1200 × 630 PNGs drawn with Pillow, holding the collective's mark
and name and a title; a campaign's (campaigns.page_views) adds its counter and the progress
toward its goal, and where to sign; the site's own (portal.views.share_image) its tagline.
The font is shipped with the code (portal/fonts/, DejaVu Sans Bold, free licence), so that
every server draws the same image. The PNG carries the title in its metadata."""

import hashlib
import io
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from django.core.cache import cache as shared_cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

WIDTH, HEIGHT = 1200, 630
SECONDS = 10 * 60  # how long a drawn image serves (shared cache, readers, networks)
MARGIN = 72
FONT = Path(__file__).resolve().parent / "fonts" / "DejaVuSans-Bold.ttf"
TEXT = "#1d1d1f"
MUTED = "#4a4a4f"
TEAL = "#0b5563"
BRICK = "#a8361a"
OCHRE = "#d99a1e"
LIGHT = "#e3eff1"
SURFACE = "#f5f2ec"
TITLE_SIZES = (72, 64, 56, 50, 44)  # the largest that holds the title in its box
TITLE_LINES = 4
LINE_HEIGHT = 1.18
TITLE_TOP = 160
BAND_HEIGHT = 170


@cache
def font(size):
    return ImageFont.truetype(str(FONT), size)


def wrap(draw, text, face, width):
    """`text` in lines no wider than `width` (a word longer than a line stands alone)."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=face) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def fit_title(draw, title, width, height):
    """The largest title font whose lines fit the box; at the smallest, the lines past the
    fourth are cut with an ellipsis."""
    for size in TITLE_SIZES:
        lines = wrap(draw, title, font(size), width)
        if len(lines) <= TITLE_LINES and len(lines) * size * LINE_HEIGHT <= height:
            return font(size), lines
    face = font(TITLE_SIZES[-1])
    lines = wrap(draw, title, face, width)[:TITLE_LINES]
    lines[-1] = lines[-1].rstrip(" ,.;:") + " …"
    return face, lines


def draw_mark(draw, left, top, size):
    """The collective's mark (static/img/logo.svg): three linked rings."""
    scale = size / 64
    for (x, y), colour in (((23, 25), TEAL), ((41, 25), BRICK), ((32, 41), OCHRE)):
        radius = 14 * scale
        centre = (left + x * scale, top + y * scale)
        draw.ellipse([centre[0] - radius, centre[1] - radius, centre[0] + radius,
                      centre[1] + radius], outline=colour, width=max(2, round(6 * scale)))


def counter_text(count, goal):
    figures = ngettext("%(count)s signature", "%(count)s signatures", count) % {
        "count": number_format(count, force_grouping=True)}
    if goal:
        figures += " · " + _("objectif : %(goal)s") % {
            "goal": number_format(goal, force_grouping=True)}
    return figures


def render(title, site_name, where, count=None, goal=None):
    """The PNG's bytes. `where`: the site's address as readers type it (example.org);
    `count` (and `goal`): a petition's signatures, written with the bar toward the goal."""
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, WIDTH, 14], fill=BRICK)
    draw_mark(draw, MARGIN, 48, 72)
    draw.text((MARGIN + 92, 84), site_name, font=font(28), fill=TEAL, anchor="lm")

    band_top = HEIGHT - BAND_HEIGHT
    face, lines = fit_title(draw, title, WIDTH - 2 * MARGIN, band_top - 24 - TITLE_TOP)
    line_height = round(face.size * LINE_HEIGHT)
    for number, line in enumerate(lines):
        draw.text((MARGIN, TITLE_TOP + number * line_height), line, font=face, fill=TEXT)

    draw.rectangle([0, band_top, WIDTH, HEIGHT], fill=SURFACE)
    if count is None:
        draw.text((MARGIN, band_top + BAND_HEIGHT // 2), where, font=font(34), fill=TEAL,
                  anchor="lm")
        return png(image, title)
    draw.text((MARGIN, band_top + 24), counter_text(count, goal), font=font(34), fill=TEAL)
    if goal:
        bar_top, bar_width = band_top + 78, WIDTH - 2 * MARGIN
        draw.rounded_rectangle([MARGIN, bar_top, MARGIN + bar_width, bar_top + 18], radius=9,
                               fill=LIGHT)
        done = round(bar_width * min(count, goal) / goal)
        if done:
            draw.rounded_rectangle([MARGIN, bar_top, MARGIN + max(done, 18), bar_top + 18],
                                   radius=9, fill=BRICK)
    sign = _("Signez sur %(where)s") % {"where": where}
    draw.text((MARGIN, band_top + 116), sign, font=font(26), fill=MUTED)
    return png(image, title)


def png(image, title):
    metadata = PngInfo()
    metadata.add_text("Title", title)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True, pnginfo=metadata)
    return out.getvalue()


def where(request, full_url=""):
    """The site's address as readers type it (example.org), from a page's full URL."""
    return urlsplit(full_url).hostname or request.get_host().split(":")[0]


def response(parts, draw):
    """The PNG that `draw()` makes, kept SECONDS in the shared cache under `parts` (what the
    image shows: it is drawn again when one of them changes), for readers and networks too."""
    key = "share-image:" + hashlib.sha256("\n".join(map(str, parts)).encode()).hexdigest()
    image = shared_cache.get(key)
    if image is None:
        image = draw()
        shared_cache.set(key, image, SECONDS)
    answer = HttpResponse(image, content_type="image/png")
    patch_cache_control(answer, public=True, max_age=SECONDS)
    return answer
