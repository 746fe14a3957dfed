"""The extranet's shell: its home page, and the association pages it links to."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

from directory.models import Association
from extranet.permissions import can_edit_association, current_memberships, member_required


@member_required
def home(request):
    """My associations, my role in each, what I may do there."""
    memberships = [
        (membership, can_edit_association(request.user, membership.association))
        for membership in current_memberships(request.user)
    ]
    return render(request, "extranet/home.html", {"memberships": memberships})


@member_required
def association_edit(request, slug):
    """The form to change an association's public record (placeholder: coming next)."""
    association = get_object_or_404(Association, slug=slug)
    if not can_edit_association(request.user, association):
        raise PermissionDenied
    return render(request, "extranet/association_edit.html", {"association": association})
