"""A signature written by portal.inserts (one INSERT prepared once per model): the row save()
would write."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from campaigns.models import CampaignPage, Signature
from portal.inserts import _statement, insert

pytestmark = pytest.mark.django_db

EXCLUDED = {"id", "email"}  # what differs between the two rows compared
NOW = timezone.now()


def unsaved(campaign, email):
    """A signature with a value in every field the form fills, and defaults for the rest."""
    return Signature(campaign=campaign, email=email, first_name="Renée", last_name="Martin",
                     postcode="77100", association_name="Les Amis du lavoir",
                     comment="Un mot", comment_status="pending", show_publicly=True,
                     consent_text="J'accepte.", created_at=NOW, confirmation_sent_at=NOW)


def test_an_inserted_signature_is_the_row_save_would_write(campaign):
    inserted = insert(unsaved(campaign, "inserted@example.org"))
    saved = unsaved(campaign, "saved@example.org")
    saved.save()

    rows = Signature.objects.filter(pk__in=[inserted.pk, saved.pk]).order_by("pk").values()

    assert [{k: v for k, v in row.items() if k not in EXCLUDED} for row in rows] == [
        {k: v for k, v in rows[1].items() if k not in EXCLUDED}] * 2
    assert rows[0]["language"] == "fr"  # the field's default


def test_the_inserted_instance_is_saved_with_its_primary_key(campaign):
    signature = insert(unsaved(campaign, "one@example.org"))

    assert signature.pk == Signature.objects.get(email="one@example.org").pk
    assert not signature._state.adding
    signature.first_name = "Camille"
    signature.save()  # an UPDATE, not a second row
    assert list(Signature.objects.filter(email="one@example.org")
                .values_list("first_name", flat=True)) == ["Camille"]


def test_an_insert_is_one_query(campaign, django_assert_num_queries):
    signature = unsaved(campaign, "one@example.org")

    with django_assert_num_queries(1):
        insert(signature)


def test_a_row_the_database_refuses_raises_its_integrity_error(campaign):
    insert(unsaved(campaign, "twice@example.org"))

    with pytest.raises(IntegrityError), transaction.atomic():
        insert(unsaved(campaign, "TWICE@example.org"))


def test_a_model_with_parents_is_left_to_save():
    assert _statement(CampaignPage, connection) is None
    assert _statement(Signature, connection) is not None
