"""The hourly values in the Wagtail admin: a snippet under Settings, for whoever holds the
model's permissions."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from extranet.impact.models import HourlyValue
from tests.factories.impact import HourlyValueFactory

pytestmark = pytest.mark.django_db

LIST = "wagtailsnippets_impact_hourlyvalue:list"
ADD = "wagtailsnippets_impact_hourlyvalue:add"


@pytest.fixture
def admin_editor(editor):
    """An editor who may enter the admin, with no permission on the hourly values."""
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return editor


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "x")


def test_a_superuser_adds_the_hourly_value_of_a_year(client, superuser):
    client.force_login(superuser)

    response = client.post(reverse(ADD), {"year": 2026, "amount": "12.02",
                                          "source": "SMIC horaire brut 2026",
                                          "source_url": ""})

    assert response.status_code == 302
    assert str(HourlyValue.objects.get(year=2026).amount) == "12.02"


def test_the_hourly_values_are_in_the_settings_menu(client, superuser):
    HourlyValueFactory(year=2025)
    client.force_login(superuser)

    response = client.get(reverse("wagtailadmin_home"))

    assert reverse(LIST) in response.text


def test_an_editor_without_the_permissions_does_not_see_the_hourly_values(
    client, admin_editor
):
    client.force_login(admin_editor)

    response = client.get(reverse(LIST))

    assert response.status_code in (302, 403)


def test_an_editor_given_the_change_permission_sees_the_hourly_values(client, admin_editor):
    HourlyValueFactory(year=2025, source="SMIC horaire brut 2025")
    admin_editor.user_permissions.add(Permission.objects.get(codename="change_hourlyvalue"))
    client.force_login(admin_editor)

    response = client.get(reverse(LIST))

    assert response.status_code == 200
    assert "SMIC horaire brut 2025" in response.text


def test_the_coordinators_group_sets_the_hourly_values_and_the_editors_group_does_not(
    client, django_user_model
):
    from portal.editorial import setup_editorial_roles

    roles = setup_editorial_roles()
    coordinator = django_user_model.objects.create_user("coordinatrice", "c@example.org", "x")
    coordinator.groups.add(roles.coordinators)
    writer = django_user_model.objects.create_user("redacteur", "r@example.org", "x")
    writer.groups.add(roles.editors)

    client.force_login(coordinator)
    assert client.get(reverse(ADD)).status_code == 200
    client.force_login(writer)
    assert client.get(reverse(LIST)).status_code in (302, 403)
