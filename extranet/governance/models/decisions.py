"""The decision register: numbered decisions (2027-004) that nobody can change or delete once
written, each carrying a hash chained to the one before it.

Refused everywhere: `save()` of a stored decision and `delete()` raise `RegisterIsAppendOnly`,
and so do the querysets' `update()` and `delete()`; the admin only shows them; on PostgreSQL a
trigger refuses UPDATE and DELETE in SQL itself (migration 0002). A correction is a new
decision that `supersedes` the old one. Decisions are written by
extranet.governance.register, which numbers and chains them; `manage.py verify_decisions`
checks the chain.
"""

import datetime
import hashlib
import json

from django.conf import settings
from django.db import models
from django.db.models import Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from extranet.governance.models.ballots import Ballot, Outcome
from extranet.governance.models.bodies import Body
from extranet.governance.models.meetings import BodyMeeting


class RegisterIsAppendOnly(Exception):
    """A written decision cannot be changed nor deleted: write a new one that supersedes it."""


APPEND_ONLY = "Le registre des décisions ne s'écrit qu'une fois : une décision publiée ne se " \
    "modifie ni ne se supprime (une correction est une nouvelle décision)."


class DecisionQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise RegisterIsAppendOnly(APPEND_ONLY)

    def delete(self):
        raise RegisterIsAppendOnly(APPEND_ONLY)

    def bulk_update(self, objs, fields, batch_size=None):
        raise RegisterIsAppendOnly(APPEND_ONLY)

    def public(self):
        return self.filter(is_public=True)

    def with_links(self):
        return self.select_related("body", "supersedes", "superseded_by", "body_meeting__meeting")


class Decision(models.Model):
    number = models.CharField(_("numéro"), max_length=20, unique=True, editable=False,
                              help_text=_("L'année et le rang dans l'année, par exemple 2027-004."))
    year = models.PositiveSmallIntegerField(_("année"), editable=False)
    sequence = models.PositiveIntegerField(_("rang dans l'année"), editable=False)
    body = models.ForeignKey(Body, verbose_name=_("instance"), on_delete=models.PROTECT,
                             related_name="decisions", help_text=_("L'instance qui a décidé."))
    title = models.CharField(_("intitulé"), max_length=200)
    text = models.TextField(_("texte de la décision"),
                            help_text=_("Le texte adopté (ou rejeté), tel que voté."))
    decided_on = models.DateField(_("décidée le"), help_text=_("Le jour du vote."))
    ballot = models.OneToOneField(
        Ballot, verbose_name=_("vote"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="decision", help_text=_("Le vote dont la décision est le résultat."),
    )
    body_meeting = models.ForeignKey(
        BodyMeeting, verbose_name=_("réunion"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="decisions", help_text=_("La réunion (et son compte rendu), s'il y en a une."),
    )
    outcome = models.CharField(_("résultat"), max_length=20, choices=Outcome.choices,
                               help_text=_("Adoptée ou rejetée."))
    electorate = models.PositiveIntegerField(
        _("associations appelées à voter"), null=True,
        help_text=_("Les associations de l'instance à l'ouverture du vote."),
    )
    counted_present = models.PositiveIntegerField(
        _("présentes ou représentées"), null=True,
        help_text=_("En séance : présentes ou représentées ; en ligne : qui ont voté."),
    )
    votes_for = models.PositiveIntegerField(_("pour"), null=True,
                                            help_text=_("Associations pour."))
    votes_against = models.PositiveIntegerField(_("contre"), null=True,
                                                help_text=_("Associations contre."))
    abstentions = models.PositiveIntegerField(_("abstentions"), null=True,
                                              help_text=_("Associations qui s'abstiennent."))
    quorum_met = models.BooleanField(_("quorum atteint"), null=True,
                                     help_text=_("Selon la règle de l'instance."))
    is_public = models.BooleanField(
        _("publique"), default=False,
        help_text=_("Une décision publique paraît sur le site, page « Nos décisions et "
                    "positions »."),
    )
    supersedes = models.OneToOneField(
        "self", verbose_name=_("remplace"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="superseded_by",
        help_text=_("La décision que celle-ci corrige ou remplace, s'il y en a une."),
    )
    previous = models.OneToOneField(
        "self", verbose_name=_("décision précédente du registre"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="next", editable=False,
    )
    hash = models.CharField(_("empreinte"), max_length=64, unique=True, editable=False)
    published_at = models.DateTimeField(_("inscrite le"), default=timezone.now, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("inscrite par"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+", editable=False,
    )

    objects = DecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-sequence"]
        verbose_name = _("décision")
        verbose_name_plural = _("registre des décisions")
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="one_decision_per_number"),
            # The first decision of the register is the only one without a previous one (a
            # unique index takes NULLs as all different: hence the 0 in their place).
            models.UniqueConstraint(Coalesce("previous", Value(0)), name="one_first_decision"),
        ]

    def __str__(self):
        return f"{self.number} · {self.title}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise RegisterIsAppendOnly(APPEND_ONLY)
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RegisterIsAppendOnly(APPEND_ONLY)

    def content(self):
        """What the hash covers: everything the decision says, and the previous hash."""
        return {
            "number": self.number,
            "body": self.body_id,
            "title": self.title,
            "text": self.text,
            "decided_on": self.decided_on.isoformat(),
            "ballot": self.ballot_id,
            "body_meeting": self.body_meeting_id,
            "outcome": self.outcome,
            "tally": [self.electorate, self.counted_present, self.votes_for,
                      self.votes_against, self.abstentions, self.quorum_met],
            "is_public": self.is_public,
            "supersedes": self.supersedes_id,
            "published_at": self.published_at.astimezone(datetime.UTC).isoformat(),
            "previous": self.previous.hash if self.previous_id else "",
        }

    def compute_hash(self):
        canonical = json.dumps(self.content(), sort_keys=True, ensure_ascii=False,
                               separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()

    @property
    def tally_known(self):
        return self.votes_for is not None
