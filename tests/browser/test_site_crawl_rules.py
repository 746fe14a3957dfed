"""The crawl of the whole-site checks (tests/site_crawl.py) on made-up answers: what it
follows and what it leaves, and that the Nu HTML Checker's errors reach the report."""

import pytest
from django.http import HttpResponse, HttpResponseRedirect

from tests import site_crawl

pytestmark = pytest.mark.django_db  # the crawl counts the queries of each answer

VALID = "<!doctype html><html lang=fr><head><title>Page</title></head><body>{}</body></html>"


class FakeClient:
    """Answers GET requests from a dict of address → answer; records what was asked."""

    def __init__(self, answers):
        self.answers = answers
        self.asked = []

    def get(self, address):
        self.asked.append(address)
        return self.answers.get(address) or HttpResponse(status=404)


def page(*links):
    return HttpResponse(VALID.format("".join(f'<a href="{link}">lien</a>' for link in links)))


def test_the_crawl_follows_the_site_s_links_and_redirections_once_each():
    client = FakeClient({
        "/": page("/a/", "/a/#haut", "http://testserver/b/"),
        "/a/": page("/"),
        "/b/": HttpResponseRedirect("/c/"),
        "/c/": page(),
    })

    visits = site_crawl.crawl(client, ["/"])

    assert [visit.address for visit in visits] == ["/", "/a/", "/b/", "/c/"]
    assert visits[2].status == 302 and visits[2].location == "/c/"
    assert visits[1].found_on == "/"


def test_the_crawl_leaves_other_sites_the_admins_files_and_the_sign_out():
    client = FakeClient({"/": page(
        "https://example.org/", "mailto:contact@example.org", "tel:+33100000000",
        "/admin/", "/django-admin/", "/static/css/site.css", "/media/images/photo.jpg",
        "/extranet/compte/logout/",
    )})

    visits = site_crawl.crawl(client, ["/"])

    assert [visit.address for visit in visits] == ["/"]


def test_the_crawl_takes_the_first_query_strings_of_a_path_only():
    months = [f"/agenda/?mois=2027-{month:02}" for month in range(1, 13)]
    client = FakeClient({"/agenda/": page(*months)})

    visits = site_crawl.crawl(client, ["/agenda/"])

    assert [visit.address for visit in visits] == ["/agenda/", *months[:site_crawl.QUERY_VARIANTS]]


def test_the_crawl_follows_a_redirection_outside_its_rule_and_no_further():
    client = FakeClient({
        "/extranet/": HttpResponseRedirect("/extranet/compte/login/?next=/extranet/"),
        "/extranet/compte/login/?next=/extranet/": page("/campagnes/"),
    })

    visits = site_crawl.crawl(client, ["/extranet/"],
                              follow=lambda address: address.startswith("/extranet/docs/"))

    assert [visit.address for visit in visits] == [
        "/extranet/", "/extranet/compte/login/?next=/extranet/"]


def test_the_crawl_leaves_the_language_switcher_to_the_client_s_cookie():
    client = FakeClient({"/extranet/": page("/extranet/?lang=en", "/extranet/actualites/")})

    visits = site_crawl.crawl(client, ["/extranet/"])

    assert [visit.address for visit in visits] == ["/extranet/", "/extranet/actualites/"]


def test_a_redirection_is_followed_past_the_query_strings_limit():
    months = [f"/agenda/?mois=2027-{month:02}" for month in range(1, 3)]
    client = FakeClient({
        "/agenda/": page(*months, "/agenda/courant/"),
        "/agenda/courant/": HttpResponseRedirect("/agenda/?mois=2026-12"),
        "/agenda/?mois=2026-12": page(),
    })

    visits = site_crawl.crawl(client, ["/agenda/"])

    assert visits[-1].address == "/agenda/?mois=2026-12" and visits[-1].status == 200


def test_the_crawl_reports_a_missing_page_with_the_page_that_links_to_it():
    client = FakeClient({"/": page("/disparue/")})

    visits = site_crawl.crawl(client, ["/"])

    assert (visits[1].status, visits[1].found_on) == (404, "/")


def test_the_crawl_obeys_the_rule_it_is_given():
    client = FakeClient({"/extranet/": page("/extranet/actualites/", "/campagnes/")})

    visits = site_crawl.crawl(client, ["/extranet/"],
                              follow=lambda address: address.startswith("/extranet/"))

    assert [visit.address for visit in visits] == ["/extranet/", "/extranet/actualites/"]


def test_the_html_checker_reports_an_invalid_page_by_its_address(vnu, tmp_path):
    visits = [
        site_crawl.Visit("/juste/", 200, "text/html", 0, 0, html=VALID.format("<p>Bien</p>")),
        site_crawl.Visit("/faux/", 200, "text/html", 0, 0,
                         html=VALID.format('<p><input type="hidden" aria-label="x"></p>')),
    ]

    errors = site_crawl.html_errors(visits, tmp_path)

    assert len(errors) == 1
    assert errors[0].startswith("/faux/ (line 1): ") and "aria-*" in errors[0]


def test_the_html_checker_ignores_what_is_not_html(vnu, tmp_path):
    visits = [site_crawl.Visit("/calendrier.ics", 200, "text/calendar", 0, 0)]

    assert site_crawl.html_errors(visits, tmp_path) == []
