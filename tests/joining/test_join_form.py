"""The public form: an association asks to join the collective, picked from the directory or
proposed; what was typed is kept on every refusal."""

import html

import pytest
from django.core import mail

from joining.member_associations import refresh_member_associations
from joining.models import JoinRequest, JoinStatus, JoinStepKind
from joining.views import REQUESTS_PER_IP
from tests.factories import AssociationFactory, MembershipFactory
from tests.factories.charter import CharterVersionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page(join_page, coordinator):
    """The join page exists and a coordinator hears of the requests."""


@pytest.fixture
def post(committed):
    """Send the form (`data` changed by `changes`, None leaving a field out); the emails
    leave once it is committed."""

    def send(client, join_page, data, **changes):
        fields = {key: value for key, value in {**data, **changes}.items() if value is not None}
        with committed():
            return client.post(join_page.url, fields)

    return send


def page_text(response):
    return html.unescape(response.content.decode())


def test_the_form_shows_the_current_charter_version_and_a_link_to_it(client, join_page,
                                                                     charter, charter_page):
    response = client.get(join_page.url)

    content = page_text(response)
    assert response.status_code == 200
    assert "J'ai lu et j'accepte la charte du collectif (version 1)" in content
    assert f'href="{charter_page.url}"' in content
    assert f'name="charter_version" value="{charter.pk}"' in content


def test_without_a_published_charter_joining_is_closed(client, join_page):
    response = client.get(join_page.url)

    assert response.status_code == 200
    assert "Les adhésions sont fermées" in page_text(response)
    assert 'id="join-form"' not in page_text(response)


def test_a_post_without_a_published_charter_is_refused(post, client, join_page, charter_page,
                                                      form_data):
    charter_page.versions.all().delete()
    response = post(client, join_page, form_data)

    assert response.status_code == 409
    assert not JoinRequest.objects.exists()


def test_a_proposed_association_is_recorded_pending_and_acknowledged(post, client, join_page,
                                                                    form_data, charter):
    response = post(client, join_page, form_data)

    assert response.status_code == 302
    assert response.url == join_page.url + "merci/"
    join_request = JoinRequest.objects.get()
    assert join_request.status == JoinStatus.PENDING
    assert join_request.association is None
    assert join_request.proposed_commune.code == "77243"
    assert join_request.charter_version == charter
    assert join_request.language == "fr"
    assert [message.to for message in mail.outbox] == [["karim.haddad@example.org"],
                                                        ["coordinatrice@example.org"]]
    assert list(join_request.steps.values_list("kind", flat=True)) == [
        JoinStepKind.SUBMITTED, JoinStepKind.ACKNOWLEDGED, JoinStepKind.COORDINATORS_NOTIFIED]


def test_the_thanks_page_says_what_comes_next(client, join_page):
    response = client.get(join_page.url + "merci/")

    assert response.status_code == 200
    assert "votre demande d'adhésion est envoyée" in page_text(response)


def test_searching_a_name_lists_the_associations_to_choose_from(post, client, join_page, form_data,
                                                               association):
    AssociationFactory(name="Comité des fêtes de Vaires")

    response = post(client, join_page, form_data, search="comite des fetes", choice="",
                    send=None, find="")

    content = page_text(response)
    assert response.status_code == 200
    assert "2 associations trouvées" in content
    assert f'value="{association.pk}"' in content
    assert "Lagny-sur-Marne" in content  # what was typed is kept
    assert not JoinRequest.objects.exists()


def test_a_name_without_a_choice_asks_to_choose(post, client, join_page, form_data, association):
    response = post(client, join_page, form_data, search="Comité des fêtes", choice="",
                    proposed_name="")

    assert response.status_code == 400
    assert "Choisissez votre association dans la liste" in page_text(response)
    assert not JoinRequest.objects.exists()


def test_an_association_chosen_in_the_list_is_the_one_asking(post, client, join_page, form_data,
                                                            association):
    post(client, join_page, form_data, search="Comité des fêtes", choice=str(association.pk))

    assert JoinRequest.objects.get().association == association


def test_an_exact_rna_id_picks_the_association(post, client, join_page, form_data, association):
    post(client, join_page, form_data, search="w 771 000 001", choice="", proposed_name="")

    assert JoinRequest.objects.get().association == association


def test_a_proposed_rna_id_already_in_the_directory_picks_that_association(post,
        client, join_page, form_data, association):
    post(client, join_page, form_data, proposed_rna_id="W771000001")

    assert JoinRequest.objects.get().association == association


def test_a_member_association_records_nothing_and_is_told_why_by_email(post, client, join_page,
                                                                       form_data):
    member = MembershipFactory(association__name="Entraide chelloise",
                               association__rna_id="W773000003").association
    refresh_member_associations([member.pk])

    response = post(client, join_page, form_data, search=member.rna_id, choice="")

    assert response.status_code == 302
    assert not JoinRequest.objects.exists()
    [message] = mail.outbox
    assert message.to == ["karim.haddad@example.org"]
    assert "Cette association en est déjà membre" in message.body


def test_invalid_input_is_refused_with_field_errors_and_kept(post, client, join_page, form_data):
    response = post(client, join_page, form_data, email="pas-une-adresse",
                    proposed_siret="12345678901234", proposed_commune="Chelles")

    content = page_text(response)
    assert response.status_code == 400
    assert 'aria-invalid="true"' in content
    assert "Un numéro SIRET compte quatorze chiffres" in content
    assert "Aucune commune de ce nom n'a le code postal 77400" in content
    assert 'value="pas-une-adresse"' in content
    assert "Trouver des salles et des partenaires." in content
    assert not JoinRequest.objects.exists()


def test_the_charter_must_be_accepted(post, client, join_page, form_data):
    data = {key: value for key, value in form_data.items() if key != "accept_charter"}

    response = post(client, join_page, data)

    assert response.status_code == 400
    assert "Cochez cette case pour adhérer" in page_text(response)
    assert not JoinRequest.objects.exists()


def test_a_charter_version_published_while_the_form_is_open_is_detected(post,
        client, join_page, form_data, charter, charter_page):
    client.get(join_page.url)  # shows version 1 (form_data carries its id)
    version_2 = CharterVersionFactory(page=charter_page, number=2)

    response = post(client, join_page, form_data)

    content = page_text(response)
    assert response.status_code == 400
    assert "La charte a changé pendant que vous remplissiez le formulaire" in content
    assert "la version 2 est maintenant en vigueur" in content
    assert f'name="charter_version" value="{version_2.pk}"' in content
    assert "Lire et faire lire à Lagny" in content
    assert not JoinRequest.objects.exists()


def test_after_the_charter_changed_accepting_the_new_version_is_recorded(post,
        client, join_page, form_data, charter_page):
    version_2 = CharterVersionFactory(page=charter_page, number=2)

    post(client, join_page, form_data, charter_version=version_2.pk)

    assert JoinRequest.objects.get().charter_version == version_2


def test_a_filled_trap_refuses_the_request(post, client, join_page, form_data):
    response = post(client, join_page, form_data, website="https://spam.example.com")

    assert response.status_code == 400
    assert not JoinRequest.objects.exists()
    assert not mail.outbox


def test_too_many_requests_from_one_address_are_refused(post, client, join_page, form_data,
                                                        settings):
    for _ in range(REQUESTS_PER_IP.limit):
        REQUESTS_PER_IP.hit("127.0.0.1")

    response = post(client, join_page, form_data)

    assert response.status_code == 429
    assert "Beaucoup de demandes sont parties de cette connexion" in page_text(response)
    assert not JoinRequest.objects.exists()


def test_a_request_sent_in_english_is_recorded_in_english(client, join_page, form_data,
                                                          english_home, english, committed):
    join_page_en = join_page.copy_for_translation(english)
    join_page_en.save_revision().publish()
    join_page_en.refresh_from_db()

    with committed():
        response = client.post(join_page_en.url, form_data)

    assert response.status_code == 302
    assert JoinRequest.objects.get().language == "en"
