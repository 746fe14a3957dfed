"""What the site holds on a person, found by their email address (GDPR rights of access and
of erasure): each app declares it here, so that `manage.py export_personal_data` and
`manage.py erase_personal_data` reach every app without knowing them.

An app registers in its `AppConfig.ready()`:

    personal_data.register("campaigns", label=_("…"), export=export, erase=erase)

- `export(email)` returns the records held on that address, as a list of JSON-able dicts
  (empty when there is none);
- `erase(email, now)` erases them and returns how many records it changed. It runs inside the
  command's transaction and does nothing the second time (what it erased no longer carries
  the address). `None`: the app erases nothing itself;
- `notice(email)`, optional, returns what the person running the command must know (what
  is left, and who has to act), or "".

Every function matches the address whatever its case.

The models whose records hold personal data are declared too, in the same `ready()`:

    personal_data.register_models(Signature, Letter)

The admin lets nobody see their records without a permission on the model, whatever the
screen (listings, choosers, exports, wagtail-localize's API: see portal/admin_privacy.py), and
tests/portal/test_admin_personal_data.py tries every admin route on each of them.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone


@dataclass(frozen=True)
class Holder:
    name: str
    label: str
    export: Callable
    erase: Callable | None = None
    notice: Callable | None = None


_holders = {}
_models = []


def register(name, *, export, erase=None, label=None, notice=None):
    """Declare what the app `name` holds on an email address (registering again replaces)."""
    _holders[name] = Holder(name=name, label=label or name, export=export, erase=erase,
                            notice=notice)


def holders():
    """The registered apps, in the order they registered (that of INSTALLED_APPS)."""
    return list(_holders.values())


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
    with transaction.atomic():
        return {holder.name: holder.erase(email, now) if holder.erase else None
                for holder in holders()}


def notices(email):
    """{app name: what the person running the command must know} for the apps that say so."""
    email = email.strip()
    found = {}
    for holder in holders():
        text = holder.notice(email) if holder.notice else ""
        if text:
            found[holder.name] = text
    return found


def moment(value):
    """A date and time of an export, in Paris time (ISO 8601), or None."""
    return timezone.localtime(value).isoformat() if value else None
