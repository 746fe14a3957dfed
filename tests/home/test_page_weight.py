"""The home page weighs under 150 KB before images, with no render-blocking JavaScript."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command

pytestmark = pytest.mark.django_db

BUDGET = 150 * 1024


@pytest.fixture
def home_html(client):
    call_command("seed_demo")
    response = client.get("/")
    assert response.status_code == 200
    return response.content


def static_assets(html):
    text = html.decode()
    stylesheets = re.findall(r'<link rel="stylesheet" href="/static/([^"]+)"', text)
    scripts = re.findall(r'<script src="/static/([^"]+)"', text)
    return stylesheets + scripts


def test_home_page_weighs_under_150_kb_before_images(home_html):
    assets = static_assets(home_html)
    assert assets, "the page links no CSS or JS: the budget test would measure nothing"

    weight = len(home_html) + sum(Path(finders.find(asset)).stat().st_size for asset in assets)

    assert weight < BUDGET, f"{weight} bytes"


def test_home_page_has_no_render_blocking_script(home_html):
    for tag in re.findall(rb"<script\b[^>]*>", home_html):
        assert b" defer" in tag or b" async" in tag or b'type="application/json"' in tag, tag


def test_home_page_loads_nothing_from_another_origin(home_html):
    assets = re.findall(
        rb'<script[^>]+src="([^"]+)"|<link rel="(?:stylesheet|icon)" href="([^"]+)"', home_html
    )
    assert assets
    for script, link in assets:
        assert (script or link).startswith(b"/static/"), script or link
