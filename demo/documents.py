"""The shared documents in the demo (`seed_demo`): the library's folders (two public ones,
the working groups' folders, the plenary assembly's, the coordination's), their documents as
real PDF files written now (demo/pdfs.py), the statutes in two versions, a document in the
bin, a few downloads in the journals, and the public page « Documents du collectif » under
the home page, in French and English. Text in demo/data/documents.toml. The documents are
made once: nothing is added when the library has a folder."""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from demo import content, listing_pages, pdfs
from directory.models import Association
from extranet.documents import library
from extranet.documents.models import (
    Audience,
    Document,
    DocumentEvent,
    DocumentVersion,
    EventKind,
    Folder,
    PublicDocumentsPage,
)
from extranet.governance.models import Body, BodyKind
from extranet.groups.models import WorkingGroup

BINNED_BY = "coordination"  # the demo's coordinator moves the binned document to the bin


def seed(command, home, english):
    """The library's demo content (once) and its public page."""
    page = public_page(command, home, english)
    if Folder.objects.exists():
        return page
    data = content.DOCUMENTS
    folders = make_folders(data["folders"])
    people = {user.username: user for user in get_user_model().objects.filter(
        username__in=[BINNED_BY, *(username for _title, username, _days in data["downloads"]),
                      *(entry["by"] for entry in data["documents"]),
                      *(later["by"] for entry in data["documents"]
                        for later in entry.get("versions", ()))])}
    documents = {}
    for entry in data["documents"]:
        documents[entry["title"]] = add(entry, folders[entry["folder"]], people)
    for title, username, days_ago in data["downloads"]:
        document = documents[title]
        version = document.versions.filter(uploaded_at__lte=ago(days_ago)).first()
        event = library.log(document, EventKind.DOWNLOADED, people[username], version)
        DocumentEvent.objects.filter(pk=event.pk).update(at=ago(days_ago))
    command.created += 1
    return page


def public_page(command, home, english):
    """« Documents du collectif » under the home page, and its English version."""
    return listing_pages.in_both_languages(command, PublicDocumentsPage, home, english,
                                           content.DOCUMENTS["page"], paragraph)


def paragraph(text):
    return " ".join(text.split())


def ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def make_folders(entries):
    """The root folders by name, and the working groups' subfolders as "root/group"."""
    plenary = Body.objects.filter(kind=BodyKind.PLENARY).first()
    folders = {}
    for entry in entries:
        audience = Audience(entry["audience"])
        folder = Folder(name=entry["name"], description=paragraph(entry["description"]),
                        audience=audience)
        if audience == Audience.BODY:
            folder.body_id = plenary.pk
        folder.full_clean()
        folder.save()
        folders[folder.name] = folder
        if entry.get("groups"):
            for group in WorkingGroup.objects.order_by("name"):
                subfolder = Folder.objects.create(
                    parent=folder, name=group.name, audience=Audience.GROUP, group=group,
                    description=f"Les documents du groupe « {group.name} ».")
                folders[f"{folder.name}/{group.name}"] = subfolder
    return folders


def pdf(entry, version, sections, filename, on):
    subtitle = f"Version {version}" if version > 1 else ""
    data = pdfs.document(entry["title"], content.COLLECTIVE, sections, subtitle=subtitle,
                         on=on)
    return SimpleUploadedFile(filename, data, content_type="application/pdf")


def add(entry, folder, people):
    """One document, its versions dated as the data says, binned if it says so."""
    added_at = ago(entry["days_ago"])
    document = library.add_document(
        folder=folder, title=entry["title"], description=paragraph(entry["description"]),
        tags=entry.get("tags", ()), owner_association=Association.objects.get(
            name=entry["association"]),
        upload=pdf(entry, 1, entry["sections"], entry["filename"], added_at.date()),
        by=people[entry["by"]],
    )
    date(document, 1, added_at)
    Document.objects.filter(pk=document.pk).update(created_at=added_at)
    for number, later in enumerate(entry.get("versions", ()), start=2):
        at = ago(later["days_ago"])
        library.add_version(document, pdf(entry, number, later["sections"], later["filename"],
                                          at.date()),
                            people[later["by"]], note=later["note"])
        date(document, number, at)
    if entry.get("binned"):
        library.move_to_bin(document, people[BINNED_BY])
    return document


def date(document, number, at):
    """Dates version `number` (and its journal line, and the document) back to `at`."""
    version = DocumentVersion.objects.get(document=document, number=number)
    DocumentVersion.objects.filter(pk=version.pk).update(uploaded_at=at)
    DocumentEvent.objects.filter(version=version).update(at=at)
    Document.objects.filter(pk=document.pk).update(updated_at=at)
