"""Background work of the directory: the emails of the moderation of proposed changes."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from portal.emails import absolute_url, one_line


def reviewers():
    """Active people who may accept a change: superusers, and whoever has the right to change
    associations (the coordinators' group, or given directly)."""
    return get_user_model().objects.filter(is_active=True).exclude(email="").filter(
        Q(is_superuser=True)
        | Q(groups__permissions__codename="change_association",
            groups__permissions__content_type__app_label="directory")
        | Q(user_permissions__codename="change_association",
            user_permissions__content_type__app_label="directory")
    ).distinct()


@task()
def tell_editors_of_a_proposal(change_request_id):
    from directory.models import AssociationChangeRequest

    change_request = AssociationChangeRequest.objects.select_related(
        "association", "submitted_by"
    ).filter(pk=change_request_id, status=AssociationChangeRequest.Status.PENDING).first()
    if change_request is None:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        review_path = reverse(
            "wagtailsnippets_directory_associationchangerequest:review",
            args=[change_request.pk],
        )
        context = {"request": change_request, "url": absolute_url(review_path)}
        subject = one_line(render_to_string("directory/emails/proposal_subject.txt", context))
        body = render_to_string("directory/emails/proposal.txt", context)
    messages = [(subject, body, None, [user.email]) for user in reviewers()]
    return send_mass_mail(messages, fail_silently=False)


@task()
def tell_the_association_of_the_decision(change_request_id):
    from directory.models import AssociationChangeRequest

    change_request = AssociationChangeRequest.objects.select_related(
        "association", "submitted_by"
    ).get(pk=change_request_id)
    person = change_request.submitted_by
    if person is None or not person.email:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {"request": change_request, "approved": change_request.status == "approved"}
        subject = one_line(render_to_string("directory/emails/decision_subject.txt", context))
        body = render_to_string("directory/emails/decision.txt", context)
    return send_mass_mail([(subject, body, None, [person.email])], fail_silently=False)
