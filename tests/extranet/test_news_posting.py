"""Members publish news to the whole network or to a group they take part in; only
coordinators pin; authors and coordinators change and withdraw posts, which are kept."""

import pytest
from django.urls import reverse

from extranet.news import notifications
from extranet.news.models import Post
from tests.factories import GroupMemberFactory, PostFactory, WorkingGroupFactory

pytestmark = pytest.mark.django_db

CREATE_URL = reverse("extranet:post_create")


def post_data(speaking_for, **changes):
    data = {"title": "Bourse aux vélos samedi", "body": "Venez nombreux à Chelles.",
            "category": "", "group": "", "association": speaking_for.pk}
    data.update(changes)
    return data


def edit_url(post):
    return reverse("extranet:post_edit", kwargs={"post_id": post.pk})


def withdraw_url(post):
    return reverse("extranet:post_withdraw", kwargs={"post_id": post.pk})


def test_a_member_posts_to_the_whole_network(client, member, association):
    client.force_login(member)

    response = client.post(CREATE_URL, post_data(association))

    post = Post.objects.get()
    assert response.status_code == 302
    assert response.url == post.get_absolute_url()
    assert (post.author, post.association, post.group) == (member, association, None)


def test_the_form_speaks_for_the_members_association_by_default(client, member, association):
    client.force_login(member)

    response = client.get(CREATE_URL)

    assert response.context["form"]["association"].value() == association.pk


def test_a_member_cannot_speak_for_an_association_they_do_not_act_for(client, member,
                                                                       association, neighbour):
    client.force_login(member)

    response = client.post(CREATE_URL, post_data(association, association=neighbour.pk))

    assert response.status_code == 200
    assert "association" in response.context["form"].errors
    assert not Post.objects.exists()


def test_a_member_posts_to_a_group_they_take_part_in(client, member, association):
    group = GroupMemberFactory(person=member).group
    client.force_login(member)

    client.post(CREATE_URL, post_data(association, group=group.pk))

    assert Post.objects.get().group == group


def test_a_member_cannot_post_to_a_group_they_are_not_in(client, member, association):
    group = WorkingGroupFactory()
    client.force_login(member)

    response = client.post(CREATE_URL, post_data(association, group=group.pk))

    assert response.status_code == 200
    assert "group" in response.context["form"].errors
    assert 'value="Bourse aux vélos samedi"' in response.text
    assert not Post.objects.exists()


def test_the_groups_offered_are_those_the_member_takes_part_in(client, member):
    mine = GroupMemberFactory(person=member).group
    WorkingGroupFactory(name="Commission des autres")
    client.force_login(member)

    response = client.get(CREATE_URL)

    assert list(response.context["form"].fields["group"].queryset) == [mine]


def test_a_member_is_not_offered_to_pin_a_post(client, member):
    client.force_login(member)

    response = client.get(CREATE_URL)

    assert "pinned" not in response.context["form"].fields
    assert 'name="pinned"' not in response.text


def test_a_pin_forged_by_a_member_is_ignored(client, member, association):
    client.force_login(member)

    client.post(CREATE_URL, post_data(association, pinned="on"))

    assert Post.objects.get().pinned is False


def test_a_coordinator_pins_a_post_and_it_comes_first_in_the_feed(client, coordinator):
    PostFactory(title="Une actualité plus récente")
    client.force_login(coordinator)
    association = coordinator.memberships.get().association

    client.post(CREATE_URL, post_data(association, title="Assemblée générale", pinned="on"))
    client.post(CREATE_URL, post_data(association, title="Encore plus récente"))

    feed = client.get(reverse("extranet:news_list")).context["posts"]
    assert feed[0].title == "Assemblée générale"
    assert feed[0].pinned is True


def test_publishing_tells_the_subscribers_once_the_post_is_saved(
    client, member, association, monkeypatch, django_capture_on_commit_callbacks
):
    told = []
    monkeypatch.setattr(notifications, "post_published", told.append)
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(CREATE_URL, post_data(association))
    assert told == []  # not before the commit
    for callback in callbacks:
        callback()

    assert told == [Post.objects.get().pk]


def test_a_refused_post_tells_nobody(client, member, association, monkeypatch,
                                     django_capture_on_commit_callbacks):
    told = []
    monkeypatch.setattr(notifications, "post_published", told.append)
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(CREATE_URL, post_data(association, title=""))

    assert told == []


def test_the_author_edits_their_post(client, member, association):
    post = PostFactory(author=member, association=association)
    client.force_login(member)

    response = client.post(edit_url(post), post_data(association, title="Nouveau titre"))

    post.refresh_from_db()
    assert response.status_code == 302
    assert post.title == "Nouveau titre"


def test_editing_a_post_tells_nobody_again(client, member, association, monkeypatch,
                                           django_capture_on_commit_callbacks):
    post = PostFactory(author=member, association=association)
    told = []
    monkeypatch.setattr(notifications, "post_published", told.append)
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(post), post_data(association, title="Nouveau titre"))

    assert told == []


def test_another_member_cannot_edit_a_post(client, member, representative, association):
    post = PostFactory(author=representative, association=association)
    client.force_login(member)

    response = client.post(edit_url(post), post_data(association, title="Détourné"))

    post.refresh_from_db()
    assert response.status_code == 403
    assert post.title != "Détourné"


def test_a_pinned_post_stays_pinned_when_its_author_edits_it(client, member, association):
    post = PostFactory(author=member, association=association, pinned=True)
    client.force_login(member)

    client.post(edit_url(post), post_data(association, title="Nouveau titre"))

    post.refresh_from_db()
    assert post.pinned is True


def test_a_coordinator_edits_a_post_without_speaking_for_its_association(
    client, coordinator, member, association
):
    post = PostFactory(author=member, association=association)
    client.force_login(coordinator)

    response = client.post(edit_url(post), post_data(association, title="Titre corrigé"))

    post.refresh_from_db()
    assert response.status_code == 302
    assert (post.title, post.association, post.author) == ("Titre corrigé", association, member)


def test_withdrawing_a_post_keeps_it_with_who_withdrew_it(client, member, association):
    post = PostFactory(author=member, association=association)
    client.force_login(member)

    response = client.post(withdraw_url(post))

    post.refresh_from_db()
    assert response.status_code == 302
    assert post.removed_at is not None
    assert post.removed_by == member


def test_withdrawing_asks_for_a_confirmation_first(client, member, association):
    post = PostFactory(author=member, association=association)
    client.force_login(member)

    response = client.get(withdraw_url(post))

    post.refresh_from_db()
    assert response.status_code == 200
    assert post.removed_at is None


def test_another_member_cannot_withdraw_a_post(client, member, representative, association):
    post = PostFactory(author=representative, association=association)
    client.force_login(member)

    response = client.post(withdraw_url(post))

    post.refresh_from_db()
    assert response.status_code == 403
    assert post.removed_at is None


def test_a_coordinator_withdraws_anybodys_post(client, coordinator, member, association):
    post = PostFactory(author=member, association=association)
    client.force_login(coordinator)

    client.post(withdraw_url(post))

    post.refresh_from_db()
    assert post.removed_by == coordinator


def test_a_withdrawn_post_is_not_found(client, member, association):
    post = PostFactory(author=member, association=association)
    client.force_login(member)
    client.post(withdraw_url(post))

    assert client.get(post.get_absolute_url()).status_code == 404
    assert client.get(edit_url(post)).status_code == 404


def test_the_body_is_escaped_and_its_addresses_become_links(client, member):
    post = PostFactory(body="<script>alert(1)</script>\n\nVoir https://example.org/appel")
    client.force_login(member)

    response = client.get(post.get_absolute_url())

    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;" in response.text
    assert '<a href="https://example.org/appel" rel="nofollow">' in response.text
