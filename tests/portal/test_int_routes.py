"""A number too large for the database in any integer route answers 404, never 500.

The routes are read from the URL configuration and from the routable pages, so a new integer
route is requested here without a line to add: the project's own answer 404 whatever the
method and whoever asks (their `id` converter refuses the number, portal.converters), the
ones of Wagtail and other packages at least never fail."""

import importlib
import pkgutil
import re
from pathlib import Path

import factory
import pytest
from django.apps import apps
from django.conf import settings
from django.urls import URLResolver, get_resolver
from django.urls.converters import IntConverter
from wagtail.contrib.routable_page.models import RoutablePageMixin

import tests.factories
from extranet.accounts.models import Role
from tests.factories import MembershipFactory

TOO_LARGE = [2**63, 10**30]
PARAMETER = re.compile(r"<(?:\w+:)?\w+>")


def int_routes(patterns, prefix="", converters=None):
    """(route, view) of every pattern under `patterns` with an integer parameter."""
    for pattern in patterns:
        found = {**(converters or {}), **getattr(pattern.pattern, "converters", {})}
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from int_routes(pattern.url_patterns, route, found)
        elif any(isinstance(converter, IntConverter) for converter in found.values()):
            yield route, pattern.callback


def is_ours(view):
    module = importlib.import_module(view.__module__)
    path = Path(module.__file__).resolve()
    return path.is_relative_to(Path(settings.BASE_DIR).resolve()) and ".venv" not in path.parts


ROUTES = sorted(set(int_routes(get_resolver().url_patterns)), key=lambda item: item[0])
OUR_ROUTES = [route for route, view in ROUTES if is_ours(view)]
OTHER_ROUTES = [route for route, view in ROUTES if not is_ours(view)]


def routable_int_routes():
    """(page model, route) of each routable page's route with an integer parameter."""
    for model in apps.get_models():
        if issubclass(model, RoutablePageMixin):
            for route, _view in int_routes(model.get_subpage_urls()):
                yield model, route


ROUTABLE_ROUTES = list(routable_int_routes())


def url(route, number):
    return "/" + PARAMETER.sub(str(number), route)


def page_factory(model):
    """The factory of `model` among tests/factories."""
    for module_info in pkgutil.iter_modules(tests.factories.__path__):
        module = importlib.import_module(f"tests.factories.{module_info.name}")
        for value in vars(module).values():
            if (isinstance(value, type) and issubclass(value, factory.django.DjangoModelFactory)
                    and value._meta.model is model):
                return value
    raise AssertionError(f"{model.__name__} has no factory in tests/factories")


@pytest.fixture
def superuser_member(db):
    """Signed in, may go anywhere: no permission check answers before the route."""
    person = MembershipFactory(role=Role.MEMBER).person
    person.is_superuser = person.is_staff = True
    person.save()
    return person


def test_the_project_has_integer_routes_to_check():
    assert "petitions/signer/<id:page_id>/" in OUR_ROUTES
    assert "events/inscription/<id:page_id>/merci/" in OUR_ROUTES
    assert "extranet/actualites/<id:post_id>/" in OUR_ROUTES
    assert any(route.startswith("admin/") for route in OUR_ROUTES)
    assert OTHER_ROUTES
    assert ROUTABLE_ROUTES


@pytest.mark.parametrize("route", OUR_ROUTES)
@pytest.mark.parametrize("number", TOO_LARGE)
def test_a_number_beyond_64_bits_answers_404_on_each_route_of_the_project(
    client, home_page, superuser_member, route, number
):
    client.raise_request_exception = False
    client.force_login(superuser_member)
    assert client.get(url(route, number)).status_code == 404
    assert client.post(url(route, number)).status_code == 404


@pytest.mark.parametrize("route", [route for route in OUR_ROUTES if not route.startswith("admin/")])
def test_a_number_beyond_64_bits_answers_404_to_anonymous_visitors(client, home_page, route):
    """(The admin asks anonymous visitors to sign in first, whatever the address.)"""
    client.raise_request_exception = False
    assert client.get(url(route, 2**63)).status_code == 404


@pytest.mark.parametrize("route", OTHER_ROUTES)
def test_a_number_beyond_64_bits_never_fails_on_the_routes_of_packages(
    client, home_page, superuser_member, route
):
    client.raise_request_exception = False
    client.force_login(superuser_member)
    assert client.get(url(route, 2**63)).status_code < 500


@pytest.mark.parametrize(("model", "route"), ROUTABLE_ROUTES,
                         ids=[f"{model.__name__}:{route}" for model, route in ROUTABLE_ROUTES])
@pytest.mark.parametrize("number", TOO_LARGE)
def test_a_number_beyond_64_bits_answers_404_on_each_route_of_a_routable_page(
    client, home_page, model, route, number
):
    page = page_factory(model)(parent=home_page)
    client.raise_request_exception = False
    assert client.get(page.url + url(route, number)[1:]).status_code == 404


def test_the_id_converter_takes_the_largest_database_id(client):
    from portal.converters import MAX_ID, IdConverter

    converter = IdConverter()
    assert converter.to_python(str(MAX_ID)) == MAX_ID
    assert converter.to_url(12) == "12"
    with pytest.raises(ValueError):
        converter.to_python(str(MAX_ID + 1))
