"""Background work of the events: the emails of the registrations, sent outside the request
(`db_worker` in production), once the registration's transaction is committed."""

from django_tasks import task

from events.models import Registration, RegistrationStatus


@task()
def send_registration_email(registration_id, kind):
    """Send the confirmation or promotion email of a registration, unless it was cancelled
    or erased (or, for a promotion, is no longer confirmed) before the email left."""
    from events.emails import registration_email

    registration = Registration.objects.select_related(
        "event", "event__venue", "event__venue__commune"
    ).filter(pk=registration_id).first()
    if (registration is None or registration.erased_at
            or registration.status == RegistrationStatus.CANCELLED):
        return 0
    if kind == "promoted" and registration.status != RegistrationStatus.CONFIRMED:
        return 0
    return registration_email(registration, kind).send()
