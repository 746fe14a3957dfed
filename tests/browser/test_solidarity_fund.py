"""The solidarity fund in Chromium, on the demo content, with axe-core (WCAG 2.1 A and AA):
the ledger as a coordinator sees it (with the links to the forms), the three forms (one
showing the fund's refusal of an aid above its balance), and the public page « Fonds de
solidarité » with the demo's years of accounts and two more."""

import datetime

import pytest
from playwright.sync_api import expect

from extranet.dues import fund
from extranet.dues.models import FundEntry, SolidarityFundPage
from tests.browser.test_governance_pages import sign_in_as_coordinator
from tests.factories.decisions import decide
from tests.factories.directory import AssociationFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def ledger(demo_site):
    """Two more years of the ledger, before the demo's: gifts, aids by a public and a
    private decision, a correction; and the demo's public page of the fund."""
    last_year = datetime.date.today().year - 1
    before = last_year - 1
    helped = AssociationFactory(name="Amicale des locataires", is_member=True)
    public = decide(title="Aide au loyer de l'Amicale", on=datetime.date(before, 2, 1))
    private = decide(title="Aide d'urgence", is_public=False, on=datetime.date(last_year, 2, 1))
    gift = fund.record_gift("1500", "Don de la fête de quartier",
                            entry_date=datetime.date(before, 1, 20))
    fund.record_redistribution("400", helped, public, "Loyer de mars",
                               entry_date=datetime.date(before, 3, 5))
    fund.record_correction(gift, "-500", "Correction : le don était de 1000 €",
                           entry_date=datetime.date(before, 4, 2))
    fund.record_gift("300", "Don de la brocante", entry_date=datetime.date(last_year, 1, 9))
    fund.record_redistribution("250", helped, private, "Facture d'énergie",
                               entry_date=datetime.date(last_year, 2, 10))
    page = SolidarityFundPage.objects.get(locale__language_code="fr")
    return {"gift": gift, "decision": public, "page": page}


def test_the_ledger_and_its_forms_are_accessible(page, site_url, ledger, assert_accessible):
    sign_in_as_coordinator(page, site_url)

    for url in ("/extranet/fonds-de-solidarite/", "/extranet/fonds-de-solidarite/don/",
                "/extranet/fonds-de-solidarite/aide/",
                f"/extranet/fonds-de-solidarite/ecritures/{ledger['gift'].pk}/corriger/"):
        response = page.goto(site_url + url)
        assert response.status == 200, url
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)


def test_an_aid_above_the_balance_is_refused_accessibly(page, site_url, ledger,
                                                        assert_accessible):
    sign_in_as_coordinator(page, site_url)
    page.goto(site_url + "/extranet/fonds-de-solidarite/aide/")

    page.get_by_label("Montant (€)").fill("5000")
    page.get_by_label("Association aidée").select_option(label="Amicale des locataires")
    decision = ledger["decision"]
    page.get_by_label("Décision").select_option(
        label=f"{decision.number} · {decision.title}")
    page.get_by_label("Objet de l'aide").fill("Loyer d'octobre")
    page.get_by_role("button", name="Inscrire l'aide").click()

    expect(page.get_by_role("alert")).to_contain_text("Le fonds n'a que")
    expect(page.get_by_role("alert")).to_contain_text("il ne peut verser 5")
    assert_accessible(page)


def test_the_public_page_with_two_years_is_accessible(page, site_url, ledger,
                                                      assert_accessible):
    response = page.goto(site_url + ledger["page"].url)

    assert response.status == 200
    years = {day.year for day in FundEntry.objects.values_list("entry_date", flat=True)}
    expect(page.get_by_role("heading", level=2, name="Les comptes de", exact=False)) \
        .to_have_count(len(years))
    expect(page.get_by_text("une association membre")).to_be_visible()
    assert_accessible(page)
