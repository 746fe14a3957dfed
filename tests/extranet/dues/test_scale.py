"""The dues scale: the amount of a budget at the brackets' edges, the scale of a year
without its own, and the admin (a snippet under Settings) that refuses a scale that is not
one."""

from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from extranet.dues.models import DuesScale
from portal.editorial import setup_editorial_roles
from tests.factories.dues import scale

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_dues_duesscale:add"
LIST = "wagtailsnippets_dues_duesscale:list"


@pytest.mark.parametrize(("budget", "amount"), [
    ("0", 30), ("9999.99", 30), ("10000", 80), ("49999.99", 80), ("50000", 150),
    ("200000", 300), ("999999999.99", 300),
])
def test_the_scale_gives_the_amount_of_the_bracket_the_budget_falls_in(budget, amount):
    assert scale(2027).amount_for(Decimal(budget)) == amount


def test_a_negative_budget_has_no_amount():
    with pytest.raises(ValueError):
        scale(2027).amount_for(Decimal("-1"))


def test_a_year_without_its_scale_takes_the_closest_previous_years():
    scale(2024, brackets=[(0, 20)])
    scale(2026, brackets=[(0, 25)])
    scale(2028, brackets=[(0, 40)])

    assert DuesScale.for_year(2027).year == 2026


def test_a_year_before_every_scale_has_none():
    scale(2026)

    assert DuesScale.for_year(2025) is None


# The admin.

@pytest.fixture
def coordinator_in_admin(client, django_user_model):
    """A person of the Coordinateurs group of the admin, signed in there."""
    roles = setup_editorial_roles()
    user = django_user_model.objects.create_user("tresoriere", "t@example.org", "x")
    user.groups.add(roles.coordinators)
    client.force_login(user)
    return user


def scale_data(year, *brackets):
    return nested_form_data({
        "year": year, "fund_share": 20, "note": "",
        "brackets": inline_formset([{"budget_from": start, "amount": amount}
                                    for start, amount in brackets], min=1),
    })


def test_a_coordinator_sets_the_scale_of_a_year_with_its_brackets(client,
                                                                  coordinator_in_admin):
    response = client.post(reverse(ADD), scale_data(2027, (0, 30), (10000, 80)))

    assert response.status_code == 302
    assert DuesScale.for_year(2027).amount_for(Decimal("10000")) == 80


def test_a_scale_without_a_bracket_from_zero_is_refused(client, coordinator_in_admin):
    response = client.post(reverse(ADD), scale_data(2027, (1000, 30), (10000, 80)))

    assert response.status_code == 200
    assert "La première tranche commence à 0" in response.text
    assert not DuesScale.objects.exists()


def test_a_scale_with_two_brackets_from_the_same_budget_is_refused(client,
                                                                  coordinator_in_admin):
    response = client.post(reverse(ADD), scale_data(2027, (0, 30), (10000, 80),
                                                    (10000, 90)))

    assert response.status_code == 200
    assert "Deux tranches commencent au même budget" in response.text
    assert not DuesScale.objects.exists()


def test_a_deleted_bracket_does_not_count(client, coordinator_in_admin):
    data = scale_data(2027, (0, 30), (0, 40))
    data["brackets-1-DELETE"] = "1"

    response = client.post(reverse(ADD), data)

    assert response.status_code == 302
    assert DuesScale.for_year(2027).amount_for(0) == 30


def test_the_coordinators_group_may_not_delete_a_scale(coordinator_in_admin):
    assert coordinator_in_admin.has_perm("dues.change_duesscale")
    assert not coordinator_in_admin.has_perm("dues.delete_duesscale")


def test_the_editors_group_does_not_see_the_scales(client, django_user_model):
    roles = setup_editorial_roles()
    writer = django_user_model.objects.create_user("redacteur", "r@example.org", "x")
    writer.groups.add(roles.editors)
    client.force_login(writer)

    assert client.get(reverse(LIST)).status_code in (302, 403)


def test_the_scales_are_in_the_settings_menu(client, coordinator_in_admin):
    response = client.get(reverse("wagtailadmin_home"))

    assert reverse(LIST) in response.text
