"""The decision register: numbered, chained, written once, checked by `verify_decisions`."""

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, IntegrityError, connection, transaction

from extranet.governance import register
from extranet.governance.models import Decision, Outcome, RegisterIsAppendOnly
from tests.factories import PlenaryFactory

pytestmark = pytest.mark.django_db

ON_POSTGRESQL = connection.vendor == "postgresql"


def decide(body, title="Position commune sur les locaux", on=datetime.date(2026, 6, 20),
           **fields):
    return register.publish(body=body, title=title, text="Le collectif demande…",
                            decided_on=on, outcome=Outcome.ADOPTED, **fields)


@pytest.fixture
def plenary():
    return PlenaryFactory()


@pytest.fixture
def decision(plenary):
    return decide(plenary)


def test_decisions_are_numbered_by_year_and_rank(plenary):
    numbers = [decide(plenary, on=on).number for on in (
        datetime.date(2026, 3, 1), datetime.date(2026, 6, 1), datetime.date(2027, 1, 15),
    )]
    assert numbers == ["2026-001", "2026-002", "2027-001"]


def test_each_decision_is_chained_to_the_one_written_before(plenary):
    first, second = decide(plenary), decide(plenary)
    assert second.previous == first
    assert second.content()["previous"] == first.hash
    assert first.previous is None


def test_a_written_decision_refuses_to_be_saved_again(decision):
    decision.title = "Autre chose"
    with pytest.raises(RegisterIsAppendOnly):
        decision.save()
    assert Decision.objects.get().title == "Position commune sur les locaux"


def test_a_written_decision_refuses_to_be_deleted(decision):
    with pytest.raises(RegisterIsAppendOnly):
        decision.delete()
    assert Decision.objects.count() == 1


def test_the_register_refuses_a_queryset_update(decision):
    with pytest.raises(RegisterIsAppendOnly):
        Decision.objects.filter(pk=decision.pk).update(title="Autre chose")


def test_the_register_refuses_a_queryset_delete(decision):
    with pytest.raises(RegisterIsAppendOnly):
        Decision.objects.all().delete()


def test_the_register_refuses_a_bulk_update(decision):
    decision.title = "Autre chose"
    with pytest.raises(RegisterIsAppendOnly):
        Decision.objects.bulk_update([decision], ["title"])


@pytest.mark.skipif(not ON_POSTGRESQL, reason="the trigger is PostgreSQL's")
def test_postgresql_refuses_an_update_in_sql(decision):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), \
            connection.cursor() as cursor:
        cursor.execute("UPDATE governance_decision SET title = 'x' WHERE id = %s",
                       [decision.pk])
    assert Decision.objects.get().title == decision.title


@pytest.mark.skipif(not ON_POSTGRESQL, reason="the trigger is PostgreSQL's")
def test_postgresql_refuses_a_delete_in_sql(decision):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), \
            connection.cursor() as cursor:
        cursor.execute("DELETE FROM governance_decision WHERE id = %s", [decision.pk])
    assert Decision.objects.filter(pk=decision.pk).exists()


def behind_the_registers_back(*statements):
    """What somebody with the database's keys could do: change rows behind the register's
    back (on PostgreSQL, with its trigger switched off first, which needs the foreign keys
    checked so far)."""
    with connection.cursor() as cursor:
        if ON_POSTGRESQL:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE governance_decision DISABLE TRIGGER USER")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for sql, parameters in statements:
            cursor.execute(sql, parameters)
        if ON_POSTGRESQL:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE governance_decision ENABLE TRIGGER USER")


def test_verify_decisions_says_an_intact_register_is_intact(plenary, capsys):
    decide(plenary), decide(plenary)
    call_command("verify_decisions")
    assert "intact : 2 décision(s)" in capsys.readouterr().out


def test_verify_decisions_names_a_decision_altered_in_sql(plenary):
    _first, second, _third = decide(plenary), decide(plenary), decide(plenary)
    behind_the_registers_back(("UPDATE governance_decision SET text = %s WHERE id = %s",
                               ["Le collectif ne demande rien.", second.pk]))
    with pytest.raises(CommandError, match=f"décision {second.number}"):
        call_command("verify_decisions")


def test_verify_decisions_names_the_decision_after_a_removed_one(plenary):
    first, second, third = decide(plenary), decide(plenary), decide(plenary)
    behind_the_registers_back(
        ("DELETE FROM governance_decision WHERE id = %s", [second.pk]),
        ("UPDATE governance_decision SET previous_id = %s WHERE id = %s", [first.pk, third.pk]),
    )
    with pytest.raises(CommandError, match=f"décision {third.number}"):
        call_command("verify_decisions")


def test_a_correction_is_a_new_decision_that_supersedes_the_old(decision, plenary):
    correction = decide(plenary, title="Position corrigée", supersedes=decision)
    assert Decision.objects.get(pk=decision.pk).superseded_by == correction


def test_the_register_has_one_first_decision_only(decision, plenary):
    second_first = Decision(number="2026-099", year=2026, sequence=99, body=plenary,
                            title="Fourche", text="…", decided_on=datetime.date(2026, 1, 1),
                            outcome=Outcome.ADOPTED, previous=None, hash="0" * 64)
    with pytest.raises(IntegrityError), transaction.atomic():
        second_first.save()
