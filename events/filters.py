"""The events page's filters: theme, commune, month. Every list has a shareable URL, and a
value the form does not accept is ignored, not an error."""

import datetime

from django import forms
from django.core.validators import RegexValidator
from django.db.models.functions import TruncMonth
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from directory.models import Commune
from events.models.records import Occurrence
from events.models.recurrence import local_zone
from events.models.snippets import Theme

MONTH = RegexValidator(r"^\d{4}-(0[1-9]|1[0-2])$", _("Un mois s'écrit AAAA-MM."))
MAX_MONTHS = 36  # months offered in the month filter


def month_label(month):
    """"Mars 2026" (English: "March 2026")."""
    return capfirst(date_format(month, "F Y"))


class EventFilterForm(forms.Form):
    theme = forms.ChoiceField(label=_("Thème"), required=False)
    commune = forms.ChoiceField(label=_("Commune"), required=False)
    mois = forms.CharField(label=_("Mois"), required=False, max_length=7, validators=[MONTH])
    page = forms.IntegerField(required=False, min_value=1)

    def __init__(self, data, *, events, now, past=False):
        """`events`: the live events of the page (for the months they happen in)."""
        super().__init__(data)
        self.past = past
        self.themes = {theme.slug: theme for theme in Theme.objects.all()}
        self.fields["theme"].choices = [
            ("", _("Tous les thèmes")),
            *((theme.slug, theme.display_name) for theme in self.themes.values()),
        ]
        # Communes of the venues: a handful, one query; any venue's commune stays valid in a
        # shared address even when its events are over.
        self.fields["commune"].choices = [
            ("", _("Toutes les communes")),
            *Commune.objects.filter(venues__isnull=False).distinct().order_by("name")
            .values_list("code", "name"),
        ]
        self.month_choices = self.months(events, now, past)

    @staticmethod
    def months(events, now, past):
        """(value, label) of the months in which the listed events happen (one query)."""
        occurrences = Occurrence.objects.filter(event__in=events.values("pk"))
        if past:
            occurrences = occurrences.exclude(event__occurrences__ends_at__gt=now)
            order = "-month"
        else:
            occurrences = occurrences.filter(ends_at__gt=now)
            order = "month"
        months = (
            occurrences.annotate(month=TruncMonth("starts_at", tzinfo=local_zone()))
            .values_list("month", flat=True)
            .distinct()
            .order_by(order)[:MAX_MONTHS]
        )
        return [(f"{month:%Y-%m}", month_label(month)) for month in months]

    def clean_mois(self):
        value = self.cleaned_data["mois"]
        if value and not 2000 <= int(value[:4]) <= 2100:
            raise forms.ValidationError(_("Choisissez un mois entre 2000 et 2100."))
        return value

    def filter(self, events, now, past=False):
        """`events` filtered, as events to come (`past` false) or past ones, annotated with
        their next (or last) occurrence; an invalid filter is ignored, not an error."""
        self.is_valid()  # keeps the valid fields in cleaned_data, drops the others
        data = self.cleaned_data
        if data.get("theme"):
            events = events.filter(theme__slug=data["theme"])
        if data.get("commune"):
            events = events.filter(venue__commune__code=data["commune"])
        starts_from, starts_before = self.month_range()
        if past:
            return events.past(now, starts_from, starts_before)
        return events.upcoming(now, starts_from, starts_before)

    def month_range(self):
        """The chosen month as [start, end) instants of Paris time, or (None, None)."""
        value = self.cleaned_data.get("mois")
        if not value:
            return None, None
        year, month = (int(part) for part in value.split("-"))
        start = datetime.datetime(year, month, 1, tzinfo=local_zone())
        end = datetime.datetime(year + month // 12, month % 12 + 1, 1, tzinfo=local_zone())
        return start, end

    def month_options(self):
        """The month filter's options, with the chosen month even if nothing happens in it."""
        options = list(self.month_choices)
        chosen = self.cleaned_data.get("mois") if hasattr(self, "cleaned_data") else None
        if chosen and chosen not in {value for value, _label in options}:
            year, month = (int(part) for part in chosen.split("-"))
            options.append((chosen, month_label(datetime.date(year, month, 1))))
            options.sort(reverse=self.past)
        return options

    def selected_theme(self):
        return self.themes.get(self.cleaned_data.get("theme") or "")

    def query(self):
        """The valid filters as query parameters (for links that keep them)."""
        return {name: self.cleaned_data[name] for name in ("theme", "commune", "mois")
                if self.cleaned_data.get(name)}
