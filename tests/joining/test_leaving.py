"""An association leaves the collective at its own request (the extranet's page, then
joining.leaving.end_adhesion): its adhesion ends with a date and a reason, its people lose
their access after that day, its history stays."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from directory.models import Association
from extranet.accounts.models import Membership, Role, RoleChange
from extranet.governance import voting
from joining.leaving import end_adhesion
from joining.member_associations import refresh_member_associations
from joining.models import CollectiveMembership, EndReason
from portal import page_cache
from tests.factories import (
    AssociationFactory,
    MembershipFactory,
    PlenaryFactory,
    ProposalFactory,
)

pytestmark = pytest.mark.django_db

HOME = reverse("extranet:home")


def leave_url(association):
    return reverse("joining:leave", args=[association.slug])


def in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def leave(client, person, association, on, **data):
    client.force_login(person)
    return client.post(leave_url(association), {
        "ends_on": on.isoformat(), "note": "Nous fusionnons avec une autre association.",
        "confirm": "on", **data,
    })


@pytest.fixture
def departure(client, club, club_representative, club_member):
    """The representative says the club leaves in ten days."""
    response = leave(client, club_representative, club, in_days(10))
    assert response.status_code == 302
    return CollectiveMembership.objects.get(association=club)


def test_a_representative_leaving_ends_the_adhesion_with_its_date_and_reason(
    departure, club_representative
):
    assert (departure.ends_on, departure.end_reason, departure.ended_by) == (
        in_days(10), EndReason.LEFT, club_representative)
    assert departure.end_note == "Nous fusionnons avec une autre association."
    assert departure.ended_at is not None


def test_leaving_ends_the_memberships_of_its_people_on_the_same_day(departure, club):
    assert set(Membership.objects.filter(association=club).values_list("ends_on", flat=True)) \
        == {in_days(10)}


def test_its_people_keep_their_access_until_the_end_date(departure, client, club_member,
                                                         time_machine):
    time_machine.move_to(in_days(10).isoformat() + " 20:00", tick=False)
    client.force_login(club_member)

    assert client.get(HOME).status_code == 200


def test_its_people_lose_their_access_the_day_after(departure, client, club_member,
                                                    time_machine):
    time_machine.move_to(in_days(11).isoformat() + " 08:00", tick=False)
    client.force_login(club_member)

    assert client.get(HOME).status_code == 403


def test_the_association_is_still_a_member_until_the_end_date(departure, club):
    club.refresh_from_db()
    assert club.is_member


def test_the_association_is_no_longer_a_member_after_the_end(departure, club, time_machine):
    time_machine.move_to(in_days(11).isoformat() + " 08:00", tick=False)
    refresh_member_associations()

    club.refresh_from_db()
    assert not club.is_member
    assert club not in PlenaryFactory().member_associations()


def test_it_is_not_called_to_vote_in_a_ballot_opened_after_the_end(
    departure, club, time_machine, network_coordinator
):
    time_machine.move_to(in_days(11).isoformat() + " 08:00", tick=False)
    refresh_member_associations()
    proposal = ProposalFactory(body=PlenaryFactory())

    ballot = voting.open_ballot(proposal, by=network_coordinator,
                                closes_at=timezone.now() + datetime.timedelta(days=7))

    assert not ballot.electors.filter(association=club).exists()


def test_its_history_stays(departure, club):
    assert CollectiveMembership.objects.filter(association=club).count() == 1
    assert Membership.objects.filter(association=club).count() == 2
    ends = RoleChange.objects.filter(membership__association=club, new_role="")
    assert sorted(ends.values_list("old_role", flat=True)) == [Role.MEMBER, Role.REPRESENTATIVE]


def test_the_emails_leave_once_committed(client, club, club_representative, club_member,
                                         network_coordinator, mailoutbox, committed):
    with committed() as callbacks:
        leave(client, club_representative, club, in_days(3))
        assert mailoutbox == []

    # One for the emails; the page cache's (portal.page_cache) forgets the public pages.
    assert len([callback for callback in callbacks if callback is not page_cache.forget_all]) == 1
    recipients = sorted(message.to[0] for message in mailoutbox)
    assert recipients == ["coordination@example.org", "membre@example.org",
                          "representante@example.org"]


def test_the_email_to_its_people_says_when_and_that_it_may_come_back(
    client, club, club_representative, mailoutbox, committed
):
    with committed():
        leave(client, club_representative, club, in_days(3))

    message = next(m for m in mailoutbox if m.to == ["representante@example.org"])
    assert "Club de randonnée de Lagny" in message.subject
    assert "départ à sa demande" in message.body
    assert "nouvelle demande d'adhésion" in message.body


def test_a_coordinator_may_end_the_adhesion_of_an_association(client, club,
                                                              network_coordinator):
    response = leave(client, network_coordinator, club, timezone.localdate())

    assert response.status_code == 302
    assert CollectiveMembership.objects.get(association=club).ended_by == network_coordinator


def test_the_page_explains_what_happens_and_proposes_today(client, club, club_representative):
    client.force_login(club_representative)

    response = client.get(leave_url(club))

    assert response.status_code == 200
    assert "nouvelle demande d'adhésion" in response.text
    assert response.context["form"]["ends_on"].value() == timezone.localdate()


def test_a_date_in_the_past_is_refused_and_changes_nothing(client, club,
                                                           club_representative):
    response = leave(client, club_representative, club, in_days(-1))

    assert response.status_code == 400
    assert "ne peut pas être passée" in response.text
    assert CollectiveMembership.objects.get(association=club).ends_on is None


def test_leaving_without_the_confirmation_is_refused_and_keeps_what_was_typed(
    client, club, club_representative
):
    response = leave(client, club_representative, club, in_days(5), confirm="")

    assert response.status_code == 400
    assert "Cochez la case" in response.text
    assert "Nous fusionnons" in response.text
    assert CollectiveMembership.objects.get(association=club).ends_on is None


def test_a_departure_already_recorded_is_said_and_not_asked_again(departure, client, club,
                                                                  club_representative):
    client.force_login(club_representative)

    assert "déjà enregistré" in client.get(leave_url(club)).text
    assert leave(client, club_representative, club, in_days(2)).status_code == 409
    assert CollectiveMembership.objects.get(association=club).ends_on == in_days(10)


def test_an_association_that_is_not_a_member_has_nothing_to_end(client, network_coordinator):
    stranger = AssociationFactory(name="Association jamais membre")

    response = leave(client, network_coordinator, stranger, in_days(1))

    assert response.status_code == 409
    assert not CollectiveMembership.objects.filter(association=stranger).exists()


def test_the_home_page_links_the_representative_to_the_departure(client, club,
                                                                  club_representative):
    client.force_login(club_representative)

    assert leave_url(club) in client.get(HOME).text


def test_the_home_page_shows_no_departure_to_a_member(client, club, club_member):
    client.force_login(club_member)

    assert leave_url(club) not in client.get(HOME).text


# The service itself.

def test_an_end_before_the_adhesion_started_is_refused(club):
    adhesion = CollectiveMembership.objects.get(association=club)

    with pytest.raises(ValidationError):
        end_adhesion(club, on=adhesion.starts_on - datetime.timedelta(days=1),
                     reason=EndReason.DISSOLVED)
    adhesion.refresh_from_db()
    assert adhesion.ends_on is None


def test_a_departure_cannot_be_dated_in_the_past(club):
    with pytest.raises(ValidationError):
        end_adhesion(club, on=in_days(-3), reason=EndReason.LEFT)


def test_an_association_member_by_the_legacy_rule_gets_its_adhesion_recorded_and_ended():
    legacy = AssociationFactory(name="Amicale d'avant les adhésions", is_member=True)
    membership = MembershipFactory(association=legacy, role=Role.REPRESENTATIVE,
                                   starts_on=in_days(-400))

    adhesion = end_adhesion(legacy, on=timezone.localdate(), reason=EndReason.LEFT)

    assert (adhesion.starts_on, adhesion.ends_on) == (in_days(-400), timezone.localdate())
    membership.refresh_from_db()
    assert membership.ends_on == timezone.localdate()


def test_after_the_end_day_neither_rule_keeps_it_a_member(club, club_member, time_machine):
    end_adhesion(club, on=timezone.localdate(), reason=EndReason.OTHER, note="Fusion")
    time_machine.move_to(in_days(1).isoformat() + " 08:00", tick=False)

    refresh_member_associations()

    assert not Association.objects.get(pk=club.pk).is_member


def test_an_ended_adhesion_must_say_why(club):
    adhesion = CollectiveMembership.objects.get(association=club)
    adhesion.ends_on = timezone.localdate()

    with pytest.raises(IntegrityError), transaction.atomic():
        adhesion.save()


def test_an_exclusion_must_name_its_decision(club):
    adhesion = CollectiveMembership.objects.get(association=club)
    adhesion.ends_on, adhesion.end_reason = timezone.localdate(), EndReason.EXCLUDED

    with pytest.raises(IntegrityError), transaction.atomic():
        adhesion.save()
