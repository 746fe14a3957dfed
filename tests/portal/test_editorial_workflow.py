"""Volunteer editors write and submit; coordinators review and publish ("Relecture")."""

import io

import pytest
from django.core.management import call_command

from portal.editorial import WORKFLOW, setup_editorial_roles
from tests.factories import StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles(db):
    return setup_editorial_roles()


@pytest.fixture
def editor(roles):
    return UserFactory(username="redactrice", groups=[roles.editors])


@pytest.fixture
def coordinator(roles):
    return UserFactory(username="coordinateur", groups=[roles.coordinators])


def test_setup_is_idempotent(roles):
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission, Workflow

    counts = (Group.objects.count(), GroupPagePermission.objects.count(), Workflow.objects.count())

    call_command("setup_site", stdout=io.StringIO())

    assert (Group.objects.count(), GroupPagePermission.objects.count(),
            Workflow.objects.count()) == counts


def test_every_page_goes_through_the_review_workflow(roles, home_page):
    page = StandardPageFactory(parent=home_page)

    assert page.get_workflow().name == WORKFLOW


def test_an_editor_may_edit_their_own_page_but_not_publish_it(editor, home_page):
    page = StandardPageFactory(parent=home_page, owner=editor)
    permissions = page.permissions_for_user(editor)

    assert permissions.can_edit()
    assert not permissions.can_publish()


def test_an_editor_may_add_pages_anywhere(editor, home_page):
    assert home_page.permissions_for_user(editor).can_add_subpage()


def test_an_editor_cannot_edit_or_delete_someone_elses_pages(editor, coordinator, home_page):
    draft = StandardPageFactory(parent=home_page, owner=coordinator, live=False)
    permissions = draft.permissions_for_user(editor)

    assert not permissions.can_edit()
    assert not permissions.can_delete()
    assert not permissions.can_move()


def test_an_editor_cannot_delete_a_published_page_even_their_own(editor, home_page):
    page = StandardPageFactory(parent=home_page, owner=editor, live=True)

    assert not page.permissions_for_user(editor).can_delete()


@pytest.mark.parametrize("url", [
    "/admin/settings/portal/sitesettings/",
    "/admin/snippets/portal/menu/",
    "/admin/snippets/portal/menu/add/",
])
def test_an_editor_is_sent_back_from_settings_and_menus(client, editor, home_page, url):
    client.force_login(editor)

    response = client.get(url)

    # Wagtail answers "permission denied" with a redirect to the dashboard and a message.
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_a_coordinator_reaches_settings_and_menus(client, coordinator, home_page):
    client.force_login(coordinator)

    settings_page = client.get("/admin/settings/portal/sitesettings/", follow=True)

    assert settings_page.status_code == 200
    assert "Pages obligatoires" in settings_page.text
    assert client.get("/admin/snippets/portal/menu/").status_code == 200


def test_an_editor_cannot_translate_a_page_past_the_review(client, editor, home_page, english):
    page = StandardPageFactory(parent=home_page, owner=editor)
    client.force_login(editor)

    response = client.post(
        f"/admin/localize/submit/page/{page.pk}/", {"locales": [english.pk]}
    )

    assert response.status_code in (302, 403)
    assert page.get_translation_or_none(english) is None


def test_a_coordinator_may_publish(coordinator, home_page):
    page = StandardPageFactory(parent=home_page)

    assert page.permissions_for_user(coordinator).can_publish()


def test_a_submitted_page_goes_live_only_when_a_coordinator_approves(editor, coordinator,
                                                                      home_page):
    page = StandardPageFactory(parent=home_page, live=False, title="Appel à mobilisation")
    revision = page.save_revision(user=editor)
    workflow_state = page.get_workflow().start(page, editor)
    page.refresh_from_db()
    assert not page.live
    assert workflow_state.current_task_state.task.name == "Relecture par un coordinateur"

    workflow_state.current_task_state.approve(user=coordinator)

    page.refresh_from_db()
    assert page.live
    assert page.live_revision_id == revision.pk


def test_an_editor_can_submit_a_page_for_review_from_the_admin(client, editor, home_page):
    page = StandardPageFactory(parent=home_page, live=False, title="Brouillon", owner=editor)
    client.force_login(editor)

    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {"title": "Brouillon relu", "slug": page.slug, "introduction": "", "body-count": "0",
         "action-submit": "1"},
    )

    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert page.workflow_in_progress


def test_an_editor_cannot_publish_through_the_admin(client, editor, home_page):
    page = StandardPageFactory(parent=home_page, live=False, title="Brouillon", owner=editor)
    client.force_login(editor)

    client.post(
        f"/admin/pages/{page.pk}/edit/",
        {"title": "Publié en douce", "slug": page.slug, "introduction": "", "body-count": "0",
         "action-publish": "1"},
    )

    page.refresh_from_db()
    assert not page.live
    assert page.get_latest_revision_as_object().title == "Publié en douce"


def approve_from_the_edit_page(client, page):
    """The reviewer's « Approuver » at the foot of the edit page, the page unchanged."""
    return client.post(
        f"/admin/pages/{page.pk}/edit/",
        {"title": page.title, "slug": page.slug, "introduction": page.introduction,
         "body-count": "0", "action-workflow-action": "1", "workflow-action-name": "approve"},
        follow=True,
    )


def test_a_coordinator_who_approves_reads_that_the_page_is_published(client, editor,
                                                                    coordinator, home_page):
    page = StandardPageFactory(parent=home_page, live=False, title="Appel à mobilisation")
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    client.force_login(coordinator)

    response = approve_from_the_edit_page(client, page)

    page.refresh_from_db()
    assert page.live
    said = [str(message) for message in response.context["messages"]]
    assert said == ["La page « Appel à mobilisation » est approuvée et publiée."]


def test_a_coordinator_who_only_saves_still_reads_that_the_page_was_updated(client,
                                                                          coordinator,
                                                                          home_page):
    page = StandardPageFactory(parent=home_page, live=False, title="Brouillon")
    client.force_login(coordinator)

    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {"title": "Brouillon", "slug": page.slug, "introduction": page.introduction,
         "body-count": "0"},
        follow=True,
    )

    said = [str(message).strip() for message in response.context["messages"]]
    assert said == ["La page «\xa0Brouillon\xa0» a été mise à jour."]


def test_the_approval_s_message_replaces_wagtail_s_whatever_the_title_holds(client, editor,
                                                                          coordinator,
                                                                          home_page):
    page = StandardPageFactory(parent=home_page, live=False, title="L'appel des associations")
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    client.force_login(coordinator)

    response = approve_from_the_edit_page(client, page)

    said = [str(message) for message in response.context["messages"]]
    assert said == ["La page « L'appel des associations » est approuvée et publiée."]
