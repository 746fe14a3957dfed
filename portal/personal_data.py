"""What the site holds on a person, found by their email address (GDPR rights of access and
of erasure), and how long it keeps it: each app declares it here, so that
`manage.py export_personal_data`, `manage.py erase_personal_data`, `manage.py
purge_personal_data` and the public page /donnees-personnelles/ reach every app without
knowing them.

An app registers in its `AppConfig.ready()`:

    personal_data.register("campaigns", label=_("…"), export=export, erase=erase,
                           retention=[Retention(...)])

- `export(email)` returns the records held on that address, as a list of JSON-able dicts
  (empty when there is none);
- `erase(email, now)` erases them and returns how many records it changed. It runs inside the
  command's transaction and does nothing the second time (what it erased no longer carries
  the address). `None`: the app erases nothing itself;
- `notice(email)`, optional, returns what the person running the command must know (what
  is left, and who has to act), or "";
- `retention`: the retention periods of what the app holds, one `Retention` per kind, each
  read from a setting (a number of days); `purge_personal_data` applies them all;
- `erase_last`: the app's `erase` runs after the others' (the accounts: once an account is
  anonymised, the others would no longer find it by its address).

Every function matches the address whatever its case.

The models whose records hold personal data are declared too, in the same `ready()`:

    personal_data.register_models(Signature, Letter)

The admin lets nobody see their records without a permission on the model, whatever the
screen (listings, choosers, exports, wagtail-localize's API: see portal/admin_privacy.py), and
tests/portal/test_admin_personal_data.py tries every admin route on each of them.
"""

import datetime
import json
from collections.abc import Callable
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.utils import timezone


@dataclass(frozen=True)
class Retention:
    """How long one kind of personal data is kept, and what happens then.

    - `setting`: the name of the setting holding the number of days;
    - `label`: the kind, for the purge's report ("Signatures non confirmées");
    - `outcome`: what the purge does to it ("supprimées", "anonymisées");
    - `expired(now, days)`: a queryset of the records past their period;
    - `purge(queryset, now)`: applies the outcome to them, returns how many it changed.
    """

    setting: str
    label: str
    outcome: str
    expired: Callable
    purge: Callable

    @property
    def days(self):
        return getattr(settings, self.setting)

    def cutoff(self, now):
        return now - datetime.timedelta(days=self.days)


def delete_records(records, now):
    """The `purge` of a kind whose records go entirely: deletes them, returns how many of
    them (not counting what was deleted with them)."""
    return records.delete()[1].get(records.model._meta.label, 0)


@dataclass(frozen=True)
class Holder:
    name: str
    label: str
    export: Callable
    erase: Callable | None = None
    notice: Callable | None = None
    retention: tuple = field(default=())
    erase_last: bool = False


_holders = {}
_other_retentions = []
_models = []


def register(name, *, export, erase=None, label=None, notice=None, retention=(),
             erase_last=False):
    """Declare what the app `name` holds on an email address (registering again replaces)."""
    _holders[name] = Holder(name=name, label=label or name, export=export, erase=erase,
                            notice=notice, retention=tuple(retention), erase_last=erase_last)


def holders():
    """The registered apps, in the order they registered (that of INSTALLED_APPS)."""
    return list(_holders.values())


def register_retention(*retentions):
    """Declare retention periods of records that name nobody by address (the fingerprints of
    used links), for `purge_personal_data` only."""
    _other_retentions.extend(retention for retention in retentions
                             if retention not in _other_retentions)


def retentions():
    """Every registered retention period, app by app."""
    return [retention for holder in holders() for retention in holder.retention] + list(
        _other_retentions)


def purge(now=None, dry_run=False):
    """Apply every retention period, all or nothing: [(Retention, count)], the count of
    records past their period (changed, unless `dry_run`)."""
    now = now or timezone.now()
    done = []
    with transaction.atomic():
        for retention in retentions():
            expired = retention.expired(now, retention.days)
            count = expired.count() if dry_run else retention.purge(expired, now)
            done.append((retention, count))
    return done


def people(email):
    """The user accounts whose address, or one of whose other addresses, is `email`."""
    return get_user_model().objects.filter(
        Q(email__iexact=email)
        | Q(pk__in=EmailAddress.objects.filter(email__iexact=email).values("user_id"))
    ).order_by("pk")
def register_models(*models):
    """Declare models whose records hold personal data (declaring again changes nothing)."""
    for model in models:
        if model not in _models:
            _models.append(model)


def models():
    """The models declared as holding personal data."""
    return list(_models)


def holds_personal_data(model):
    return model in _models


def checked_address(value):
    """`value` without its surrounding spaces; ValidationError unless it is an address."""
    email = (value or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(f"« {value} » n'est pas une adresse électronique.") from None
    return email


def export(email):
    """{app name: list of records} for every registered app."""
    email = email.strip()
    return {holder.name: holder.export(email) for holder in holders()}


def erase(email, now=None):
    """Erase the address everywhere, all or nothing: {app name: records changed, or None for
    an app that erases nothing itself}."""
    email = email.strip()
    now = now or timezone.now()
    ordered = sorted(holders(), key=lambda holder: holder.erase_last)
    with transaction.atomic():
        erased = {holder.name: holder.erase(email, now) if holder.erase else None
                  for holder in ordered}
    return {holder.name: erased[holder.name] for holder in holders()}


def export_document(email, found=None):
    """What the export of `email` holds (`manage.py export_personal_data`, the emailed export
    of /donnees-personnelles/): {"email", "exported_at", "data": {app: {"label", "records"}}};
    `found`, what `export(email)` returned, when the caller has it already."""
    found = export(email) if found is None else found
    return {
        "email": email,
        "exported_at": iso_datetime(timezone.now()),
        "data": {
            holder.name: {"label": str(holder.label), "records": found[holder.name]}
            for holder in holders()
        },
    }


def export_json(email, found=None):
    """The export of `email` as JSON text (UTF-8, indented)."""
    return json.dumps(export_document(email, found), cls=DjangoJSONEncoder, ensure_ascii=False,
                      indent=2)


def notices(email):
    """{app name: what the person running the command must know} for the apps that say so."""
    email = email.strip()
    found = {}
    for holder in holders():
        text = holder.notice(email) if holder.notice else ""
        if text:
            found[holder.name] = text
    return found


def iso_datetime(value):
    """A date and time of an export, in Paris time (ISO 8601), or None."""
    return timezone.localtime(value).isoformat() if value else None
