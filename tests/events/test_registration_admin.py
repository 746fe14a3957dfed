"""The registrations in the Wagtail admin: coordinators list, search, export and note
attendance; nobody adds or deletes one; editors and visitors do not see them."""

import csv
import io

import pytest
from django.core import mail
from django.db import connection
from django.db.models.query import QuerySet
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from events.models import Registration, RegistrationStatus
from portal import admin_exports
from portal.editorial import setup_editorial_roles
from tests.factories import RegistrableEventFactory, RegistrationFactory, UserFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/events/registration/"


@pytest.fixture
def roles(home_page):
    return setup_editorial_roles()


@pytest.fixture
def coordinator(client, roles):
    user = UserFactory(username="coordinatrice", groups=[roles.coordinators])
    client.force_login(user)
    return user


@pytest.fixture
def other_event(event_index):
    return RegistrableEventFactory(parent=event_index, title="Atelier comptabilité", slug="compta")


def export(client, **params):
    response = client.get(LIST, {"export": "csv", **params})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    assert text.startswith("\ufeff")  # so that spreadsheets read the accents right
    return response, list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_a_coordinator_sees_the_registrations_of_one_event(client, coordinator, event,
                                                           other_event):
    RegistrationFactory(event=event, name="Camille Martin")
    RegistrationFactory(event=other_event, name="Dominique Petit")

    response = client.get(LIST, {"event": event.pk})

    assert response.status_code == 200
    assert "Camille Martin" in response.text
    assert "Dominique Petit" not in response.text


def test_a_coordinator_filters_the_waiting_list(client, coordinator, event):
    RegistrationFactory(event=event, name="Camille Martin")
    RegistrationFactory(event=event, name="Dominique Petit", status=RegistrationStatus.WAITING)

    response = client.get(LIST, {"status": "waiting"})

    assert "Dominique Petit" in response.text
    assert "Camille Martin" not in response.text


def test_a_coordinator_finds_a_registration_by_its_email(client, coordinator, event):
    RegistrationFactory(event=event, name="Camille Martin", email="camille@jardins.example")
    RegistrationFactory(event=event, name="Dominique Petit")

    response = client.get(LIST, {"q": "jardins.example"})

    assert "Camille Martin" in response.text
    assert "Dominique Petit" not in response.text


def test_the_csv_export_has_the_rows_of_the_event(client, coordinator, event, other_event):
    RegistrationFactory(event=event, name="Camille Martin", email="camille@example.org",
                        association_name="Les Jardins", places=2, needs="Végétarien")
    RegistrationFactory(event=event, name="Alex Durand", status=RegistrationStatus.WAITING)
    RegistrationFactory(event=other_event, name="Dominique Petit")

    response, rows = export(client, event=event.pk)

    assert response["Content-Disposition"] == (
        'attachment; filename="inscriptions-emploi-associatif.csv"'
    )
    header, *lines = rows
    assert header[:4] == ["Événement", "Nom", "Adresse électronique", "Association"]
    by_name = {line[1]: line for line in lines}
    assert set(by_name) == {"Camille Martin", "Alex Durand"}
    camille = by_name["Camille Martin"]
    assert camille[:7] == ["Rencontre : l'emploi associatif", "Camille Martin",
                           "camille@example.org", "Les Jardins", "2", "Végétarien",
                           "confirmée"]
    assert by_name["Alex Durand"][6] == "en liste d'attente"


def test_the_csv_export_escapes_a_name_starting_with_equals(client, coordinator, event):
    RegistrationFactory(event=event, name='=HYPERLINK("http://evil.example","clic")',
                        association_name="+33 1 23", needs="@SUM(A1)")

    _response, (_header, line) = export(client, event=event.pk)

    assert line[1] == '\'=HYPERLINK("http://evil.example","clic")'
    assert line[3] == "'+33 1 23"
    assert line[5] == "'@SUM(A1)"


def test_the_xlsx_export_works_too(client, coordinator, event):
    RegistrationFactory(event=event, name="=1+1", attended=True)

    response = client.get(LIST, {"export": "xlsx", "event": event.pk})

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(
        'filename="inscriptions-emploi-associatif.xlsx"'
    )

    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, row = [[cell.value for cell in line] for line in sheet.iter_rows()]
    assert row[1] == "=1+1"
    assert sheet.cell(row=2, column=2).data_type == "s"  # text, not a formula
    assert row[header.index("Présente")] == "oui"


def exported_rows(client, export_format, event):
    """The rows of an export (heading aside) and the number of queries it took."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST, {"export": export_format, "event": event.pk})
        content = b"".join(response.streaming_content)
    if export_format == "csv":
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    else:
        rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    return rows[1:], len(queries)


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_a_large_export_reads_the_rows_in_chunks(client, coordinator, event, export_format,
                                                 monkeypatch):
    monkeypatch.setattr(admin_exports, "EXPORT_CHUNK", 2)
    chunk_sizes = []
    iterator = QuerySet.iterator

    def spied_iterator(queryset, chunk_size=None):
        chunk_sizes.append(chunk_size)
        return iterator(queryset, chunk_size=chunk_size)

    monkeypatch.setattr(QuerySet, "iterator", spied_iterator)
    RegistrationFactory.create_batch(3, event=event)
    few, queries_for_few = exported_rows(client, export_format, event)
    RegistrationFactory.create_batch(9, event=event)
    chunk_sizes.clear()

    many, queries_for_many = exported_rows(client, export_format, event)

    assert (len(few), len(many)) == (3, 12)
    assert chunk_sizes == [2]  # read 2 rows at a time, not the whole list at once
    assert queries_for_many == queries_for_few  # no query per row (the event is joined)


def test_a_coordinator_marks_attendance(client, coordinator, event):
    registration = RegistrationFactory(event=event, name="Camille Martin")

    response = client.post(f"{LIST}edit/{registration.pk}/",
                           {"attended": "true", "name": "Quelqu'un d'autre"})

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.attended is True
    assert registration.name == "Camille Martin"


def test_a_coordinator_marks_several_people_present_at_once(client, coordinator, event):
    first = RegistrationFactory(event=event)
    second = RegistrationFactory(event=event)
    untouched = RegistrationFactory(event=event)
    action = (f"/admin/bulk/events/registration/note_attendance/"
              f"?next={LIST}&id={first.pk}&id={second.pk}")

    page = client.get(action)
    response = client.post(action, {"attended": "yes"})

    assert page.status_code == 200
    assert response.status_code == 302
    assert set(Registration.objects.filter(attended=True)) == {first, second}
    untouched.refresh_from_db()
    assert untouched.attended is None


def test_a_coordinator_cancels_for_someone_who_called_and_the_waiting_list_moves_up(
    client, coordinator, event, django_capture_on_commit_callbacks
):
    called = RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=4)
    RegistrationFactory(event=event, places=2)
    waiting = RegistrationFactory(event=event, status=RegistrationStatus.WAITING,
                                  email="attente@example.org")
    action = f"/admin/bulk/events/registration/cancel_registration/?next={LIST}&id={called.pk}"

    assert client.get(action).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(action)

    assert response.status_code == 302
    called.refresh_from_db()
    waiting.refresh_from_db()
    assert called.status == RegistrationStatus.CANCELLED
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert mail.outbox[0].to == ["attente@example.org"]


def test_nobody_deletes_or_adds_a_registration(admin_client, event):
    registration = RegistrationFactory(event=event)

    deleting = admin_client.post(f"{LIST}delete/{registration.pk}/")
    adding = admin_client.get(f"{LIST}add/")

    assert deleting.status_code in (302, 403)
    assert adding.status_code in (302, 403)
    assert Registration.objects.filter(pk=registration.pk).exists()


def test_an_anonymous_visitor_cannot_see_the_registrations(client, event):
    RegistrationFactory(event=event)

    response = client.get(LIST)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login") + "?next=")


def test_a_volunteer_editor_cannot_see_the_registrations(client, roles, event):
    RegistrationFactory(event=event, name="Camille Martin")
    client.force_login(UserFactory(username="redactrice", groups=[roles.editors]))

    response = client.get(LIST)
    exported = client.get(LIST, {"export": "csv"})

    assert response.status_code in (302, 403)
    assert exported.status_code in (302, 403)


def test_the_event_page_admin_links_to_its_registrations(client, coordinator, event):
    response = client.get(f"/admin/pages/{event.pk}/edit/")

    assert response.status_code == 200
    assert f"{LIST}?event={event.pk}" in response.text


def test_the_registration_list_runs_a_bounded_number_of_queries(
    client, coordinator, event, django_assert_max_num_queries
):
    for number in range(5):
        RegistrationFactory(event=event, email=f"p{number}@example.org")
    client.get(LIST)
    with django_assert_max_num_queries(40) as few:
        client.get(LIST)
    for number in range(5, 60):
        RegistrationFactory(event=event, email=f"p{number}@example.org")

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(LIST)
    assert response.status_code == 200
