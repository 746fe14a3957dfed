"""The admin's choosers, wagtail-localize's snippet API and the bulk actions ask for a
permission on a model holding personal data; reference data stays open to every editor.
(Every route and every model: tests/portal/test_admin_personal_data.py.)"""

import pytest

from portal.editorial import setup_editorial_roles
from tests.factories import AssociationFactory, SignatureFactory, UserFactory

pytestmark = pytest.mark.django_db
# What the admin does with a screen one may not see: back to the dashboard, with a message.
REFUSED = (302, "/admin/")


def refusal(response):
    return response.status_code, response.get("Location")


@pytest.fixture
def editor():
    return UserFactory(groups=[setup_editorial_roles().editors])


@pytest.fixture
def coordinator():
    return UserFactory(groups=[setup_editorial_roles().coordinators])


@pytest.fixture
def signature(campaign):
    return SignatureFactory(campaign=campaign, first_name="Philomène", last_name="Vasseur",
                            confirmed=True)


@pytest.fixture
def campaign(home_page):
    from tests.factories import CampaignIndexPageFactory, CampaignPageFactory

    return CampaignPageFactory(parent=CampaignIndexPageFactory(parent=home_page))


def test_an_editor_cannot_open_the_signatures_chooser(client, editor, signature):
    client.force_login(editor)

    chooser = client.get("/admin/snippets/choose/campaigns/signature/")
    chosen = client.get(f"/admin/snippets/choose/campaigns/signature/chosen/{signature.pk}/")

    assert refusal(chooser) == refusal(chosen) == REFUSED
    assert "Vasseur" not in chosen.text


def test_a_coordinator_chooses_among_the_signatures(client, coordinator, signature):
    client.force_login(coordinator)

    response = client.get("/admin/snippets/choose/campaigns/signature/results/")

    assert response.status_code == 200
    assert "Vasseur" in response.text


def test_an_editor_still_chooses_an_association_for_a_page(client, editor):
    AssociationFactory(name="Les Amis du Canal")
    client.force_login(editor)

    response = client.get("/admin/snippets/choose/directory/association/results/")

    assert response.status_code == 200
    assert "Les Amis du Canal" in response.text


def test_wagtail_localize_api_refuses_signatures_to_an_editor(client, editor, signature):
    client.force_login(editor)

    listing = client.get("/admin/localize/api/snippets/campaigns/signature/")
    detail = client.get(f"/admin/localize/api/snippets/campaigns/signature/{signature.pk}/")

    assert refusal(listing) == refusal(detail) == REFUSED


def test_wagtail_localize_api_still_lists_menus_to_a_coordinator(client, coordinator):
    from portal.models import Menu

    menu = Menu.objects.first()
    client.force_login(coordinator)

    response = client.get("/admin/localize/api/snippets/portal/menu/")

    assert response.status_code == 200
    assert menu is None or str(menu) in response.text


def test_the_bulk_delete_screen_does_not_name_signatures_to_an_editor(client, editor,
                                                                      signature):
    client.force_login(editor)

    response = client.get(
        f"/admin/bulk/campaigns/signature/delete/?id={signature.pk}&next=/admin/"
    )

    assert refusal(response) == REFUSED
    assert "Vasseur" not in response.text


def test_a_coordinator_sees_which_signatures_a_bulk_action_would_take(client, coordinator,
                                                                      signature):
    client.force_login(coordinator)

    response = client.get(
        f"/admin/bulk/campaigns/signature/approve_comment/?id={signature.pk}&next=/admin/"
    )

    assert response.status_code == 200
    assert "Vasseur" in response.text
