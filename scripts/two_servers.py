"""Two app servers that share nothing but PostgreSQL, Redis and the storage (issue: production).

    .venv/bin/python scripts/two_servers.py   # CI runs it (.ci/run)

Makes a database `two_servers` on the local PostgreSQL (DATABASE_URL's server, default
127.0.0.1:5432), loads the demo, and starts two gunicorn instances with the production
settings, the same database, Redis (REDIS_URL, default db 7, emptied first) and file folders
(var/two-servers/). Then drives people across them alternately, each request to the other
server than the one before:

- a campaign's page made for a visitor on one is served to another by the other, each with
  a CSRF token of its own, and never to a signed-in member;
- a visitor signs a petition on one, the confirmation email's link is followed on the other,
  confirmed on the first, and the counter on the second counts the signature;
- five wrong passwords for one account, alternately on each server, lock it on both;
- a member signs in on one, reaches the members' space on the other, posts a mutual aid offer
  there and finds it on the first;
- the member uploads a document on one and downloads the same bytes from the other.

Exits with 1, naming the step, when anything breaks. The servers speak plain HTTP on loopback:
the script's client sends the production cookies (marked Secure) anyway.
"""

import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import redis
import requests
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.signing.server import SERVER_ENV, start_server  # noqa: E402

PORTS = (8111, 8112)
FOLDER = ROOT / "var" / "two-servers"
CAMPAIGN = "/campagnes/conventions-pluriannuelles/"
MEMBER = ("membre@example.org", "demo-membre-2026")
LOCKED = "representante@example.org"


class Broken(Exception):
    """A step that did not go as it must."""


def settings_env():
    server = urlsplit(os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test"))
    database = urlunsplit(server._replace(path="/two_servers"))
    return {
        **SERVER_ENV, "DATABASE_URL": database,
        "REDIS_URL": os.environ.get("TWO_SERVERS_REDIS_URL", "redis://127.0.0.1:6379/7"),
        "MEDIA_ROOT": str(FOLDER / "media"), "PRIVATE_MEDIA_ROOT": str(FOLDER / "private"),
        # Relative to the project: var/two-servers/mails (the file backend's folder).
        "EMAIL_URL": "filemail:///var/two-servers/mails",
        "BASE_URL": f"http://127.0.0.1:{PORTS[0]}", "PAGE_CACHE_SECONDS": "600",
    }


def fresh_instance(env):
    """An empty database, Redis database and folders; migrated, with the demo."""
    url = urlsplit(env["DATABASE_URL"])
    admin = urlunsplit(url._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS two_servers WITH (FORCE)")
        connection.execute("CREATE DATABASE two_servers")
    redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    shutil.rmtree(FOLDER, ignore_errors=True)
    for name in ("media", "private", "mails"):
        (FOLDER / name).mkdir(parents=True)
    dev = {**os.environ, **env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}
    for command in (["migrate", "--noinput", "-v", "0"], ["seed_demo"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=dev, check=True,
                       stdout=subprocess.DEVNULL)


class Person:
    """A browser of one person, each request to the next server in turn."""

    def __init__(self, name):
        self.name = name
        self.session = requests.Session()
        self.turn = 0

    def url(self, path):
        self.turn += 1
        return f"http://127.0.0.1:{PORTS[self.turn % 2]}{path}"

    def request(self, method, path, **kwargs):
        url = path if path.startswith("http") else self.url(path)
        # One Host for both, as behind the load balancer (the page cache's keys hold it).
        response = self.session.request(method, url, allow_redirects=False, timeout=30,
                                        headers={"Referer": url, "Host": "127.0.0.1"}, **kwargs)
        for cookie in self.session.cookies:  # plain HTTP on loopback: send them anyway
            cookie.secure = False
        return response

    def form(self, path, selector="main form[method=post]"):
        """The form's action and the values it would send as it is."""
        response = self.request("GET", path)
        expect(response.status_code == 200, f"{self.name}: GET {path} → {response.status_code}")
        form = BeautifulSoup(response.text, "html.parser").select_one(selector)
        expect(form is not None, f"{self.name}: no form {selector} at {path}")
        return form.get("action") or path, form_values(form)


def form_values(form):
    values = {}
    for field in form.select("input[name], select[name], textarea[name]"):
        name, kind = field["name"], field.get("type", "")
        if field.name == "select":
            options = [option for option in field.select("option") if option.get("value")]
            selected = field.select_one("option[selected]")
            chosen = selected if selected and selected.get("value") else (
                options[0] if options else None)
            values[name] = chosen.get("value", "") if chosen else ""
        elif kind in ("checkbox", "radio"):
            if field.has_attr("checked") or (kind == "radio" and name not in values):
                values[name] = field.get("value", "on")
        elif kind != "file" and field.name != "button":
            values[name] = field.get("value") or field.text or ""
    return values


def form_errors(response):
    """The errors a refused form shows, for the report."""
    page = BeautifulSoup(response.text, "html.parser")
    return [error.get_text(" ", strip=True) for error in
            page.select(".invalid-feedback, .errorlist, .form-errors, [role=alert]")]


def expect(condition, message):
    if not condition:
        raise Broken(message)


def run_worker(env):
    """The background worker's pass over the queue (the emails leave)."""
    subprocess.run([sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
                   cwd=ROOT, env={**os.environ, **env}, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def kept_pages():
    first, second = Person("first visitor"), Person("second visitor")
    second.turn = 1  # the other server
    made = first.request("GET", CAMPAIGN)
    kept = second.request("GET", CAMPAIGN)
    expect(kept.headers.get("X-Page-Cache") == "hit",
           f"the page made on one server is not kept for the other ({kept.headers})")
    tokens = [re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text).group(1)
              for response in (made, kept)]
    expect(tokens[0] != tokens[1], "two visitors got the same CSRF token")
    return "page cache: a page made on one server is served by the other, tokens apart"


def sign_and_confirm(env):
    visitor = Person("visitor")
    counter = None
    action, values = visitor.form(CAMPAIGN, "form[action*='/petitions/signer/']")
    page_id = re.search(r"/signer/(\d+)/", action).group(1)
    counter = f"/petitions/compteur/{page_id}.json"
    before = visitor.request("GET", counter).json()["count"]
    values.update({"first_name": "Léa", "last_name": "Deux-Serveurs", "postcode": "77500",
                   "email": "lea.deux-serveurs@example.org", "consent": "on", "website": ""})
    response = visitor.request("POST", action, data=values)
    expect(response.status_code == 302, f"signing on the other server → {response.status_code}")
    run_worker(env)
    mails = "".join(path.read_text() for path in (FOLDER / "mails").iterdir())
    link = re.search(r"http://127\.0\.0\.1:\d+(/petitions/confirmer/[^\s\"<]+)", mails)
    expect(link is not None, "no confirmation email with its link")
    action, values = visitor.form(link.group(1), "main form[method=post]")
    response = visitor.request("POST", action, data=values)
    expect(response.status_code in (200, 302), f"confirming → {response.status_code}")
    after = visitor.request("GET", counter).json()["count"]
    expect(after == before + 1, f"the counter went from {before} to {after}")
    return f"petition: signed, confirmed and counted across both servers ({before} → {after})"


def lockout():
    stranger = Person("stranger")
    for attempt in range(5):
        action, values = stranger.form("/extranet/compte/login/")
        values.update({"login": LOCKED, "password": f"wrong-{attempt}"})
        stranger.request("POST", action, data=values)
    action, values = stranger.form("/extranet/compte/login/")
    values.update({"login": LOCKED, "password": "demo-representation-2026"})
    response = stranger.request("POST", action, data=values)
    expect(response.status_code != 302, "the right password after 5 failures was let in")
    return "sign-in: 5 failures across both servers lock the account on both"


def member_posts_and_shares():
    member = Person("member")
    action, values = member.form("/extranet/compte/login/")
    values.update({"login": MEMBER[0], "password": MEMBER[1]})
    response = member.request("POST", action, data=values)
    expect(response.status_code == 302, f"signing in → {response.status_code}")
    home = member.request("GET", "/extranet/")
    expect(home.status_code == 200, f"the members' space on the other server → {home.status_code}")
    public = member.request("GET", CAMPAIGN)
    expect("X-Page-Cache" not in public.headers, "a signed-in member was served a kept page")
    action, values = member.form("/extranet/entraide/nouvelle/")
    today = datetime.date.today()
    values.update({"kind": "offer", "title": "Prêt de barnums entre deux serveurs",
                   "description": "Deux barnums de 3 × 3 m, à venir chercher à Chelles.",
                   "starts_on": today.isoformat(),
                   "ends_on": (today + datetime.timedelta(days=30)).isoformat()})
    values.pop("is_public", None)
    response = member.request("POST", action, data=values)
    expect(response.status_code == 302,
           f"posting an offer → {response.status_code} {form_errors(response)}")
    listing = member.request("GET", "/extranet/entraide/?q=barnums")
    expect("Prêt de barnums entre deux serveurs" in listing.text, "the offer is not listed")
    content = "Compte rendu de la réunion, écrit sur un serveur, lu sur l'autre.\n".encode()
    action, values = member.form("/extranet/documents/nouveau/")
    values.update({"title": "Compte rendu partagé"})
    response = member.request("POST", action, data=values,
                              files={"file": ("compte-rendu.txt", content, "text/plain")})
    expect(response.status_code == 302,
           f"uploading a document → {response.status_code} {form_errors(response)}")
    document = re.search(r"/extranet/documents/(\d+)/", response.headers["Location"])
    expect(document is not None, f"no document after the upload: {response.headers['Location']}")
    download = member.request("GET", f"/extranet/documents/{document.group(1)}/telecharger/")
    expect(download.status_code == 200 and download.content == content,
           f"downloading from the other server → {download.status_code}")
    return "member: signed in, posted an offer, uploaded and downloaded across both servers"


def main():
    env = settings_env()
    fresh_instance(env)
    os.environ.update(env)
    servers = []
    try:
        for port in PORTS:
            log = tempfile.NamedTemporaryFile("w", suffix=f"-{port}.log", delete=False)  # noqa: SIM115
            servers.append(start_server(port, workers=1, threads=None, log=log))
        for step in (kept_pages, lambda: sign_and_confirm(env), lockout,
                     member_posts_and_shares):
            print(f"ok  {step()}")
    except Broken as error:
        print(f"BROKEN  {error}")
        sys.exit(1)
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)
    print("Two servers sharing nothing but the database, Redis and the files: nothing broke.")


if __name__ == "__main__":
    main()
