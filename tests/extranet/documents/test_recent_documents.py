"""The latest documents on the extranet's home and on the library's page: the latest
updated first, of the folders the person reads only."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from extranet.documents import library
from extranet.documents.models import Audience
from tests.extranet.documents.library_helpers import signed_in
from tests.factories.documents import FolderFactory, make_document, pdf_upload

pytestmark = pytest.mark.django_db

HOME = reverse("extranet:home")


@pytest.fixture
def folder(db):
    return FolderFactory(name="Ressources")


def added_days_ago(days, **kwargs):
    with time_machine.travel(timezone.now() - datetime.timedelta(days=days), tick=False):
        return make_document(**kwargs)


def test_the_home_shows_the_five_latest_documents_latest_first(client, member, folder):
    documents = [added_days_ago(days, folder=folder, title=f"Document {days}")
                 for days in range(7)]

    response = signed_in(client, member).get(HOME)

    assert response.context["recent_documents"] == documents[:5]
    section = response.text.split('id="recent-documents"')[1].split("</section>")[0]
    assert "Document 0" in section and "Ressources" in section and "PDF" in section
    assert "Document 5" not in section


def test_a_new_version_brings_a_document_back_to_the_top_of_the_home(client, member,
                                                                     folder):
    old = added_days_ago(30, folder=folder, title="Statuts", by=member)
    added_days_ago(2, folder=folder, title="Compte rendu")
    library.add_version(old, pdf_upload("statuts-v2.pdf"), member)

    response = signed_in(client, member).get(HOME)

    assert response.context["recent_documents"][0] == old


def test_the_home_never_shows_a_document_of_a_folder_the_person_cannot_read(client, member,
                                                                             folder):
    shown = make_document(folder=folder, title="Pour tous")
    make_document(folder=FolderFactory(audience=Audience.COORDINATORS),
                  title="Réservé à la coordination")

    response = signed_in(client, member).get(HOME)

    assert response.context["recent_documents"] == [shown]
    assert "Réservé à la coordination" not in response.text


def test_a_coordinator_s_home_shows_the_coordinators_documents(client, coordinator):
    kept = make_document(folder=FolderFactory(audience=Audience.COORDINATORS))

    response = signed_in(client, coordinator).get(HOME)

    assert response.context["recent_documents"] == [kept]


def test_the_home_says_when_there_is_no_document(client, member):
    response = signed_in(client, member).get(HOME)

    assert "Aucun document partagé pour le moment." in response.text


def test_the_library_shows_the_ten_latest_documents(client, member, folder):
    documents = [added_days_ago(days, folder=folder, title=f"Document {days}")
                 for days in range(12)]

    response = signed_in(client, member).get(reverse("extranet:library"))

    assert response.context["recent"] == documents[:10]
