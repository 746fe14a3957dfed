"""Whole-site checks on the demo (`seed_demo`): a crawl of every page of the sitemap in both
languages, then of the extranet as a member and as a coordinator signed in with the second
factor, following every link of the site (tests/site_crawl.py). Each page answers 200 (or
sends on to one that does) in at most MAX_QUERIES SQL queries (MAX_FIRST_QUERIES the first
time, the caches of the process cold); its HTML is valid (the Nu HTML Checker, errors only);
axe-core (WCAG 2.1 A and AA) finds no violation in Chromium.

The crawl goes through Django's test client, which counts the queries; the browser opens the
same addresses in the same session (the client takes the browser's session cookie) for
axe-core, once per path: the same page with another query string (?lang=en, a filter) is
checked by the Nu HTML Checker, not opened again."""

import os

import pytest
from django.conf import settings
from django.test import Client

from tests import site_crawl
from tests.browser.conftest import AXE_TAGS, describe_violations
from tests.browser.test_extranet import sign_in
from tests.browser.test_governance_pages import sign_in_as_coordinator

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The most SQL queries a page may take, the caches of the process warm, and cold (the first
# page of a crawl, of a language). The demo's lists hold ten or more rows: a query per row
# goes beyond. The benchmark (benchmarks/pages.py) shows that the counts do not grow with
# the volume.
MAX_QUERIES = 30
MAX_FIRST_QUERIES = 45
REDIRECTIONS = (301, 302)


@pytest.fixture
def vnu():
    if not site_crawl.vnu_available():
        reason = (f"the Nu HTML Checker needs Java and {site_crawl.VNU_JAR} "
                  "(apt-get install default-jre-headless; make install)")
        if os.environ.get("REQUIRE_BROWSER_TESTS") == "1":
            pytest.fail(f"The whole-site checks are required but cannot run: {reason}.",
                        pytrace=False)
        pytest.skip(f"Whole-site checks skipped: {reason}.")


def status_and_query_problems(visits):
    problems = []
    for visit in visits:
        if visit.status != 200 and not (visit.status in REDIRECTIONS and visit.location):
            problems.append(f"{visit.address}: {visit.status} (linked from {visit.found_on})")
        if visit.queries > MAX_QUERIES or visit.first_queries > MAX_FIRST_QUERIES:
            problems.append(f"{visit.address}: {visit.first_queries} SQL queries, then "
                            f"{visit.queries}")
    return problems


def axe_problems(page, axe, site_url, visits):
    """axe-core's violations on the first address of each HTML page's path."""
    problems, paths = [], set()
    for visit in visits:
        path = visit.address.partition("?")[0]
        if not visit.is_html or path in paths:
            continue
        paths.add(path)
        page.goto(site_url + visit.address)
        violations = axe.run(page, options={
            "runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"],
        }).response["violations"]
        if violations:
            problems.append(f"{visit.address}: {describe_violations(violations)}")
    return problems


def whole_site_problems(page, axe, site_url, tmp_path, starts, follow):
    """(the visits of the crawl, every problem they show)."""
    client = Client()
    for cookie in page.context.cookies():
        if cookie["name"] == settings.SESSION_COOKIE_NAME:
            client.cookies[cookie["name"]] = cookie["value"]
    visits = site_crawl.crawl(client, starts, follow)
    problems = (status_and_query_problems(visits)
                + site_crawl.html_errors(visits, tmp_path)
                + axe_problems(page, axe, site_url, visits))
    return visits, problems


def addresses(visits):
    return {visit.address for visit in visits}


def test_every_page_of_the_sitemap_in_both_languages_passes_the_whole_site_checks(
        page, site_url, axe, vnu, tmp_path):
    starts = site_crawl.sitemap_addresses(Client())
    starts += ["/search/?q=association", "/en/search/?q=association"]

    visits, problems = whole_site_problems(
        page, axe, site_url, tmp_path, starts,
        follow=lambda address: not address.startswith("/extranet/"))

    assert {"/", "/en/", "/annuaire/", "/en/directory/"} <= addresses(visits)
    assert not problems, "\n".join(problems)


def test_every_page_of_the_extranet_passes_the_whole_site_checks_for_a_member(
        page, site_url, axe, vnu, tmp_path):
    sign_in(page, site_url)

    visits, problems = whole_site_problems(
        page, axe, site_url, tmp_path, ["/extranet/"],
        follow=lambda address: address.startswith("/extranet/"))

    assert {"/extranet/entraide/", "/extranet/documents/"} <= addresses(visits)
    assert "/extranet/cotisations/suivi/" not in addresses(visits)
    assert not problems, "\n".join(problems)


def test_every_page_of_the_extranet_passes_the_whole_site_checks_for_a_coordinator(
        page, site_url, axe, vnu, tmp_path):
    sign_in_as_coordinator(page, site_url)

    visits, problems = whole_site_problems(
        page, axe, site_url, tmp_path, ["/extranet/"],
        follow=lambda address: address.startswith("/extranet/"))

    assert {"/extranet/cotisations/suivi/", "/extranet/coordination/passation/"} <= addresses(
        visits)
    assert not problems, "\n".join(problems)
