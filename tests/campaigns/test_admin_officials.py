"""Elected officials and the letters sent to them in the Wagtail admin, under *Campagnes*: an
official whom a campaign addresses is kept (out of office), letters are only read."""

import pytest

from campaigns.models import ElectedOfficial, Letter, Mandate
from portal.editorial import setup_editorial_roles
from tests.factories import (
    ElectedOfficialFactory,
    LetterFactory,
    SignatureFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

OFFICIALS = "/admin/snippets/campaigns/electedofficial/"
LETTERS = "/admin/snippets/campaigns/letter/"


@pytest.fixture
def roles(home_page):
    return setup_editorial_roles()


@pytest.fixture
def coordinator(client, roles):
    user = UserFactory(username="coordinatrice", groups=[roles.coordinators])
    client.force_login(user)
    return user


def test_the_admin_menu_has_campaigns_with_officials_signatures_and_letters(client,
                                                                           coordinator):
    response = client.get("/admin/")

    assert response.status_code == 200
    assert '"label": "Campagnes"' in response.text  # the menu is JSON
    assert OFFICIALS in response.text
    assert "/admin/snippets/campaigns/signature/" in response.text
    assert LETTERS in response.text


def test_a_coordinator_finds_an_official_by_name(client, coordinator):
    ElectedOfficialFactory(name="Claire Dumas")
    ElectedOfficialFactory(name="Jean Moulin")

    response = client.get(OFFICIALS, {"q": "Dumas"})

    assert response.status_code == 200
    assert "Claire Dumas" in response.text
    assert "Jean Moulin" not in response.text


def test_a_coordinator_filters_the_officials_by_mandate(client, coordinator):
    ElectedOfficialFactory(name="Claire Dumas", mandate=Mandate.MAYOR)
    ElectedOfficialFactory(name="Jean Moulin", mandate=Mandate.DEPUTY)

    response = client.get(OFFICIALS, {"mandate": Mandate.MAYOR})

    assert "Claire Dumas" in response.text
    assert "Jean Moulin" not in response.text


def test_a_coordinator_lists_the_officials_out_of_office(client, coordinator):
    ElectedOfficialFactory(name="Claire Dumas", active=False)
    ElectedOfficialFactory(name="Jean Moulin")

    response = client.get(OFFICIALS, {"active": "false"})

    assert "Claire Dumas" in response.text
    assert "Jean Moulin" not in response.text


def test_the_official_form_speaks_french(client, coordinator):
    response = client.get(f"{OFFICIALS}add/")

    assert response.status_code == 200
    assert "Codes postaux couverts" in response.text
    assert "Décochez à la fin du mandat" in response.text


def test_a_volunteer_editor_adds_an_official(client, roles):
    client.force_login(UserFactory(username="redactrice", groups=[roles.editors]))

    client.post(f"{OFFICIALS}add/", {
        "name": "Claire Dumas", "mandate": Mandate.MAYOR, "body": "Mairie de Meaux",
        "email": "maire@meaux.example.org", "active": "on",
    })

    assert ElectedOfficial.objects.filter(name="Claire Dumas").exists()


def test_a_volunteer_editor_cannot_delete_an_official(client, roles):
    official = ElectedOfficialFactory()
    client.force_login(UserFactory(username="redactrice", groups=[roles.editors]))

    response = client.post(f"{OFFICIALS}delete/{official.pk}/")

    assert response.status_code in (302, 403)
    assert ElectedOfficial.objects.filter(pk=official.pk).exists()


def test_an_official_a_campaign_addresses_is_kept_and_the_admin_says_so(client, coordinator,
                                                                       campaign):
    official = ElectedOfficialFactory(name="Claire Dumas")
    campaign.officials.add(official)
    campaign.save()

    response = client.post(f"{OFFICIALS}delete/{official.pk}/", follow=True)

    assert "décochez « en mandat »" in response.text
    assert ElectedOfficial.objects.filter(pk=official.pk).exists()


def test_an_official_who_received_letters_is_kept(client, coordinator, campaign):
    official = ElectedOfficialFactory()
    LetterFactory(official=official, signature=SignatureFactory(campaign=campaign))

    client.post(f"{OFFICIALS}delete/{official.pk}/")

    assert ElectedOfficial.objects.filter(pk=official.pk).exists()


def test_an_official_no_campaign_uses_can_be_deleted(client, coordinator):
    official = ElectedOfficialFactory()

    client.post(f"{OFFICIALS}delete/{official.pk}/")

    assert not ElectedOfficial.objects.filter(pk=official.pk).exists()


def test_the_official_list_runs_a_bounded_number_of_queries(
    client, coordinator, django_assert_max_num_queries
):
    for _ in range(5):
        ElectedOfficialFactory()
    client.get(OFFICIALS)
    with django_assert_max_num_queries(40) as few:
        client.get(OFFICIALS)
    for _ in range(40):
        ElectedOfficialFactory()

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(OFFICIALS)
    assert response.status_code == 200


def test_a_coordinator_reads_the_letters_sent(client, coordinator, campaign):
    letter = LetterFactory(official=ElectedOfficialFactory(name="Claire Dumas"),
                           signature=SignatureFactory(campaign=campaign),
                           subject="Pour l'emploi associatif")

    listing = client.get(LETTERS)
    inspected = client.get(f"{LETTERS}inspect/{letter.pk}/")

    assert "Claire Dumas" in listing.text
    assert "Pour l&#x27;emploi associatif" in listing.text
    assert inspected.status_code == 200


def test_nobody_changes_adds_or_deletes_a_letter(admin_client, campaign):
    letter = LetterFactory(official=ElectedOfficialFactory(),
                           signature=SignatureFactory(campaign=campaign), subject="Objet")

    editing = admin_client.post(f"{LETTERS}edit/{letter.pk}/", {"subject": "Autre"})
    deleting = admin_client.post(f"{LETTERS}delete/{letter.pk}/")
    adding = admin_client.get(f"{LETTERS}add/")

    assert {editing.status_code, deleting.status_code, adding.status_code} <= {302, 403}
    letter.refresh_from_db()
    assert letter.subject == "Objet"


def test_the_letter_list_runs_a_bounded_number_of_queries(
    client, coordinator, campaign, django_assert_max_num_queries
):
    official = ElectedOfficialFactory()
    for _ in range(3):
        LetterFactory(official=official, signature=SignatureFactory(campaign=campaign))
    client.get(LETTERS)
    with django_assert_max_num_queries(40) as few:
        client.get(LETTERS)
    for _ in range(30):
        LetterFactory(official=ElectedOfficialFactory(),
                      signature=SignatureFactory(campaign=campaign))

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(LETTERS)
    assert response.status_code == 200
    assert Letter.objects.count() == 33
