"""Meetings and proposals cite documents of the library: their author chooses among the
live documents they read; each reader is shown those they read, the others only counted,
binned ones not at all; the convocation lists them; the pages' queries do not grow with
them."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from extranet.documents import library
from extranet.documents.models import Audience
from extranet.governance.models import BodyMeeting, Proposal
from tests.factories import (
    AssociationFactory,
    BodyFactory,
    BodyMeetingFactory,
    BodySeatFactory,
    FolderFactory,
    MembershipFactory,
    PlenaryFactory,
    ProposalFactory,
    make_document,
)

pytestmark = pytest.mark.django_db

PROPOSAL_CREATE_URL = reverse("extranet:proposal_create")


@pytest.fixture
def plenary(db):
    return PlenaryFactory()


@pytest.fixture
def statutes(db):
    """A document every member reads, in « Vie du collectif › Statuts »."""
    parent = FolderFactory(name="Vie du collectif")
    return make_document(FolderFactory(name="Statuts", parent=parent),
                         title="Statuts du collectif")


@pytest.fixture
def accounts(db):
    """A document only the coordinators read."""
    return make_document(FolderFactory(name="Trésorerie", audience=Audience.COORDINATORS),
                         title="Comptes détaillés 2026")


def proposal_data(body, author, **changes):
    return {"body": body.pk, "author_association": author.pk,
            "title": "Une position commune sur les locaux",
            "text": "Le collectif demande des salles municipales gratuites.",
            "rationale": "", "effect": "", **changes}


def proposal_url(name, proposal):
    return reverse(f"extranet:{name}", kwargs={"proposal_id": proposal.pk})


def queries_of(client, address):
    client.get(address)  # Warm the site's settings and caches.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


# Proposals: choosing.

def test_the_representative_cites_a_library_document_when_proposing(
    client, representative, association, plenary, statutes,
):
    client.force_login(representative)

    response = client.post(PROPOSAL_CREATE_URL, proposal_data(
        plenary, association, library_documents=[statutes.pk]))

    proposal = Proposal.objects.get()
    assert response.url == proposal.get_absolute_url()
    assert list(proposal.library_documents.all()) == [statutes]


def test_the_form_offers_the_readable_live_documents_grouped_by_their_folders_path(
    client, representative, plenary, statutes, accounts,
):
    binned = make_document(statutes.folder, title="Anciens statuts")
    library.move_to_bin(binned, by=representative)
    client.force_login(representative)

    page = client.get(PROPOSAL_CREATE_URL).text

    assert '<optgroup label="Vie du collectif › Statuts">' in page
    assert f'<option value="{statutes.pk}">Statuts du collectif</option>' in page
    assert "Comptes détaillés 2026" not in page
    assert "Anciens statuts" not in page


def test_a_document_the_representative_does_not_read_is_refused_even_by_its_id(
    client, representative, association, plenary, accounts,
):
    client.force_login(representative)

    response = client.post(PROPOSAL_CREATE_URL, proposal_data(
        plenary, association, library_documents=[accounts.pk]))

    assert response.status_code == 200
    assert "library_documents" in response.context["form"].errors
    assert not Proposal.objects.exists()


def test_a_binned_document_cannot_be_cited(client, representative, association, plenary,
                                          statutes):
    library.move_to_bin(statutes, by=representative)
    client.force_login(representative)

    response = client.post(PROPOSAL_CREATE_URL, proposal_data(
        plenary, association, library_documents=[statutes.pk]))

    assert "library_documents" in response.context["form"].errors
    assert not Proposal.objects.exists()


def test_the_edit_form_shows_the_cited_documents_selected(client, representative, association,
                                                          plenary, statutes):
    proposal = ProposalFactory(body=plenary, author_association=association)
    proposal.library_documents.add(statutes)
    client.force_login(representative)

    page = client.get(proposal_url("proposal_edit", proposal)).text

    assert f'<option value="{statutes.pk}" selected>Statuts du collectif</option>' in page


def test_editing_changes_the_cited_documents(client, representative, association, plenary,
                                             statutes):
    proposal = ProposalFactory(body=plenary, author_association=association)
    rules = make_document(statutes.folder, title="Règlement intérieur")
    proposal.library_documents.add(statutes)
    client.force_login(representative)

    client.post(proposal_url("proposal_edit", proposal), {
        "title": proposal.title, "text": proposal.text, "effect": "",
        "library_documents": [rules.pk],
    })

    assert list(proposal.library_documents.all()) == [rules]


def test_editing_keeps_the_documents_the_editor_does_not_read(
    client, representative, association, plenary, statutes, accounts,
):
    proposal = ProposalFactory(body=plenary, author_association=association)
    proposal.library_documents.add(statutes, accounts)
    client.force_login(representative)

    client.post(proposal_url("proposal_edit", proposal), {
        "title": proposal.title, "text": proposal.text, "effect": "",
    })

    assert list(proposal.library_documents.all()) == [accounts]


# Proposals: reading.

def test_a_member_sees_the_documents_they_read_with_their_links(client, member, plenary,
                                                                 statutes):
    proposal = ProposalFactory(body=plenary)
    proposal.library_documents.add(statutes)
    client.force_login(member)

    page = client.get(proposal.get_absolute_url()).text

    assert "Statuts du collectif" in page
    assert reverse("extranet:document_detail", args=[statutes.pk]) in page
    assert reverse("extranet:document_download", args=[statutes.pk]) in page


def test_a_member_is_not_told_the_title_of_a_document_they_do_not_read(
    client, member, plenary, statutes, accounts,
):
    proposal = ProposalFactory(body=plenary)
    proposal.library_documents.add(statutes, accounts)
    client.force_login(member)

    page = client.get(proposal.get_absolute_url()).text

    assert "Comptes détaillés 2026" not in page
    assert reverse("extranet:document_detail", args=[accounts.pk]) not in page
    assert "1 document réservé à d'autres lecteurs." in page


def test_a_coordinator_sees_every_cited_document(client, coordinator, plenary, statutes,
                                                accounts):
    proposal = ProposalFactory(body=plenary)
    proposal.library_documents.add(statutes, accounts)
    client.force_login(coordinator)

    page = client.get(proposal.get_absolute_url()).text

    assert "Statuts du collectif" in page and "Comptes détaillés 2026" in page
    assert "réservé" not in page


def test_a_binned_document_vanishes_from_the_proposal(client, member, coordinator, plenary,
                                                     statutes):
    proposal = ProposalFactory(body=plenary)
    proposal.library_documents.add(statutes)
    library.move_to_bin(statutes, by=coordinator)
    client.force_login(member)

    page = client.get(proposal.get_absolute_url()).text

    assert "Statuts du collectif" not in page
    assert "réservé" not in page
    assert "Documents de la bibliothèque" not in page


def test_the_proposal_page_runs_as_many_queries_for_ten_documents_as_for_one(
    client, member, plenary, statutes, django_assert_max_num_queries,
):
    proposal = ProposalFactory(body=plenary)
    proposal.library_documents.add(statutes)
    client.force_login(member)
    one = queries_of(client, proposal.get_absolute_url())
    folder = FolderFactory()
    proposal.library_documents.add(*[make_document(folder, title=f"Annexe {n}")
                                     for n in range(9)])

    with django_assert_max_num_queries(one):
        response = client.get(proposal.get_absolute_url())

    assert len(response.context["library"].readable) == 10


def test_the_proposal_list_does_not_grow_with_cited_documents(
    client, member, plenary, statutes, django_assert_max_num_queries,
):
    proposals = [ProposalFactory(body=plenary) for _n in range(3)]
    client.force_login(member)
    bare = queries_of(client, reverse("extranet:proposal_list"))
    for proposal in proposals:
        proposal.library_documents.add(statutes, make_document(statutes.folder))

    with django_assert_max_num_queries(bare):
        client.get(reverse("extranet:proposal_list"))


# Meetings.

@pytest.fixture
def committee(db):
    """A committee of two seated associations, with one person each."""
    committee = BodyFactory(name="Comité de coordination")
    for name in ("Amicale laïque de Chelles", "Jardins de Vaires"):
        seat = BodySeatFactory(body=committee, association=AssociationFactory(
            name=name, is_member=True))
        MembershipFactory(association=seat.association)
    return committee


def meeting_data(**changes):
    starts = datetime.datetime.combine(timezone.localdate() + datetime.timedelta(days=14),
                                       datetime.time(18, 0))
    return {
        "title": "Réunion de rentrée", "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (starts + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "place": "Maison des associations, Chelles", "online_url": "",
        "agenda_lines": "Accueil\nBudget 2027", **changes,
    }


def convene(client, coordinator, committee, captured, **changes):
    client.force_login(coordinator)
    with captured(execute=True):
        return client.post(
            reverse("extranet:body_meeting_create") + f"?instance={committee.slug}",
            meeting_data(**changes),
        )


def test_convening_cites_the_chosen_library_documents(
    client, coordinator, committee, statutes, accounts, django_capture_on_commit_callbacks,
):
    convene(client, coordinator, committee, django_capture_on_commit_callbacks,
            library_documents=[statutes.pk, accounts.pk])

    body_meeting = BodyMeeting.objects.get()
    assert set(body_meeting.library_documents.all()) == {statutes, accounts}


def test_a_binned_document_cannot_be_cited_by_a_meeting(
    client, coordinator, committee, statutes, mailoutbox, django_capture_on_commit_callbacks,
):
    library.move_to_bin(statutes, by=coordinator)

    response = convene(client, coordinator, committee, django_capture_on_commit_callbacks,
                       library_documents=[statutes.pk])

    assert "library_documents" in response.context["form"].errors
    assert not BodyMeeting.objects.exists()
    assert mailoutbox == []


def test_the_meeting_edit_form_shows_the_cited_documents_selected_and_saves_changes(
    client, coordinator, committee, statutes, accounts,
):
    body_meeting = BodyMeetingFactory(body=committee)
    body_meeting.library_documents.add(statutes)
    edit_url = reverse("extranet:body_meeting_edit", args=[body_meeting.pk])
    client.force_login(coordinator)

    page = client.get(edit_url).text
    client.post(edit_url, meeting_data(library_documents=[accounts.pk]))

    assert f'<option value="{statutes.pk}" selected>Statuts du collectif</option>' in page
    assert list(body_meeting.library_documents.all()) == [accounts]


def test_the_convocation_lists_the_documents_each_person_reads_with_their_address(
    client, coordinator, committee, statutes, accounts, mailoutbox,
    django_capture_on_commit_callbacks,
):
    convene(client, coordinator, committee, django_capture_on_commit_callbacks,
            library_documents=[statutes.pk, accounts.pk])

    body = mailoutbox[0].body
    assert len(mailoutbox) == 2
    assert "Documents de la bibliothèque :" in body
    assert "- Statuts du collectif : http" in body
    assert reverse("extranet:document_detail", args=[statutes.pk]) in body
    assert "Comptes détaillés 2026" not in body
    assert "1 document réservé à d'autres lecteurs." in body


def test_a_convocation_without_library_documents_does_not_mention_the_library(
    client, coordinator, committee, mailoutbox, django_capture_on_commit_callbacks,
):
    convene(client, coordinator, committee, django_capture_on_commit_callbacks)

    assert "bibliothèque" not in mailoutbox[0].body


def test_the_meeting_page_shows_what_the_member_reads_and_counts_the_rest(
    client, member, plenary, statutes, accounts, coordinator,
):
    body_meeting = BodyMeetingFactory(body=plenary)
    binned = make_document(statutes.folder, title="Anciens statuts")
    body_meeting.library_documents.add(statutes, accounts, binned)
    library.move_to_bin(binned, by=coordinator)
    client.force_login(member)

    page = client.get(reverse("extranet:body_meeting_detail", args=[body_meeting.pk])).text

    assert reverse("extranet:document_download", args=[statutes.pk]) in page
    assert "Comptes détaillés 2026" not in page and "Anciens statuts" not in page
    assert "1 document réservé à d'autres lecteurs." in page


def test_the_meeting_page_runs_as_many_queries_for_ten_documents_as_for_one(
    client, member, plenary, statutes, django_assert_max_num_queries,
):
    body_meeting = BodyMeetingFactory(body=plenary)
    body_meeting.library_documents.add(statutes)
    address = reverse("extranet:body_meeting_detail", args=[body_meeting.pk])
    client.force_login(member)
    one = queries_of(client, address)
    folder = FolderFactory(audience=Audience.COORDINATORS)
    body_meeting.library_documents.add(*[make_document(folder, title=f"Annexe {n}")
                                         for n in range(9)])

    with django_assert_max_num_queries(one):
        response = client.get(address)

    assert response.context["library"].reserved == 9


def test_the_meeting_list_does_not_grow_with_cited_documents(
    client, member, plenary, statutes, django_assert_max_num_queries,
):
    body_meetings = [BodyMeetingFactory(body=plenary) for _n in range(3)]
    client.force_login(member)
    bare = queries_of(client, reverse("extranet:body_meeting_list"))
    for body_meeting in body_meetings:
        body_meeting.library_documents.add(statutes, make_document(statutes.folder))

    with django_assert_max_num_queries(bare):
        client.get(reverse("extranet:body_meeting_list"))
