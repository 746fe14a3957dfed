"""Who gets what on every page of the extranet, generated from the URL conf: a new extranet
view without a line in EXPECTED fails `test_every_extranet_view_has_its_expectations`."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db

LOGIN = "login"  # redirected to the login page, back here after it
VISITORS = ["anonymous", "non_member", "member", "representative", "coordinator", "editor"]
MEMBERS_ONLY = {
    "anonymous": LOGIN, "non_member": 403, "member": 200, "representative": 200,
    "coordinator": 200, "editor": 403,
}
COORDINATORS_ONLY = {**MEMBERS_ONLY, "member": 403, "representative": 403}
# The author of the URL's post or comment is somebody else: only a coordinator may change it.
AUTHOR_OR_COORDINATOR = COORDINATORS_ONLY
# Done, then redirected (the actions that only take a POST, see POSTED).
MEMBERS_ACT = {**MEMBERS_ONLY, "member": 302, "representative": 302, "coordinator": 302}
EXPECTED = {
    "extranet:home": MEMBERS_ONLY,
    "extranet:profile": MEMBERS_ONLY,
    "extranet:members": MEMBERS_ONLY,
    # The association of the URL is the one the member and the representative act for.
    "extranet:association_edit": {
        "anonymous": LOGIN, "non_member": 403, "member": 403, "representative": 200,
        "coordinator": 200, "editor": 403,
    },
    "extranet:invitations": COORDINATORS_ONLY,
    "extranet:memberships": COORDINATORS_ONLY,
    "extranet:membership_edit": COORDINATORS_ONLY,
    # The link of an invitation (to somebody else here) opens for anybody: it explains.
    "extranet:invitation": dict.fromkeys(VISITORS, 200),
    # News. Every member reads, posts and comments; the post, its comment and its attachment
    # of the URL are written by another person of the association (see `a_post`): neither the
    # member nor the representative wrote them, so only the coordinator may change or
    # withdraw them. The withdrawals ask for a confirmation on GET and act on POST.
    "extranet:news_list": MEMBERS_ONLY,
    "extranet:post_create": MEMBERS_ONLY,
    "extranet:post_detail": MEMBERS_ONLY,
    "extranet:post_edit": AUTHOR_OR_COORDINATOR,
    "extranet:post_withdraw": AUTHOR_OR_COORDINATOR,
    "extranet:comment_withdraw": AUTHOR_OR_COORDINATOR,
    "extranet:attachment_download": MEMBERS_ONLY,
    # Actions that only take a POST are tried with a POST (see POSTED): done means redirected.
    "extranet:invitation_revoke": {**COORDINATORS_ONLY, "coordinator": 302},
    # Working groups. Every member sees every group, its tasks and meetings.
    "extranet:group_list": MEMBERS_ONLY,
    "extranet:group_detail": MEMBERS_ONLY,
    "extranet:meeting_list": MEMBERS_ONLY,
    # Coordinators create, change and archive groups.
    "extranet:group_create": COORDINATORS_ONLY,
    "extranet:group_edit": COORDINATORS_ONLY,
    # Joining and leaving (the buttons of the group's page, POST only).
    "extranet:group_join": MEMBERS_ACT,
    "extranet:group_leave": MEMBERS_ACT,
    # The group of the URL is led by the association the member and the representative act
    # for: its people manage its tasks and meetings, like coordinators (the people of
    # another association are refused: test_groups_tasks.py, test_groups_meetings.py).
    "extranet:task_create": MEMBERS_ONLY,
    "extranet:task_edit": MEMBERS_ONLY,
    "extranet:meeting_create": MEMBERS_ONLY,
    "extranet:meeting_edit": MEMBERS_ONLY,
    # GET asks to confirm, POST cancels.
    "extranet:meeting_cancel": MEMBERS_ONLY,
    # Meetings of the whole network (no group): coordinators call them.
    "extranet:network_meeting_create": COORDINATORS_ONLY,
    # The rotating coordination: every member reads who coordinates and who did; the
    # coordinators set the rotation order and read the handover list (the people of the next
    # term too: tests/extranet/governance/test_coordination_pages.py).
    "extranet:coordination_history": MEMBERS_ONLY,
    "extranet:coordination_rotation": COORDINATORS_ONLY,
    "extranet:coordination_handover": COORDINATORS_ONLY,
    # Governance: every member reads the coordinators' screen, the ballots (the proxies of
    # one too: the representative gives them there, see test_proxy_pages.py) and the
    # register; coordinators put a proposal to the vote, count a ballot (POST only: the
    # ballot of the URL is still open, so it is refused with a message, then redirected)
    # and correct a decision.
    "extranet:governance_home": MEMBERS_ONLY,
    "extranet:ballot_open": COORDINATORS_ONLY,
    "extranet:ballot_list": MEMBERS_ONLY,
    "extranet:ballot_detail": MEMBERS_ONLY,
    "extranet:ballot_proxy": MEMBERS_ONLY,
    "extranet:ballot_close": {**COORDINATORS_ONLY, "coordinator": 302},
    "extranet:decision_list": MEMBERS_ONLY,
    "extranet:decision_detail": MEMBERS_ONLY,
    "extranet:decision_export": MEMBERS_ONLY,
    "extranet:decision_print": MEMBERS_ONLY,
    "extranet:decision_correct": COORDINATORS_ONLY,
    # Governance: every member reads the bodies and the proposals; coordinators create and
    # change the bodies and their seats (the body of the URL is a committee where the
    # association sits, see `body_slug`).
    "extranet:body_list": MEMBERS_ONLY,
    "extranet:body_detail": MEMBERS_ONLY,
    "extranet:body_create": COORDINATORS_ONLY,
    "extranet:body_edit": COORDINATORS_ONLY,
    "extranet:body_seats": COORDINATORS_ONLY,
    "extranet:proposal_list": MEMBERS_ONLY,
    "extranet:proposal_detail": MEMBERS_ONLY,
    "extranet:proposal_attachment_download": MEMBERS_ONLY,
    # Only the representative of an association sitting in a body proposes (the
    # coordinator represents none).
    "extranet:proposal_create": {**COORDINATORS_ONLY, "representative": 200,
                                 "coordinator": 403},
    # The proposal of the URL is the association's: its representative or a coordinator
    # changes or withdraws it (GET asks to confirm).
    "extranet:proposal_edit": {**COORDINATORS_ONLY, "representative": 200},
    "extranet:proposal_withdraw": {**COORDINATORS_ONLY, "representative": 200},
    # The contribution of the URL is another person's.
    "extranet:proposal_comment_withdraw": AUTHOR_OR_COORDINATOR,
    # Only the author association's representative takes an amendment in (POST only).
    "extranet:proposal_amendment_take_in": {**COORDINATORS_ONLY, "representative": 302,
                                            "coordinator": 403},
    # Body meetings (extranet.governance): every member reads them and their documents;
    # coordinators convene, move and cancel them; the meeting of the URL is the plenary's,
    # where the association sits: its representative gives its proxy. The secretary (not
    # one of these visitors) keeps the meeting like a coordinator (test_meetings_*.py).
    "extranet:body_meeting_list": MEMBERS_ONLY,
    "extranet:body_meeting_detail": MEMBERS_ONLY,
    "extranet:body_meeting_document": MEMBERS_ONLY,
    "extranet:body_meeting_create": COORDINATORS_ONLY,
    "extranet:body_meeting_edit": COORDINATORS_ONLY,
    "extranet:body_meeting_cancel": COORDINATORS_ONLY,
    "extranet:body_meeting_proxy": {**COORDINATORS_ONLY, "representative": 200,
                                    "coordinator": 403},
    "extranet:body_meeting_attendance": COORDINATORS_ONLY,
    "extranet:body_meeting_ballot": COORDINATORS_ONLY,
    "extranet:body_meeting_minutes": COORDINATORS_ONLY,
    "extranet:body_meeting_ballot_open": {**COORDINATORS_ONLY, "coordinator": 302},
    "extranet:body_meeting_approve_minutes": {**COORDINATORS_ONLY, "coordinator": 302},
    # Shared documents (extranet.documents). The folder of the URL is read by every member
    # (see `a_folder`); the document of the URL lies in it and belongs to the association
    # the member and the representative act for (see `a_document`): its people change it,
    # add a version and bin it (GET asks to confirm), like coordinators (the people of
    # another association, the other rules of folders, the bin: tests/extranet/documents/).
    # The older version of the URL is the document's first of two.
    "extranet:library": MEMBERS_ONLY,
    "extranet:folder_detail": MEMBERS_ONLY,
    "extranet:document_detail": MEMBERS_ONLY,
    "extranet:document_download": MEMBERS_ONLY,
    "extranet:version_download": MEMBERS_ONLY,
    # Every member adds documents to the folders they read (see `library_folder`).
    "extranet:document_create": MEMBERS_ONLY,
    "extranet:document_edit": MEMBERS_ONLY,
    "extranet:version_create": MEMBERS_ONLY,
    "extranet:document_bin": MEMBERS_ONLY,
    # Coordinators make, change and remove folders (GET asks to confirm), keep the bin and
    # read a document's journal; restoring is POST only (the document of the URL is not in
    # the bin: nothing to do, then redirected to the bin).
    "extranet:folder_create": COORDINATORS_ONLY,
    "extranet:folder_edit": COORDINATORS_ONLY,
    "extranet:folder_delete": COORDINATORS_ONLY,
    "extranet:document_bin_list": COORDINATORS_ONLY,
    "extranet:document_journal": COORDINATORS_ONLY,
    "extranet:document_restore": {**COORDINATORS_ONLY, "coordinator": 302},
    # Yearly impact reports (extranet.impact). Every member sees the reports of the
    # associations they act for; the report of the URL is the open year's of the association
    # the member and the representative act for: its people fill it, coordinators read it
    # (and act on the review pages); its photo is theirs too (see `a_report`).
    "extranet:impact_home": MEMBERS_ONLY,
    "extranet:impact_report_edit": MEMBERS_ONLY,
    "extranet:impact_report_photo": MEMBERS_ONLY,
    # The impact reports (extranet.impact): coordinators follow a year's reports and read
    # each in full; they validate or send back a submitted one (POST only: the report of
    # the URL is submitted, see `a_report`; sending back without a comment is refused with
    # a message, then redirected).
    "extranet:impact_reports": COORDINATORS_ONLY,
    "extranet:impact_report_review": COORDINATORS_ONLY,
    "extranet:impact_report_validate": {**COORDINATORS_ONLY, "coordinator": 302},
    "extranet:impact_report_send_back": {**COORDINATORS_ONLY, "coordinator": 302},
    # Mutual aid (extranet.mutual_aid). Every member reads the current posts, the archive
    # and any post, and publishes; the post of the URL is the association's, written by
    # another of its people (see `an_aid_post`): its people change, close and reopen it
    # (POST only, then redirected); a coordinator may close it (moderation) but neither
    # change nor reopen it. The conversation of the URL answers that post for another
    # association (see `an_aid_conversation`): private, read by the two associations'
    # people only, coordinators included in that rule (tests/extranet/mutual_aid/).
    "extranet:aid_list": MEMBERS_ONLY,
    "extranet:aid_archive": MEMBERS_ONLY,
    "extranet:aid_mine": MEMBERS_ONLY,
    "extranet:aid_post_create": MEMBERS_ONLY,
    "extranet:aid_post_detail": MEMBERS_ONLY,
    "extranet:aid_post_edit": {**MEMBERS_ONLY, "coordinator": 403},
    "extranet:aid_post_close": MEMBERS_ACT,
    "extranet:aid_post_reopen": {**MEMBERS_ACT, "coordinator": 403},
    "extranet:aid_conversation": {**MEMBERS_ONLY, "coordinator": 403},
    # Mutual aid (extranet.mutual_aid): every member reads the map of the current offers by
    # commune and its GeoJSON.
    "extranet:aid_map": MEMBERS_ONLY,
    "extranet:aid_map_data": MEMBERS_ONLY,
    # Dues (extranet.dues). Every member sees the dues of the associations they act for;
    # the receipt of the URL is that of the association's paid dues of last year (see
    # `paid_dues`). The representative of the association or a coordinator declares its
    # budget of the current year.
    "extranet:dues_home": MEMBERS_ONLY,
    "extranet:dues_receipt": MEMBERS_ONLY,
    "extranet:dues_declare": {**COORDINATORS_ONLY, "representative": 200},
    # The treasurer's pages (the coordinators'): the list of a year, its export, recording
    # the payment of the association's unpaid dues of this year (see `unpaid_dues`) and
    # correcting the payment of its paid dues.
    "extranet:dues_list": COORDINATORS_ONLY,
    "extranet:dues_export": COORDINATORS_ONLY,
    "extranet:dues_record_payment": COORDINATORS_ONLY,
    "extranet:dues_payment_edit": COORDINATORS_ONLY,
    # The solidarity fund (extranet.dues): every member reads the ledger; coordinators record
    # a gift, an aid and the correction of an entry (a gift of the ledger, see `an_entry`).
    "extranet:fund_ledger": MEMBERS_ONLY,
    "extranet:fund_gift": COORDINATORS_ONLY,
    "extranet:fund_aid": COORDINATORS_ONLY,
    "extranet:fund_correction": COORDINATORS_ONLY,
}
# The views that refuse a GET (405): the matrix sends them an empty POST instead.
POSTED = {"extranet:invitation_revoke", "extranet:group_join", "extranet:group_leave",
          "extranet:ballot_close", "extranet:proposal_amendment_take_in",
          "extranet:body_meeting_ballot_open", "extranet:body_meeting_approve_minutes",
          "extranet:document_restore", "extranet:impact_report_validate",
          "extranet:impact_report_send_back", "extranet:aid_post_close",
          "extranet:aid_post_reopen"}


# How to fill each URL argument from the fixtures: the association the member and the
# representative act for, and the working group it leads.
def invitation_token(association):
    from extranet.accounts.services import invitation_token

    return invitation_token(an_invitation(association))


def a_post(association):
    """A post written on the association's behalf by another of its people."""
    from tests.factories import MembershipFactory, PostFactory

    author = MembershipFactory(association=association).person
    return PostFactory(author=author, association=association)


def a_comment(association):
    from tests.factories import CommentFactory

    post = a_post(association)
    return CommentFactory(post=post, author=post.author)


def an_attachment(association):
    from django.core.files.base import ContentFile

    from extranet.news.models import Attachment

    attachment = Attachment(post=a_post(association), filename="compte-rendu.pdf",
                            content_type="application/pdf", size=9)
    attachment.file.save("compte-rendu.pdf", ContentFile(b"%PDF-1.7\n"), save=True)
    return attachment


def a_membership(association):
    """Somebody else's membership of the association."""
    from tests.factories import MembershipFactory

    return MembershipFactory(association=association)


def an_invitation(association):
    from extranet.accounts.models import Invitation

    return Invitation.objects.create(email="invitee@example.org", association=association)


def group_slug(association):
    """A working group led by the association (the same one for every argument of a URL)."""
    from extranet.groups.models import WorkingGroup
    from tests.factories import WorkingGroupFactory

    group = WorkingGroup.objects.filter(lead_association=association).first()
    return (group or WorkingGroupFactory(lead_association=association)).slug


def task_id(association):
    """A task of that group, taken on by the association."""
    from extranet.groups.models import WorkingGroup
    from tests.factories import TaskFactory

    group = WorkingGroup.objects.get(slug=group_slug(association))
    return TaskFactory(group=group, responsible_association=association).pk


def meeting_id(association):
    """A meeting of that group, to come."""
    from extranet.groups.models import WorkingGroup
    from tests.factories import MeetingFactory

    return MeetingFactory(group=WorkingGroup.objects.get(slug=group_slug(association))).pk


def body_slug(association):
    """A committee where the association sits."""
    from extranet.governance.models import BodySeat
    from tests.factories import BodySeatFactory

    seat = BodySeat.objects.filter(association=association).select_related("body").first()
    return (seat or BodySeatFactory(association=association)).body.slug


def a_proposal(association):
    """The association's proposal to the plenary, put by another of its people."""
    from tests.factories import MembershipFactory, PlenaryFactory, ProposalFactory

    author = MembershipFactory(association=association).person
    return ProposalFactory(body=PlenaryFactory(), author_association=association,
                           author=author)


def a_contribution(association):
    """An amendment to that proposal, by another person of the association."""
    from tests.factories import ProposalCommentFactory

    proposal = a_proposal(association)
    return ProposalCommentFactory(proposal=proposal, author=proposal.author,
                                  association=association, kind="amendment")


def a_proposal_attachment(association):
    from django.core.files.base import ContentFile

    from extranet.governance.models import ProposalAttachment

    attachment = ProposalAttachment(proposal=a_proposal(association), filename="statuts.pdf",
                                    content_type="application/pdf", size=9)
    attachment.file.save("statuts.pdf", ContentFile(b"%PDF-1.7\n"), save=True)
    return attachment


def ballot_id(association):
    """An online ballot of the plenary assembly, open for a week."""
    import datetime

    from django.utils import timezone

    from extranet.governance import voting

    return voting.open_ballot(a_proposal(association), by=None,
                              closes_at=timezone.now() + datetime.timedelta(days=7)).pk


def decision_number(association):
    """A decision of the plenary assembly in the register."""
    from django.utils import timezone

    from extranet.governance import register
    from extranet.governance.models import Outcome
    from tests.factories import PlenaryFactory

    return register.publish(body=PlenaryFactory(), title="Position commune",
                            text="Le collectif demande…", decided_on=timezone.localdate(),
                            outcome=Outcome.ADOPTED).number


def body_meeting_id(association):
    """A meeting of the plenary assembly (where the association sits), to come (the same
    one for every argument of a URL)."""
    from extranet.governance.models import BodyMeeting
    from tests.factories import BodyMeetingFactory, PlenaryFactory

    plenary = PlenaryFactory()
    body_meeting = BodyMeeting.objects.filter(body=plenary).first()
    return (body_meeting or BodyMeetingFactory(body=plenary)).pk


def meeting_ballot_id(association):
    """A vote in that meeting."""
    from extranet.governance.models import BallotMode, BodyMeeting
    from extranet.governance.voting import open_ballot
    from tests.factories import ProposalFactory

    body_meeting = BodyMeeting.objects.get(pk=body_meeting_id(association))
    proposal = ProposalFactory(body=body_meeting.body, author_association=association)
    return open_ballot(proposal, by=None, mode=BallotMode.MEETING,
                       body_meeting=body_meeting).pk


def meeting_document_id(association):
    from django.core.files.base import ContentFile

    from extranet.governance.models import BodyMeeting, MeetingDocument

    document = MeetingDocument(body_meeting=BodyMeeting.objects.get(
        pk=body_meeting_id(association)), filename="ordre-du-jour.pdf",
        content_type="application/pdf", size=9)
    document.file.save("ordre-du-jour.pdf", ContentFile(b"%PDF-1.7\n"), save=True)
    return document.pk


def a_folder(association):
    """A folder every member reads (the same one for every argument of a URL)."""
    from extranet.documents.models import Audience, Folder
    from tests.factories import FolderFactory

    folder = Folder.objects.filter(name="Comptes rendus").first()
    return folder or FolderFactory(name="Comptes rendus", audience=Audience.MEMBERS)


def a_document(association):
    """A document of the association in that folder, added by another of its people (the
    same one for every argument of a URL)."""
    from extranet.documents.models import Document
    from tests.factories import MembershipFactory, make_document

    document = Document.objects.filter(owner_association=association).first()
    return document or make_document(
        folder=a_folder(association), owner_association=association,
        by=MembershipFactory(association=association).person)


def older_version_number(association):
    """The first version of that document, once a second one was added."""
    from extranet.documents import library
    from tests.factories import pdf_upload

    document = a_document(association)
    if not document.versions.filter(number=2).exists():
        library.add_version(document, pdf_upload("compte-rendu-v2.pdf"), by=None)
    return 1


def a_report(association):
    """The association's impact report of the open year, submitted, with a photo (the same
    one for every argument of a URL)."""
    from django.core.files.base import ContentFile

    from extranet.impact import years
    from extranet.impact.models import ImpactReport, Status
    from tests.factories.impact import ImpactReportFactory

    year = years.open_year()
    report = ImpactReport.objects.filter(association=association, year=year).first()
    if report is None:
        report = ImpactReportFactory(association=association, year=year,
                                     status=Status.SUBMITTED, with_activity=True,
                                     photo_alt="Des bénévoles au marché.")
        report.photo.save("action.png", ContentFile(b"\x89PNG\r\n\x1a\n"), save=True)
    return report


def an_aid_post(association):
    """A mutual aid offer of the association, written by another of its people."""
    from tests.factories import MembershipFactory
    from tests.factories.mutual_aid import PostFactory

    author = MembershipFactory(association=association).person
    return PostFactory(association=association, author=author)


def an_aid_conversation(association):
    """Another member association's answer to that offer."""
    from tests.factories.mutual_aid import ConversationFactory, MessageFactory

    conversation = ConversationFactory(post=an_aid_post(association))
    MessageFactory(conversation=conversation)
    return conversation


def paid_dues(association):
    """The association's dues of last year, paid (the same one for every argument)."""
    import datetime

    from extranet.dues.models import Dues
    from tests.factories.dues import DuesFactory

    year = datetime.date.today().year - 1
    dues = Dues.objects.filter(association=association, year=year).first()
    return dues or DuesFactory(association=association, year=year, paid=True)


def unpaid_dues(association):
    """The association's dues of this year, declared, not paid."""
    import datetime

    from tests.factories.dues import DuesFactory

    return DuesFactory(association=association, year=datetime.date.today().year)


def this_year(association):
    """The current year, with its scale (so that a budget can be declared)."""
    import datetime

    from extranet.dues.models import DuesScale
    from tests.factories.dues import scale

    year = datetime.date.today().year
    if not DuesScale.objects.filter(year=year).exists():
        scale(year)
    return year


def an_entry(association):
    """A gift recorded in the solidarity fund's ledger."""
    from extranet.dues import fund

    return fund.record_gift("500", "Don de la fête de quartier")


ARGUMENTS = {
    "slug": lambda association: association.slug,
    "token": invitation_token,
    "invitation_id": lambda association: an_invitation(association).pk,
    "membership_id": lambda association: a_membership(association).pk,
    "post_id": lambda association: a_post(association).pk,
    "comment_id": lambda association: a_comment(association).pk,
    "attachment_id": lambda association: an_attachment(association).pk,
    "group_slug": group_slug,
    "task_id": task_id,
    "meeting_id": meeting_id,
    "ballot_id": ballot_id,
    "number": decision_number,
    "body_slug": body_slug,
    "proposal_id": lambda association: a_proposal(association).pk,
    "body_meeting_id": body_meeting_id,
    "meeting_ballot_id": meeting_ballot_id,
    "meeting_document_id": meeting_document_id,
    "folder_id": lambda association: a_folder(association).pk,
    "document_id": lambda association: a_document(association).pk,
    "association_id": lambda association: association.pk,
    "year": lambda association: a_report(association).year,
    "report_id": lambda association: a_report(association).pk,
    "conversation_id": lambda association: an_aid_conversation(association).pk,
    "dues_id": lambda association: paid_dues(association).pk,
    "entry_id": lambda association: an_entry(association).pk,
}
# Where an argument's name means another thing in one view (the governance's comments and
# attachments are not the news').
ARGUMENTS_OF = {
    "extranet:proposal_comment_withdraw": {
        "comment_id": lambda association: a_contribution(association).pk,
    },
    "extranet:proposal_amendment_take_in": {
        "comment_id": lambda association: a_contribution(association).pk,
    },
    "extranet:proposal_attachment_download": {
        "attachment_id": lambda association: a_proposal_attachment(association).pk,
    },
    "extranet:version_download": {"number": older_version_number},
    **{name: {"post_id": lambda association: an_aid_post(association).pk}
       for name in ("extranet:aid_post_detail", "extranet:aid_post_edit",
                    "extranet:aid_post_close", "extranet:aid_post_reopen")},
    "extranet:dues_declare": {"year": this_year},
    "extranet:dues_record_payment": {
        "dues_id": lambda association: unpaid_dues(association).pk,
    },
}


def walk(patterns, prefix="", namespace="", converters=None):
    """(route, qualified name, view module, URL arguments) of every pattern."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        arguments = {**(converters or {}), **getattr(pattern.pattern, "converters", {})}
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern.url_patterns, route, inner, arguments)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}{pattern.name}" if pattern.name else None
            yield route, name, pattern.lookup_str.rsplit(".", 1)[0], sorted(arguments)


def extranet_views():
    """The extranet's own views under /extranet/: {name: URL arguments}. allauth's account
    pages are checked in test_account_pages.py."""
    return {
        name: arguments
        for route, name, module, arguments in walk(get_resolver().url_patterns)
        if route.startswith("extranet/") and module.split(".")[0] == "extranet"
    }


def test_every_extranet_view_has_its_expectations():
    views = extranet_views()

    assert None not in views, "name every extranet URL pattern"
    assert set(views) == set(EXPECTED)


def test_every_expectation_says_what_each_kind_of_visitor_gets():
    for name, statuses in EXPECTED.items():
        assert set(statuses) == set(VISITORS), name


def test_every_url_argument_can_be_filled():
    for name, arguments in extranet_views().items():
        assert set(arguments) <= set(ARGUMENTS), f"{name}: add its arguments to ARGUMENTS"


def url_of(name, association):
    arguments = extranet_views()[name]
    fill = {**ARGUMENTS, **ARGUMENTS_OF.get(name, {})}
    return reverse(name, kwargs={arg: fill[arg](association) for arg in arguments})


@pytest.fixture(autouse=True)
def plenary_assembly(db):
    """Made by a migration, but a test that empties the database removes it."""
    from tests.factories import PlenaryFactory

    return PlenaryFactory()


@pytest.fixture(autouse=True)
def library_folder(db):
    """A folder every member reads and fills, so that adding a document has somewhere to
    go."""
    return a_folder(None)


@pytest.mark.parametrize("visitor", VISITORS)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_access_matrix(client, request, association, name, visitor):
    url = url_of(name, association)
    if visitor != "anonymous":
        client.force_login(request.getfixturevalue(visitor))

    response = client.post(url) if name in POSTED else client.get(url)

    expected = EXPECTED[name][visitor]
    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url == f"{reverse('account_login')}?next={url}"
    else:
        assert response.status_code == expected
