from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from extranet.accounts import services
from extranet.accounts.forms import (
    AcceptInvitationForm,
    InvitationForm,
    MembershipChangeForm,
    ProfileForm,
)
from extranet.accounts.models import Invitation, Membership, Profile, RoleChange
from extranet.accounts.permissions import forget, is_coordinator, member_required

RECENT_INVITATIONS = 50
MEMBERSHIPS_PER_PAGE = 50
RECENT_ROLE_CHANGES = 20


@member_required
def profile(request):
    """My names, phone, and what other members may see of them."""
    instance = Profile.objects.filter(person=request.user).first() or Profile(person=request.user)
    form = ProfileForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, _("Votre profil est enregistré."))
        return redirect("extranet:profile")
    return render(request, "extranet/profile.html", {"form": form})


@member_required
def invitations(request):
    """Coordinators invite people to act for an association, and see what became of it."""
    if not is_coordinator(request.user):
        raise PermissionDenied
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invitation = services.invite(form.cleaned_data["email"], form.cleaned_data["association"],
                                     form.cleaned_data["role"], by=request.user, request=request)
        messages.success(request, _("Invitation envoyée à %(email)s.")
                         % {"email": invitation.email})
        return redirect("extranet:invitations")
    recent = Invitation.objects.select_related("association", "invited_by")[:RECENT_INVITATIONS]
    return render(request, "extranet/invitations.html", {"form": form, "invitations": recent})


@member_required
@require_POST
def invitation_revoke(request, invitation_id):
    """A coordinator cancels an invitation still open; its link stops working."""
    if not is_coordinator(request.user):
        raise PermissionDenied
    invitation = get_object_or_404(Invitation, pk=invitation_id)
    try:
        services.revoke_invitation(invitation, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("L'invitation de %(email)s est annulée : son lien ne "
                                    "sert plus.") % {"email": invitation.email})
    return redirect("extranet:invitations")


@member_required
def memberships(request):
    """Coordinators see who acts for which association today, and the latest changes."""
    if not is_coordinator(request.user):
        raise PermissionDenied
    current = Membership.objects.current().select_related("person", "association").order_by(
        "association__name", "role", "person__last_name", "pk"
    )
    page = Paginator(current, MEMBERSHIPS_PER_PAGE).get_page(request.GET.get("page"))
    changes = RoleChange.objects.select_related(
        "membership__person", "membership__association", "changed_by"
    )[:RECENT_ROLE_CHANGES]
    return render(request, "extranet/memberships.html", {"page": page, "changes": changes})


@member_required
def membership_edit(request, membership_id):
    """A coordinator changes a person's role or ends their membership."""
    if not is_coordinator(request.user):
        raise PermissionDenied
    membership = get_object_or_404(
        Membership.objects.current().select_related("person", "association"), pk=membership_id
    )
    form = MembershipChangeForm(request.POST or None, membership=membership)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_membership(membership, form.cleaned_data["role"],
                                       form.cleaned_data["ends_on"], by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            forget(request.user)
            messages.success(request, _("Le rattachement de %(person)s est enregistré.")
                             % {"person": membership.person_name})
            return redirect("extranet:memberships")
    return render(request, "extranet/membership_form.html",
                  {"form": form, "membership": membership})


def invitation(request, token):
    """The page an invitation's link opens: make the account (or sign in) and accept."""
    invitation = services.invitation_from_token(token)
    if invitation is None:
        raise Http404
    context = {"invitation": invitation}
    if invitation.state != "open":
        return render(request, "extranet/invitation.html", {**context, "closed": True},
                      status=410)
    User = get_user_model()
    if request.user.is_authenticated:
        if request.user.email.lower() != invitation.email:
            return render(request, "extranet/invitation.html", {**context, "other_user": True})
        if request.method == "POST":
            return _accepted(request, invitation, lambda: request.user)
        return render(request, "extranet/invitation.html", {**context, "confirm": True})
    if User.objects.filter(email__iexact=invitation.email).exists():
        return render(request, "extranet/invitation.html", {**context, "sign_in": True})
    form = AcceptInvitationForm(request.POST or None, email=invitation.email,
                                initial={"first_name": invitation.first_name,
                                         "last_name": invitation.last_name})
    if request.method == "POST" and form.is_valid():

        return _accepted(request, invitation, lambda: services.create_invited_person(
            invitation, form.cleaned_data["first_name"], form.cleaned_data["last_name"],
            form.cleaned_data["password1"],
        ))
    return render(request, "extranet/invitation.html", {**context, "form": form})


def _accepted(request, invitation, person_of):
    """Accept for the person `person_of()` gives (made in the same transaction: a refusal
    leaves no account behind), sign them in, and welcome them."""
    try:
        with transaction.atomic():
            person = person_of()
            services.accept_invitation(invitation, person)
    except ValidationError as error:
        return render(request, "extranet/invitation.html",
                      {"invitation": invitation, "refused": error.messages}, status=409)
    if not request.user.is_authenticated:
        login(request, person, backend="extranet.accounts.backends.EmailBackend")
    messages.success(request, _("Bienvenue ! Vous agissez désormais pour %(association)s.")
                     % {"association": invitation.association})
    return redirect("extranet:home")
