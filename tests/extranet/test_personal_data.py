"""The extranet's personal data: what an address's account holds is exported (account,
second factors, memberships and their history, invitations, groups, news); erasing closes the
account and keeps, anonymous, what others need; each kind's retention period is applied by
`manage.py purge_personal_data` (older purged, newer kept, --dry-run changes nothing)."""

import datetime
import io

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from extranet.accounts.models import Invitation, Membership, Profile, Role, RoleChange
from extranet.groups.models import GroupMember
from extranet.news.models import Comment, Delivery, Post
from extranet.news.personal_data import REMOVED
from portal import personal_data
from tests.factories import (
    AssociationFactory,
    CommentFactory,
    GroupMemberFactory,
    MembershipFactory,
    PersonFactory,
    PostFactory,
    WorkingGroupFactory,
)

pytestmark = pytest.mark.django_db

EMAIL = "camille.martin@example.org"


def ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def purge(*options):
    out = io.StringIO()
    call_command("purge_personal_data", *options, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def association(db):
    return AssociationFactory(name="Les Amis du Canal", is_member=True)


@pytest.fixture
def person(association):
    person = PersonFactory(email=EMAIL, first_name="Camille", last_name="Martin")
    MembershipFactory(person=person, association=association, role=Role.MEMBER)
    return person


def invitation(association, email=EMAIL, days=0, **kwargs):
    created = ago(days)
    return Invitation.objects.create(email=email, association=association, created_at=created,
                                     expires_at=created + datetime.timedelta(days=14),
                                     **kwargs)


# Export


def test_export_holds_the_account_its_second_factors_and_membership_history(person):
    Authenticator.objects.create(user=person, type=Authenticator.Type.TOTP,
                                 data={"secret": "JBSWY3DPEHPK3PXP"})
    RoleChange.objects.create(membership=person.memberships.get(), old_role="",
                              new_role=Role.MEMBER)

    [account] = personal_data.export(EMAIL.upper())["accounts"]

    assert account["second_factors"][0]["type"] == "totp"
    assert "JBSWY3DPEHPK3PXP" not in str(account)
    assert account["memberships"][0]["history"][0]["change"].startswith("début")


def test_export_holds_the_invitations_sent_to_the_address(association):
    invitation(association)

    [record] = personal_data.export(EMAIL)["invitations"]

    assert record["association"] == "Les Amis du Canal"


def test_export_holds_the_group_participations_and_the_news_written(person):
    GroupMemberFactory(person=person, group=WorkingGroupFactory(name="Commission emploi"))
    post = PostFactory(author=person, title="Notre fête")
    CommentFactory(author=person, post=post, body="À samedi !")
    Delivery.objects.create(post=post, person=person, channel=Delivery.Channel.DIGEST)

    found = personal_data.export(EMAIL)

    assert found["groups"][0]["group"] == "Commission emploi"
    assert [record["kind"] for record in found["news"]] == ["post", "comment", "delivery"]
    assert found["news"][1]["body"] == "À samedi !"


def test_export_holds_nothing_of_another_address(person):
    PostFactory(author=person)

    found = personal_data.export("other@example.org")

    assert all(records == [] for records in found.values())


# Erasure: the account is closed, what others need stays, anonymous


def test_erasure_closes_the_account(person, client):
    Authenticator.objects.create(user=person, type=Authenticator.Type.TOTP, data={})
    Profile.objects.create(person=person, phone="01 23 45 67 89")
    client.force_login(person)

    personal_data.erase(EMAIL)

    person.refresh_from_db()
    assert (person.first_name, person.last_name, person.email) == ("", "", "")
    assert EMAIL not in person.username and "camille" not in person.username.lower()
    assert not person.is_active and not person.has_usable_password()
    assert not EmailAddress.objects.filter(user=person).exists()
    assert not Authenticator.objects.filter(user=person).exists()
    assert not Profile.objects.filter(person=person).exists()
    assert not Session.objects.exists()
    assert client.get("/extranet/").status_code == 302


def test_erasure_ends_memberships_and_keeps_their_history(person):
    membership = person.memberships.get()

    personal_data.erase(EMAIL)

    membership.refresh_from_db()
    assert membership.ends_on == timezone.localdate()
    assert membership.role_changes.filter(new_role="").exists()
    assert Membership.objects.filter(person=person).count() == 1


def test_erasure_keeps_the_news_and_comments_signed_by_the_anonymous_account(person):
    post = PostFactory(author=person, title="Notre fête")
    comment = CommentFactory(author=person, post=post)

    personal_data.erase(EMAIL)

    post.refresh_from_db()
    comment.refresh_from_db()
    assert post.title == "Notre fête" and post.author_id == person.pk
    assert comment.author_id == person.pk
    assert get_user_model().objects.get(pk=person.pk).get_full_name() == ""


def test_erasure_ends_group_participation_and_keeps_the_group(person):
    member = GroupMemberFactory(person=person)

    personal_data.erase(EMAIL)

    member.refresh_from_db()
    assert member.left_on == timezone.localdate()


def test_erasure_empties_and_cancels_the_invitations_of_the_address(association):
    sent = invitation(association)

    personal_data.erase(EMAIL)

    sent.refresh_from_db()
    assert sent.email == "" and sent.revoked_at is not None


def test_erasure_empties_the_names_an_invitation_kept_from_a_join_request(association):
    sent = invitation(association, first_name="Nadia", last_name="Benali")

    personal_data.erase(EMAIL)

    sent.refresh_from_db()
    assert (sent.first_name, sent.last_name) == ("", "")


def test_export_holds_the_names_an_invitation_kept(association):
    invitation(association, first_name="Nadia", last_name="Benali")

    [record] = personal_data.export(EMAIL)["invitations"]

    assert (record["first_name"], record["last_name"]) == ("Nadia", "Benali")


def test_erasure_leaves_other_accounts_alone(person):
    other = PersonFactory(email="other@example.org")

    personal_data.erase(EMAIL)

    other.refresh_from_db()
    assert other.is_active and other.email == "other@example.org"


# Retention


def test_an_account_unused_for_the_period_and_acting_for_nobody_is_closed(settings):
    settings.ACCOUNT_INACTIVE_RETENTION_DAYS = 365
    old = PersonFactory(email="old@example.org", last_login=ago(400))
    recent = PersonFactory(email="recent@example.org", last_login=ago(300))

    purge()

    old.refresh_from_db()
    recent.refresh_from_db()
    assert not old.is_active and old.email == ""
    assert recent.is_active and recent.email == "recent@example.org"


def test_an_unused_account_that_still_acts_for_an_association_is_kept(settings, person):
    settings.ACCOUNT_INACTIVE_RETENTION_DAYS = 365
    get_user_model().objects.filter(pk=person.pk).update(last_login=ago(400))

    purge()

    person.refresh_from_db()
    assert person.is_active and person.email == EMAIL


def test_closed_invitations_lose_their_address_after_the_period(settings, association):
    settings.INVITATION_RETENTION_DAYS = 365
    old = invitation(association, email="old@example.org", days=400)
    recent = invitation(association, email="recent@example.org", days=300)

    purge()

    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.email, recent.email) == ("", "recent@example.org")


def test_ended_group_participations_are_deleted_after_the_period(settings, person):
    settings.GROUP_MEMBER_RETENTION_DAYS = 365
    today = timezone.localdate()
    old = GroupMemberFactory(person=person, joined_on=today - datetime.timedelta(days=800),
                             left_on=today - datetime.timedelta(days=400))
    recent = GroupMemberFactory(person=person, joined_on=today - datetime.timedelta(days=800),
                                left_on=today - datetime.timedelta(days=300))
    current = GroupMemberFactory(person=person, joined_on=today - datetime.timedelta(days=800))

    purge()

    assert set(GroupMember.objects.values_list("pk", flat=True)) == {recent.pk, current.pk}
    assert not GroupMember.objects.filter(pk=old.pk).exists()


def test_removed_comments_and_posts_are_purged_after_the_period(settings, person):
    settings.NEWS_REMOVED_RETENTION_DAYS = 90
    old_comment = CommentFactory(author=person, removed_at=ago(100))
    recent_comment = CommentFactory(author=person, removed_at=ago(80))
    kept_comment = CommentFactory(author=person)
    old_post = PostFactory(author=person, removed_at=ago(100))
    recent_post = PostFactory(author=person, removed_at=ago(80), title="Récente")

    purge()

    assert set(Comment.objects.values_list("pk", flat=True)) == {recent_comment.pk,
                                                                  kept_comment.pk}
    assert not Comment.objects.filter(pk=old_comment.pk).exists()
    old_post.refresh_from_db()
    assert (old_post.title, old_post.body) == (REMOVED, "")
    assert Post.objects.get(pk=recent_post.pk).title == "Récente"


def test_news_deliveries_are_deleted_after_the_period(settings, person):
    settings.NEWS_DELIVERY_RETENTION_DAYS = 365
    Delivery.objects.create(post=PostFactory(), person=person,
                            channel=Delivery.Channel.DIGEST, sent_at=ago(400))
    recent = Delivery.objects.create(post=PostFactory(), person=person,
                                     channel=Delivery.Channel.DIGEST, sent_at=ago(300))

    purge()

    assert list(Delivery.objects.values_list("pk", flat=True)) == [recent.pk]


def test_dry_run_counts_and_changes_nothing(settings, person, association):
    settings.ACCOUNT_INACTIVE_RETENTION_DAYS = 365
    settings.NEWS_DELIVERY_RETENTION_DAYS = 365
    old = PersonFactory(email="old@example.org", last_login=ago(400))
    old_invitation = invitation(association, email="gone@example.org", days=400)
    Delivery.objects.create(post=PostFactory(), person=person,
                            channel=Delivery.Channel.DIGEST, sent_at=ago(400))

    output = purge("--dry-run")

    old.refresh_from_db()
    old_invitation.refresh_from_db()
    assert old.is_active and old.email == "old@example.org"
    assert old_invitation.email == "gone@example.org"
    assert Delivery.objects.count() == 1
    assert "(ACCOUNT_INACTIVE_RETENTION_DAYS = 365 jours) : 1 seraient fermés" in output
    assert "Simulation (--dry-run) : rien n'a été modifié." in output
