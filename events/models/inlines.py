"""The lines an event's page edits inline: its speakers and the associations of the directory
that organise it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from directory.models import Association


class EventSpeaker(Orderable):
    page = ParentalKey(
        "events.EventPage", verbose_name=_("événement"), on_delete=models.CASCADE,
        related_name="speakers", help_text=_("L'événement où la personne intervient."),
    )
    name = models.CharField(_("nom"), max_length=120,
                            help_text=_("Prénom et nom, tels qu'ils seront affichés."))
    description = models.CharField(
        _("présentation"), max_length=255, blank=True,
        help_text=_("Une ligne : « Juriste, France Bénévolat »."),
    )

    panels = [FieldPanel("name"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("intervenant·e")
        verbose_name_plural = _("intervenant·es")

    def __str__(self):
        return self.name


class EventOrganiser(Orderable):
    """An association of the directory that organises the event."""

    page = ParentalKey(
        "events.EventPage", verbose_name=_("événement"), on_delete=models.CASCADE,
        related_name="organisers", help_text=_("L'événement que l'association organise."),
    )
    association = models.ForeignKey(
        Association, verbose_name=_("association"), on_delete=models.PROTECT,
        related_name="organised_events",
        help_text=_("Choisie dans l'annuaire ; l'événement paraît sur sa fiche."),
    )

    panels = [FieldPanel("association")]

    class Meta(Orderable.Meta):
        verbose_name = _("association organisatrice")
        verbose_name_plural = _("associations organisatrices")
        constraints = [
            models.UniqueConstraint(fields=["page", "association"],
                                    name="one_organiser_line_per_association"),
        ]

    def __str__(self):
        return str(self.association)
