"""The demo seeded once for a whole test module, where its tests only read it."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="module")
def seeded_once(django_db_setup, django_db_blocker):
    """`seed_demo` run once for the module, inside a transaction rolled back after its last
    test: each test (marked django_db) runs in a savepoint of it, as Django's TestCase does
    with `setUpTestData`. Seeding takes many seconds; the module's tests only read what it
    made (or roll back what they change)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)
