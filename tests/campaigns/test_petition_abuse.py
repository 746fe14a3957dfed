"""What protects the petition from robots and floods: the field hidden from people, the
limits per IP address and per email address, and CSRF."""

import pytest
from django.core import mail
from django.test import Client

from campaigns.models import CampaignStatus, Signature

pytestmark = pytest.mark.django_db


def form_data(number=0, **extra):
    return {"first_name": "Camille", "last_name": "Martin",
            "email": f"camille{number}@example.org", "postcode": "77100", "consent": "on",
            "website": "", **extra}


def sign_url(campaign):
    return f"/petitions/signer/{campaign.pk}/"


def test_a_filled_trap_refuses_the_signature(client, campaign):
    response = client.post(sign_url(campaign), form_data(website="https://spam.example"))

    assert "Laissez ce champ vide" in response.text
    assert not Signature.objects.exists()
    assert not mail.outbox


def test_the_trap_is_hidden_from_people(client, campaign):
    response = client.get(campaign.url)

    trap = response.text.split('name="website"')[0].rsplit("<div", 2)[-2]
    assert "hidden" in trap


def test_an_ip_address_is_limited_per_hour(client, campaign, settings, monkeypatch,
                                           django_capture_on_commit_callbacks):
    from campaigns import petition_views

    monkeypatch.setattr(petition_views.SIGNATURES_PER_IP, "limit", 3)
    for number in range(3):
        # A signature counts against the limits once committed.
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(sign_url(campaign), form_data(number)).status_code == 302

    response = client.post(sign_url(campaign), form_data(3))

    assert response.status_code == 429
    assert "réessayez dans une heure" in response.text
    assert 'value="camille3@example.org"' in response.text
    assert Signature.objects.count() == 3


def test_the_ip_limit_counts_each_visitor_apart(client, campaign, monkeypatch,
                                                django_capture_on_commit_callbacks):
    from campaigns import petition_views

    monkeypatch.setattr(petition_views.SIGNATURES_PER_IP, "limit", 1)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sign_url(campaign), form_data(1), REMOTE_ADDR="192.0.2.1")

    response = Client().post(sign_url(campaign), form_data(2), REMOTE_ADDR="192.0.2.2")

    assert response.status_code == 302


def test_an_email_address_is_limited_per_hour_across_campaigns(
    client, campaign, campaign_index, monkeypatch, django_capture_on_commit_callbacks,
):
    from campaigns import petition_views
    from tests.factories import CampaignPageFactory

    monkeypatch.setattr(petition_views.SIGNATURES_PER_EMAIL, "limit", 2)
    others = [CampaignPageFactory(parent=campaign_index) for _ in range(2)]
    for number, page in enumerate([campaign, others[0]]):
        with django_capture_on_commit_callbacks(execute=True):
            Client().post(sign_url(page), form_data(), REMOTE_ADDR=f"192.0.2.{number + 1}")

    response = Client().post(sign_url(others[1]), form_data(), REMOTE_ADDR="192.0.2.9")

    assert response.status_code == 429
    assert "Beaucoup de demandes sont parties de cette connexion ou pour cette adresse" \
        in response.text
    assert Signature.objects.count() == 2


def test_the_refusal_for_an_address_reads_as_the_one_for_a_connection(
    client, campaign, monkeypatch, django_capture_on_commit_callbacks,
):
    """A stranger who is refused learns nothing of how often an address was used."""
    from campaigns import petition_views

    def refusal(limit, data, address):
        monkeypatch.setattr(limit, "limit", 1)
        with django_capture_on_commit_callbacks(execute=True):
            Client().post(sign_url(campaign), data(0), REMOTE_ADDR=address)
        page = Client().post(sign_url(campaign), data(1), REMOTE_ADDR=address).text
        monkeypatch.setattr(limit, "limit", 1000)
        return page.split('id="petition-form-errors"')[1].split("</div>")[0]

    by_connection = refusal(petition_views.SIGNATURES_PER_IP, form_data, "192.0.2.1")
    by_address = refusal(petition_views.SIGNATURES_PER_EMAIL,
                         lambda number: form_data(9), "192.0.2.2")

    assert by_address == by_connection


def test_signing_again_with_the_same_address_counts_against_the_limits(
    client, campaign, monkeypatch, django_capture_on_commit_callbacks,
):
    from campaigns import petition_views

    monkeypatch.setattr(petition_views.SIGNATURES_PER_IP, "limit", 2)
    for _attempt in range(2):  # signed, then "your link is on its way"
        with django_capture_on_commit_callbacks(execute=True):
            assert client.post(sign_url(campaign), form_data(1)).status_code == 302

    response = client.post(sign_url(campaign), form_data(2))

    assert response.status_code == 429


def test_a_signature_refused_by_a_closed_petition_does_not_count(
    client, campaign, monkeypatch, django_capture_on_commit_callbacks,
):
    from campaigns import petition_views

    monkeypatch.setattr(petition_views.SIGNATURES_PER_IP, "limit", 1)
    campaign.status = CampaignStatus.CLOSED
    campaign.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(sign_url(campaign), form_data(1)).status_code == 409
    campaign.status = CampaignStatus.OPEN
    campaign.save_revision().publish()

    response = client.post(sign_url(campaign), form_data(2))

    assert response.status_code == 302


def test_a_post_without_csrf_token_is_refused(campaign):
    response = Client(enforce_csrf_checks=True).post(sign_url(campaign), form_data())

    assert response.status_code == 403
    assert not Signature.objects.exists()
