"""No admin screen shows a record holding personal data to whom may not see that model.

Generated from the registry of models holding personal data (portal/personal_data.py) and
from the URL resolver: for each such model, a record is made whose text carries a marker of
its own (a name, an address); then every route under /admin/ and /django-admin/ that can show
a record of it (those that name the model, those that take a model, a content type or an
object as argument, the listing's exports) is requested by each kind of admin user, and the
marker may only appear for those who hold a permission on the model. Every route without
argument (searches, reports, dashboards, listings of every model) is requested too, with all
the records present, and no marker may appear where its model is not readable.

A new admin route, a new model holding personal data (registered, or found by its fields)
or a permission lost on the way makes a case fail, named by its route and its user.
"""

import io
import re
import zipfile

import pytest
from django.apps import apps
from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.log_actions import log

from portal import personal_data
from portal.editorial import setup_editorial_roles

pytestmark = pytest.mark.django_db

PREFIX = "Qzmark"  # what every marker starts with (searched for on the screens without model)
OUR_APPS = {"portal", "home", "directory", "campaigns", "joining", "events", "accounts",
            "workgroups", "news", "governance", "documents", "impact", "mutual_aid", "dues"}
ACTIONS = ("add", "change", "delete", "view")
USERS = ("editor", "coordinator", "admin_only", "superuser")
# Models of our apps that point at a person (a user, an email address) but hold nothing
# private: public records or records whose screens show no person.
NOT_PERSONAL = {
    "campaigns.electedofficial": "an official's public contact",
    "directory.association": "an association's public contact",
    "charter.charterversion": "who adopted the charter: a body, not a person",
    "workgroups.meeting": "its creator is not shown; meetings are seen by every member",
    "workgroups.workinggroup": "a group, not a person",
    "joining.collectivemembership": "an association's membership of the collective; who "
                                    "ended it acts for the collective",
    "governance.meetingdocument": "a document of a meeting; who added it is not shown",
    "portal.sitesettings": "the collective's public contact",
    "news.attachment": "a file of a post; the post is the record",
    "governance.ballot": "who opened it is not shown; a ballot is the body's",
    "governance.decision": "the register names bodies and associations, not who wrote it",
    "governance.attendance": "an association's attendance; who noted it is not shown",
    "governance.coordinationterm": "associations' terms; who recorded one is not shown",
    "documents.folder": "a folder of the library; who made it is not shown",
    "impact.impactreport": "an association's yearly report, not in the admin; who "
                           "submitted or reviewed it (for an association) is shown to "
                           "coordinators only, in the extranet",
    "dues.dues": "an association's dues, not in the admin; who declared it or recorded its "
                 "payment (for an association, for the collective) is not shown",
    "dues.fundentry": "the fund's ledger names associations; who recorded an entry is not "
                      "shown",
}
# Routes that cannot be requested with a GET and show nothing when they are.
SKIPPED = {
    "wagtailadmin_editing_sessions:ping",  # POST only, answers with the session's editors
    "wagtailadmin_editing_sessions:release",
    "wagtailadmin_error_test",  # raises on purpose
    "wagtailadmin_logout",  # would sign the user out of the rest of the matrix
    "admin:logout",
}


def marker(model):
    """Unique to the model, whatever the app (news and mutual aid both have a `post`)."""
    return f"{PREFIX}{model._meta.app_label.replace('_', '')}{model._meta.model_name}"


def searched(text):
    """What to search for to find `text`, but not `text` itself (a page that repeats what
    was searched shows no record by it)."""
    return text[2:]


# How to make a record of each model, carrying its marker where its screens show it.
def a_person(mark):
    from tests.factories import PersonFactory

    return PersonFactory(username=mark, first_name=mark, last_name="Dupont",
                         email=f"{mark.lower()}@example.org")


def home():
    from home.models import HomePage

    return HomePage.objects.get(locale__language_code="fr")


def a_campaign():
    from campaigns.models import CampaignIndexPage
    from tests.factories import CampaignIndexPageFactory, CampaignPageFactory

    index = CampaignIndexPage.objects.first() or CampaignIndexPageFactory(parent=home())
    return CampaignPageFactory(parent=index)


def a_charter_version():
    """The current version of a published charter (its first)."""
    from charter.models import CharterVersion
    from tests.factories.charter import CharterPageFactory

    version = CharterVersion.objects.order_by("-number").first()
    return version or CharterPageFactory(parent=home()).versions.get(number=1)


def make_signature(mark):
    from tests.factories import SignatureFactory

    return SignatureFactory(campaign=a_campaign(), first_name=mark, last_name="Dupont",
                            email=f"{mark.lower()}@example.org", confirmed=True,
                            comment=f"Signé par {mark}")


def make_letter(mark):
    from tests.factories import ElectedOfficialFactory, LetterFactory

    signature = make_signature(mark)
    return LetterFactory(signature=signature, official=ElectedOfficialFactory(),
                         subject=f"Lettre de {mark}", body=f"Signé : {mark}")


def make_registration(mark):
    from events.models import EventIndexPage
    from tests.factories import EventIndexPageFactory, RegistrableEventFactory, RegistrationFactory

    index = EventIndexPage.objects.first() or EventIndexPageFactory(parent=home())
    event = RegistrableEventFactory(parent=index)
    return RegistrationFactory(event=event, name=mark, email=f"{mark.lower()}@example.org")


def make_joinrequest(mark):
    from tests.factories.joining import JoinRequestFactory

    return JoinRequestFactory(charter_version=a_charter_version(),
                              proposed_name=f"Association de {mark}", first_name=mark,
                              email=f"{mark.lower()}@example.org")


def make_joinrequeststep(mark):
    return make_joinrequest(mark).steps.get()


def make_membership(mark):
    from tests.factories import MembershipFactory

    return MembershipFactory(person=a_person(mark))


def make_rolechange(mark):
    from extranet.accounts.models import RoleChange

    membership = make_membership(mark)
    return RoleChange.objects.create(membership=membership, new_role=membership.role)


def make_profile(mark):
    from extranet.accounts.models import Profile

    return Profile.objects.get_or_create(person=a_person(mark))[0]


def make_invitation(mark):
    from extranet.accounts.models import Invitation
    from tests.factories import AssociationFactory

    return Invitation.objects.create(email=f"{mark.lower()}@example.org",
                                     association=AssociationFactory())


def make_groupmember(mark):
    from tests.factories import GroupMemberFactory

    return GroupMemberFactory(person=a_person(mark))


def make_task(mark):
    from tests.factories import TaskFactory

    return TaskFactory(assignee=a_person(mark))


def make_post(mark):
    from tests.factories import PostFactory

    return PostFactory(author=a_person(mark), title=f"Nouvelles de {mark}")


def make_comment(mark):
    from tests.factories import CommentFactory

    return CommentFactory(author=a_person(mark), body=f"Merci, {mark}")


def make_aid_post(mark):
    from tests.factories.mutual_aid import PostFactory

    return PostFactory(author=a_person(mark), title=f"Salle prêtée par {mark}")


def make_aid_conversation(mark):
    from tests.factories.mutual_aid import ConversationFactory

    return ConversationFactory(started_by=a_person(mark))


def make_aid_message(mark):
    from tests.factories.mutual_aid import MessageFactory

    return MessageFactory(author=a_person(mark), body=f"Bonjour, ici {mark}")


def make_delivery(mark):
    from extranet.news.models import Delivery
    from tests.factories import PostFactory

    return Delivery.objects.create(post=PostFactory(), person=a_person(mark), channel="each")


def make_chartersignature(mark):
    from tests.factories.charter import CharterSignatureFactory

    return CharterSignatureFactory(version=a_charter_version(), recorded_by=a_person(mark))


def make_associationchangerequest(mark):
    from directory.models import AssociationChangeRequest
    from tests.factories import AssociationFactory

    return AssociationChangeRequest.objects.create(
        association=AssociationFactory(), submitted_by=a_person(mark),
        description=f"Proposé par {mark}", email=f"{mark.lower()}@example.org",
    )


def make_proposal(mark):
    from tests.factories import ProposalFactory

    return ProposalFactory(author=a_person(mark), title=f"Proposition de {mark}")


def make_proposalcomment(mark):
    from extranet.governance.models import ProposalComment
    from tests.factories import ProposalFactory

    proposal = ProposalFactory()
    return ProposalComment.objects.create(proposal=proposal, author=a_person(mark),
                                          association=proposal.author_association,
                                          text=f"D'accord, {mark}")


def a_ballot():
    import datetime

    from django.utils import timezone

    from extranet.governance.models import Ballot
    from tests.factories import ProposalFactory

    return Ballot.objects.create(proposal=ProposalFactory(),
                                 closes_at=timezone.now() + datetime.timedelta(days=1))


def make_vote(mark):
    from extranet.governance.models import Vote
    from tests.factories import AssociationFactory

    return Vote.objects.create(ballot=a_ballot(), association=AssociationFactory(),
                               choice="for", cast_by=a_person(mark))


def make_proxy(mark):
    from extranet.governance.models import Proxy
    from tests.factories import AssociationFactory

    return Proxy.objects.create(ballot=a_ballot(), giver=AssociationFactory(),
                                holder=AssociationFactory(), given_by=a_person(mark))


def make_bodymeeting(mark):
    from tests.factories import BodyMeetingFactory

    return BodyMeetingFactory(secretary=a_person(mark), minutes=f"Compte rendu de {mark}")


def a_library_document(mark):
    from tests.factories import make_document

    return make_document(title=f"Document de {mark}", by=a_person(mark))


def make_document(mark):
    return a_library_document(mark)


def make_documentversion(mark):
    return a_library_document(mark).versions.get()


def make_documentevent(mark):
    return a_library_document(mark).events.get()


def make_user(mark):
    return a_person(mark)


def make_emailaddress(mark):
    return a_person(mark).emailaddress_set.get()


MAKERS = {
    "campaigns.signature": make_signature,
    "campaigns.letter": make_letter,
    "events.registration": make_registration,
    "joining.joinrequest": make_joinrequest,
    "joining.joinrequeststep": make_joinrequeststep,
    "accounts.membership": make_membership,
    "accounts.rolechange": make_rolechange,
    "accounts.profile": make_profile,
    "accounts.invitation": make_invitation,
    "workgroups.groupmember": make_groupmember,
    "workgroups.task": make_task,
    "news.post": make_post,
    "news.comment": make_comment,
    "news.delivery": make_delivery,
    "mutual_aid.post": make_aid_post,
    "mutual_aid.conversation": make_aid_conversation,
    "mutual_aid.message": make_aid_message,
    "charter.chartersignature": make_chartersignature,
    "directory.associationchangerequest": make_associationchangerequest,
    "governance.proposal": make_proposal,
    "governance.proposalcomment": make_proposalcomment,
    "governance.vote": make_vote,
    "governance.proxy": make_proxy,
    "governance.bodymeeting": make_bodymeeting,
    "documents.document": make_document,
    "documents.documentversion": make_documentversion,
    "documents.documentevent": make_documentevent,
    "auth.user": make_user,
    "account.emailaddress": make_emailaddress,
}
# Records made through another record, whose marker that record carries too: who may see
# the other model may see the marker.
THROUGH = {
    "campaigns.letter": "campaigns.signature",
    "joining.joinrequeststep": "joining.joinrequest",
    "accounts.rolechange": "accounts.membership",
}
# Records made through a person account: the marker is also that account's name.
THROUGH_A_PERSON = {"accounts.membership", "accounts.rolechange", "accounts.profile",
                    "workgroups.groupmember", "workgroups.task", "news.post", "news.comment",
                    "news.delivery", "charter.chartersignature",
                    "directory.associationchangerequest", "account.emailaddress",
                    "governance.proposal", "governance.proposalcomment", "governance.vote",
                    "governance.proxy", "governance.bodymeeting", "documents.document",
                    "documents.documentversion", "documents.documentevent",
                    "mutual_aid.post", "mutual_aid.conversation", "mutual_aid.message"}

PERSONAL = sorted(personal_data.models(), key=lambda model: model._meta.label_lower)


def label(model):
    return model._meta.label_lower


# The admin URL patterns, with their full route.
def walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}{pattern.namespace}:"
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}{pattern.name}" if pattern.name else ""
            yield prefix + str(pattern.pattern), name, pattern


ADMIN_ROUTES = [
    (route, name, pattern) for route, name, pattern in walk(get_resolver().url_patterns)
    if route.startswith(("admin/", "django-admin/")) and name not in SKIPPED
]
ARGUMENT = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>|\(\?P<(?P<re_name>\w+)>[^)]*\)")
MODEL_ARGUMENTS = {"app_label", "model_name", "app_name", "content_type_app_name",
                   "content_type_model_name", "content_type_id"}
# The routes that list records, which also search them (?q=).
LISTINGS = (":list", ":list_results", "_changelist", ":choose", ":choose_results", "search",
            ":index", ":results", "_listing", "history", "report", "_results", "_pages")
OBJECT_ARGUMENTS = {"pk", "object_id", "id", "snippet_id", "instance_id"}


def arguments(route):
    return [match["name"] or match["re_name"] for match in ARGUMENT.finditer(route)]


def names_the_model(route, name, model):
    app_label, model_name = model._meta.app_label, model._meta.model_name
    return f"/{app_label}/{model_name}/" in f"/{route}" or f"_{app_label}_{model_name}:" in name \
        or name.startswith(f"{app_label}_{model_name}_")


def routes_of(model):
    """The routes that name `model`, or take a model or a content type as argument."""
    found = []
    for route, name, _pattern in ADMIN_ROUTES:
        args = set(arguments(route))
        if names_the_model(route, name, model) or args & MODEL_ARGUMENTS:
            found.append((route, name))
    return found


def filled(route, name, model, instance, extra):
    """The URLs to request for `route` and the record `instance`; raises KeyError naming an
    argument that this test does not know how to fill."""
    app_label, model_name = model._meta.app_label, model._meta.model_name
    values = {"app_label": app_label, "model_name": model_name, "app_name": app_label,
              "content_type_app_name": app_label, "content_type_model_name": model_name,
              **dict.fromkeys(OBJECT_ARGUMENTS, quote(instance.pk)), **extra}
    actions = [None]
    for argument in arguments(route):
        if argument == "action":
            actions = ["delete", *bulk_actions(app_label, model_name)]
            continue
        if argument == "content_type_id":
            from django.contrib.contenttypes.models import ContentType

            values[argument] = ContentType.objects.get_for_model(model).pk
        if argument not in values:
            raise KeyError(f"{route}: argument « {argument} » unknown to the test")
    urls = []
    for action in actions:
        values["action"] = action
        url_filled = "/" + ARGUMENT.sub(
            lambda match: str(values[match["name"] or match["re_name"]]), route
        ).replace("^", "").replace("$", "")
        if action:
            urls.append(f"{url_filled}?id={quote(instance.pk)}&next=/admin/")
        elif url_filled.endswith("/chosen-multiple/"):
            urls.append(f"{url_filled}?id={quote(instance.pk)}")
        else:
            urls.append(url_filled)
            if name.endswith((":list", "_changelist")):
                # A listing's exports (refused where the listing has none).
                urls += [f"{url_filled}?export=csv", f"{url_filled}?export=xlsx"]
            if name.endswith(LISTINGS):
                urls.append(f"{url_filled}?q={searched(marker(model))}")
    return urls


def bulk_actions(app_label, model_name):
    from wagtail.admin.views.bulk_action.registry import bulk_action_registry

    return sorted({action.action_type for action in
                   bulk_action_registry.get_bulk_actions_for_model(app_label, model_name)}
                  - {"delete"})


def text_of(response):
    """Everything the response shows, exports included (an XLSX file is a zip of XML)."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            content = b"".join(archive.read(name) for name in archive.namelist())
    return content.decode("utf-8", errors="replace")


# The users: each kind of person who reaches the admin.
def admin_users():
    from tests.factories import UserFactory

    roles = setup_editorial_roles()
    access = Permission.objects.get(content_type__app_label="wagtailadmin",
                                    codename="access_admin")
    # All of them are staff: the Django admin too must check each model's permissions.
    users = {
        "editor": UserFactory(username="redactrice", groups=[roles.editors], is_staff=True),
        "coordinator": UserFactory(username="coordinatrice", groups=[roles.coordinators],
                                   is_staff=True),
        "admin_only": UserFactory(username="sans-groupe", is_staff=True),
        "superuser": UserFactory(username="admin", is_staff=True, is_superuser=True),
    }
    users["admin_only"].user_permissions.add(access)
    return users


def may_see(user, model):
    """Whether `user` holds a permission on `model` (what a listing of it asks)."""
    user = get_user_model().objects.get(pk=user.pk)  # no cached permissions
    return any(user.has_perm(f"{model._meta.app_label}.{action}_{model._meta.model_name}")
               for action in ACTIONS)


def may_see_marker(user, model):
    carriers = [model]
    if label(model) in THROUGH:
        carriers.append(apps.get_model(THROUGH[label(model)]))
    if label(model) in THROUGH_A_PERSON or label(model) == "accounts.rolechange":
        carriers.append(get_user_model())
    return any(may_see(user, carrier) for carrier in carriers)


def make(model, superuser):
    """A record of `model` with its marker, and an entry of its history in the audit log."""
    instance = MAKERS[label(model)](marker(model))
    log(instance, "wagtail.edit", user=superuser)
    extra = {"parent_page_id": home().pk}
    if label(model) == "campaigns.signature":
        extra["page_id"] = instance.campaign_id
    return instance, extra


def visit(client, url):
    response = client.get(url)
    return response.status_code, text_of(response)


# The declarations the matrix is generated from.
def our_models_pointing_at_people():
    user_model = get_user_model()
    for model in apps.get_models():
        if model._meta.app_label not in OUR_APPS:
            continue
        for field in model._meta.get_fields(include_parents=False):  # a page's owner aside
            if isinstance(field, models.EmailField) or (
                isinstance(field, (models.ForeignKey, models.OneToOneField))
                and field.related_model is user_model
            ):
                yield model
                break


def test_every_model_of_ours_that_points_at_people_is_declared():
    declared = {label(model) for model in PERSONAL}
    undeclared = {label(model) for model in our_models_pointing_at_people()} - declared
    assert undeclared <= set(NOT_PERSONAL), (
        "Declare these models in portal.personal_data.register_models() (or say here why "
        f"they hold nothing private): {sorted(undeclared - set(NOT_PERSONAL))}"
    )


def test_the_test_knows_how_to_make_a_record_of_every_declared_model():
    assert {label(model) for model in PERSONAL} == set(MAKERS)


@pytest.mark.parametrize("model", PERSONAL, ids=label)
def test_no_admin_route_shows_a_record_to_whom_may_not_see_its_model(model, client):
    users = admin_users()
    instance, extra = make(model, users["superuser"])
    mark = marker(model)
    urls = [url for route, name in routes_of(model)
            for url in filled(route, name, model, instance, extra)]
    urls = list(dict.fromkeys(urls))  # the routes checked first share their address
    leaks, seen_by_superuser, cases = [], [], 0
    for who in USERS:
        client.force_login(users[who])
        readable = may_see_marker(users[who], model)
        for url in urls:
            cases += 1
            status, text = visit(client, url)
            if mark in text:
                if who == "superuser":
                    seen_by_superuser.append(url)
                if not readable:
                    leaks.append(f"{who} {status} {url}")
    assert not leaks, (f"{mark} shown to whom may not see {label(model)} ({len(leaks)} of "
                       f"{cases} requests):\n" + "\n".join(leaks))
    if hasattr(model, "snippet_viewset") or label(model) in {"auth.user",
                                                             "account.emailaddress"}:
        assert seen_by_superuser, f"the matrix never saw {mark}: is it where it belongs?"


GENERIC_ROUTES = [(route, name) for route, name, _ in ADMIN_ROUTES if not arguments(route)]


# wagtail-localize's translations report pages an unordered list: not ours to order.
@pytest.mark.filterwarnings("ignore::django.core.paginator.UnorderedObjectListWarning")
@pytest.mark.parametrize("who", USERS)
def test_no_admin_screen_without_argument_shows_a_record_to_whom_may_not_see_it(who, client):
    users = admin_users()
    for model in PERSONAL:
        make(model, users["superuser"])
    client.force_login(users[who])
    hidden = [model for model in PERSONAL if not may_see_marker(users[who], model)]
    leaks, cases = [], 0
    for route, name in GENERIC_ROUTES:
        url = "/" + route.replace("^", "").replace("$", "")
        for query in ("", f"?q={searched(PREFIX)}") if name.endswith(LISTINGS) else ("",):
            cases += 1
            status, text = visit(client, url + query)
            leaks += [f"{marker(model)} {status} {url}{query}" for model in hidden
                      if marker(model) in text]
    assert not leaks, (f"shown to {who} ({len(leaks)} markers on {cases} requests):\n"
                       + "\n".join(leaks))


def test_the_matrix_covers_every_declared_model_and_user():
    """The figures of the matrix (routes × models × users), and that it is not empty."""
    cases = sum(len(routes_of(model)) for model in PERSONAL) * len(USERS)
    assert len(PERSONAL) >= 15
    assert cases > len(PERSONAL) * len(USERS) * 5
    assert len(GENERIC_ROUTES) > 100
