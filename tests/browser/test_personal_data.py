"""A person asks for their data from the footer's link, in Chromium: the page, the emailed
link, the confirmation, the export arriving as a JSON attachment; and the erasure, done once
the link is confirmed. axe-core on each page."""

import json
import re

import pytest
from django.core import mail
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EMAIL = "camille.martin@example.org"


def ask(page, site_url, action, assert_accessible):
    page.goto(site_url + "/")
    page.get_by_role("link", name="Vos données : copie ou effacement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vos données personnelles")
    assert_accessible(page)
    page.get_by_label("Votre adresse électronique").fill(EMAIL)
    page.get_by_label(action).check()
    page.get_by_role("button", name="Recevoir le lien de confirmation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vérifiez votre messagerie")
    assert_accessible(page)
    path = re.search(r"https?://[^/\s]+(/\S+/confirmer/\S+/)", mail.outbox[-1].body).group(1)
    page.goto(site_url + path)
    assert_accessible(page)


def test_a_person_receives_their_data_through_the_emailed_link(page, site_url,
                                                               assert_accessible):
    from tests.factories import PersonFactory

    PersonFactory(email=EMAIL, first_name="Camille", last_name="Martin")

    ask(page, site_url, "Recevoir une copie de mes données", assert_accessible)
    page.get_by_role("button", name="Recevoir mes données").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Vos données arrivent")
    assert_accessible(page)
    [(name, content, _mimetype)] = mail.outbox[-1].attachments
    assert name.endswith(".json")
    assert json.loads(content)["data"]["accounts"]["records"][0]["last_name"] == "Martin"


def test_a_person_erases_their_data_through_the_emailed_link(page, site_url,
                                                             assert_accessible):
    from django.contrib.auth import get_user_model

    from tests.factories import PersonFactory

    person = PersonFactory(email=EMAIL, first_name="Camille", last_name="Martin")

    ask(page, site_url, "Effacer mes données et fermer mon compte éventuel", assert_accessible)
    page.get_by_role("button", name="Effacer mes données").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Vos données sont effacées")
    assert_accessible(page)
    closed = get_user_model().objects.get(pk=person.pk)
    assert not closed.is_active and closed.email == ""
    assert mail.outbox[-1].to == [EMAIL]
