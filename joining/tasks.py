"""Background work of joining: every email of a join request, each written to its log once
sent, and the emails of an adhesion's end (`db_worker` in production, at once in development
and tests)."""

from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django_tasks import task

from joining.models import CollectiveMembership, JoinRequest, JoinStatus, JoinStepKind


def _request(join_request_id):
    return (JoinRequest.objects.select_related("association", "linked_association",
                                               "charter_version", "sector")
            .filter(pk=join_request_id).first())


def _sent(join_request, kind, message=""):
    from joining.services import log

    log(join_request, kind, message=message)


@task()
def acknowledge(join_request_id):
    """Tell the representative their request arrived and what comes next."""
    from joining import emails

    join_request = _request(join_request_id)
    if join_request is None or not join_request.email:
        return 0
    sent = emails.acknowledgement(join_request).send()
    _sent(join_request, JoinStepKind.ACKNOWLEDGED, join_request.email)
    return sent


@task()
def tell_already_known(email, first_name, association_name, reason, language):
    """Tell the address typed in the join form why nothing was recorded: the association is
    a member already, or a request for it waits for the coordinators' answer (the form's
    page said the same as to a new request)."""
    from joining import emails

    return emails.already_known(email, first_name, association_name, reason,
                                language).send()


@task()
def tell_coordinators(join_request_id):
    """Tell the people who decide that a request waits, with the link to review it."""
    from joining import emails

    join_request = _request(join_request_id)
    if join_request is None or join_request.status != JoinStatus.PENDING:
        return 0
    recipients = [user.email for user in emails.moderators()]
    if not recipients:
        return 0
    subject, body = emails.coordinators_notice(join_request)
    sent = send_mass_mail([(subject, body, None, [address]) for address in recipients],
                          fail_silently=False)
    _sent(join_request, JoinStepKind.COORDINATORS_NOTIFIED, ", ".join(recipients))
    return sent


@task()
def welcome(join_request_id):
    """Welcome the association that was accepted (the extranet invitation comes apart)."""
    return _send_decision(join_request_id, JoinStatus.ACCEPTED, JoinStepKind.WELCOMED)


@task()
def tell_declined(join_request_id):
    """Send the coordinators' refusal and its message to the representative."""
    return _send_decision(join_request_id, JoinStatus.DECLINED, JoinStepKind.DECLINE_SENT)


def _send_decision(join_request_id, status, step):
    """Email the decision to the representative while the request still has it (and an
    address: erased requests have none), and log that it left."""
    from joining import emails

    join_request = _request(join_request_id)
    if join_request is None or join_request.status != status or not join_request.email:
        return 0
    sent = emails.decision(join_request).send()
    _sent(join_request, step, join_request.email)
    return sent


@task()
def tell_adhesion_ended(adhesion_id, person_ids):
    """Tell the association's people (`person_ids`, whose memberships ended with the
    adhesion) and the coordinators that the adhesion ends, when and why."""
    from joining import emails

    adhesion = (CollectiveMembership.objects.select_related("association", "decision", "ended_by")
                .filter(pk=adhesion_id, ends_on__isnull=False).first())
    if adhesion is None:
        return 0
    people = list(get_user_model().objects.filter(pk__in=person_ids, is_active=True)
                  .exclude(email="").order_by("pk"))
    coordinating = [person for person in emails.coordinators()
                    if person.pk not in set(person_ids)]
    messages = emails.adhesion_ended(adhesion, people, coordinating)
    return send_mass_mail(messages, fail_silently=False) if messages else 0
