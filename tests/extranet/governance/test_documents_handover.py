"""The handover list of the coordination shows the documents kept for the coordinators and
those waiting in the bin (extranet/governance/handover_sections.py)."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from extranet.documents import library
from extranet.documents.models import Audience
from portal.dates import long_date
from tests.factories.documents import FolderFactory, make_document

pytestmark = pytest.mark.django_db

HANDOVER = reverse("extranet:coordination_handover")


@pytest.fixture
def coordination_folder(db):
    return FolderFactory(name="Coordination", audience=Audience.COORDINATORS)


def section(response, key):
    return next(item for item in response.context["sections"] if item.key == key)


def test_the_handover_lists_the_coordinators_documents(client, coordinator,
                                                       coordination_folder):
    kept = make_document(folder=coordination_folder, title="Budget de la coordination")
    make_document(folder=FolderFactory(audience=Audience.MEMBERS), title="Pour tous")
    binned = make_document(folder=coordination_folder, title="Ancien budget")
    library.move_to_bin(binned, coordinator)
    client.force_login(coordinator)

    response = client.get(HANDOVER)

    documents = section(response, "documents")
    assert documents.count == 1
    assert documents.items == [("Budget de la coordination (Coordination)",
                                reverse("extranet:document_detail", args=[kept.pk]))]
    assert "Budget de la coordination (Coordination)" in response.text


def test_the_handover_lists_the_binned_documents_the_first_purged_first(client, coordinator):
    now = timezone.now()
    for days_ago, title in ((5, "Jeté il y a 5 jours"), (20, "Jeté il y a 20 jours")):
        document = make_document(title=title)
        with time_machine.travel(now - datetime.timedelta(days=days_ago), tick=False):
            library.move_to_bin(document, coordinator)
    make_document(title="Toujours là")
    client.force_login(coordinator)

    response = client.get(HANDOVER)

    binned = section(response, "document_bin")
    first_purge = long_date(timezone.localdate(now + datetime.timedelta(days=10)))
    assert binned.count == 2
    assert binned.items == [
        (f"Jeté il y a 20 jours : supprimé le {first_purge}",
         reverse("extranet:document_bin_list")),
        (f"Jeté il y a 5 jours : supprimé le "
         f"{long_date(timezone.localdate(now + datetime.timedelta(days=25)))}",
         reverse("extranet:document_bin_list")),
    ]
    assert "Documents dans la corbeille (2)" in response.text


def test_the_handover_says_when_there_are_no_documents_to_hand_over(client, coordinator):
    client.force_login(coordinator)

    response = client.get(HANDOVER)

    assert section(response, "documents").count == 0
    assert section(response, "document_bin").count == 0
