"""A crawl of the site through Django's test client, for the whole-site checks
(tests/browser/test_site_crawl.py): from some addresses, every link of the site that a rule
lets it follow, each address once, with the status, the number of SQL queries and the HTML
of each; and the Nu HTML Checker (vnu.jar of the npm package `vnu-jar`, run by Java) on the
HTML of many pages at once.

What the crawl does not follow: other hosts, mailto: and tel: links, the admins (Wagtail's and
Django's own pages), static and media files, the sign-out, the language switcher of the
members' space (`?lang=`: a crawl is in one language, its client's cookie). Wagtail's
documents (/documents/…) are fetched, not read. An address with a query string (a filter, a
page of results, a month of the calendar) is followed for the first QUERY_VARIANTS query
strings of its path: a calendar's "next month" would lead on forever. A redirection is
followed wherever it leads on the site."""

import json
import re
import shutil
import subprocess
from collections import Counter, deque
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

ROOT = Path(__file__).resolve().parents[1]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
QUERY_VARIANTS = 2
NOT_FOLLOWED = ("/admin/", "/django-admin/", "/static/", "/media/")
SIGN_OUT = "/extranet/compte/logout/"
LANGUAGE_SWITCH = "lang"  # portal.chosen_language's parameter
REDIRECTIONS = (301, 302, 303, 307, 308)
MAX_ADDRESSES = 3000  # a crawl that goes beyond is lost in generated addresses


@dataclass
class Visit:
    address: str  # path and query string
    status: int
    content_type: str
    queries: int  # the SQL queries of a second request, the caches of the process warm
    first_queries: int  # of the first
    html: str = ""  # the body of an HTML answer
    location: str = ""  # where a redirection leads
    found_on: str = ""  # the page that links here (or "" for a starting address)

    @property
    def is_html(self):
        return self.status == 200 and self.content_type.startswith("text/html")


def address_of(href, base_path):
    """The path and query string of a link of the site, or None for a link elsewhere."""
    parts = urlsplit(href)
    if parts.scheme not in ("", "http", "https") or parts.netloc not in ("", "testserver"):
        return None
    path = parts.path or base_path
    if not path.startswith("/"):
        return None  # no page of the site links relatively
    return path + (f"?{parts.query}" if parts.query else "")


def links_of(html, base_path):
    soup = BeautifulSoup(html, "html.parser")
    for anchor in soup.find_all("a", href=True):
        address = address_of(anchor["href"].strip(), base_path)
        if address is not None:
            yield address


def default_rule(address):
    parts = urlsplit(address)
    return (not parts.path.startswith(NOT_FOLLOWED) and parts.path != SIGN_OUT
            and LANGUAGE_SWITCH not in parse_qs(parts.query))


def fetched(client, address):
    """(the answer to a GET of `address`, the number of SQL queries it took)."""
    # Django keeps the last 9,000 queries only: a full log would count none.
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    return response, len(queries)


def crawl(client, starts, follow=default_rule):
    """Every address reached from `starts` through links that `follow(address)` accepts (and
    redirections on the site), each fetched twice by `client` (its queries are counted with
    the caches of the process cold, then warm): a list of Visit."""
    queue = deque((address, "") for address in starts)
    seen = set(starts)
    variants = Counter()
    visits = []
    while queue:
        address, found_on = queue.popleft()
        _response, cold = fetched(client, address)
        response, warm = fetched(client, address)
        visit = Visit(address, response.status_code, response.get("Content-Type", ""),
                      warm, cold, found_on=found_on)
        visits.append(visit)
        if visit.is_html:
            visit.html = response.content.decode()
            targets = links_of(visit.html, urlsplit(address).path)
        elif response.status_code in REDIRECTIONS:
            visit.location = address_of(response["Location"], urlsplit(address).path) or ""
            targets = [visit.location] if visit.location else []
        else:
            targets = []
        for target in targets:
            redirected = target == visit.location  # followed wherever it leads
            if target in seen or not (redirected or (follow(target) and default_rule(target))):
                continue
            path, _, query = target.partition("?")
            if query and not redirected:
                variants[path] += 1
                if variants[path] > QUERY_VARIANTS:
                    continue
            seen.add(target)
            queue.append((target, address))
        assert len(seen) <= MAX_ADDRESSES, f"more than {MAX_ADDRESSES} addresses: {address}"
    return visits


def sitemap_addresses(client):
    """The path of every address of the sitemaps (both languages' pages, the associations)."""
    def locations(address):
        text = client.get(address).content.decode()
        return [urlsplit(location) for location in re.findall(r"<loc>([^<]+)</loc>", text)]

    paths = set()
    for section in locations("/sitemap.xml"):
        paths.update(location.path for location in
                     locations(section.path + (f"?{section.query}" if section.query else "")))
    return sorted(paths)


def vnu_available():
    return VNU_JAR.exists() and shutil.which("java") is not None


def html_errors(visits, folder):
    """The Nu HTML Checker's errors on the HTML pages of `visits` (one run for all of them):
    a list of "address (line): message"; its HTML files are written into `folder`."""
    files = {}
    for number, visit in enumerate(visit for visit in visits if visit.is_html):
        path = Path(folder).resolve() / f"page-{number}.html"
        path.write_bytes(visit.html.encode())
        files[str(path)] = visit.address
    if not files:
        return []
    completed = subprocess.run(
        [shutil.which("java"), "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
         "--stdout", *files],
        capture_output=True, check=False,
    )
    if not completed.stdout:
        raise RuntimeError(f"The Nu HTML Checker failed: {completed.stderr.decode()}")
    errors = []
    for message in json.loads(completed.stdout.decode())["messages"]:
        url = message.get("url", "")
        address = files.get(unquote(urlsplit(url).path), url)
        errors.append(f"{address} (line {message.get('lastLine', '?')}): {message['message']}"
                      f" «{message.get('extract', '').strip()}»")
    return errors
