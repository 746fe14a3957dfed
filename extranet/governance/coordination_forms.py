"""The form of the rotation order: a rank for each association sitting in the body."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PREFIX = "rang_"


class RotationForm(forms.Form):
    """One optional rank per association of the body: the associations with a rank take
    their turn in that order; those without one are left out of the rotation."""

    def __init__(self, *args, associations, places, **kwargs):
        super().__init__(*args, **kwargs)
        positions = {place.association_id: place.position for place in places}
        self.associations = list(associations)
        for association in self.associations:
            self.fields[f"{PREFIX}{association.pk}"] = forms.IntegerField(
                label=association.name, required=False, min_value=1, max_value=999,
                initial=positions.get(association.pk),
                help_text=_("Son rang dans la rotation (1, 2, 3…) ; vide : elle ne prend "
                            "pas de tour."),
            )

    def clean(self):
        cleaned = super().clean()
        ranked = [(cleaned.get(f"{PREFIX}{association.pk}"), association.pk)
                  for association in self.associations]
        ranked = [(rank, pk) for rank, pk in ranked if rank is not None]
        ranks = [rank for rank, _pk in ranked]
        if len(set(ranks)) != len(ranks):
            raise ValidationError(_("Deux associations ont le même rang : donnez à chacune "
                                    "le sien."))
        if not ranked:
            raise ValidationError(_("Donnez un rang à une association au moins."))
        cleaned["order"] = [pk for _rank, pk in sorted(ranked)]
        return cleaned
