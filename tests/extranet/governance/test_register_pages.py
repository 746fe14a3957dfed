"""The decision register's pages: read by members, exported, printed; corrected only by a
new decision; never changed nor deleted by any page."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from extranet.governance import register
from extranet.governance.models import Decision, Outcome
from tests.factories import BodyFactory

pytestmark = pytest.mark.django_db


def decide(body, title="Position commune sur les locaux", on=None, **fields):
    return register.publish(body=body, title=title, text="Le collectif demande des salles.",
                            decided_on=on or timezone.localdate(), outcome=Outcome.ADOPTED,
                            **fields)


def detail(decision):
    return reverse("extranet:decision_detail", kwargs={"number": decision.number})


def correct(decision):
    return reverse("extranet:decision_correct", kwargs={"number": decision.number})


def snapshot():
    return list(Decision.objects.order_by("pk").values())


# Reading


def test_the_register_lists_every_decision_newest_first(client, member, plenary):
    first = decide(plenary, title="Première")
    second = decide(plenary, title="Seconde", is_public=True)
    client.force_login(member)

    response = client.get(reverse("extranet:decision_list"))

    assert list(response.context["decisions"]) == [second, first]
    assert "publique" in response.content.decode()


def test_the_register_filters_by_body_and_year(client, member, plenary):
    committee = BodyFactory(name="Comité des locaux")
    this_year = timezone.localdate()
    decide(plenary, title="En plénière")
    ours = decide(committee, title="Au comité")
    decide(committee, title="L'an passé", on=this_year - datetime.timedelta(days=400))
    client.force_login(member)

    response = client.get(reverse("extranet:decision_list"),
                          {"body": committee.pk, "year": this_year.year})

    assert list(response.context["decisions"]) == [ours]


def test_a_decision_page_shows_its_text_tally_links_and_hashes(client, member, plenary):
    old = decide(plenary, title="Ancienne")
    new = decide(plenary, title="Nouvelle", supersedes=old)
    client.force_login(member)

    content = client.get(detail(old)).content.decode()

    assert "Le collectif demande des salles." in content
    assert f"Cette décision est remplacée par la <a href=\"{detail(new)}\">" in content
    assert old.hash in content
    assert "c'est la première décision du registre" in content
    assert new.previous.hash in client.get(detail(new)).content.decode()


def test_the_list_marks_a_superseded_decision(client, member, plenary):
    old = decide(plenary, title="Ancienne")
    new = decide(plenary, title="Nouvelle", supersedes=old)
    client.force_login(member)

    content = client.get(reverse("extranet:decision_list")).content.decode()

    assert f"remplacée par {new.number}" in content


def test_a_non_member_cannot_read_the_register(client, non_member, plenary):
    decision = decide(plenary)
    client.force_login(non_member)

    assert client.get(reverse("extranet:decision_list")).status_code == 403
    assert client.get(detail(decision)).status_code == 403
    assert client.get(reverse("extranet:decision_export")).status_code == 403


# Nothing changes a decision


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_no_page_changes_or_deletes_a_decision(client, coordinator, plenary, method):
    decision = decide(plenary)
    client.force_login(coordinator)
    before = snapshot()

    for url in (detail(decision), reverse("extranet:decision_list"),
                reverse("extranet:decision_export"), reverse("extranet:decision_print")):
        response = getattr(client, method)(url, {"title": "Changée", "text": "Effacée"})
        assert response.status_code == 405

    assert snapshot() == before


def test_a_coordinator_corrects_a_decision_with_a_new_one(client, coordinator, plenary):
    decision = decide(plenary)
    client.force_login(coordinator)
    before = snapshot()

    response = client.post(correct(decision), {"title": "Position corrigée",
                                               "text": "Le collectif demande des salles "
                                                       "chauffées.", "is_public": "on"})

    correction = Decision.objects.get(supersedes=decision)
    assert response.url == detail(correction)
    assert (correction.title, correction.body, correction.outcome, correction.is_public,
            correction.decided_on) == ("Position corrigée", plenary, Outcome.ADOPTED, True,
                                       timezone.localdate())
    assert correction.previous == decision
    assert snapshot()[:1] == before  # the corrected decision is as it was


def test_a_decision_already_corrected_is_not_corrected_again(client, coordinator, plenary):
    decision = decide(plenary)
    correction = decide(plenary, title="Corrigée", supersedes=decision)
    client.force_login(coordinator)

    response = client.post(correct(decision), {"title": "Encore", "text": "Encore"},
                           follow=True)

    assert f"a déjà été corrigée par la décision {correction.number}" in \
        response.content.decode()
    assert Decision.objects.count() == 2


def test_a_representative_cannot_correct_a_decision(client, representative, plenary):
    decision = decide(plenary)
    client.force_login(representative)

    response = client.post(correct(decision), {"title": "Changée", "text": "Changée"})

    assert response.status_code == 403
    assert Decision.objects.count() == 1


def test_a_correction_without_text_is_refused(client, coordinator, plenary):
    decision = decide(plenary)
    client.force_login(coordinator)

    response = client.post(correct(decision), {"title": "Corrigée", "text": ""})

    assert "text" in response.context["form"].errors
    assert Decision.objects.count() == 1


# The CSV and the printable page


def test_the_csv_holds_the_register_in_order_and_safe_for_spreadsheets(client, member, plenary):
    first = decide(plenary, title="=HYPERLINK(\"http://exemple.org\")")
    second = decide(plenary, title="Seconde", supersedes=first, is_public=True)
    client.force_login(member)

    response = client.get(reverse("extranet:decision_export"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode()
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:4] == ["Numéro", "Décidée le", "Instance", "Intitulé"]
    assert [row[0] for row in rows[1:]] == [first.number, second.number]
    assert rows[1][3] == "'=HYPERLINK(\"http://exemple.org\")"
    heads = rows[0]
    assert rows[1][heads.index("Remplacée par")] == second.number
    assert rows[2][heads.index("Remplace")] == first.number
    assert rows[2][heads.index("Publique")] == "oui"
    assert rows[2][heads.index("Empreinte précédente")] == first.hash


def test_the_csv_follows_the_filters(client, member, plenary):
    committee = BodyFactory(name="Comité des locaux")
    decide(plenary, title="En plénière")
    ours = decide(committee, title="Au comité")
    client.force_login(member)

    response = client.get(reverse("extranet:decision_export"), {"body": committee.pk})

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode()
                                       .lstrip("\ufeff")), delimiter=";"))
    assert [row[0] for row in rows[1:]] == [ours.number]


def test_the_printable_register_holds_each_decision_with_its_text(client, member, plenary):
    decide(plenary, title="Première")
    decide(plenary, title="Seconde")
    client.force_login(member)

    content = client.get(reverse("extranet:decision_print")).content.decode()

    assert content.index("Première") < content.index("Seconde")
    assert content.count("Le collectif demande des salles.") == 2


# Bounded queries


def test_the_register_pages_read_as_many_queries_with_30_decisions_as_with_3(
    client, member, plenary, django_assert_max_num_queries
):
    def fill(count):
        for _number in range(count):
            previous = Decision.objects.order_by("-pk").first()
            decide(plenary, supersedes=previous if previous and not hasattr(
                previous, "superseded_by") else None)

    client.force_login(member)
    fill(3)
    pages = [reverse("extranet:decision_list"), reverse("extranet:decision_print"),
             reverse("extranet:decision_export")]
    few = {}
    for page in pages:
        client.get(page)
        with django_assert_max_num_queries(25) as counted:
            b"".join(client.get(page).streaming_content) if page.endswith(".csv") else \
                client.get(page)
        few[page] = len(counted.captured_queries)  # read now: requests forget them
    fill(27)

    for page in pages:
        with django_assert_max_num_queries(few[page]):
            response = client.get(page)
            if page.endswith(".csv"):
                assert len(b"".join(response.streaming_content).splitlines()) == 31
