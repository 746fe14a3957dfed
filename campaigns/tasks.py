"""Background work of the campaigns: the confirmation emails of signatures (in batches), the
email to an address that signed again once confirmed, and the letters the site sends to
officials, sent outside the request (`db_worker` in production)."""

from django.utils import timezone
from django_tasks import task

from campaigns.models import Letter, LetterStatus


@task()
def send_confirmations():
    """Send the confirmation emails waiting (campaigns.confirmations); queued again in a
    minute when the mail server fails."""
    from campaigns import confirmations

    try:
        return confirmations.send_waiting()
    except Exception:
        confirmations.retry_later()
        raise


@task()
def send_already_signed(signature_id, language):
    """Tell the owner of an address that signed again that their confirmed signature counts
    already and that nothing changed (the page said the same as to a first signer)."""
    from campaigns.emails import already_signed_email
    from campaigns.models import Signature

    signature = Signature.objects.select_related("campaign").filter(
        pk=signature_id, confirmed_at__isnull=False, erased_at__isnull=True,
    ).exclude(email="").first()
    if signature is None:
        return 0
    return already_signed_email(signature, language).send()


@task()
def send_letter(letter_id):
    """Send a letter to its official (once: a sent letter is not sent again)."""
    from campaigns.emails import letter_email

    letter = Letter.objects.select_related("official", "signature").filter(pk=letter_id).first()
    if letter is None or letter.status == LetterStatus.SENT or letter.signature.erased_at:
        return 0
    try:
        sent = letter_email(letter).send()
    except Exception:
        Letter.objects.filter(pk=letter.pk).update(status=LetterStatus.FAILED)
        raise
    Letter.objects.filter(pk=letter.pk).update(status=LetterStatus.SENT, sent_at=timezone.now())
    return sent
