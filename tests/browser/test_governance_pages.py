"""Every page of the governance that the other browser tests do not open, in Chromium with
axe-core (WCAG 2.1 A and AA): the coordinator of the demo (`seed_demo`, which holds the
governance's demo: assemblies, register, an open ballot, the coordination) signs in with
their second factor and opens each screen and form; the representative opens the proposal
form."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_extranet import sign_in
from tests.second_factor import current_code

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COORDINATOR_EMAIL = "coordination@example.org"
COORDINATOR_PASSWORD = "demo-coordination-reseau-2026"


def sign_in_as_coordinator(page, site_url):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth import get_user_model

    secret = generate_totp_secret()
    TOTP.activate(get_user_model().objects.get(email=COORDINATOR_EMAIL), secret)
    page.goto(site_url + "/extranet/compte/login/")
    page.get_by_label("Adresse e-mail ou identifiant").fill(COORDINATOR_EMAIL)
    page.get_by_label("Mot de passe").fill(COORDINATOR_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.get_by_label("Code").fill(current_code(secret))
    page.get_by_label("Code").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Espace membres")


def coordinator_pages():
    """The addresses, from the demo's governance."""
    from extranet.governance.models import (
        Ballot,
        Body,
        BodyKind,
        BodyMeeting,
        Decision,
        Proposal,
    )

    plenary = Body.objects.get(kind=BodyKind.PLENARY)
    committee = Body.objects.get(kind=BodyKind.COMMITTEE)
    open_ballot = Ballot.objects.get(closed_at__isnull=True)
    decision = Decision.objects.order_by("pk").last()
    past = BodyMeeting.objects.order_by("meeting__starts_at").last()
    waiting = Proposal.objects.create(
        body=plenary, title="Un local partagé pour les permanences", text="Le collectif…",
        author_association=open_ballot.proposal.author_association,
    )
    return [
        "/extranet/gouvernance/",
        "/extranet/instances/",
        "/extranet/instances/nouvelle/",
        f"/extranet/instances/{committee.slug}/",
        f"/extranet/instances/{committee.slug}/modifier/",
        f"/extranet/instances/{committee.slug}/sieges/",
        "/extranet/propositions/",
        f"/extranet/propositions/{waiting.pk}/",
        f"/extranet/propositions/{waiting.pk}/modifier/",
        f"/extranet/propositions/{waiting.pk}/retirer/",
        f"/extranet/propositions/{waiting.pk}/mettre-au-vote/",
        f"/extranet/votes/{open_ballot.pk}/procuration/",
        f"/extranet/decisions/{decision.number}/corriger/",
        "/extranet/decisions/imprimer/",
        f"/extranet/seances/nouvelle/?instance={plenary.slug}",
        f"/extranet/seances/{past.pk}/modifier/",
        f"/extranet/seances/{past.pk}/annuler/",
        f"/extranet/seances/{past.pk}/presences/",
        f"/extranet/seances/{past.pk}/compte-rendu/",
        "/extranet/coordination/rotation/",
        "/extranet/coordination/passation/",
    ]


def test_the_coordinators_governance_pages_are_accessible(page, site_url, assert_accessible):
    urls = coordinator_pages()
    sign_in_as_coordinator(page, site_url)

    for url in urls:
        response = page.goto(site_url + url)
        assert response.status == 200, url
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_accessible(page)


def test_the_proposal_form_is_accessible(page, site_url, assert_accessible):
    from tests.factories import FolderFactory, make_document

    make_document(FolderFactory(name="Statuts"), title="Statuts du collectif")
    sign_in(page, site_url)  # the representative of Entraide et partage chellois

    page.goto(site_url + "/extranet/propositions/nouvelle/")

    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_label("Documents de la bibliothèque")).to_be_visible()
    assert_accessible(page)
