"""The letter the site sends to the officials of a signer's postcode, once the signature is
confirmed (campaigns whose letters the site sends), from /petitions/lettre/<token>/."""

import html

import pytest
from django.core import signing
from django.utils import timezone

from campaigns.models import Letter, LetterDelivery, LetterStatus
from campaigns.signatures import TOKEN_SALT, confirmation_token
from tests.factories import (
    CampaignPageFactory,
    ElectedOfficialFactory,
    LetterFactory,
    SignatureFactory,
)

pytestmark = pytest.mark.django_db

SUBJECT = "Pour l'emploi associatif"
BODY = ("Madame, Monsieur {elu},\n\nNous vous demandons des conventions pluriannuelles.\n\n"
        "{signataire}")


@pytest.fixture
def dumas():
    return ElectedOfficialFactory(name="Claire Dumas", email="claire.dumas@cd77.example.org",
                                  postcodes="77100 77124")


@pytest.fixture
def moreau():
    return ElectedOfficialFactory(name="Paul Moreau", email="paul.moreau@meaux.example.org",
                                  postcodes="77100")


@pytest.fixture
def chelles():
    return ElectedOfficialFactory(name="Élu de Chelles", email="elu@chelles.example.org",
                                  postcodes="77500")


def writing_campaign(index, *officials, delivery=LetterDelivery.PLATFORM):
    campaign = CampaignPageFactory(parent=index, title="Pour l'emploi associatif",
                                   slug="emploi-associatif", letter_delivery=delivery,
                                   letter_subject=SUBJECT, letter_body=BODY)
    campaign.officials.add(*officials)
    campaign.save()
    return campaign


@pytest.fixture
def campaign(campaign_index, dumas, moreau, chelles):
    """Its letters are sent by the site, to Claire Dumas and Paul Moreau for 77100."""
    return writing_campaign(campaign_index, dumas, moreau, chelles)


@pytest.fixture
def signature(campaign):
    return SignatureFactory(campaign=campaign, confirmed=True, first_name="Aurélie",
                            last_name="Dupontel", email="aurelie@example.org",
                            postcode="77100")


def letter_url(signature):
    return f"/petitions/lettre/{confirmation_token(signature)}/"


def post(client, signature, officials, capture, subject=SUBJECT, body="Madame, Monsieur…"):
    with capture(execute=True):
        return client.post(letter_url(signature), {
            "subject": subject, "body": body,
            "officials": [official.pk for official in officials],
        })


def test_the_letter_page_offers_the_signers_officials_with_the_letter_prefilled(
    client, signature, dumas, moreau
):
    response = client.get(letter_url(signature))

    assert response.status_code == 200
    text = html.unescape(response.text)
    assert "Claire Dumas" in text
    assert "Paul Moreau" in text
    assert "Élu de Chelles" not in text
    form = response.context["form"]
    assert {official.pk for official in form.fields["officials"].queryset} == {
        dumas.pk, moreau.pk}
    assert f'<input type="text" name="subject" value="{SUBJECT}"' in text
    assert ("Madame, Monsieur {elu},\n\nNous vous demandons des "
            "conventions pluriannuelles.\n\nAurélie Dupontel</textarea>") in text
    assert "{elu} est remplacé par le nom de chaque élu·e" in text
    assert '<label for="lettre-subject">' in text
    assert "<legend>Élus destinataires" in text
    assert '<label for="lettre-officials_0"><input type="checkbox" name="officials"' in text
    assert '<meta name="robots" content="noindex">' in text


def test_sending_writes_once_to_each_chosen_official_in_the_signers_name(
    client, signature, dumas, moreau, mailoutbox, django_capture_on_commit_callbacks
):
    response = post(client, signature, [dumas, moreau], django_capture_on_commit_callbacks,
                    body="Madame, Monsieur {elu},\n\nMerci de nous recevoir.")

    assert response.status_code == 200
    assert "Votre lettre part" in response.text
    assert sorted(message.to for message in mailoutbox) == [[dumas.email], [moreau.email]]
    for message in mailoutbox:
        assert message.subject == SUBJECT
        assert message.reply_to == ["aurelie@example.org"]
        assert "Merci de nous recevoir." in message.body
        assert ("Lettre envoyée par Aurélie Dupontel (aurelie@example.org) depuis la campagne "
                "« Pour l'emploi associatif »") in message.body
    to_dumas = next(message for message in mailoutbox if message.to == [dumas.email])
    assert to_dumas.body.startswith("Madame, Monsieur Claire Dumas,")


def test_the_prepared_letter_names_in_each_letter_the_official_it_goes_to(
    client, signature, dumas, moreau, mailoutbox, django_capture_on_commit_callbacks
):
    prepared = client.get(letter_url(signature)).context["form"].initial["body"]

    post(client, signature, [dumas, moreau], django_capture_on_commit_callbacks,
         body=prepared)

    to = {message.to[0]: message.body for message in mailoutbox}
    assert to[dumas.email].startswith("Madame, Monsieur Claire Dumas,\n\nNous vous demandons")
    assert to[moreau.email].startswith("Madame, Monsieur Paul Moreau,\n\nNous vous demandons")
    assert "Paul Moreau" not in to[dumas.email]
    assert "\n\nAurélie Dupontel\n\n--\nLettre envoyée par Aurélie Dupontel" in to[dumas.email]


def test_the_letters_sent_are_recorded_as_sent(
    client, signature, dumas, moreau, django_capture_on_commit_callbacks
):
    post(client, signature, [dumas], django_capture_on_commit_callbacks)

    [letter] = Letter.objects.all()
    assert letter.signature == signature
    assert letter.official == dumas
    assert letter.subject == SUBJECT
    assert letter.status == LetterStatus.SENT
    assert letter.sent_at is not None


def test_sending_again_sends_nothing_twice(
    client, signature, dumas, moreau, mailoutbox, django_capture_on_commit_callbacks
):
    post(client, signature, [dumas], django_capture_on_commit_callbacks)
    again = post(client, signature, [dumas], django_capture_on_commit_callbacks)

    assert again.status_code == 400
    assert len(mailoutbox) == 1
    assert Letter.objects.count() == 1
    assert "Votre lettre est déjà partie pour : Claire Dumas." in html.unescape(again.text)


def test_the_officials_already_written_to_are_no_longer_offered(
    client, signature, dumas, moreau, django_capture_on_commit_callbacks, mailoutbox
):
    post(client, signature, [dumas], django_capture_on_commit_callbacks)

    response = client.get(letter_url(signature))
    later = post(client, signature, [moreau], django_capture_on_commit_callbacks)

    assert [official.pk for official in response.context["form"].fields["officials"]
            .queryset] == [moreau.pk]
    assert later.status_code == 200
    assert [message.to for message in mailoutbox] == [[dumas.email], [moreau.email]]


def test_an_official_who_is_not_offered_cannot_be_chosen(
    client, signature, chelles, mailoutbox, django_capture_on_commit_callbacks
):
    stranger = ElectedOfficialFactory(postcodes="77100")  # not addressed by this campaign

    for official in (chelles, stranger):
        response = post(client, signature, [official], django_capture_on_commit_callbacks)

        assert response.status_code == 400
        assert 'aria-invalid="true"' in response.text
        assert "Madame, Monsieur…" in response.text  # what was typed is kept
    assert mailoutbox == []
    assert not Letter.objects.exists()


@pytest.mark.parametrize("data", [
    {"subject": "", "body": "Madame, Monsieur…"},
    {"subject": SUBJECT, "body": ""},
    {"subject": SUBJECT, "body": "Madame", "officials": []},
])
def test_a_letter_without_subject_text_or_official_is_refused(
    client, signature, dumas, mailoutbox, data, django_capture_on_commit_callbacks
):
    data = {"officials": [dumas.pk], **data}

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(letter_url(signature), data)

    assert response.status_code == 400
    assert "Le formulaire comporte une erreur" in response.text
    assert mailoutbox == []


def test_an_official_without_email_is_not_offered_the_letter(
    client, campaign_index, mailoutbox, django_capture_on_commit_callbacks
):
    by_form = ElectedOfficialFactory(name="Élu sans courriel", email="",
                                     contact_url="https://www.meaux.fr/contact")
    campaign = writing_campaign(campaign_index, by_form)
    signature = SignatureFactory(campaign=campaign, confirmed=True, postcode="77100")

    response = client.get(letter_url(signature))
    sent = post(client, signature, [by_form], django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert 'id="letter-form"' not in response.text
    assert 'href="https://www.meaux.fr/contact"' in response.text
    assert sent.status_code == 400
    assert mailoutbox == []
    assert not Letter.objects.exists()


def test_a_signature_not_yet_confirmed_cannot_write(client, campaign):
    signature = SignatureFactory(campaign=campaign, postcode="77100")

    assert client.get(letter_url(signature)).status_code == 404


def test_a_campaign_whose_letters_leave_from_the_signers_mailbox_has_no_letter_page(
    client, campaign_index, dumas
):
    campaign = writing_campaign(campaign_index, dumas, delivery=LetterDelivery.MAILTO)
    signature = SignatureFactory(campaign=campaign, confirmed=True, postcode="77100")

    assert client.get(letter_url(signature)).status_code == 404


def test_an_erased_signature_cannot_write(client, campaign, dumas):
    signature = SignatureFactory(campaign=campaign, confirmed=True, postcode="77100",
                                 first_name="", last_name="", email="",
                                 erased_at=timezone.now())

    assert client.get(letter_url(signature)).status_code == 404


def test_a_tampered_link_is_not_found(client, signature, mailoutbox):
    token = confirmation_token(signature)
    forged = signing.dumps(signature.pk, salt="another-salt", compress=False)
    other_id = token.replace(token.split(":")[0], signing.b64_encode(b"2").decode(), 1)

    for bad in (token[:-2] + "xx", forged, other_id, "pas-un-jeton"):
        assert client.get(f"/petitions/lettre/{bad}/").status_code == 404
        assert client.post(f"/petitions/lettre/{bad}/", {"subject": SUBJECT}).status_code == 404
    assert mailoutbox == []


def test_a_link_to_a_purged_signature_is_not_found(client, campaign):
    token = signing.dumps(999999, salt=TOKEN_SALT, compress=False)

    assert client.get(f"/petitions/lettre/{token}/").status_code == 404


def test_a_letter_recorded_before_is_shown_as_already_sent(client, signature, dumas, moreau):
    LetterFactory(signature=signature, official=dumas)

    response = client.get(letter_url(signature))

    assert "Votre lettre est déjà partie pour : Claire Dumas." in html.unescape(response.text)
    assert [official.pk for official in response.context["form"].fields["officials"]
            .queryset] == [moreau.pk]
