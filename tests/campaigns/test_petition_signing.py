"""Signing a petition: the form on the campaign page, what a signer types and gets back, and
the confirmation through the emailed link (double opt-in)."""

import datetime
import re

import pytest
from django.core import mail, signing
from django.utils import timezone

from campaigns.models import CampaignStatus, CommentStatus, Signature
from campaigns.signatures import confirmation_token, confirmed_count
from portal.dates import long_date
from tests.factories import AssociationFactory, SignatureFactory

pytestmark = pytest.mark.django_db


def form_data(**extra):
    return {"first_name": "Camille", "last_name": "Martin", "email": "camille@example.org",
            "postcode": "77100", "association_name": "", "comment": "", "consent": "on",
            "website": "", **extra}


def sign_url(campaign):
    return f"/petitions/signer/{campaign.pk}/"


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POST as a visitor; the emails queued once the request's transaction commits leave."""

    def post(url, data=None, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data, **kwargs)

    return post


def link_of(message):
    pattern = r"http://testserver((?:/en)?/petitions/confirmer/[^/\s]+/)"
    return re.search(pattern, message.body).group(1)


def test_the_campaign_page_shows_the_form_with_its_consent_text(client, campaign):
    response = client.get(campaign.url)

    assert f'action="{sign_url(campaign)}"' in response.text
    assert "enregistre ma signature (nom, adresse électronique" in response.text
    assert 'name="newsletter"' not in response.text


def test_signing_records_an_unconfirmed_signature_and_emails_the_link(post, campaign):
    response = post(sign_url(campaign), form_data(), follow=True)

    signature = Signature.objects.get()
    assert signature.confirmed_at is None
    assert response.redirect_chain == [(f"{sign_url(campaign)}merci/", 302)]
    assert "ouvrez le courriel que nous venons d'envoyer" in response.text
    assert [message.to for message in mail.outbox] == [["camille@example.org"]]
    assert confirmed_count(campaign) == 0


def test_a_signature_counts_once_its_emailed_link_is_followed_and_confirmed(client, post, campaign):
    post(sign_url(campaign), form_data())
    link = link_of(mail.outbox[0])

    page = client.get(link)
    assert "Je confirme ma signature" in page.text
    assert confirmed_count(campaign) == 0  # following the link alone does not sign

    response = post(link)

    assert "votre signature est confirmée" in response.text
    assert Signature.objects.get().confirmed_at is not None
    assert confirmed_count(campaign) == 1


def test_confirming_twice_counts_once(post, campaign):
    post(sign_url(campaign), form_data())
    link = link_of(mail.outbox[0])
    post(link)

    response = post(link)

    assert "déjà confirmée" in response.text
    assert confirmed_count(campaign) == 1


def test_the_signature_keeps_what_the_signer_chose(post, campaign):
    post(sign_url(campaign), form_data(comment="Enfin !", show_publicly="on"))

    signature = Signature.objects.get()
    assert signature.comment_status == CommentStatus.PENDING
    assert signature.show_publicly
    assert signature.consent_text == campaign.consent_text


def test_the_public_listing_is_off_unless_ticked(post, campaign):
    post(sign_url(campaign), form_data())

    signature = Signature.objects.get()
    assert not signature.show_publicly


def test_an_association_typed_as_in_the_directory_is_linked_to_it(post, campaign):
    association = AssociationFactory(name="Les Jardins partagés", is_member=True)

    post(sign_url(campaign), form_data(association_name="les jardins partagés"))

    signature = Signature.objects.get()
    assert (signature.association, signature.association_name) == (association, "")


def test_an_association_missing_from_the_directory_is_kept_as_typed(post, campaign):
    post(sign_url(campaign), form_data(association_name="Amicale du quartier"))

    signature = Signature.objects.get()
    assert (signature.association, signature.association_name) == (None, "Amicale du quartier")


def test_consent_is_required_and_what_was_typed_is_kept(post, campaign):
    data = form_data()
    del data["consent"]

    response = post(sign_url(campaign), data)

    assert response.status_code == 200
    assert "Cochez cette case pour signer" in response.text
    assert 'value="camille@example.org"' in response.text
    assert not Signature.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize(("field", "value", "message"), [
    ("email", "camille@", "Saisissez une adresse de courriel valide."),
    ("postcode", "7710", "Un code postal a cinq chiffres."),
    ("first_name", "", "Champ requis."),
])
def test_bad_input_gets_a_field_error_and_records_nothing(post, campaign, field, value,
                                                          message):
    response = post(sign_url(campaign), form_data(**{field: value}))

    assert response.status_code == 200
    assert message in response.text
    assert 'aria-invalid="true"' in response.text
    assert not Signature.objects.exists()


def test_the_email_s_subject_writes_the_campaign_s_title_as_it_is(post, campaign):
    post(sign_url(campaign), form_data())

    [message] = mail.outbox
    assert message.subject == "Confirmez votre signature : Pour l'emploi associatif"


def test_signing_again_before_confirming_sends_the_link_again_and_adds_no_row(post, campaign):
    post(sign_url(campaign), form_data())

    response = post(sign_url(campaign), form_data(email="Camille@Example.org"), follow=True)

    assert Signature.objects.count() == 1
    assert [message.to for message in mail.outbox] == [["camille@example.org"],
                                                       ["Camille@Example.org"]]
    assert link_of(mail.outbox[1])
    assert "ouvrez le courriel que nous venons d'envoyer" in response.text
    assert confirmed_count(campaign) == 0


def test_the_link_sent_again_confirms_the_one_signature(client, post, campaign):
    post(sign_url(campaign), form_data())
    post(sign_url(campaign), form_data())

    post(link_of(mail.outbox[-1]))

    assert Signature.objects.count() == 1
    assert confirmed_count(campaign) == 1


def test_signing_again_after_confirming_emails_that_it_counts_already_and_changes_nothing(
    post, campaign
):
    weeks_ago = timezone.now() - datetime.timedelta(days=20)
    signature = SignatureFactory(campaign=campaign, email="camille@example.org",
                                 first_name="Camille", created_at=weeks_ago,
                                 confirmed_at=weeks_ago)
    signed_on = timezone.localdate(weeks_ago)

    post(sign_url(campaign), form_data(first_name="Intrus", comment="Coucou"))

    [message] = mail.outbox
    assert message.to == ["camille@example.org"]
    assert "Votre signature compte déjà" in message.subject
    assert f"Vous l'aviez déjà signée le {long_date(signed_on)}" in message.body
    assert "Rien n'a changé." in message.body
    assert "/petitions/confirmer/" not in message.body
    unchanged = Signature.objects.get()
    assert (unchanged.first_name, unchanged.comment) == ("Camille", signature.comment)
    assert confirmed_count(campaign) == 1


def test_the_email_to_a_confirmed_address_speaks_the_language_of_the_page_used(
    post, campaign, english_campaign
):
    SignatureFactory(campaign=campaign, email="camille@example.org", confirmed=True)

    post(f"/en/petitions/signer/{english_campaign.pk}/", form_data())

    [message] = mail.outbox
    assert "For jobs in associations" in message.subject
    assert "Nothing changed." in message.body


def test_signing_again_once_the_link_expired_sends_a_new_one(post, campaign, settings):
    long_ago = timezone.now() - datetime.timedelta(days=settings.CAMPAIGN_CONFIRMATION_DAYS + 1)
    SignatureFactory(campaign=campaign, email="camille@example.org", created_at=long_ago,
                     confirmation_sent_at=long_ago, first_name="Cam")

    post(sign_url(campaign), form_data())

    signature = Signature.objects.get()
    assert signature.first_name == "Camille"
    assert len(mail.outbox) == 1


def test_an_expired_link_says_so_and_counts_nothing(post, campaign, settings):
    signature = SignatureFactory(campaign=campaign)
    link = f"/petitions/confirmer/{confirmation_token(signature)}/"
    later = datetime.timedelta(days=settings.CAMPAIGN_CONFIRMATION_DAYS, seconds=1)

    with pytest.MonkeyPatch.context() as patch:
        real_time = signing.time.time
        patch.setattr(signing.time, "time", lambda: real_time() + later.total_seconds())
        response = post(link)

    assert response.status_code == 410
    assert "Ce lien a expiré" in response.text
    assert confirmed_count(campaign) == 0


def test_a_tampered_link_is_refused(post, campaign):
    signature = SignatureFactory(campaign=campaign)
    other = SignatureFactory(campaign=campaign)
    token = confirmation_token(signature)
    _value, stamp, mac = token.split(":")
    forged = ":".join([signing.b64_encode(str(other.pk).encode()).decode(), stamp, mac])

    for link in [forged, token[:-2] + "xx", "nimportequoi"]:
        response = post(f"/petitions/confirmer/{link}/")
        assert response.status_code == 400
        assert "Ce lien ne fonctionne pas" in response.text
    assert confirmed_count(campaign) == 0


def test_the_link_of_an_erased_signature_confirms_nothing(post, campaign):
    signature = SignatureFactory(campaign=campaign)
    token = confirmation_token(signature)
    Signature.objects.filter(pk=signature.pk).update(email="", erased_at=timezone.now())

    response = post(f"/petitions/confirmer/{token}/")

    assert "effacée" in response.text
    assert confirmed_count(campaign) == 0


@pytest.mark.parametrize("change", [
    {"status": CampaignStatus.CLOSED},
    {"status": CampaignStatus.WON, "outcome": "<p>Obtenu.</p>"},
    {"deadline": timezone.now() - datetime.timedelta(minutes=1)},
])
def test_a_closed_petition_refuses_signatures_with_a_clear_message(client, post, campaign,
                                                                  change):
    for name, value in change.items():
        setattr(campaign, name, value)
    campaign.save_revision().publish()

    response = post(sign_url(campaign), form_data())
    page = client.get(campaign.url)

    assert response.status_code == 409
    assert "Cette pétition est close" in response.text
    assert "Cette pétition est close" in page.text
    assert 'id="petition"' not in page.text  # no form to sign
    assert not Signature.objects.exists()


def test_an_unpublished_campaign_takes_no_signature(post, campaign):
    campaign.unpublish()

    response = post(sign_url(campaign), form_data())

    assert response.status_code == 404
    assert not Signature.objects.exists()


def test_a_campaign_without_petition_takes_no_signature(post, campaign):
    campaign.petition_enabled = False
    campaign.save_revision().publish()

    assert post(sign_url(campaign), form_data()).status_code == 404


def test_the_english_page_signs_the_french_campaign(post, campaign, campaign_index,
                                                   english_home, english):
    index_en = campaign_index.copy_for_translation(english)
    index_en.save_revision().publish()
    campaign_en = campaign.copy_for_translation(english)
    campaign_en.title = "For jobs in associations"
    campaign_en.save_revision().publish()

    post(f"/en/petitions/signer/{campaign_en.pk}/", form_data())
    post(link_of(mail.outbox[0]))

    signature = Signature.objects.get()
    assert (signature.campaign_id, signature.language) == (campaign.pk, "en")
    assert "For jobs in associations" in mail.outbox[0].subject
    assert confirmed_count(campaign_en) == 1
