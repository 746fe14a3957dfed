"""Files joined to proposals: checked as the news' are (portal.uploads), five at most, kept
outside the public media and served to members only."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from extranet.governance import proposal_services
from extranet.governance.models import Proposal, ProposalAttachment
from extranet.governance.models.proposals import MAX_ATTACHMENTS
from tests.factories import PlenaryFactory, ProposalFactory

pytestmark = pytest.mark.django_db

CREATE_URL = reverse("extranet:proposal_create")
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


def upload(name, content=PDF):
    return SimpleUploadedFile(name, content)


def proposal_data(association, *files):
    return {"body": PlenaryFactory().pk, "author_association": association.pk,
            "title": "Statuts types", "text": "Le collectif adopte les statuts joints.",
            "effect": "", "attachments": list(files)}


def download_url(attachment):
    return reverse("extranet:proposal_attachment_download",
                   kwargs={"attachment_id": attachment.pk})


def attached(name="statuts.pdf"):
    proposal = ProposalFactory(body=PlenaryFactory())
    proposal_services.attach(proposal, [upload(name)])
    return proposal.attachments.get()


def test_a_proposal_carries_a_pdf_kept_outside_the_public_media(client, representative,
                                                                association):
    client.force_login(representative)

    client.post(CREATE_URL, proposal_data(association, upload("statuts.pdf")))

    attachment = ProposalAttachment.objects.get()
    assert attachment.filename == "statuts.pdf"
    assert attachment.content_type == "application/pdf"
    assert attachment.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))


def test_a_renamed_program_is_refused_and_nothing_is_saved(client, representative,
                                                          association):
    client.force_login(representative)

    response = client.post(CREATE_URL, proposal_data(association,
                                                     upload("statuts.pdf", b"MZ\x90\x00")))

    assert "n&#x27;est pas un vrai fichier PDF" in response.text
    assert not Proposal.objects.exists()


def test_a_program_is_refused(client, representative, association):
    client.force_login(representative)

    response = client.post(CREATE_URL, proposal_data(association,
                                                     upload("outil.exe", b"MZ\x90\x00")))

    assert "ce type de fichier n&#x27;est pas accepté" in response.text
    assert not Proposal.objects.exists()


def test_more_than_five_files_are_refused(client, representative, association):
    files = [upload(f"piece-{n}.pdf") for n in range(MAX_ATTACHMENTS + 1)]
    client.force_login(representative)

    response = client.post(CREATE_URL, proposal_data(association, *files))

    assert response.status_code == 200
    assert not Proposal.objects.exists()


def test_a_member_downloads_an_attachment(client, member):
    attachment = attached()
    client.force_login(member)

    response = client.get(download_url(attachment))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_non_member_may_not_download_an_attachment(client, non_member):
    attachment = attached()
    client.force_login(non_member)

    assert client.get(download_url(attachment)).status_code == 403


def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    attachment = attached()

    response = client.get(download_url(attachment))

    assert response.status_code == 302 and "login" in response.url
