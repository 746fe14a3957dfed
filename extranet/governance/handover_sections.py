"""The sections of the handover list that the governance fills itself from the parts below
it (registered in extranet/governance/apps.py): the working groups' open tasks, late ones
first; the invitations not yet accepted; the associations' changes waiting for review; the
documents kept for the coordination and those waiting in the bin."""

from django.db.models import Case, F, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from directory.models import AssociationChangeRequest
from extranet.accounts.models import Invitation
from extranet.documents.models import Audience, Document
from extranet.governance.handover import LIMIT
from extranet.groups.models import Task
from portal import dates


def open_tasks():
    today = timezone.localdate()
    tasks = Task.objects.open()
    late_first = tasks.select_related("group", "responsible_association").order_by(
        Case(When(due_on__lt=today, then=Value(0)), default=Value(1)),
        F("due_on").asc(nulls_last=True), "pk",
    )[:LIMIT]
    return tasks.count(), [(_task_title(task, today), reverse("extranet:task_edit",
                                                              args=[task.pk]))
                           for task in late_first]


def _task_title(task, today):
    values = {"task": task.title, "group": task.group.name,
              "association": task.responsible_association.name}
    if task.due_on and task.due_on < today:
        values["date"] = dates.long_date(task.due_on)
        return _("%(task)s (%(group)s, %(association)s) : en retard, échéance le "
                 "%(date)s") % values
    if task.due_on:
        values["date"] = dates.long_date(task.due_on)
        return _("%(task)s (%(group)s, %(association)s) : échéance le %(date)s") % values
    return _("%(task)s (%(group)s, %(association)s)") % values


def pending_invitations():
    invitations = Invitation.objects.open()
    url = reverse("extranet:invitations")
    listed = invitations.select_related("association").order_by("expires_at", "pk")[:LIMIT]
    return invitations.count(), [
        (_("%(email)s pour %(association)s, valable jusqu'au %(date)s") % {
            "email": invitation.email, "association": invitation.association.name,
            "date": dates.long_date(timezone.localdate(invitation.expires_at)),
        }, url)
        for invitation in listed
    ]


def pending_change_requests():
    pending = AssociationChangeRequest.objects.filter(
        status=AssociationChangeRequest.Status.PENDING)
    listed = pending.select_related("association").order_by("submitted_at", "pk")[:LIMIT]
    return pending.count(), [
        (_("Fiche de %(association)s, proposée le %(date)s") % {
            "association": change.association.name,
            "date": dates.long_date(timezone.localdate(change.submitted_at)),
        }, reverse("wagtailsnippets_directory_associationchangerequest:review",
                   args=[change.pk]))
        for change in listed
    ]


def coordination_documents():
    """The documents of the folders kept for the coordinators, the latest first."""
    documents = Document.objects.live().filter(folder__audience=Audience.COORDINATORS)
    listed = documents.select_related("folder").order_by("-updated_at", "-pk")[:LIMIT]
    return documents.count(), [
        (_("%(title)s (%(folder)s)") % {"title": document.title, "folder": document.folder.name},
         reverse("extranet:document_detail", args=[document.pk]))
        for document in listed
    ]


def binned_documents():
    """The documents in the bin, the first to be purged first: restore them or let them go."""
    documents = Document.objects.in_bin()
    listed = documents.order_by("deleted_at", "pk")[:LIMIT]
    url = reverse("extranet:document_bin_list")
    return documents.count(), [
        (_("%(title)s : supprimé le %(date)s") % {
            "title": document.title, "date": dates.long_date(document.purge_on())}, url)
        for document in listed
    ]
