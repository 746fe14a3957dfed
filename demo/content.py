"""The demo site's text, in French (source) and English, in the tone of the founding workshop
(see ../shared/seeds/). It is kept in the TOML files of demo/data/, apart from the code, so that
editors can read and fix it; this module reads them once and gives each part a name.

StreamField bodies are lists of compact blocks turned into StreamField data by
demo/streamfield.py: ["heading", text], ["paragraph", html], ["quote", [quote, attribution]],
["key_figures", [title, [[value, label, source] or {live = key}, ...]]] (a live figure is
counted by the site, see portal/live_figures.py). Days are counted from the day the demo
is loaded (negative: in the past), so that it stays current.
"""

import tomllib
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def read(name):
    with (DATA / f"{name}.toml").open("rb") as file:
        return tomllib.load(file)


_site = read("site")
COLLECTIVE = _site["collective"]
TAGLINE = _site["tagline"]
HOME = _site["home"]
ABOUT = _site["about"]
# French pages: (slug, title, introduction, body, parent slug or None for the home page).
PAGES = [(page["slug"], page["title"], page["introduction"], page["body"], page.get("parent"))
         for page in _site["pages"]]
# Their English versions, by French slug.
PAGES_EN = {page["slug"]: page["en"] for page in _site["pages"] if "en" in page}
MAIN_MENU = _site["main_menu"]
FOOTER_MENU = _site["footer_menu"]

_directory = read("directory")
DIRECTORY = _directory["directory"]
OBSERVATORY = _directory["observatory"]
# {INSEE code: (latitude, longitude)} of the demo's communes.
COMMUNE_CENTRES = {code: tuple(position) for code, position in
                   _directory["commune_centres"].items()}
# name, short name, commune code, sector family, description, date of creation, position.
ASSOCIATIONS = [
    (item["name"], item["short_name"], item["commune"], item["sector"], item["description"],
     item["created_on"], item["position"])
    for item in _directory["associations"]
]

_events = read("events")
EVENTS_PAGE = _events["page"]
EVENT_THEMES = _events["themes"]
EVENT_VENUES = _events["venues"]
EVENTS = _events["events"]

_extranet = read("extranet")
NEWS_CATEGORIES = _extranet["news_categories"]
WORKING_GROUPS = _extranet["working_groups"]
NETWORK_MEETINGS = _extranet["network_meetings"]
NEWS_POSTS = _extranet["news_posts"]

_campaigns = read("campaigns")
CAMPAIGNS_PAGE = _campaigns["page"]
ELECTED_OFFICIALS = _campaigns["elected_officials"]
CONSENT_EN = _campaigns["consent_en"]
SIGNERS = _campaigns["signers"]
CAMPAIGNS = _campaigns["campaigns"]

# The governance: bodies, the assemblies of 2026 and their votes, the open ballot.
GOVERNANCE = read("governance")

# The shared documents: the library's folders, their documents and the public page.
DOCUMENTS = read("documents")

# The impact reports: hourly values, the member associations' reports, the observatory page.
IMPACT = read("impact")

# Mutual aid: the member associations' offers and requests, two conversations, the public page.
MUTUAL_AID = read("mutual_aid")

# The dues: the scales, the yearly dues, the solidarity fund's ledger and its public page.
DUES = read("dues")
