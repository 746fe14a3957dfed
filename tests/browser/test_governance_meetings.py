"""The bodies' meetings in Chromium, with axe-core: the list of meetings, a meeting's page
(agenda, documents, the library's documents it cites, attendance sheet and quorum, minutes)
and the proxy page, as the
representative of a member association of the demo (`seed_demo`)."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.test_extranet import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def plenary_meetings(demo_site):
    """A plenary meeting to come, citing two documents of the library (one for the
    coordinators only), and one past with its attendance and minutes."""
    from directory.models import Association
    from extranet.documents.models import Audience
    from extranet.governance.models import Attendance, AttendanceStatus, Body, BodyKind
    from tests.factories import AgendaItemFactory, BodyMeetingFactory, FolderFactory, make_document

    plenary = Body.objects.filter(kind=BodyKind.PLENARY).first() or Body.objects.create(
        name="Assemblée plénière", kind=BodyKind.PLENARY)
    now = timezone.now()
    coming = BodyMeetingFactory(
        body=plenary, meeting__title="Assemblée de printemps",
        meeting__starts_at=now + datetime.timedelta(days=10),
        meeting__ends_at=now + datetime.timedelta(days=10, hours=2),
        meeting__online_url="https://visio.example.org/assemblee",
    )
    AgendaItemFactory(body_meeting=coming, title="Rapport d'activité")
    coming.library_documents.add(
        make_document(FolderFactory(name="Assemblées"), title="Rapport d'activité 2026"),
        make_document(FolderFactory(name="Trésorerie", audience=Audience.COORDINATORS),
                      title="Comptes détaillés"),
    )
    past = BodyMeetingFactory(
        body=plenary, meeting__title="Assemblée d'hiver",
        meeting__starts_at=now - datetime.timedelta(days=60),
        meeting__ends_at=now - datetime.timedelta(days=60, hours=-2),
        minutes="Le budget est adopté à l'unanimité.",
    )
    for association in Association.objects.members()[:3]:
        Attendance.objects.create(body_meeting=past, association=association,
                                  status=AttendanceStatus.PRESENT)
    return coming, past


def test_the_meeting_list_and_pages_are_accessible(page, site_url, assert_accessible,
                                                   plenary_meetings):
    coming, _past = plenary_meetings
    sign_in(page, site_url)

    page.goto(site_url + "/extranet/seances/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Séances des instances")
    assert_accessible(page)

    page.get_by_role("link", name="Assemblée plénière : Assemblée d'hiver").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Assemblée d'hiver")
    expect(page.get_by_text("Le budget est adopté")).to_be_visible()
    assert_accessible(page)

    page.goto(f"{site_url}/extranet/seances/{coming.pk}/")
    expect(page.get_by_role("link", name="Rejoindre en visioconférence")).to_be_visible()
    expect(page.get_by_role("link", name="Rapport d'activité 2026", exact=True)).to_be_visible()
    expect(page.get_by_text("1 document réservé à d'autres lecteurs.")).to_be_visible()
    assert_accessible(page)


def test_the_proxy_page_is_accessible(page, site_url, assert_accessible, plenary_meetings):
    coming, _past = plenary_meetings
    sign_in(page, site_url)

    page.goto(f"{site_url}/extranet/seances/{coming.pk}/procuration/")

    expect(page.get_by_role("heading", level=1)).to_contain_text("Procuration")
    assert_accessible(page)
