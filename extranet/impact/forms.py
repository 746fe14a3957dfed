"""The form of a yearly impact report, as its association fills it: the figures, the story
with its photo, and the activities by sector (an inline formset). Blanks are allowed while
it is a draft (ImpactReport.missing says what a submission still lacks); negative figures,
shares above 100 % and a photo that is not a real JPEG or PNG are refused."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms import inlineformset_factory
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from directory.models import Sector
from extranet.impact.models import ImpactReport, ReportActivity
from portal.uploads import check, clean_filename, extension_of, megabytes

PHOTO_EXTENSIONS = ("jpg", "jpeg", "png")
FIGURES = ["volunteers", "staff_permanent", "staff_fixed_term", "staff_subsidised",
           "staff_part_time", "public_grants_share", "calls_for_projects_share"]


def photo_help():
    return _("JPEG ou PNG, %(size)s Mo au plus. Les personnes reconnaissables ont donné "
             "leur accord.") % {"size": megabytes(settings.IMPACT_PHOTO_MAX_BYTES)}


class KeptPhoto:
    """The photo already saved, as the file input shows it: its name, linked to the view
    that serves it (a private file has no address of its own)."""

    def __init__(self, url, name):
        self.url, self.name = url, name

    def __str__(self):
        return self.name


class PhotoInput(forms.ClearableFileInput):
    photo_url = ""

    def is_initial(self, value):
        return bool(value) and hasattr(value, "instance")

    def format_value(self, value):
        if self.is_initial(value):
            return KeptPhoto(self.photo_url, value.name.rsplit("/", 1)[-1])
        return None


class ReportForm(forms.ModelForm):
    """`previous`: the association's report of the year before, if any: its figures are
    shown beside the fields (`rows`)."""

    unusual_confirmed = forms.BooleanField(
        required=False,
        label=gettext_lazy("Je confirme ces chiffres : ils sont inhabituels mais exacts."),
    )

    class Meta:
        model = ImpactReport
        fields = [*FIGURES, "story", "photo", "photo_alt", "photo_credit", "public_consent"]
        widgets = {
            "story": forms.Textarea(attrs={"rows": 6}),
            "photo": PhotoInput(attrs={"accept": ".jpg,.jpeg,.png"}),
        }
        labels = {
            "public_consent": gettext_lazy(
                "Nous acceptons que les chiffres et le récit de notre association soient "
                "publiés à son nom sur l'observatoire de l'utilité sociale."),
        }
        help_texts = {
            "public_consent": gettext_lazy(
                "Sans cet accord, vos chiffres comptent seulement dans les totaux du "
                "collectif, sans votre nom, et votre récit n'est pas publié."),
        }

    def __init__(self, *args, previous=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.previous = previous
        self.fields["photo"].help_text = photo_help()
        if self.instance.pk:
            self.fields["photo"].widget.photo_url = reverse(
                "extranet:impact_report_photo", kwargs={"report_id": self.instance.pk})
        for name in FIGURES:
            self.fields[name].widget.attrs.update({"min": 0, "inputmode": "numeric"})

    def rows(self):
        """(bound field, last year's value as "2024 : 18", or "") of every visible field
        but the confirmation of unusual figures (shown with the warnings)."""
        for field in self.visible_fields():
            if field.name != "unusual_confirmed":
                yield field, self.previous_value(field.name)

    def previous_value(self, name):
        if self.previous is None or name not in FIGURES:
            return ""
        value = getattr(self.previous, name)
        return f"{self.previous.year} : {'—' if value is None else value}"

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if not photo or photo == self.initial.get("photo"):
            return photo  # kept, or removed
        photo.name = clean_filename(photo.name)
        if extension_of(photo.name) not in PHOTO_EXTENSIONS:
            raise ValidationError(_("La photo doit être un fichier JPEG ou PNG."))
        check(photo, max_bytes=settings.IMPACT_PHOTO_MAX_BYTES)
        return photo

    def clean(self):
        cleaned = super().clean()
        grants = cleaned.get("public_grants_share")
        calls = cleaned.get("calls_for_projects_share")
        if grants is not None and calls is not None and grants + calls > 100:
            # On the field: the model's own check (its constraint) is then left out.
            self.add_error("calls_for_projects_share", _(
                "Les subventions publiques (%(grants)s %%) et les appels à projets "
                "(%(calls)s %%) ensemble ne peuvent dépasser 100 %% de vos ressources.")
                % {"grants": grants, "calls": calls})
        return cleaned


class ActivityForm(forms.ModelForm):
    class Meta:
        model = ReportActivity
        fields = ["sector", "description", "volunteer_hours", "people_reached"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = Sector.objects.order_by("label")
        for name in ("volunteer_hours", "people_reached"):
            self.fields[name].widget.attrs.update({"min": 0, "inputmode": "numeric"})


class BaseActivityFormSet(forms.BaseInlineFormSet):
    def clean(self):
        sectors = [form.cleaned_data["sector"] for form in self.forms
                   if getattr(form, "cleaned_data", {}).get("sector")
                   and not self._should_delete_form(form)]
        if len(sectors) != len(set(sectors)):
            raise ValidationError(_("Chaque secteur ne figure qu'une fois : regroupez ses "
                                    "activités sur une ligne."))
        super().clean()


ActivityFormSet = inlineformset_factory(
    ImpactReport, ReportActivity, form=ActivityForm, formset=BaseActivityFormSet,
    extra=2, can_delete=True,
)

