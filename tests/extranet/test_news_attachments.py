"""Files joined to posts: only documents and images we know, checked by their content and
not only their name, within limits; served to members only, as downloads."""

import io
import zipfile

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from extranet.news import attachments, services
from extranet.news.models import Attachment, Post
from tests.factories import PostFactory

pytestmark = pytest.mark.django_db

CREATE_URL = reverse("extranet:post_create")
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def zipped(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


ODT = zipped({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<a/>"})
DOCX = zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})


def upload(name, content):
    return SimpleUploadedFile(name, content)


def post_data(speaking_for, *files):
    return {"title": "Compte rendu de la réunion", "body": "Le compte rendu est joint.",
            "category": "", "group": "", "association": speaking_for.pk,
            "attachments": list(files)}


def download_url(attachment):
    return reverse("extranet:attachment_download", kwargs={"attachment_id": attachment.pk})


def attached(post, name="compte-rendu.pdf", content=PDF):
    services.attach(post, [upload(name, content)])
    return post.attachments.get(filename=name)


@pytest.mark.parametrize(("name", "content", "content_type"), [
    ("compte-rendu.pdf", PDF, "application/pdf"),
    ("affiche.PNG", PNG, "image/png"),
    ("photo.jpeg", JPEG, "image/jpeg"),
    ("ordre-du-jour.odt", ODT, "application/vnd.oasis.opendocument.text"),
    ("budget.docx", DOCX,
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("adresses.csv", "nom;commune\nÉpicerie solidaire;Chelles\n".encode(),
     "text/csv; charset=utf-8"),
])
def test_a_post_carries_an_accepted_file(client, member, association, name, content,
                                         content_type):
    client.force_login(member)

    response = client.post(CREATE_URL, post_data(association, upload(name, content)))

    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert (attachment.filename, attachment.content_type) == (name, content_type)
    assert attachment.size == len(content)
    assert attachment.file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))


def test_the_stored_file_has_a_name_nobody_can_guess(client, member, association):
    client.force_login(member)

    client.post(CREATE_URL, post_data(association, upload("compte-rendu.pdf", PDF)))

    assert "compte-rendu" not in Attachment.objects.get().file.name


def test_a_program_is_refused(client, member, association):
    client.force_login(member)

    response = client.post(CREATE_URL, post_data(association, upload("outil.exe", b"MZ\x90")))

    assert response.status_code == 200
    assert "ce type de fichier n&#x27;est pas accepté" in response.text
    assert not Post.objects.exists()


def test_a_file_named_pdf_that_is_not_a_pdf_is_refused_and_the_form_stays_filled(
    client, member, association
):
    client.force_login(member)

    response = client.post(CREATE_URL, post_data(association, upload("facture.pdf", b"MZ\x90")))

    assert "« facture.pdf » n&#x27;est pas un vrai fichier PDF" in response.text
    assert 'value="Compte rendu de la réunion"' in response.text
    assert "Le compte rendu est joint." in response.text
    assert not Post.objects.exists()


@pytest.mark.parametrize(("name", "content"), [
    ("notes.txt", "Café".encode("latin-1")),
    ("notes.txt", b"du texte\x00et un octet nul"),
    ("budget.docx", zipped({"autre/chose.xml": "<a/>"})),
    ("ordre-du-jour.odt", zipped({"mimetype": "application/zip"})),
    ("tableau.xlsx", PDF),
])
def test_a_file_whose_content_does_not_match_its_extension_is_refused(client, member,
                                                                       association, name,
                                                                       content):
    client.force_login(member)

    response = client.post(CREATE_URL, post_data(association, upload(name, content)))

    assert "n&#x27;est pas un vrai fichier" in response.text
    assert not Attachment.objects.exists()


def test_a_file_over_the_size_limit_is_refused(client, member, association):
    heavy = upload("rapport.pdf", b"%PDF-" + b"0" * attachments.MAX_ATTACHMENT_BYTES)
    client.force_login(member)

    response = client.post(CREATE_URL, post_data(association, heavy))

    assert "pèse 10,1 Mo, plus que les 10 Mo acceptés" in response.text
    assert not Post.objects.exists()


def test_more_files_than_the_limit_are_refused(client, member, association):
    files = [upload(f"piece-{n}.pdf", PDF) for n in range(attachments.MAX_ATTACHMENTS + 1)]
    client.force_login(member)

    response = client.post(CREATE_URL, post_data(association, *files))

    assert "Une actualité porte au plus 5 pièces jointes." in response.text
    assert not Post.objects.exists()


def test_files_added_when_editing_count_with_those_already_there(client, member, association):
    post = PostFactory(author=member, association=association)
    for n in range(attachments.MAX_ATTACHMENTS):
        attached(post, f"piece-{n}.pdf")
    client.force_login(member)

    response = client.post(reverse("extranet:post_edit", kwargs={"post_id": post.pk}),
                           post_data(association, upload("une-de-trop.pdf", PDF)))

    assert response.status_code == 200
    assert post.attachments.count() == attachments.MAX_ATTACHMENTS


def test_the_author_adds_a_file_when_editing(client, member, association):
    post = PostFactory(author=member, association=association)
    client.force_login(member)

    client.post(reverse("extranet:post_edit", kwargs={"post_id": post.pk}),
                post_data(association, upload("annexe.pdf", PDF)))

    assert [a.filename for a in post.attachments.all()] == ["annexe.pdf"]


def test_a_member_downloads_an_attachment_under_its_own_name(client, member):
    attachment = attached(PostFactory(), "Compte rendu été.pdf")
    client.force_login(member)

    response = client.get(download_url(attachment))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''Compte%20rendu%20%C3%A9t%C3%A9.pdf" in response["Content-Disposition"]


def test_the_post_links_to_its_attachments(client, member):
    attachment = attached(PostFactory())
    client.force_login(member)

    response = client.get(attachment.post.get_absolute_url())

    assert download_url(attachment) in response.text


def test_a_non_member_cannot_download_an_attachment(client, non_member):
    attachment = attached(PostFactory())
    client.force_login(non_member)

    assert client.get(download_url(attachment)).status_code == 403


def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    attachment = attached(PostFactory())

    response = client.get(download_url(attachment))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_the_attachment_of_a_withdrawn_post_is_not_found(client, member):
    post = PostFactory()
    attachment = attached(post)
    services.withdraw_post(post, by=post.author)
    client.force_login(member)

    assert client.get(download_url(attachment)).status_code == 404


def test_an_attachment_whose_file_is_missing_is_not_found(client, member):
    attachment = attached(PostFactory())
    attachment.file.delete(save=False)
    client.force_login(member)

    assert client.get(download_url(attachment)).status_code == 404


def test_a_control_character_in_a_name_is_dropped():
    post = PostFactory()

    services.attach(post, [upload("compte\nrendu.pdf", PDF)])

    assert post.attachments.get().filename == "compterendu.pdf"

