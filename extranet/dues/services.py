"""Declaring the dues of a year (the association's annual budget, which the year's scale
turns into an amount), and what the associations' dues page reads: each association's dues
of the year and of the years before, and the year's scale written out in words.

A declared dues may be declared again while it is unpaid (the budget corrected, the amount
computed again); a paid one keeps its budget and amount. The representative of the
association or a coordinator declares (`may_declare`)."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from extranet.accounts.permissions import (
    association_ids,
    can_edit_association,
    current_memberships,
)
from extranet.dues.models import Dues, DuesScale


def current_year():
    """The year whose dues are called now: the calendar year (Paris date)."""
    return timezone.localdate().year


def call_date(year):
    """The day of `year` from which its dues are called (and reminded): DUES_CALL_DATE."""
    month, day = (int(part) for part in settings.DUES_CALL_DATE.split("-"))
    return datetime.date(year, month, day)


def may_declare(user, association):
    """The association's representative today, or a coordinator."""
    return can_edit_association(user, association)


def declare(association, year, budget, by=None):
    """The dues of `association` for `year`, made (or made again while unpaid) from its
    annual `budget` with the year's scale. Raises ValidationError without a scale for the
    year, or when the dues is paid already."""
    scale = DuesScale.for_year(year)
    if scale is None:
        raise ValidationError(_("Aucun barème des cotisations n'est fixé pour %(year)s : la "
                                "coordination doit d'abord le saisir.") % {"year": year})
    amount = scale.amount_for(budget)
    with transaction.atomic():
        dues = (Dues.objects.select_for_update()
                .filter(association=association, year=year).first())
        if dues is None:
            return _create(association, year, budget, amount, by)
        if dues.is_paid:
            raise ValidationError(_("La cotisation %(year)s est déjà payée : son budget ne "
                                    "change plus.") % {"year": year})
        dues.budget, dues.amount = budget, amount
        dues.declared_at, dues.declared_by = timezone.now(), by
        dues.save(update_fields=["budget", "amount", "declared_at", "declared_by"])
    return dues


def _create(association, year, budget, amount, by):
    """The new dues; refused when somebody declared the same at the same instant."""
    try:
        with transaction.atomic():
            return Dues.objects.create(association=association, year=year, budget=budget,
                                       amount=amount, declared_by=by)
    except IntegrityError:
        raise ValidationError(_("Le budget vient d'être déclaré par une autre personne : "
                                "rechargez la page.")) from None


def associations_with_dues(user, year):
    """[(association, its dues of `year` or None, its dues of the years before, newest
    first, whether the user may declare)] for every association the user acts for today
    (one query besides the memberships)."""
    by_association = {}
    for dues in Dues.objects.filter(association_id__in=association_ids(user), year__lte=year):
        by_association.setdefault(dues.association_id, []).append(dues)
    rows = []
    for membership in current_memberships(user):
        all_dues = sorted(by_association.get(membership.association_id, []),
                          key=lambda dues: -dues.year)
        this_year = next((dues for dues in all_dues if dues.year == year), None)
        rows.append((membership.association, this_year,
                     [dues for dues in all_dues if dues.year != year],
                     may_declare(user, membership.association)))
    return rows


def unpaid_for(user, today=None):
    """The member associations the person acts for whose dues of the year are not paid,
    once the year's dues are called (DUES_CALL_DATE); one query besides the memberships."""
    today = today or timezone.localdate()
    if today < call_date(today.year):
        return []
    paid = set(Dues.objects.paid().filter(association_id__in=association_ids(user),
                                          year=today.year)
               .values_list("association_id", flat=True))
    return [m.association for m in current_memberships(user)
            if m.association.is_member and m.association.dissolved_on is None
            and m.association_id not in paid]


def euros(value):
    """An amount in euros as a French reader writes it: 10 000 €, 12,50 €."""
    decimals = 0 if value == int(value) else 2
    return _("%(amount)s €") % {"amount": formats.number_format(
        value, decimal_pos=decimals, use_l10n=True, force_grouping=True)}


def scale_rows(scale):
    """[(the bracket's budgets in words, its amount)] of `scale`, lowest first: « moins de
    10 000 € », « de 10 000 € à moins de 50 000 € », « 50 000 € et plus »."""
    brackets = scale.ordered_brackets()
    rows = []
    for index, bracket in enumerate(brackets):
        upper = brackets[index + 1].budget_from if index + 1 < len(brackets) else None
        if upper is None and bracket.budget_from == 0:
            label = _("tout budget")
        elif upper is None:
            label = _("%(from)s et plus") % {"from": euros(bracket.budget_from)}
        elif bracket.budget_from == 0:
            label = _("moins de %(to)s") % {"to": euros(upper)}
        else:
            label = _("de %(from)s à moins de %(to)s") % {"from": euros(bracket.budget_from),
                                                          "to": euros(upper)}
        rows.append((label, bracket.amount))
    return rows
