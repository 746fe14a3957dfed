"""The maps' tiles: by default the Géoplateforme's Plan IGN (no key), credited; a setting
changes or turns them off, and the Content-Security-Policy follows it. (The test settings turn
the tiles off, so that no test sends a request out of the machine.)"""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings as django_settings

from tests.factories import DirectoryPageFactory
from tests.portal.test_security_headers import directive

ROOT = Path(__file__).resolve().parents[2]
IGN = {"url": django_settings.MAP_TILES_IGN_URL,
       "attribution": django_settings.MAP_TILES_IGN_ATTRIBUTION}


def production_tiles(**environment):
    """DIRECTORY_MAP_TILES as the base settings make it in a process with `environment`."""
    env = {key: value for key, value in os.environ.items()
           if key not in ("MAP_TILES_URL", "MAP_TILES_ATTRIBUTION")}
    env.update(environment)
    code = "import json, portal.settings.base as b; print(json.dumps(b.DIRECTORY_MAP_TILES))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True,
                            capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_by_default_the_maps_show_the_plan_ign_of_the_geoplateforme_credited():
    tiles = production_tiles()

    assert tiles["url"].startswith("https://data.geopf.fr/wmts?")
    assert "LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2" in tiles["url"]
    assert all(part in tiles["url"] for part in ("{z}", "{x}", "{y}"))
    assert "IGN" in tiles["attribution"]


def test_an_empty_setting_turns_the_tiles_off():
    assert production_tiles(MAP_TILES_URL="") == {"url": "", "attribution": ""}


def test_another_tile_source_takes_its_own_credit_not_the_ign_s():
    tiles = production_tiles(MAP_TILES_URL="https://tiles.example.org/{z}/{x}/{y}.png")

    assert tiles == {"url": "https://tiles.example.org/{z}/{x}/{y}.png", "attribution": ""}


def test_the_policy_lets_the_ign_tiles_in_when_they_are_set(client, home_page, settings):
    settings.DIRECTORY_MAP_TILES = IGN

    assert "https://data.geopf.fr" in directive(client.get("/"), "img-src")


def test_the_policy_lets_no_tile_in_when_they_are_off(client, home_page):
    assert directive(client.get("/"), "img-src") == ["'self'", "data:"]


def test_the_directory_s_map_carries_the_tiles_and_their_credit(client, settings, home_page):
    settings.DIRECTORY_MAP_TILES = IGN
    directory = DirectoryPageFactory(parent=home_page)

    html = client.get(directory.url).text

    assert 'data-tiles-url="https://data.geopf.fr/wmts?' in html
    assert "Géoplateforme" in html
