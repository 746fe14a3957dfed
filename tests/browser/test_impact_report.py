"""The yearly impact report in Chromium with axe-core (WCAG 2.1 A and AA), on the demo
content (`seed_demo`): the representative of "Entraide et partage chellois" fills the report
of the open year (its figures and one activity), submits it and sees it submitted."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_extranet import ASSOCIATION, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FIGURES = {
    "Bénévoles": "18",
    "Salarié·es en CDI": "2",
    "Salarié·es en CDD": "1",
    "Salarié·es en contrat aidé": "0",
    "Dont à temps partiel": "1",
    "Part des subventions publiques": "40",
    "Part des appels à projets": "30",
}


@pytest.fixture
def no_report_yet(site_url):
    """Whatever the demo holds, the association starts the open year's report afresh (and
    has no report of the year before to compare it with)."""
    from extranet.impact import years
    from extranet.impact.models import ImpactReport

    ImpactReport.objects.filter(
        association__name=ASSOCIATION,
        year__in=(years.open_year(), years.open_year() - 1),
    ).delete()
    return years.open_year()


def open_the_form(page, site_url, year):
    sign_in(page, site_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Espace membres")
    page.get_by_role("navigation", name="Espace membres").get_by_role(
        "link", name="Utilité sociale").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Utilité sociale")
    page.get_by_role("link", name=f"Remplir le rapport {year} : {ASSOCIATION}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Rapport {year} de {ASSOCIATION}")


def test_a_representative_fills_and_submits_the_report(page, site_url, no_report_yet):
    open_the_form(page, site_url, no_report_yet)

    for label, value in FIGURES.items():
        page.get_by_label(label).fill(value)
    activity = page.get_by_role("group", name="Activité 1", exact=True)
    activity.get_by_label("Secteur").select_option(label="Interventions sociales")
    activity.get_by_label("Activité").fill("Accompagnement des familles")
    activity.get_by_label("Heures de bénévolat").fill("900")
    activity.get_by_label("Personnes touchées").fill("120")
    story = "Nos bénévoles ont accompagné quarante familles."
    page.get_by_role("textbox", name="Récit").fill(story)
    page.get_by_role("button", name="Soumettre le rapport").click()

    expect(page.get_by_text("Le rapport est soumis")).to_be_visible()
    expect(page.get_by_text("Ce rapport est soumis")).to_be_visible()
    page.goto(site_url + "/extranet/utilite-sociale/")
    expect(page.get_by_role("cell", name="Soumis", exact=True)).to_be_visible()


def test_the_report_form_is_accessible(page, site_url, assert_accessible, no_report_yet):
    open_the_form(page, site_url, no_report_yet)

    assert_accessible(page)


def test_the_coordinators_review_pages_are_accessible(page, site_url, assert_accessible):
    """The tracking list and a submitted report with its two answers (the demo's report sent
    back is submitted again for the occasion)."""
    from extranet.impact import years
    from extranet.impact.models import ImpactReport, Status
    from tests.browser.test_governance_pages import sign_in_as_coordinator

    report = ImpactReport.objects.filter(year=years.open_year(),
                                         status=Status.RETURNED).first()
    report.status = Status.SUBMITTED
    report.save(update_fields=["status"])
    sign_in_as_coordinator(page, site_url)

    for url in ("/extranet/utilite-sociale/suivi/",
                f"/extranet/utilite-sociale/rapports/{report.pk}/"):
        response = page.goto(site_url + url)
        assert response.status == 200, url
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)
