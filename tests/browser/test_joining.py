"""Asking to join the collective in Chromium: the demo's join page (/adherer/), the
association found in the directory, an error first (axe-core clean in the error state), then
the request sent and the thanks page."""

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ASSOCIATION = "Chorale À travers chants"  # in the demo directory, not a member, no request


@pytest.fixture
def charter(demo_site):
    """The demo charter's current version (the one the form asks to accept)."""
    from charter.services import current_charter_version

    return current_charter_version()


def test_an_association_asks_to_join(page, site_url, charter, assert_accessible):
    from joining.models import JoinRequest

    problems = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.goto(f"{site_url}/adherer/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Rejoindre le collectif")
    assert_accessible(page)

    page.get_by_label("Nom, numéro RNA ou SIRET de votre association").fill("chorale a travers")
    page.get_by_role("button", name="Chercher dans l'annuaire").click()
    page.get_by_label(ASSOCIATION, exact=False).check()
    page.get_by_label("Secteur d'activité principal").select_option(label="Action socio-culturelle")
    page.locator("#adhesion-first_name").fill("Martine")
    page.locator("#adhesion-last_name").fill("Leroy")
    page.get_by_label("Adresse électronique").fill("martine-sans-arobase")
    page.get_by_label("Votre fonction dans l'association").fill("présidente")
    page.get_by_label("Pourquoi votre association veut-elle rejoindre le collectif ?").fill(
        "Chanter avec les autres associations du réseau.")
    page.get_by_label(
        f"J'ai lu et j'accepte la charte du collectif (version {charter.number})").check()
    page.get_by_role("button", name="Envoyer la demande d'adhésion").click()

    expect(page.get_by_role("alert")).to_contain_text("Le formulaire comporte une erreur")
    expect(page.get_by_label("Adresse électronique")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Votre fonction dans l'association")).to_have_value("présidente")
    assert_accessible(page)

    page.get_by_label("Adresse électronique").fill("martine.leroy@example.org")
    page.get_by_role("button", name="Envoyer la demande d'adhésion").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Merci, votre demande d'adhésion est envoyée")
    assert_accessible(page)
    join_request = JoinRequest.objects.get(email="martine.leroy@example.org")
    assert join_request.association.name == ASSOCIATION
    # The refused form answers 400, which Chromium reports as a failed load: nothing else.
    assert [text for text in problems if "status of 400" not in text] == []
