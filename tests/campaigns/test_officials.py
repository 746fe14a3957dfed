"""The elected officials whom campaigns address: what editors must give, which officials a
postcode reaches, the campaign's `elus/?code_postal=` page with the letter to write them, and
the rules of a campaign's outcome and letter."""

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ValidationError

from campaigns.models import CampaignStatus, ElectedOfficial, LetterDelivery, Mandate
from tests.factories import CampaignPageFactory, ElectedOfficialFactory

pytestmark = pytest.mark.django_db


def official(**fields):
    values = {"name": "Claire Dumas", "mandate": Mandate.MAYOR, "body": "Mairie de Meaux",
              "email": "maire@meaux.example.org", **fields}
    return ElectedOfficial(**values)


def errors_of(instance):
    with pytest.raises(ValidationError) as error:
        instance.full_clean()
    return error.value.message_dict


def test_postcodes_without_five_digits_are_refused_and_named():
    errors = errors_of(official(postcodes="77100 7710 77A24 771000"))

    assert errors["postcodes"] == [
        "Ces codes postaux n'ont pas cinq chiffres : 7710, 77A24, 771000."
    ]


def test_an_official_without_any_public_contact_is_refused():
    errors = errors_of(official(email="", contact_url="", phone=""))

    assert errors["__all__"] == [
        "Indiquez au moins un contact public : adresse électronique, formulaire ou téléphone."
    ]


@pytest.mark.parametrize("contact", [
    {"email": "maire@meaux.example.org"},
    {"email": "", "contact_url": "https://www.meaux.fr/contact"},
    {"email": "", "phone": "01 60 09 97 00"},
])
def test_one_public_contact_is_enough(contact):
    official(**contact).full_clean()


@pytest.mark.parametrize("typed", ["  77100\n77124\t 77000 ", "77100, 77124; 77000",
                                   "77100,77124,77000"])
def test_the_postcodes_are_kept_separated_by_single_spaces(typed):
    elected = official(postcodes=typed)

    elected.full_clean()

    assert elected.postcodes == "77100 77124 77000"


def test_a_postcode_reaches_the_officials_whose_area_holds_it():
    meaux = ElectedOfficialFactory(name="Élue de Meaux", postcodes="77100 77124")
    ElectedOfficialFactory(name="Élu de Chelles", postcodes="77500")

    assert list(ElectedOfficial.objects.for_postcode("77124")) == [meaux]
    assert list(ElectedOfficial.objects.for_postcode(" 77100 ")) == [meaux]


def test_an_official_of_the_whole_department_is_reached_from_any_postcode():
    department = ElectedOfficialFactory(name="Président du département", postcodes="")
    chelles = ElectedOfficialFactory(name="Élu de Chelles", postcodes="77500")

    assert set(ElectedOfficial.objects.for_postcode("77500")) == {chelles, department}
    assert list(ElectedOfficial.objects.for_postcode("77100")) == [department]


def test_an_official_out_of_office_is_not_reached():
    ElectedOfficialFactory(postcodes="77100", active=False)
    ElectedOfficialFactory(postcodes="", active=False)

    assert list(ElectedOfficial.objects.for_postcode("77100")) == []


@pytest.mark.parametrize("postcode", ["7710", "771", "77100 77124", "", None, "abcde"])
def test_a_postcode_that_is_not_five_digits_reaches_nobody(postcode):
    ElectedOfficialFactory(postcodes="77100 77124")
    ElectedOfficialFactory(postcodes="")

    assert list(ElectedOfficial.objects.for_postcode(postcode)) == []


def test_a_postcode_does_not_reach_an_official_whose_code_only_contains_it():
    ElectedOfficialFactory(postcodes="77100")

    assert list(ElectedOfficial.objects.for_postcode("7710")) == []


LETTER = "Bonjour {elu},\n\nNous demandons des conventions pluriannuelles & des locaux.\n"


def campaign_writing(index, delivery, *officials):
    campaign = CampaignPageFactory(parent=index, letter_delivery=delivery,
                                   letter_subject="Pour l'emploi associatif",
                                   letter_body=LETTER)
    campaign.officials.add(*officials)
    campaign.save()
    return campaign


def officials_page(client, campaign, postcode):
    response = client.get(campaign.url + "elus/", {"code_postal": postcode})
    assert response.status_code == 200
    return response.text


def mailto_links(text):
    return [html.unescape(link) for link in re.findall(r'href="(mailto:[^"]*)"', text)]


def test_the_mailto_links_carry_the_letter_addressed_to_each_official(client,
                                                                      campaign_index):
    dumas = ElectedOfficialFactory(name="Claire Dumas", email="claire.dumas@cd77.example.org")
    campaign = campaign_writing(campaign_index, LetterDelivery.MAILTO, dumas)

    [link] = mailto_links(officials_page(client, campaign, "77100"))

    parts = urlsplit(link)
    query = parse_qs(parts.query)
    assert parts.path == "claire.dumas@cd77.example.org"
    assert query["subject"] == ["Pour l'emploi associatif"]
    assert query["body"] == [LETTER.replace("{elu}", "Claire Dumas")]


def test_the_officials_page_lists_only_the_officials_of_the_postcode(client,
                                                                      campaign_index):
    meaux = ElectedOfficialFactory(name="Élue de Meaux", postcodes="77100")
    chelles = ElectedOfficialFactory(name="Élu de Chelles", postcodes="77500")
    department = ElectedOfficialFactory(name="Président du département", postcodes="")
    retired = ElectedOfficialFactory(name="Ancien maire", postcodes="77100", active=False)
    ElectedOfficialFactory(name="Élu d'une autre campagne", postcodes="77100")
    campaign = campaign_writing(campaign_index, LetterDelivery.MAILTO,
                                meaux, chelles, department, retired)

    text = officials_page(client, campaign, "77100")

    assert "Élue de Meaux" in text
    assert "Président du département" in text
    assert "Élu de Chelles" not in text
    assert "Ancien maire" not in text
    assert "Élu d&#x27;une autre campagne" not in text
    assert len(mailto_links(text)) == 2


def test_an_official_without_email_is_offered_through_their_contact_form(client,
                                                                         campaign_index):
    form_only = ElectedOfficialFactory(name="Élu sans courriel", email="",
                                       contact_url="https://www.meaux.fr/contact")
    campaign = campaign_writing(campaign_index, LetterDelivery.MAILTO, form_only)

    text = officials_page(client, campaign, "77100")

    assert mailto_links(text) == []
    assert 'href="https://www.meaux.fr/contact"' in text


def test_a_postcode_without_officials_says_so(client, campaign_index):
    campaign = campaign_writing(campaign_index, LetterDelivery.MAILTO,
                                ElectedOfficialFactory(postcodes="77500"))

    text = officials_page(client, campaign, "77100")

    assert "Aucun des élus interpellés par cette campagne ne représente ce code postal." in text


@pytest.mark.parametrize("postcode", ["7710", "77 100", "abcde", "<b>77100</b>"])
def test_an_invalid_postcode_is_refused_with_a_message(client, campaign_index, postcode):
    campaign = campaign_writing(campaign_index, LetterDelivery.MAILTO,
                                ElectedOfficialFactory(postcodes=""))

    text = officials_page(client, campaign, postcode)

    assert 'aria-invalid="true" aria-describedby="officials-postcode-error"' in text
    assert ('<p class="errorlist" id="officials-postcode-error">'
            "Un code postal a cinq chiffres.</p>") in text
    assert f'value="{html.escape(postcode)}"' in text  # what was typed is kept
    assert f'method="get" action="{campaign.url}elus/">' in text
    assert "Vos élus pour le" not in text
    assert mailto_links(text) == []


def test_when_the_site_sends_the_letter_the_officials_page_says_to_sign_first(
    client, campaign_index
):
    campaign = campaign_writing(campaign_index, LetterDelivery.PLATFORM,
                                ElectedOfficialFactory(name="Claire Dumas"))

    text = officials_page(client, campaign, "77100")

    assert "Claire Dumas" in text
    assert mailto_links(text) == []
    assert "Signez la pétition : le lien de confirmation que nous vous envoyons" in text
    assert f'href="{campaign.url}#petition"' in text


def test_when_the_petition_is_closed_the_officials_page_does_not_ask_to_sign(
    client, campaign_index
):
    campaign = campaign_writing(campaign_index, LetterDelivery.PLATFORM,
                                ElectedOfficialFactory(name="Claire Dumas"))
    campaign.status = CampaignStatus.CLOSED
    campaign.save()

    text = officials_page(client, campaign, "77100")

    assert "Claire Dumas" in text
    assert "Signez la pétition" not in text


def test_the_campaign_page_offers_the_postcode_search_when_there_is_a_letter(
    client, campaign_index
):
    campaign = campaign_writing(campaign_index, LetterDelivery.MAILTO,
                                ElectedOfficialFactory(name="Claire Dumas"))

    text = client.get(campaign.url).text

    assert "Claire Dumas" in text
    assert f'action="{campaign.url}elus/"' in text
    assert '<label for="officials-postcode">Votre code postal</label>' in text


def test_a_won_or_lost_campaign_must_tell_its_outcome(campaign):
    for status in (CampaignStatus.WON, CampaignStatus.LOST):
        campaign.status = status
        campaign.outcome = ""

        assert errors_of(campaign)["outcome"] == ["Dites l'issue de la campagne."]

    campaign.outcome = "<p>Le département a signé les conventions.</p>"
    campaign.full_clean()


def test_a_closed_campaign_may_have_no_outcome(campaign):
    campaign.status = CampaignStatus.CLOSED
    campaign.outcome = ""

    campaign.full_clean()


@pytest.mark.parametrize("delivery", [LetterDelivery.MAILTO, LetterDelivery.PLATFORM])
@pytest.mark.parametrize("subject, body", [("", LETTER), ("Pour l'emploi", ""), ("", "")])
def test_a_letter_to_officials_needs_its_subject_and_text(campaign, delivery, subject, body):
    campaign.letter_delivery = delivery
    campaign.letter_subject = subject
    campaign.letter_body = body

    assert "letter_body" in errors_of(campaign)

    campaign.letter_subject = "Pour l'emploi"
    campaign.letter_body = LETTER
    campaign.full_clean()


def test_a_campaign_without_letter_needs_no_letter_text(campaign):
    campaign.letter_delivery = LetterDelivery.NONE
    campaign.letter_subject = campaign.letter_body = ""

    campaign.full_clean()
