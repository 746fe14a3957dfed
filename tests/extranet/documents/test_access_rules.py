"""Who reads the library: each rule of a folder (every member, a working group, a body, the
coordinators, public) for each kind of visitor, on the folder's page, a document's page, the
download of its current version and of an older one. A subfolder is never more open than
its parent; the bin is the coordinators'; anonymous visitors are sent to the login page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from extranet.documents import library
from extranet.documents.models import Audience, DocumentEvent, EventKind
from extranet.documents.urls import urlpatterns
from tests.extranet.documents.conftest import FIRST_VERSION, SECOND_VERSION, two_versions
from tests.factories import FolderFactory, make_document

pytestmark = pytest.mark.django_db

LOGIN = "login"
VISITORS = ["anonymous", "non_member", "member", "representative", "coordinator", "editor",
            "participant", "seated", "unseated"]
# Signed-in members of any association: a public folder is read by everybody on the
# portal, and inside the extranet by its members like any folder of every member.
EVERY_MEMBER = {"member", "representative", "coordinator", "participant", "seated",
                "unseated"}
READERS = {
    Audience.MEMBERS: EVERY_MEMBER,
    Audience.GROUP: {"coordinator", "participant"},
    Audience.BODY: {"coordinator", "seated"},
    Audience.COORDINATORS: {"coordinator"},
    Audience.PUBLIC: EVERY_MEMBER,
}
CASES = [
    pytest.param(rule, visitor,
                 LOGIN if visitor == "anonymous" else 200 if visitor in READERS[rule] else 403,
                 id=f"{rule.value}-folder-{visitor}")
    for rule in READERS for visitor in VISITORS
]


@pytest.fixture
def folder_for(request):
    """The folder with `rule`, for the working group and the committee of the fixtures."""

    def make(rule, **kwargs):
        if rule == Audience.GROUP:
            kwargs["group"] = request.getfixturevalue("working_group")
        if rule == Audience.BODY:
            kwargs["body_id"] = request.getfixturevalue("committee").pk
        return FolderFactory(audience=rule, **kwargs)

    return make


def visit(client, request, visitor, url):
    """Sign `visitor` in (every visitor exists, whoever visits: the group has its participant
    and the committee its seats in every case), then GET `url` if one is given."""
    people = {name: request.getfixturevalue(name) for name in VISITORS[1:]}
    if visitor != "anonymous":
        client.force_login(people[visitor])
    return client.get(url) if url else None


def assert_answers(response, url, expected):
    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url == f"{reverse('account_login')}?next={url}"
    else:
        assert response.status_code == expected


def content_of(response):
    return b"".join(response.streaming_content)


@pytest.mark.parametrize(("rule", "visitor", "expected"), CASES)
def test_a_folder_its_documents_and_their_versions_open_to_whom_its_rule_says(
        client, request, folder_for, neighbour, rule, visitor, expected):
    """The four doors of a folder's content, for one visitor (who is signed in once): the
    folder's page, a document's page, its current version and its first one."""
    document = two_versions(folder_for(rule), owner_association=neighbour)
    doors = {
        reverse("extranet:folder_detail", kwargs={"folder_id": document.folder_id}): None,
        reverse("extranet:document_detail", kwargs={"document_id": document.pk}): None,
        reverse("extranet:document_download", kwargs={"document_id": document.pk}):
            SECOND_VERSION,
        reverse("extranet:version_download",
                kwargs={"document_id": document.pk, "number": 1}): FIRST_VERSION,
    }
    visit(client, request, visitor, None)

    for url, content in doors.items():
        response = client.get(url)
        assert_answers(response, url, expected)
        if expected == 200 and content is not None:
            assert content_of(response) == content, url


def test_a_refused_download_is_not_in_the_journal(client, member, working_group):
    document = two_versions(FolderFactory(audience=Audience.GROUP, group=working_group))
    client.force_login(member)

    client.get(reverse("extranet:document_download", kwargs={"document_id": document.pk}))

    assert not DocumentEvent.objects.filter(kind=EventKind.DOWNLOADED).exists()


def test_a_download_is_in_the_journal_with_its_version(client, member):
    document = two_versions(FolderFactory(audience=Audience.MEMBERS))
    client.force_login(member)

    client.get(reverse("extranet:version_download",
                       kwargs={"document_id": document.pk, "number": 1}))

    event = DocumentEvent.objects.get(kind=EventKind.DOWNLOADED)
    assert (event.person, event.version.number) == (member, 1)


def test_a_version_that_does_not_exist_is_not_found(client, member):
    document = two_versions(FolderFactory(audience=Audience.MEMBERS))
    client.force_login(member)

    response = client.get(reverse("extranet:version_download",
                                  kwargs={"document_id": document.pk, "number": 3}))

    assert response.status_code == 404


def test_a_former_participant_no_longer_reads_the_group_folder(client, participant,
                                                               working_group):
    working_group.members.filter(person=participant).update(left_on=timezone.localdate())
    folder = FolderFactory(audience=Audience.GROUP, group=working_group)
    client.force_login(participant)

    response = client.get(reverse("extranet:folder_detail", kwargs={"folder_id": folder.pk}))

    assert response.status_code == 403


def test_an_association_whose_seat_ended_no_longer_reads_the_body_folder(client, seated,
                                                                         committee):
    committee.seats.update(ends_on=timezone.localdate() - datetime.timedelta(days=1))
    folder = FolderFactory(audience=Audience.BODY, body_id=committee.pk)
    client.force_login(seated)

    response = client.get(reverse("extranet:folder_detail", kwargs={"folder_id": folder.pk}))

    assert response.status_code == 403


# A subfolder is never more open than its parent.

@pytest.fixture
def members_folder_in_a_coordinators_folder(db):
    parent = FolderFactory(name="Coordination", audience=Audience.COORDINATORS)
    return FolderFactory(name="Pour tout le monde ?", parent=parent,
                         audience=Audience.MEMBERS)


SUBFOLDER_URLS = {
    "folder page": lambda folder, document: reverse(
        "extranet:folder_detail", kwargs={"folder_id": folder.pk}),
    "document page": lambda folder, document: reverse(
        "extranet:document_detail", kwargs={"document_id": document.pk}),
    "current download": lambda folder, document: reverse(
        "extranet:document_download", kwargs={"document_id": document.pk}),
    "older version download": lambda folder, document: reverse(
        "extranet:version_download", kwargs={"document_id": document.pk, "number": 1}),
}


@pytest.mark.parametrize("page", SUBFOLDER_URLS)
def test_a_members_subfolder_of_a_coordinators_folder_stays_closed_to_members(
        client, member, association, members_folder_in_a_coordinators_folder, page):
    folder = members_folder_in_a_coordinators_folder
    # Even a document of the member's own association.
    document = two_versions(folder, owner_association=association)
    client.force_login(member)

    response = client.get(SUBFOLDER_URLS[page](folder, document))

    assert response.status_code == 403


@pytest.mark.parametrize("page", SUBFOLDER_URLS)
def test_a_members_subfolder_of_a_coordinators_folder_opens_to_coordinators(
        client, coordinator, members_folder_in_a_coordinators_folder, page):
    folder = members_folder_in_a_coordinators_folder
    document = two_versions(folder)
    client.force_login(coordinator)

    response = client.get(SUBFOLDER_URLS[page](folder, document))

    assert response.status_code == 200


def test_a_members_subfolder_of_a_group_folder_is_read_by_the_group_only(
        client, member, participant, working_group):
    parent = FolderFactory(audience=Audience.GROUP, group=working_group)
    folder = FolderFactory(parent=parent, audience=Audience.MEMBERS)
    url = reverse("extranet:folder_detail", kwargs={"folder_id": folder.pk})

    client.force_login(member)
    refused = client.get(url).status_code
    client.force_login(participant)
    opened = client.get(url).status_code

    assert (refused, opened) == (403, 200)


def test_a_closed_subfolder_is_not_listed_in_its_open_parent(client, member):
    parent = FolderFactory(name="Vie du collectif", audience=Audience.MEMBERS)
    FolderFactory(name="Réservé à la coordination", parent=parent,
                  audience=Audience.COORDINATORS)
    client.force_login(member)

    response = client.get(reverse("extranet:folder_detail", kwargs={"folder_id": parent.pk}))

    assert "Réservé à la coordination" not in response.text


# The bin is the coordinators'.

BINNED_URLS = [
    "extranet:document_detail", "extranet:document_download", "extranet:version_download",
]


@pytest.fixture
def binned(association, representative):
    """A document of the association, binned by its representative."""
    document = two_versions(FolderFactory(audience=Audience.MEMBERS),
                            owner_association=association, by=representative)
    library.move_to_bin(document, representative)
    return document


def binned_url(name, document):
    kwargs = {"document_id": document.pk}
    if name == "extranet:version_download":
        kwargs["number"] = 1
    return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize("name", BINNED_URLS)
@pytest.mark.parametrize("visitor", ["member", "representative", "unseated"])
def test_a_binned_document_is_closed_to_members_even_its_own_association(
        client, request, binned, name, visitor):
    client.force_login(request.getfixturevalue(visitor))

    response = client.get(binned_url(name, binned))

    assert response.status_code == 403


@pytest.mark.parametrize("name", BINNED_URLS)
def test_a_binned_document_is_read_and_downloaded_by_coordinators(client, coordinator,
                                                                 binned, name):
    client.force_login(coordinator)

    response = client.get(binned_url(name, binned))

    assert response.status_code == 200


@pytest.mark.parametrize("name", ["extranet:document_edit", "extranet:version_create",
                                  "extranet:document_bin"])
def test_a_binned_document_cannot_be_changed_by_its_association(client, representative,
                                                                binned, name):
    client.force_login(representative)

    response = client.get(reverse(name, kwargs={"document_id": binned.pk}))

    assert response.status_code == 403


def test_a_binned_document_is_not_listed_in_its_folder(client, member, binned):
    client.force_login(member)

    response = client.get(reverse("extranet:folder_detail",
                                  kwargs={"folder_id": binned.folder_id}))

    assert binned.title not in response.text


# Anonymous visitors are sent to the login page, on every page and action of the library.

def library_urls(document):
    arguments = {"folder_id": document.folder_id, "document_id": document.pk, "number": 1}
    for pattern in urlpatterns:
        names = pattern.pattern.converters
        yield reverse(f"extranet:{pattern.name}",
                      kwargs={name: arguments[name] for name in names})


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_the_login_page_everywhere_in_the_library(client,
                                                                                method):
    document = two_versions(FolderFactory(audience=Audience.PUBLIC))

    for url in library_urls(document):
        response = getattr(client, method)(url)

        assert response.status_code == 302, url
        assert response.url == f"{reverse('account_login')}?next={url}"
    assert DocumentEvent.objects.filter(kind=EventKind.DOWNLOADED).count() == 0


def test_the_rule_is_worked_out_once_for_a_page_of_many_folders_and_documents(
        client, participant, working_group, django_assert_max_num_queries):
    parent = FolderFactory(audience=Audience.MEMBERS)
    for number in range(8):
        FolderFactory(parent=parent, audience=Audience.GROUP, group=working_group)
        make_document(folder=parent, title=f"Compte rendu n° {number}")
    client.force_login(participant)

    # The session, the person and their rights, the folders' rule (one query), the page's
    # folder, subfolders and documents with their tags, and the site's frame: no query per
    # folder or document.
    with django_assert_max_num_queries(26):
        response = client.get(reverse("extranet:folder_detail",
                                      kwargs={"folder_id": parent.pk}))

    assert len(response.context["subfolders"]) == 8
    assert len(response.context["documents"]) == 8
