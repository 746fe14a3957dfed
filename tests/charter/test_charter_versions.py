"""Publishing the French charter keeps each adopted text as a version, never rewritten."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError

from charter.models import CharterPage, CharterVersion
from tests.factories.charter import (
    ADOPTED_ON,
    CharterPageFactory,
    CharterSignatureFactory,
    amend_charter,
)

pytestmark = pytest.mark.django_db


def test_publishing_the_charter_makes_its_first_version(home_page):
    page = CharterPageFactory(parent=home_page)
    page.refresh_from_db()

    version = page.versions.get()
    assert version.number == 1
    assert version.adopted_on == ADOPTED_ON
    assert version.adopted_by == "Assemblée générale constitutive du 14 mars 2026"
    assert version.revision == page.live_revision


def test_the_version_numbers_articles_from_one_across_the_parts(home_page):
    page = CharterPageFactory(parent=home_page)

    version = page.versions.get()
    assert [part["title"] for part in version.chapters] == [
        "Nos valeurs", "Les engagements des membres"]
    assert [article["number"] for article in version.articles()] == [1, 2, 3]
    assert version.articles()[2] == {
        "number": 3, "title": "Participer",
        "text": "<p>Chaque membre participe aux assemblées.</p>"}


def test_republishing_an_unchanged_text_makes_no_new_version(home_page):
    page = CharterPageFactory(parent=home_page)

    page.introduction = "Une introduction reformulée, qui n'est pas le texte de la charte."
    page.save_revision().publish()

    assert page.versions.count() == 1


def test_a_changed_text_with_a_new_adoption_makes_the_next_version(home_page):
    page = CharterPageFactory(parent=home_page)

    amend_charter(page, adopted_on=datetime.date(2026, 9, 26), adopted_by="AG du 26 septembre",
                  change_summary="L'article 1 est précisé.")

    latest = page.versions.order_by("-number").first()
    assert latest.number == 2
    assert latest.adopted_on == datetime.date(2026, 9, 26)
    assert latest.adopted_by == "AG du 26 septembre"
    assert latest.change_summary == "L'article 1 est précisé."
    assert "exactement le même poids" in latest.articles()[0]["text"]


def test_the_earlier_version_keeps_its_text_after_a_new_one(home_page):
    page = CharterPageFactory(parent=home_page)

    amend_charter(page)

    first = page.versions.get(number=1)
    assert first.articles()[0]["text"] == "<p>Chaque association pèse le même poids.</p>"


def test_a_changed_text_without_a_new_adoption_date_is_refused(home_page):
    page = CharterPageFactory(parent=home_page)

    with pytest.raises(ValidationError) as error:
        amend_charter(page, adopted_on=ADOPTED_ON)

    assert "nouvelle version" in " ".join(error.value.message_dict["adopted_on"])
    assert page.versions.count() == 1


def test_a_changed_text_adopted_before_the_previous_version_is_refused(home_page):
    page = CharterPageFactory(parent=home_page)

    with pytest.raises(ValidationError) as error:
        amend_charter(page, adopted_on=ADOPTED_ON - datetime.timedelta(days=1))

    assert "adopted_on" in error.value.message_dict


def test_a_changed_text_with_the_previous_decision_is_refused(home_page):
    page = CharterPageFactory(parent=home_page)

    with pytest.raises(ValidationError) as error:
        amend_charter(page, adopted_by=page.adopted_by)

    assert "nouvelle décision" in " ".join(error.value.message_dict["adopted_by"])


def test_the_first_publish_needs_an_adoption_date_and_a_decision(home_page):
    with pytest.raises(ValidationError) as error:
        CharterPageFactory(parent=home_page, adopted_on=None, adopted_by="")

    assert set(error.value.message_dict) >= {"adopted_on", "decision_number"}
    assert not CharterVersion.objects.exists()


def test_an_unchanged_text_keeps_the_date_of_its_version(home_page):
    page = CharterPageFactory(parent=home_page)

    page.adopted_on = ADOPTED_ON + datetime.timedelta(days=3)
    with pytest.raises(ValidationError) as error:
        page.save_revision()

    assert "n'a pas changé" in " ".join(error.value.message_dict["adopted_on"])


def test_an_unchanged_text_may_get_its_decision_link_later(home_page):
    page = CharterPageFactory(parent=home_page)

    page.decision_url = "https://example.org/registre/2026-03"
    page.save_revision().publish()

    assert page.versions.count() == 1


def test_a_translation_makes_no_version_and_is_not_held_to_the_adoption_rules(
        home_page, english_home):
    page = CharterPageFactory(parent=home_page)
    page_en = page.copy_for_translation(english_home.locale)
    page_en.title = "Charter of the collective"
    page_en.adopted_on = None

    page_en.save_revision().publish()

    assert CharterVersion.objects.count() == 1
    assert not CharterVersion.objects.filter(page=page_en).exists()


def test_a_version_cannot_be_saved_again(home_page):
    version = CharterPageFactory(parent=home_page).versions.get()

    version.adopted_by = "Une autre décision"
    with pytest.raises(ValidationError):
        version.save()

    assert CharterVersion.objects.get().adopted_by != "Une autre décision"


def test_a_version_cannot_be_deleted(home_page):
    version = CharterPageFactory(parent=home_page).versions.get()

    with pytest.raises(ValidationError):
        version.delete()

    assert CharterVersion.objects.count() == 1


def test_a_charter_page_that_has_versions_cannot_be_deleted(home_page):
    page = CharterPageFactory(parent=home_page)

    with pytest.raises(ProtectedError):
        CharterPage.objects.filter(pk=page.pk).delete()


def test_a_signed_version_is_protected_from_deletion_in_bulk(home_page):
    version = CharterPageFactory(parent=home_page).versions.get()
    CharterSignatureFactory(version=version)

    with pytest.raises(ProtectedError):
        CharterVersion.objects.all().delete()


def test_a_signature_cannot_be_rewritten_nor_deleted(home_page):
    version = CharterPageFactory(parent=home_page).versions.get()
    signature = CharterSignatureFactory(version=version)

    signature.signed_on = ADOPTED_ON + datetime.timedelta(days=1)
    with pytest.raises(ValidationError):
        signature.save()
    with pytest.raises(ValidationError):
        signature.delete()
