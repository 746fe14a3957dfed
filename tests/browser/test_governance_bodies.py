"""The governance's pages in Chromium, checked by axe-core: the bodies, a body, a proposal
with its discussion. The demo's first member signs in (see test_extranet.py)."""

import pytest
from playwright.sync_api import expect

from demo.management.commands.seed_demo import DEMO_MEMBERS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

_USERNAME, EMAIL, PASSWORD, *_REST = DEMO_MEMBERS[0]


def sign_in(page, site_url):
    page.goto(site_url + "/extranet/")
    page.get_by_label("Adresse e-mail ou identifiant").fill(EMAIL)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Espace membres")


def test_the_bodies_a_body_and_a_proposal_are_accessible(page, site_url, assert_accessible):
    from tests.factories import PlenaryFactory, ProposalCommentFactory, ProposalFactory

    plenary = PlenaryFactory()
    proposal = ProposalFactory(body=plenary, title="Des salles municipales pour tous")
    ProposalCommentFactory(proposal=proposal, kind="amendment",
                           text="Le collectif demande des salles gratuites.")
    sign_in(page, site_url)

    page.get_by_role("navigation", name="Espace membres").get_by_role(
        "link", name="Gouvernance").click()
    page.get_by_role("link", name="Les instances").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Instances du collectif")
    assert_accessible(page)

    page.get_by_role("link", name=plenary.name).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(plenary.name)
    assert_accessible(page)

    page.get_by_role("link", name="Des salles municipales pour tous").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Des salles municipales pour tous")
    assert_accessible(page)
