"""The forms of the bodies' pages: a body and its rules (coordinators), a seat given to a
member association. The rules are the models' (extranet/governance/models/bodies.py): one
plenary assembly, seats for member associations only, never in the plenary."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from directory.models import Association
from extranet.governance.models import Body, BodySeat
from portal.forms import DatePicker


class BodyForm(forms.ModelForm):
    """A body, its role and its rules. It is archived (`archived_on`), never deleted; the
    plenary assembly is neither archived nor turned into another kind of body."""

    class Meta:
        model = Body
        fields = ["name", "slug", "kind", "description", "quorum_percent", "majority",
                  "max_proxies_per_holder", "coordination_term_months", "archived_on"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "archived_on": DatePicker(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.is_plenary:
            self.fields["kind"].disabled = True
            del self.fields["archived_on"]
        elif not self.instance.pk:
            del self.fields["archived_on"]

    def clean_slug(self):
        """"nouvelle" is the address of the creation page, typed or made from the name."""
        slug = self.cleaned_data["slug"]
        if (slug or slugify(self.cleaned_data.get("name", ""))) == "nouvelle":
            raise ValidationError(_("« nouvelle » est réservé : choisissez un autre "
                                    "identifiant."))
        return slug


class SeatForm(forms.ModelForm):
    """A seat given to a member association that does not sit in the body yet."""

    class Meta:
        model = BodySeat
        fields = ["association", "starts_on"]
        widgets = {"starts_on": DatePicker()}

    def __init__(self, *args, body, **kwargs):
        kwargs.setdefault("instance", BodySeat(body=body))
        super().__init__(*args, **kwargs)
        self.fields["association"].queryset = (
            Association.objects.members()
            .exclude(pk__in=body.seats.filter(ends_on__isnull=True).values("association_id"))
            .order_by("name")
        )
        self.fields["starts_on"].initial = timezone.localdate()
        # No hidden copy of the model's callable default: Django gives it aria-describedby,
        # which HTML forbids on a hidden input (and `has_changed` is not used here).
        self.fields["starts_on"].show_hidden_initial = False

