"""The extranet's shell: its home page, and the association pages it links to."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from directory import moderation
from directory.forms import AssociationChangeForm
from directory.models import Association, AssociationChangeRequest
from extranet import dashboard, member_directory
from extranet.impact import years
from extranet.permissions import can_edit_association, current_memberships, member_required

MEMBERS_PER_PAGE = 20


@member_required
def home(request):
    """My associations and my role in each, my tasks, the votes waiting for my association,
    the news of the network and of my groups, the next meetings, the latest documents, the
    reports and dues still expected of my associations, the latest mutual aid posts."""
    memberships = [
        (membership, can_edit_association(request.user, membership.association))
        for membership in current_memberships(request.user)
    ]
    return render(request, "extranet/home.html", {
        "memberships": memberships,
        "tasks": dashboard.my_tasks(request.user),
        "news": dashboard.news_for(request.user),
        "meetings": dashboard.next_meetings(request.user),
        "votes_waiting": dashboard.votes_waiting(request.user),
        "recent_documents": dashboard.recent_documents(request.user),
        "impact_waiting": dashboard.impact_reports_waiting(request.user),
        "impact_year": years.open_year(),
        "impact_due": years.due_date(years.open_year()),
        "dues_unpaid": dashboard.dues_unpaid(request.user),
        "dues_year": timezone.localdate().year,
        "aid_posts": dashboard.latest_aid_posts(),
    })


@member_required
def members(request):
    """The members' directory: member associations, their part in the network, their people
    (with the contact details each chose to show), searchable."""
    query = request.GET.get("q", "").strip()[:100]
    found = member_directory.search(member_directory.entries(), query)
    page = Paginator(found, MEMBERS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "extranet/members.html", {
        "page": page, "query": query, "query_string": urlencode({"q": query}) if query else "",
    })


@member_required
def association_edit(request, slug):
    """Propose changes to the association's public record; an editor publishes them
    (directory.moderation). The form starts from the pending proposal, if any."""
    association = get_object_or_404(Association, slug=slug)
    if not can_edit_association(request.user, association):
        raise PermissionDenied
    draft = moderation.draft_for(association)
    if request.method == "POST" and "withdraw" in request.POST and draft.pk:
        try:
            moderation.withdraw(draft, request.user)
        except ValidationError:
            messages.error(request, _("Cette proposition a déjà été relue."))
        else:
            messages.success(request, _("Votre proposition est retirée ; la fiche publique "
                                        "reste comme elle était."))
        return redirect("extranet:association_edit", slug=association.slug)
    form = AssociationChangeForm(request.POST or None, request.FILES or None, instance=draft)
    if request.method == "POST" and form.is_valid():
        seen = moderation.seen_values(association, request.POST.get("seen"))
        try:
            moderation.submit(form.instance, request.user, seen=seen)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Merci ! Vos modifications sont envoyées à l'équipe "
                                        "éditoriale : elles paraîtront sur le site une fois "
                                        "relues. Vous recevrez un courriel."))
            return redirect("extranet:association_edit", slug=association.slug)
    recent = association.change_requests.exclude(
        status=AssociationChangeRequest.Status.PENDING
    ).select_related("reviewed_by")[:5]
    return render(request, "extranet/association_edit.html", {
        "association": association,
        "form": form,
        "pending": draft if draft.pk else None,
        "seen": request.POST.get("seen") or moderation.seen_token(association),
        "recent": recent,
    })
