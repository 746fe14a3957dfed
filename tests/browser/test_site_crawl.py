"""Whole-site checks on the demo (`seed_demo`): a crawl of every page of the sitemap in both
languages, then of the extranet as a member and as a coordinator signed in with the second
factor, in French and in English, following every link of the site (tests/site_crawl.py).
Each page answers 200, or sends on to one that does (never to the sign-in page of a signed-in
person), in at most MAX_QUERIES SQL queries (MAX_FIRST_QUERIES the first time, the caches of
the process cold); its HTML is valid (the Nu HTML Checker, errors only); axe-core (WCAG 2.1
A and AA) finds no violation in Chromium.

The crawl goes through Django's test client, which counts the queries; the browser opens the
same addresses in the same session (the client takes the browser's session cookie) for
axe-core, once per path: the same page with another query string (a filter, a page of a
list) is checked by the Nu HTML Checker, not opened again."""

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
SIGN_IN = "/extranet/compte/login/"
EXTRANET = "/extranet/"


def in_the_extranet(address):
    return address.startswith(EXTRANET)


def end_of(visit, visits):
    """The visit a redirection leads to at last (itself when it is none)."""
    seen = {visit.address}
    while visit.status in site_crawl.REDIRECTIONS and visit.location in visits:
        visit = visits[visit.location]
        if visit.address in seen:
            break
        seen.add(visit.address)
    return visit


def status_and_query_problems(visits, signed_in):
    problems = []
    by_address = {visit.address: visit for visit in visits}
    for visit in visits:
        end = end_of(visit, by_address)
        if end.status != 200:
            problems.append(f"{visit.address}: {visit.status}, ends in {end.address}: "
                            f"{end.status} (linked from {visit.found_on or 'the start'})")
        elif signed_in and end is not visit and end.address.startswith(SIGN_IN):
            problems.append(f"{visit.address}: a signed-in person is sent to sign in")
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


def whole_site_problems(page, axe, site_url, tmp_path, starts, follow, language="fr",
                        signed_in=True):
    """(the visits of the crawl, every problem they show). A server error is a problem
    among the others, not the end of the crawl."""
    client = Client(raise_request_exception=False)
    for cookie in page.context.cookies():
        if cookie["name"] == settings.SESSION_COOKIE_NAME:
            client.cookies[cookie["name"]] = cookie["value"]
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": language,
                               "url": site_url}])
    visits = site_crawl.crawl(client, starts, follow)
    problems = (status_and_query_problems(visits, signed_in)
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
        page, axe, site_url, tmp_path, starts, signed_in=False,
        follow=lambda address: not in_the_extranet(address))

    assert {"/", "/en/", "/annuaire/", "/en/directory/"} <= addresses(visits)
    assert not problems, "\n".join(problems)


# Who signs in, what their crawl must reach, what it must not.
AUDIENCES = {
    "member": (sign_in, {"/extranet/entraide/", "/extranet/documents/"},
               {"/extranet/cotisations/suivi/"}),
    "coordinator": (sign_in_as_coordinator,
                    {"/extranet/cotisations/suivi/", "/extranet/coordination/passation/"}, set()),
}


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("audience", AUDIENCES)
def test_every_page_of_the_extranet_passes_the_whole_site_checks_for_members_and_coordinators(
        page, site_url, axe, vnu, tmp_path, audience, language):
    sign_in_with, reached, not_reached = AUDIENCES[audience]
    sign_in_with(page, site_url)

    visits, problems = whole_site_problems(
        page, axe, site_url, tmp_path, [EXTRANET], in_the_extranet, language)

    assert reached <= addresses(visits)
    assert not (not_reached & addresses(visits))
    assert f'<html lang="{language}"' in visits[0].html
    assert not problems, "\n".join(problems)
