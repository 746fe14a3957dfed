"""The public page « Nos décisions et positions »: the public decisions of the register only,
newest first, by year and by pages, each at its number, in French and English."""

import datetime

import pytest

from extranet.governance.models import DecisionsPage, Outcome
from tests.factories import BodyFactory
from tests.factories.decisions import DecisionsPageFactory, decide

pytestmark = pytest.mark.django_db

LAST_YEAR = datetime.date.today().year - 1


def on(year, month=6, day=15):
    return datetime.date(year, month, day)


@pytest.fixture
def decisions_page(home_page):
    return DecisionsPageFactory(parent=home_page)


def test_the_page_lists_public_decisions_with_number_date_body_and_title(
        client, decisions_page):
    decision = decide(title="Position sur les subventions", on=on(LAST_YEAR))

    response = client.get(decisions_page.url)

    assert response.status_code == 200
    assert f"Décision n° {decision.number}" in response.text
    assert "Position sur les subventions" in response.text
    assert "Assemblée plénière" in response.text
    assert f"15 juin {LAST_YEAR}" in response.text


def test_a_decision_that_is_not_public_is_not_listed(client, decisions_page):
    decide(title="Budget interne du collectif", is_public=False)

    response = client.get(decisions_page.url)

    assert "Budget interne du collectif" not in response.text
    assert "Aucune décision publique pour l'instant." in response.text


def test_the_newest_decision_comes_first(client, decisions_page):
    decide(title="Décision ancienne", on=on(LAST_YEAR - 1))
    decide(title="Décision récente", on=on(LAST_YEAR))

    text = client.get(decisions_page.url).text

    assert text.index("Décision récente") < text.index("Décision ancienne")


def test_the_year_filter_keeps_that_year_s_decisions(client, decisions_page):
    decide(title="Décision ancienne", on=on(LAST_YEAR - 1))
    decide(title="Décision récente", on=on(LAST_YEAR))

    text = client.get(decisions_page.url, {"annee": LAST_YEAR - 1}).text

    assert "Décision ancienne" in text
    assert "Décision récente" not in text


def test_a_year_that_is_not_a_number_is_ignored(client, decisions_page):
    decide(title="Décision récente", on=on(LAST_YEAR))

    response = client.get(decisions_page.url, {"annee": "deux-mille", "page": "x"})

    assert response.status_code == 200
    assert "Décision récente" in response.text


def test_the_list_is_paginated_by_twenty(client, decisions_page):
    plenary = BodyFactory(name="Assemblée plénière bis")
    for day in range(1, 23):
        decide(plenary, title=f"Décision du jour {day:02d}", on=on(LAST_YEAR, 3, day))

    first = client.get(decisions_page.url).text
    second = client.get(decisions_page.url, {"page": 2}).text

    assert first.count('class="card"') == 20
    assert second.count('class="card"') == 2
    assert "Décision du jour 01" in second


def test_the_list_runs_a_bounded_number_of_queries(
        client, decisions_page, django_assert_max_num_queries):
    for day in range(1, 16):
        decide(BodyFactory(), title=f"Décision {day}", on=on(LAST_YEAR, 4, day))
    client.get(decisions_page.url)

    with django_assert_max_num_queries(12):
        response = client.get(decisions_page.url)

    assert response.status_code == 200


def test_a_public_decision_has_its_page_with_text_outcome_and_tally(client, decisions_page):
    decision = decide(title="Position sur les locaux", text="Le collectif demande des salles.",
                      on=on(LAST_YEAR))

    response = client.get(decisions_page.decision_url(decision.number))

    assert response.status_code == 200
    assert "Le collectif demande des salles." in response.text
    assert "adoptée" in response.text
    assert f"Décision n° {decision.number}" in response.text


def test_a_decision_page_runs_a_bounded_number_of_queries(
        client, decisions_page, django_assert_max_num_queries):
    old = decide(title="Première position", on=on(LAST_YEAR, 1, 10))
    decision = decide(title="Position corrigée", supersedes=old, on=on(LAST_YEAR, 2, 10))
    client.get(decisions_page.decision_url(decision.number))

    with django_assert_max_num_queries(10):
        response = client.get(decisions_page.decision_url(decision.number))

    assert response.status_code == 200


def test_a_decision_that_is_not_public_answers_not_found(client, decisions_page):
    decision = decide(is_public=False)

    assert client.get(decisions_page.decision_url(decision.number)).status_code == 404


def test_an_unknown_number_answers_not_found(client, decisions_page):
    assert client.get(decisions_page.decision_url("1999-999")).status_code == 404


def test_a_decision_links_the_public_decision_that_replaces_it(client, decisions_page):
    old = decide(title="Première position", on=on(LAST_YEAR, 1, 10))
    new = decide(title="Position corrigée", supersedes=old, on=on(LAST_YEAR, 2, 10))

    text = client.get(decisions_page.decision_url(old.number)).text

    assert "Remplacée par" in text
    assert f'href="{decisions_page.decision_url(new.number)}"' in text


def test_a_replacement_that_is_not_public_is_named_but_not_linked(client, decisions_page):
    old = decide(title="Première position", on=on(LAST_YEAR, 1, 10))
    new = decide(title="Correction interne", supersedes=old, is_public=False,
                 on=on(LAST_YEAR, 2, 10))

    text = client.get(decisions_page.decision_url(old.number)).text

    assert f"la décision n° {new.number}" in text
    assert decisions_page.decision_url(new.number) not in text


def test_a_decision_says_which_decision_it_replaces(client, decisions_page):
    old = decide(title="Première position", on=on(LAST_YEAR, 1, 10))
    new = decide(title="Position corrigée", supersedes=old, on=on(LAST_YEAR, 2, 10))

    text = client.get(decisions_page.decision_url(new.number)).text

    assert "Remplace" in text
    assert f'href="{decisions_page.decision_url(old.number)}"' in text


def test_a_rejected_decision_says_so(client, decisions_page):
    decision = decide(title="Proposition refusée", outcome=Outcome.REJECTED)

    assert "rejetée" in client.get(decisions_page.decision_url(decision.number)).text


def test_the_english_page_shows_english_labels_and_french_text(
        client, decisions_page, english_home, english):
    page_en = decisions_page.copy_for_translation(english)
    page_en.title = "Our decisions and positions"
    page_en.save_revision().publish()
    page_en.refresh_from_db()
    decision = decide(title="Position sur les locaux", on=on(LAST_YEAR))

    listing = client.get(page_en.url).text
    detail = client.get(page_en.decision_url(decision.number)).text

    assert "Our decisions and positions" in listing
    assert f"Decision no. {decision.number}" in listing
    assert 'lang="fr"' in detail
    assert "Text of the decision" in detail


def test_there_is_one_decisions_page_per_parent(decisions_page, home_page):
    assert not DecisionsPage.can_create_at(home_page)


def test_the_sitemap_lists_each_public_decision(client, decisions_page):
    public = decide(title="Publique")
    private = decide(title="Interne", is_public=False)

    text = client.get("/sitemap-pages.xml").text

    assert decisions_page.decision_url(public.number) in text
    assert decisions_page.decision_url(private.number) not in text
