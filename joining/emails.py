"""The emails of joining, written in the language of the request (the coordinators' notice
in French): the acknowledgement, the notice to coordinators, the decision, and the note to
an address whose request was not needed (its association is a member, or has a request
pending); and, in French, the end of an adhesion, to the association's people and the
coordinators."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from extranet.accounts.models import Membership, Role
from joining.models import ALREADY_MEMBER_CODE, JoinPage
from portal.emails import absolute_url, one_line


def moderators():
    """Active people with an address who may decide: superusers, and whoever has the
    moderation permission (through a group, or given directly)."""
    codename, app_label = "moderate_joinrequest", "joining"
    return get_user_model().objects.filter(is_active=True).exclude(email="").filter(
        Q(is_superuser=True)
        | Q(groups__permissions__codename=codename,
            groups__permissions__content_type__app_label=app_label)
        | Q(user_permissions__codename=codename,
            user_permissions__content_type__app_label=app_label)
    ).distinct()


def _language(join_request):
    language = join_request.language
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _render(name, context):
    subject = one_line(render_to_string(f"joining/emails/{name}_subject.txt", context))
    body = render_to_string(f"joining/emails/{name}.txt", context)
    return subject, body


def _context(join_request):
    return {"join_request": join_request, "site_name": settings.WAGTAIL_SITE_NAME,
            "association_name": join_request.association_name}


def acknowledgement(join_request):
    with translation.override(_language(join_request)):
        subject, body = _render("acknowledgement", _context(join_request))
    return EmailMessage(subject, body, None, [join_request.email])


def already_known(email, first_name, association_name, reason, language):
    """To the address typed in the join form when nothing was recorded: `reason`,
    joining.models.ALREADY_MEMBER_CODE or ALREADY_PENDING_CODE, says why."""
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        subject, body = _render("already_known", {
            "first_name": first_name, "association_name": association_name,
            "member": reason == ALREADY_MEMBER_CODE, "site_name": settings.WAGTAIL_SITE_NAME,
        })
    return EmailMessage(subject, body, None, [email])


def coordinators_notice(join_request):
    with translation.override(settings.LANGUAGE_CODE):
        context = {**_context(join_request), "url": absolute_url(
            reverse("wagtailsnippets_joining_joinrequest:review", args=[join_request.pk]))}
        return _render("coordinators", context)


def decision(join_request):
    """The welcome of an accepted request, or the refusal and its message."""
    name = "welcome" if join_request.status == "accepted" else "declined"
    with translation.override(_language(join_request)):
        subject, body = _render(name, _context(join_request))
    return EmailMessage(subject, body, None, [join_request.email])


def coordinators():
    """Whoever coordinates the collective, with an address: the people who decide on join
    requests (`moderators`) and the extranet's coordinators."""
    acting = Membership.objects.current().filter(role=Role.COORDINATOR).values("person_id")
    return get_user_model().objects.filter(is_active=True).exclude(email="").filter(
        Q(pk__in=moderators().values("pk")) | Q(pk__in=acting)
    ).order_by("pk")


def adhesion_ended(adhesion, people, coordinating):
    """The end of an adhesion: [(subject, body, None, [address])], one to each of the
    association's people (`people`, users) and one to each coordinator (`coordinating`)."""
    join_page = JoinPage.objects.live().first()
    context = {
        "adhesion": adhesion, "association_name": adhesion.association.name,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "join_url": join_page.full_url if join_page else "",
    }
    messages = []
    with translation.override(settings.LANGUAGE_CODE):
        for template, recipients in (("adhesion_ended", people),
                                     ("adhesion_ended_coordinators", coordinating)):
            subject, body = _render(template, context)
            messages += [(subject, body, None, [person.email]) for person in recipients]
    return messages
