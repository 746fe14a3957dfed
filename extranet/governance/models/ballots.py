"""Ballots: a proposal put to the vote of a body's associations, in a meeting (the secretary
records each association's vote) or online over a window. One association, one vote: a `Vote`
per association and ballot, the database's rule. The counting is extranet.governance.rules';
casting and closing are extranet.governance.voting's.

A secret ballot records who voted (`Vote`, its `choice` left empty), not how: the choices are
`Paper`s, tied to their association during the window only by a keyed seal (so that a vote can
still be changed), a seal erased when the ballot closes.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Association
from extranet.governance.models.meetings import BodyMeeting
from extranet.governance.models.proposals import Proposal


class BallotMode(models.TextChoices):
    ONLINE = "online", _("en ligne, sur une période")
    MEETING = "meeting", _("en réunion")


class Choice(models.TextChoices):
    FOR = "for", _("pour")
    AGAINST = "against", _("contre")
    ABSTAIN = "abstain", _("abstention")


class Outcome(models.TextChoices):
    ADOPTED = "adopted", _("adoptée")
    REJECTED = "rejected", _("rejetée")
    NO_DECISION = "no_decision", _("pas de décision : quorum non atteint")


class BallotQuerySet(models.QuerySet):
    def open(self, now=None):
        """Taking votes now: opened, not closed, within its window."""
        now = now or timezone.now()
        return self.filter(closed_at__isnull=True, opens_at__lte=now).filter(
            Q(closes_at__isnull=True) | Q(closes_at__gt=now)
        )

    def due(self, now=None):
        """Online ballots whose window is over but which are not counted yet."""
        return self.filter(closed_at__isnull=True, closes_at__lte=now or timezone.now())


class Ballot(models.Model):
    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposition"), on_delete=models.PROTECT,
        related_name="ballots", help_text=_("Le texte mis au vote."),
    )
    mode = models.CharField(_("mode"), max_length=20, choices=BallotMode.choices,
                            default=BallotMode.ONLINE,
                            help_text=_("En ligne sur une période, ou en réunion."))
    body_meeting = models.ForeignKey(
        BodyMeeting, verbose_name=_("réunion"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="ballots",
        help_text=_("Pour un vote en réunion : la réunion où il a lieu."),
    )
    secret = models.BooleanField(
        _("vote à bulletin secret"), default=False,
        help_text=_("On saura quelles associations ont voté, jamais comment."),
    )
    opens_at = models.DateTimeField(_("ouverture"), default=timezone.now,
                                    help_text=_("Heure de Paris."))
    closes_at = models.DateTimeField(
        _("clôture"), null=True, blank=True,
        help_text=_("Heure de Paris. Jusqu'à cette heure, chaque association peut changer son "
                    "vote ; après, plus rien ne change."),
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("ouvert par"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    seal_key = models.CharField(max_length=64, blank=True, editable=False)
    closed_at = models.DateTimeField(_("dépouillé le"), null=True, blank=True, editable=False)
    electorate = models.PositiveIntegerField(_("associations appelées à voter"), null=True,
                                             blank=True, editable=False)
    counted_present = models.PositiveIntegerField(
        _("présentes ou représentées"), null=True, blank=True, editable=False,
    )
    votes_for = models.PositiveIntegerField(_("pour"), null=True, blank=True, editable=False)
    votes_against = models.PositiveIntegerField(_("contre"), null=True, blank=True,
                                                editable=False)
    abstentions = models.PositiveIntegerField(_("abstentions"), null=True, blank=True,
                                              editable=False)
    quorum_met = models.BooleanField(_("quorum atteint"), null=True, blank=True, editable=False)
    outcome = models.CharField(_("résultat"), max_length=20, choices=Outcome.choices,
                               blank=True, editable=False)

    objects = BallotQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at", "-pk"]
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__isnull=True) | Q(closes_at__gt=F("opens_at")),
                name="ballot_closes_after_it_opens",
                violation_error_message=_("La clôture doit suivre l'ouverture."),
            ),
            models.CheckConstraint(
                condition=Q(mode="online", closes_at__isnull=False)
                | Q(mode="meeting", body_meeting__isnull=False),
                name="ballot_has_a_window_or_a_meeting",
                violation_error_message=_("Un vote en ligne a une clôture ; un vote en "
                                          "réunion a sa réunion."),
            ),
        ]

    def __str__(self):
        return str(self.proposal)

    @property
    def body(self):
        return self.proposal.body

    @property
    def is_closed(self):
        return self.closed_at is not None

    def is_open(self, now=None):
        now = now or timezone.now()
        return (not self.is_closed and self.opens_at <= now
                and (self.closes_at is None or now < self.closes_at))

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("La clôture doit suivre l'ouverture.")})
        if self.mode == BallotMode.ONLINE and not self.closes_at:
            raise ValidationError({"closes_at": _("Un vote en ligne a une heure de clôture.")})
        if self.mode == BallotMode.MEETING and not self.body_meeting_id:
            raise ValidationError({"body_meeting": _("Un vote en réunion a sa réunion.")})
        if self.body_meeting_id and self.proposal_id and (
            self.body_meeting.body_id != self.proposal.body_id
        ):
            raise ValidationError({"body_meeting": _(
                "Le vote a lieu dans une réunion de l'instance saisie de la proposition."
            )})


class Elector(models.Model):
    """An association called to vote: the body's associations when the ballot opens."""

    ballot = models.ForeignKey(Ballot, verbose_name=_("vote"), on_delete=models.PROTECT,
                               related_name="electors", help_text=_("Le vote."))
    association = models.ForeignKey(
        Association, verbose_name=_("association"), on_delete=models.PROTECT, related_name="+",
        help_text=_("Une association de l'instance à l'ouverture du vote."),
    )

    class Meta:
        verbose_name = _("association appelée à voter")
        verbose_name_plural = _("associations appelées à voter")
        constraints = [models.UniqueConstraint(fields=["ballot", "association"],
                                               name="one_elector_per_association_and_ballot")]

    def __str__(self):
        return str(self.association)


class Vote(models.Model):
    """An association's vote; one per association and ballot (the database refuses a second).
    In a secret ballot `choice` stays empty: the choice is on a `Paper`."""

    ballot = models.ForeignKey(Ballot, verbose_name=_("vote"), on_delete=models.PROTECT,
                               related_name="votes", help_text=_("Le vote."))
    association = models.ForeignKey(
        Association, verbose_name=_("association"), on_delete=models.PROTECT, related_name="+",
        help_text=_("L'association qui s'exprime (une voix par association)."),
    )
    choice = models.CharField(
        _("choix"), max_length=10, choices=Choice.choices, blank=True,
        help_text=_("Pour, contre ou abstention ; vide dans un vote à bulletin secret."),
    )
    cast_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("exprimé par"), null=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("La personne qui a voté pour l'association (ou l'a noté en séance)."),
    )
    proxy_holder = models.ForeignKey(
        Association, verbose_name=_("par procuration, via"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
        help_text=_("L'association qui a voté en son nom, s'il y a procuration."),
    )
    cast_at = models.DateTimeField(_("exprimé le"), default=timezone.now,
                                   help_text=_("Le premier choix de l'association."))
    changed_at = models.DateTimeField(_("changé le"), null=True, blank=True,
                                      help_text=_("Son dernier changement, s'il y en a eu."))

    class Meta:
        ordering = ["ballot", "association__name"]
        verbose_name = _("voix")
        verbose_name_plural = _("voix")
        constraints = [models.UniqueConstraint(fields=["ballot", "association"],
                                               name="one_vote_per_association_and_ballot")]

    def __str__(self):
        return f"{self.association} · {self.ballot}"


class Paper(models.Model):
    """A secret ballot's choice. `seal` ties it to its association while the ballot is open
    (a keyed hash nobody can reverse without the ballot's key) and is erased when it closes."""

    ballot = models.ForeignKey(Ballot, verbose_name=_("vote"), on_delete=models.PROTECT,
                               related_name="papers", help_text=_("Le vote secret."))
    choice = models.CharField(_("choix"), max_length=10, choices=Choice.choices,
                              help_text=_("Pour, contre ou abstention."))
    seal = models.CharField(
        _("sceau"), max_length=64, null=True, blank=True,
        help_text=_("Relie le bulletin à son association tant que le vote est ouvert ; effacé "
                    "au dépouillement."),
    )

    class Meta:
        verbose_name = _("bulletin secret")
        verbose_name_plural = _("bulletins secrets")
        constraints = [models.UniqueConstraint(fields=["ballot", "seal"],
                                               name="one_paper_per_seal")]

    def __str__(self):
        return self.get_choice_display()


class ProxyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True)


class Proxy(models.Model):
    """An association hands its vote to another for one meeting or one ballot."""

    giver = models.ForeignKey(
        Association, verbose_name=_("association mandante"), on_delete=models.PROTECT,
        related_name="proxies_given", help_text=_("L'association qui confie sa voix."),
    )
    holder = models.ForeignKey(
        Association, verbose_name=_("association mandataire"), on_delete=models.PROTECT,
        related_name="proxies_held", help_text=_("L'association qui votera en son nom."),
    )
    body_meeting = models.ForeignKey(
        BodyMeeting, verbose_name=_("réunion"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="proxies",
        help_text=_("Pour une réunion (et les votes qui s'y tiennent)…"),
    )
    ballot = models.ForeignKey(
        Ballot, verbose_name=_("vote"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="proxies", help_text=_("… ou pour un vote en ligne."),
    )
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("donnée par"), null=True,
        on_delete=models.SET_NULL, related_name="+",
        help_text=_("La personne qui a donné la procuration pour son association."),
    )
    given_at = models.DateTimeField(_("donnée le"), default=timezone.now, editable=False)
    revoked_at = models.DateTimeField(_("retirée le"), null=True, blank=True, editable=False)

    objects = ProxyQuerySet.as_manager()

    class Meta:
        ordering = ["-given_at", "-pk"]
        verbose_name = _("procuration")
        verbose_name_plural = _("procurations")
        constraints = [
            models.CheckConstraint(
                condition=Q(body_meeting__isnull=True, ballot__isnull=False)
                | Q(body_meeting__isnull=False, ballot__isnull=True),
                name="proxy_for_one_meeting_or_one_ballot",
                violation_error_message=_("Une procuration vaut pour une réunion ou pour un "
                                          "vote, l'un ou l'autre."),
            ),
            models.CheckConstraint(
                condition=~Q(giver=F("holder")), name="proxy_to_another_association",
                violation_error_message=_("Une association ne se donne pas procuration."),
            ),
            models.UniqueConstraint(
                fields=["giver", "ballot"], condition=Q(revoked_at__isnull=True),
                name="one_proxy_per_association_and_ballot",
                violation_error_message=_("Cette association a déjà donné procuration pour "
                                          "ce vote."),
            ),
            models.UniqueConstraint(
                fields=["giver", "body_meeting"], condition=Q(revoked_at__isnull=True),
                name="one_proxy_per_association_and_meeting",
                violation_error_message=_("Cette association a déjà donné procuration pour "
                                          "cette réunion."),
            ),
        ]

    def __str__(self):
        return f"{self.giver} → {self.holder}"

    @property
    def body(self):
        return self.ballot.body if self.ballot_id else self.body_meeting.body

    def clean(self):
        super().clean()
        if not (self.giver_id and self.holder_id) or not (self.ballot_id or self.body_meeting_id):
            return
        if self.giver_id == self.holder_id:
            raise ValidationError({"holder": _("Une association ne se donne pas procuration.")})
        body = self.body
        if body.max_proxies_per_holder == 0:
            raise ValidationError(_("Cette instance n'admet pas de procuration."))
        target = {"ballot_id": self.ballot_id} if self.ballot_id else {
            "body_meeting_id": self.body_meeting_id
        }
        held = Proxy.objects.active().filter(holder_id=self.holder_id, **target).exclude(
            pk=self.pk
        ).count()
        if held >= body.max_proxies_per_holder:
            raise ValidationError({"holder": _(
                "%(holder)s porte déjà %(count)s procuration(s) : c'est le maximum de cette "
                "instance."
            ) % {"holder": self.holder, "count": held}})
        if Proxy.objects.active().filter(giver_id=self.holder_id, **target).exists():
            raise ValidationError({"holder": _(
                "%(holder)s a elle-même donné sa voix : elle ne peut pas porter la vôtre."
            ) % {"holder": self.holder}})
