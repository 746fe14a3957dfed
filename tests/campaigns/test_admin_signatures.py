"""The signatures in the Wagtail admin: coordinators list, filter, search and export them and
moderate the comments; nobody adds or deletes one nor changes what a signer typed; editors
and visitors do not see them."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from campaigns.models import CommentStatus, Signature
from portal.editorial import setup_editorial_roles
from tests.factories import (
    AssociationFactory,
    CampaignPageFactory,
    SignatureFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/campaigns/signature/"
BULK = "/admin/bulk/campaigns/signature/"


@pytest.fixture
def roles(home_page):
    return setup_editorial_roles()


@pytest.fixture
def coordinator(client, roles):
    user = UserFactory(username="coordinatrice", groups=[roles.coordinators])
    client.force_login(user)
    return user


@pytest.fixture
def other_campaign(campaign_index):
    return CampaignPageFactory(parent=campaign_index, title="Des locaux pour tous",
                               slug="locaux")


def erased(**kwargs):
    """A signature whose signer asked to erase their data (as left by the erasure, or with
    some data left behind: the admin shows neither)."""
    return SignatureFactory(email="", erased_at=timezone.now(), confirmed=True, **kwargs)


def export(client, **params):
    response = client.get(LIST, {"export": "csv", **params})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    assert text.startswith("\ufeff")  # so that spreadsheets read the accents right
    return response, list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_a_coordinator_sees_the_signatures_of_one_campaign(client, coordinator, campaign,
                                                           other_campaign):
    SignatureFactory(campaign=campaign, first_name="Camille", last_name="Martin")
    SignatureFactory(campaign=other_campaign, first_name="Dominique", last_name="Petit")

    response = client.get(LIST, {"campaign": campaign.pk})

    assert response.status_code == 200
    assert "Camille Martin" in response.text
    assert "Dominique Petit" not in response.text


def test_a_coordinator_filters_the_unconfirmed_signatures(client, coordinator, campaign):
    SignatureFactory(campaign=campaign, first_name="Camille", confirmed=True)
    SignatureFactory(campaign=campaign, first_name="Dominique")

    response = client.get(LIST, {"confirmed": "false"})

    assert "Dominique Martin" in response.text
    assert "Camille Martin" not in response.text


def test_a_coordinator_filters_the_signers_who_accept_to_be_named(client, coordinator,
                                                                  campaign):
    SignatureFactory(campaign=campaign, first_name="Camille", show_publicly=True)
    SignatureFactory(campaign=campaign, first_name="Dominique")

    response = client.get(LIST, {"show_publicly": "true"})

    assert "Camille Martin" in response.text
    assert "Dominique Martin" not in response.text


def test_a_coordinator_filters_the_signatures_of_a_period(client, coordinator, campaign):
    SignatureFactory(campaign=campaign, first_name="Camille",
                     created_at=datetime.datetime(2025, 3, 10, 12, tzinfo=datetime.UTC))
    SignatureFactory(campaign=campaign, first_name="Dominique",
                     created_at=datetime.datetime(2025, 4, 10, 12, tzinfo=datetime.UTC))

    response = client.get(LIST, {"created_at_from": "2025-03-01",
                                 "created_at_to": "2025-03-31"})

    assert "Camille Martin" in response.text
    assert "Dominique Martin" not in response.text


def test_the_moderation_queue_lists_the_pending_comments_of_confirmed_signatures(
    client, coordinator, campaign
):
    SignatureFactory(campaign=campaign, first_name="Camille", confirmed=True,
                     comment="Bravo !", comment_status=CommentStatus.PENDING)
    SignatureFactory(campaign=campaign, first_name="Dominique", confirmed=True,
                     comment="Déjà vu.", comment_status=CommentStatus.APPROVED)
    SignatureFactory(campaign=campaign, first_name="Alex", comment="Pas confirmé.",
                     comment_status=CommentStatus.PENDING)

    listing = client.get(LIST)
    response = client.get(LIST, {"comment_status": "pending", "confirmed": "true"})

    assert f"{LIST}?comment_status=pending&amp;confirmed=true" in listing.text
    assert "Camille Martin" in response.text
    assert "Dominique Martin" not in response.text
    assert "Alex Martin" not in response.text


def test_a_coordinator_finds_a_signature_by_its_email(client, coordinator, campaign):
    SignatureFactory(campaign=campaign, first_name="Camille", email="camille@jardins.example")
    SignatureFactory(campaign=campaign, first_name="Dominique")

    response = client.get(LIST, {"q": "jardins.example"})

    assert "Camille Martin" in response.text
    assert "Dominique Martin" not in response.text


def test_a_coordinator_finds_a_signature_by_its_association(client, coordinator, campaign):
    jardins = AssociationFactory(name="Les Jardins partagés")
    SignatureFactory(campaign=campaign, first_name="Camille", association=jardins)
    SignatureFactory(campaign=campaign, first_name="Alex", association_name="Jardins de Meaux")
    SignatureFactory(campaign=campaign, first_name="Dominique")

    response = client.get(LIST, {"q": "jardins"})

    assert "Camille Martin" in response.text
    assert "Alex Martin" in response.text
    assert "Dominique Martin" not in response.text


def test_an_erased_signature_is_listed_as_anonymous(client, coordinator, campaign):
    signature = erased(campaign=campaign)

    response = client.get(LIST)

    assert f"Signature anonyme n° {signature.pk}" in response.text


def test_the_csv_export_has_the_signatures_of_the_campaign(client, coordinator, campaign,
                                                           other_campaign):
    SignatureFactory(campaign=campaign, first_name="Camille", last_name="Martin",
                     email="camille@example.org", postcode="77100",
                     association_name="Les Jardins", comment="Bravo",
                     comment_status=CommentStatus.PENDING, confirmed=True)
    SignatureFactory(campaign=other_campaign, first_name="Dominique")

    response, rows = export(client, campaign=campaign.pk)

    assert response["Content-Disposition"] == (
        'attachment; filename="signatures-emploi-associatif.csv"'
    )
    header, line = rows
    assert header[:8] == ["Campagne", "Prénom", "Nom", "Adresse électronique", "Code postal",
                          "Association", "Commentaire", "Modération du commentaire"]
    assert line[:10] == ["Pour l'emploi associatif", "Camille", "Martin",
                         "camille@example.org", "77100", "Les Jardins", "Bravo", "à modérer",
                         "non", "fr"]
    assert "Lettre d'information" not in " ".join(header)


def test_the_csv_export_escapes_values_starting_like_a_formula(client, coordinator, campaign):
    SignatureFactory(campaign=campaign, first_name='=HYPERLINK("http://evil.example","clic")',
                     association_name="+33 1 23", comment="@SUM(A1)",
                     comment_status=CommentStatus.PENDING)

    _response, (header, line) = export(client, campaign=campaign.pk)

    assert line[header.index("Prénom")] == '\'=HYPERLINK("http://evil.example","clic")'
    assert line[header.index("Association")] == "'+33 1 23"
    assert line[header.index("Commentaire")] == "'@SUM(A1)"


def test_the_csv_export_shows_an_erased_signer_anonymous(client, coordinator, campaign):
    erased(campaign=campaign, first_name="Camille", last_name="Martin", comment="Mon avis")

    _response, (header, line) = export(client, campaign=campaign.pk)

    assert line[header.index("Prénom")] == ""
    assert line[header.index("Nom")] == ""
    assert line[header.index("Commentaire")] == ""
    assert line[header.index("Données effacées le")] != ""


def test_the_xlsx_export_keeps_a_formula_as_text(client, coordinator, campaign):
    SignatureFactory(campaign=campaign, first_name="=1+1", confirmed=True)

    response = client.get(LIST, {"export": "xlsx", "campaign": campaign.pk})

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(
        'filename="signatures-emploi-associatif.xlsx"'
    )
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, row = [[cell.value for cell in line] for line in sheet.iter_rows()]
    column = header.index("Prénom")
    assert row[column] == "=1+1"
    assert sheet.cell(row=2, column=column + 1).data_type == "s"  # text, not a formula


def test_the_xlsx_export_shows_an_erased_signer_anonymous(client, coordinator, campaign):
    erased(campaign=campaign, first_name="Camille", last_name="Martin")

    response = client.get(LIST, {"export": "xlsx", "campaign": campaign.pk})

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, row = [[cell.value for cell in line] for line in sheet.iter_rows()]
    assert row[header.index("Prénom")] in ("", None)
    assert row[header.index("Nom")] in ("", None)


def test_a_coordinator_publishes_several_comments_at_once(client, coordinator, campaign):
    first = SignatureFactory(campaign=campaign, comment="Bravo",
                             comment_status=CommentStatus.PENDING)
    second = SignatureFactory(campaign=campaign, comment="Enfin",
                              comment_status=CommentStatus.PENDING)
    untouched = SignatureFactory(campaign=campaign, comment="Plus tard",
                                 comment_status=CommentStatus.PENDING)
    action = f"{BULK}approve_comment/?next={LIST}&id={first.pk}&id={second.pk}"

    page = client.get(action)
    response = client.post(action)

    assert page.status_code == 200
    assert response.status_code == 302
    assert set(Signature.objects.filter(comment_status=CommentStatus.APPROVED)) == {
        first, second
    }
    untouched.refresh_from_db()
    assert untouched.comment_status == CommentStatus.PENDING


def test_the_confirmation_page_shows_the_comments_to_publish(client, coordinator, campaign):
    signature = SignatureFactory(campaign=campaign, comment="Une pétition nécessaire.",
                                 comment_status=CommentStatus.PENDING)

    page = client.get(f"{BULK}approve_comment/?next={LIST}&id={signature.pk}")

    assert "Une pétition nécessaire." in page.text


def test_a_coordinator_refuses_a_comment(client, coordinator, campaign):
    signature = SignatureFactory(campaign=campaign, comment="Hors sujet",
                                 comment_status=CommentStatus.PENDING)

    client.post(f"{BULK}reject_comment/?next={LIST}&id={signature.pk}")

    signature.refresh_from_db()
    assert signature.comment_status == CommentStatus.REJECTED


def test_publishing_comments_leaves_a_signature_without_comment_as_it_is(client, coordinator,
                                                                         campaign):
    signature = SignatureFactory(campaign=campaign)

    client.post(f"{BULK}approve_comment/?next={LIST}&id={signature.pk}")

    signature.refresh_from_db()
    assert signature.comment_status == CommentStatus.NONE


def test_selecting_all_in_the_listing_means_the_moderation_queue(client, coordinator, campaign):
    pending = SignatureFactory(campaign=campaign, comment="Bravo", confirmed=True,
                               comment_status=CommentStatus.PENDING)
    refused = SignatureFactory(campaign=campaign, comment="Hors sujet", confirmed=True,
                               comment_status=CommentStatus.REJECTED)

    client.post(f"{BULK}approve_comment/?next={LIST}&id=all")

    pending.refresh_from_db()
    refused.refresh_from_db()
    assert pending.comment_status == CommentStatus.APPROVED
    assert refused.comment_status == CommentStatus.REJECTED


def test_a_coordinator_changes_the_comment_state_but_not_what_the_signer_typed(
    client, coordinator, campaign
):
    signature = SignatureFactory(campaign=campaign, first_name="Camille", comment="Bravo",
                                 comment_status=CommentStatus.PENDING)

    response = client.post(f"{LIST}edit/{signature.pk}/", {
        "comment_status": "approved", "show_publicly": "on", "first_name": "Quelqu'un",
        "comment": "Autre chose", "email": "autre@example.org",
    })

    assert response.status_code == 302
    signature.refresh_from_db()
    assert signature.comment_status == CommentStatus.APPROVED
    assert signature.show_publicly is True
    assert (signature.first_name, signature.comment) == ("Camille", "Bravo")
    assert signature.email != "autre@example.org"


def test_a_comment_state_is_refused_for_a_signature_without_comment(client, coordinator,
                                                                   campaign):
    signature = SignatureFactory(campaign=campaign)

    response = client.post(f"{LIST}edit/{signature.pk}/", {"comment_status": "approved"})

    assert response.status_code == 200
    assert "Cette signature n&#x27;a pas de commentaire." in response.text
    signature.refresh_from_db()
    assert signature.comment_status == CommentStatus.NONE


def test_nobody_deletes_or_adds_a_signature(admin_client, campaign):
    signature = SignatureFactory(campaign=campaign)

    deleting = admin_client.post(f"{LIST}delete/{signature.pk}/")
    adding = admin_client.get(f"{LIST}add/")

    assert deleting.status_code in (302, 403)
    assert adding.status_code in (302, 403)
    assert Signature.objects.filter(pk=signature.pk).exists()


def test_an_anonymous_visitor_cannot_see_the_signatures(client, campaign):
    SignatureFactory(campaign=campaign)

    response = client.get(LIST)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")


def test_a_volunteer_editor_cannot_see_or_export_the_signatures(client, roles, campaign):
    SignatureFactory(campaign=campaign)
    client.force_login(UserFactory(username="redactrice", groups=[roles.editors]))

    response = client.get(LIST)
    exported = client.get(LIST, {"export": "csv"})

    assert response.status_code in (302, 403)
    assert exported.status_code in (302, 403)


def test_exporting_needs_the_view_permission(client, home_page, campaign):
    moderators = Group.objects.create(name="Modération seulement")
    moderators.permissions.set(Permission.objects.filter(
        codename__in=["access_admin", "change_signature"]
    ))
    client.force_login(UserFactory(username="moderatrice", groups=[moderators]))
    SignatureFactory(campaign=campaign)

    listing = client.get(LIST)
    exported = client.get(LIST, {"export": "csv"})

    assert listing.status_code == 200
    assert exported.status_code in (302, 403)


def test_a_volunteer_editor_cannot_moderate_comments(client, roles, campaign):
    signature = SignatureFactory(campaign=campaign, comment="Bravo",
                                 comment_status=CommentStatus.PENDING)
    client.force_login(UserFactory(username="redactrice", groups=[roles.editors]))

    client.post(f"{BULK}approve_comment/?next={LIST}&id={signature.pk}")

    signature.refresh_from_db()
    assert signature.comment_status == CommentStatus.PENDING


def test_the_admin_home_says_how_many_comments_wait(client, coordinator, campaign):
    for comment in ("Bravo", "Enfin"):
        SignatureFactory(campaign=campaign, comment=comment, confirmed=True,
                         comment_status=CommentStatus.PENDING)

    response = client.get("/admin/")

    assert "2 commentaires laissés en signant des pétitions attendent votre modération." in (
        response.text
    )


def test_the_list_filtered_by_campaign_links_to_its_signatures_per_day(client, coordinator,
                                                                       campaign):
    response = client.get(LIST, {"campaign": campaign.pk})

    assert f"{LIST}par-jour/{campaign.pk}/" in response.text


def test_a_campaign_page_with_signatures_is_not_deleted(admin_client, campaign):
    SignatureFactory(campaign=campaign)

    response = admin_client.post(f"/admin/pages/{campaign.pk}/delete/", follow=True)

    assert "dépubliez-la plutôt que de la supprimer" in response.text
    assert type(campaign).objects.filter(pk=campaign.pk).exists()


def test_the_signature_list_runs_a_bounded_number_of_queries(
    client, coordinator, campaign, other_campaign, django_assert_max_num_queries
):
    association = AssociationFactory()
    for _ in range(5):
        SignatureFactory(campaign=campaign, association=association)
    client.get(LIST)
    with django_assert_max_num_queries(40) as few:
        client.get(LIST)
    for number in range(60):
        SignatureFactory(campaign=other_campaign if number % 2 else campaign,
                         association=AssociationFactory() if number % 3 else None,
                         confirmed=bool(number % 2), comment=f"Avis {number}",
                         comment_status=CommentStatus.PENDING)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(LIST)
    assert response.status_code == 200
