"""What the library holds on people, and its export (registered in portal.personal_data by
extranet.documents.apps).

A document belongs to its association: it stays when the person who added it leaves, and
the person's name goes with their account (the accounts' erasure closes it, and the
versions then show an anonymous person). What the library says of a person is exported:
the versions they added and the journal's lines about them (downloads, bins, restores).
"""

from extranet.documents.models import DocumentEvent, DocumentVersion
from portal.personal_data import iso_datetime, people


def export(email):
    persons = people(email)
    versions = DocumentVersion.objects.filter(uploaded_by__in=persons).select_related(
        "document").order_by("uploaded_at", "pk")
    events = DocumentEvent.objects.filter(person__in=persons).select_related(
        "document").order_by("at", "pk")
    return [
        {"document": version.document.title, "version": version.number,
         "file": version.filename, "uploaded_at": iso_datetime(version.uploaded_at)}
        for version in versions
    ] + [
        {"document": event.document.title, "action": event.kind, "at": iso_datetime(event.at)}
        for event in events
    ]
