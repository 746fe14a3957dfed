"""The page where an association leaves the collective, in Chromium: reached from the
extranet's home by its representative, and accessible (axe-core), with its errors too."""

import pytest
from playwright.sync_api import expect

from demo.management.commands.seed_demo import DEMO_MEMBERS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

_USERNAME, EMAIL, PASSWORD, _FIRST, _LAST, ASSOCIATION, _ROLE = DEMO_MEMBERS[0]


def test_the_departure_page_is_reached_from_home_and_accessible(page, site_url,
                                                                 assert_accessible):
    page.goto(site_url + "/extranet/")
    page.get_by_label("Adresse e-mail ou identifiant").fill(EMAIL)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()

    page.get_by_role("link", name="Quitter le collectif").first.click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"{ASSOCIATION} quitte le collectif")
    assert_accessible(page)

    page.get_by_role("button", name="Quitter le collectif").click()  # box not ticked

    expect(page.get_by_text("Cochez la case pour confirmer le départ.")).to_be_visible()
    assert_accessible(page)
