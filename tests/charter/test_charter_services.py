"""What the rest of the site asks of the charter: the page, its current version, signing."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from charter.models import CharterSignature
from charter.services import charter_page, current_charter_version, sign_charter
from tests.factories import AssociationFactory, UserFactory
from tests.factories.charter import ADOPTED_ON, CharterPageFactory, amend_charter

pytestmark = pytest.mark.django_db


def test_the_current_version_is_the_latest_of_the_live_french_charter(home_page):
    page = CharterPageFactory(parent=home_page)
    amend_charter(page)

    assert current_charter_version().number == 2


def test_there_is_no_current_version_without_a_live_charter(home_page):
    page = CharterPageFactory(parent=home_page)
    page.unpublish()

    assert current_charter_version() is None


def test_the_charter_page_in_english_is_its_translation(home_page, english_home):
    page = CharterPageFactory(parent=home_page)
    page_en = page.copy_for_translation(english_home.locale)
    page_en.save_revision().publish()

    assert charter_page("en").pk == page_en.pk
    assert charter_page(english_home.locale).pk == page_en.pk


def test_the_charter_page_falls_back_to_french_without_a_translation(home_page, english):
    page = CharterPageFactory(parent=home_page)

    assert charter_page("en").pk == page.pk


def test_there_is_no_charter_page_before_one_is_published(home_page):
    assert charter_page() is None


def test_signing_twice_the_same_version_keeps_the_first_signature(home_page):
    version = CharterPageFactory(parent=home_page).versions.get()
    association = AssociationFactory()

    first = sign_charter(association, version, on=ADOPTED_ON)
    again = sign_charter(association, version, on=ADOPTED_ON + datetime.timedelta(days=5))

    assert again.pk == first.pk
    assert again.signed_on == ADOPTED_ON
    assert CharterSignature.objects.count() == 1


def test_signing_records_who_recorded_it_and_today_by_default(home_page):
    version = CharterPageFactory(parent=home_page).versions.get()
    user = UserFactory()

    signature = sign_charter(AssociationFactory(), version, by=user)

    assert signature.recorded_by == user
    assert signature.signed_on == datetime.date.today()


def test_a_version_cannot_be_signed_before_it_was_adopted(home_page):
    version = CharterPageFactory(parent=home_page).versions.get()

    with pytest.raises(ValidationError) as error:
        sign_charter(AssociationFactory(), version, on=ADOPTED_ON - datetime.timedelta(days=1))

    assert "signed_on" in error.value.message_dict
    assert not CharterSignature.objects.exists()


def test_a_signature_cannot_be_dated_in_the_future(home_page):
    version = CharterPageFactory(parent=home_page).versions.get()

    with pytest.raises(ValidationError):
        sign_charter(AssociationFactory(), version,
                     on=datetime.date.today() + datetime.timedelta(days=1))
