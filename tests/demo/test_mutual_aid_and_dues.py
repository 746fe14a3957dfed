"""`seed_demo` makes the mutual aid between the member associations (offers and requests, the
archive, public offers, conversations), the dues of the two last years, the solidarity fund's
ledger with an aid granted by a decision of the register, and the two public pages in French
and English, linked from the footer."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Sum
from django.utils import timezone

from extranet.dues import fund
from extranet.dues.models import Dues, DuesScale, EntryKind, FundEntry, SolidarityFundPage
from extranet.governance.models import Outcome
from extranet.mutual_aid import map as offer_map
from extranet.mutual_aid.models import Conversation, Kind, MutualAidPage, Post, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(seeded_once):
    """The demo, seeded once for this module (tests/demo/conftest.py)."""


def test_the_demo_has_current_offers_and_requests(seeded):
    current = Post.objects.current()

    assert current.filter(kind=Kind.OFFER).count() >= 3
    assert current.filter(kind=Kind.REQUEST).count() >= 2


def test_every_current_offer_of_the_demo_is_placed_on_the_map(seeded):
    figures = offer_map.map_data(offer_map.by_commune(offer_map.current_offers()))

    assert figures["total"] >= 3
    assert figures["unplaced"] == 0


def test_the_archive_holds_a_closed_post_and_a_past_one(seeded):
    archived = Post.objects.archived()

    assert archived.filter(status=Status.CLOSED).count() == 1
    assert archived.filter(status=Status.OPEN, ends_on__lt=timezone.localdate()).count() == 1


def test_three_current_offers_are_shown_on_the_public_site(seeded):
    assert Post.objects.public().count() == 3


def test_the_demo_posts_are_written_by_people_of_their_association(seeded):
    for post in Post.objects.select_related("association", "author"):
        assert post.association.memberships.current().filter(person=post.author).exists()


def test_two_conversations_answer_posts_with_a_few_messages(seeded):
    conversations = Conversation.objects.all()

    assert conversations.count() == 2
    for conversation in conversations:
        assert 2 <= conversation.messages.count() <= 3
        assert conversation.messages.filter(from_poster=True).exists()
        assert conversation.association != conversation.post.association


def test_the_dues_scale_is_set_for_last_year_and_this_year(seeded):
    year = timezone.localdate().year

    scales = DuesScale.objects.filter(year__in=[year - 1, year])

    assert scales.count() == 2
    for scale in scales:
        assert scale.fund_share == 20
        assert scale.amount_for(0) == 30 and scale.amount_for(50_000) == 150


def test_last_year_every_member_association_paid_with_receipts_in_order(seeded):
    year = timezone.localdate().year - 1
    dues = Dues.objects.filter(year=year).order_by("paid_on", "association__name")

    assert dues.count() >= 6 and not dues.unpaid().exists()
    assert [row.receipt_number for row in dues] == [
        f"{year}-{n:04d}" for n in range(1, dues.count() + 1)]
    assert all(row.paid_on.year == year for row in dues)


def test_this_year_two_dues_are_unpaid_and_one_association_has_not_declared(seeded):
    year = timezone.localdate().year
    dues = Dues.objects.filter(year=year)

    assert dues.unpaid().count() == 2
    assert dues.paid().count() > dues.unpaid().count()
    assert Dues.objects.filter(year=year - 1).count() - dues.count() == 1
    assert all(row.paid_on <= timezone.localdate() for row in dues.paid())


def test_every_paid_dues_gives_its_share_to_the_fund(seeded):
    paid = Dues.objects.paid()

    assert FundEntry.objects.filter(kind=EntryKind.DUES_SHARE).count() == paid.count()
    for dues in paid.select_related("fund_entry"):
        assert dues.fund_entry.entry_date == dues.paid_on
        assert dues.fund_entry.amount == dues.amount / 5


def test_the_fund_balance_is_the_sum_of_its_entries_and_never_below_zero(seeded):
    entries = FundEntry.objects.all()

    assert fund.balance() == entries.aggregate(total=Sum("amount"))["total"] > 0
    for day in entries.values_list("entry_date", flat=True).distinct():
        assert fund.balance(day) >= 0
    assert entries.filter(kind=EntryKind.GIFT).count() == 2
    assert entries.get(kind=EntryKind.CORRECTION).corrects.kind == EntryKind.GIFT


def test_one_aid_was_paid_by_an_adopted_public_decision(seeded):
    aid = FundEntry.objects.get(kind=EntryKind.REDISTRIBUTION)

    assert aid.amount < 0 and aid.association.is_member
    assert aid.decision.outcome == Outcome.ADOPTED and aid.decision.is_public
    assert aid.decision.decided_on <= aid.entry_date


@pytest.mark.parametrize(("model", "french", "english"), [
    (MutualAidPage, "/entraide/", "/en/mutual-aid/"),
    (SolidarityFundPage, "/fonds-de-solidarite/", "/en/solidarity-fund/"),
])
def test_the_public_pages_are_published_in_french_and_english(seeded, model, french, english):
    page_fr = model.objects.live().get(locale__language_code="fr")
    page_en = model.objects.live().get(locale__language_code="en")

    assert (page_fr.url, page_en.url) == (french, english)
    assert page_fr.introduction and page_fr.body
    assert page_en.introduction and page_en.body and page_en.title != page_fr.title


@pytest.mark.parametrize(("home", "links"), [
    ("/", ['href="/entraide/"', 'href="/fonds-de-solidarite/"']),
    ("/en/", ['href="/en/mutual-aid/"', 'href="/en/solidarity-fund/"']),
])
def test_the_footer_links_to_the_mutual_aid_and_the_solidarity_fund(seeded, client, home,
                                                                     links):
    html = client.get(home).text

    for link in links:
        assert link in html


def test_seeding_again_adds_no_post_dues_nor_entry_of_the_fund(seeded):
    counts = (Post.objects.count(), Conversation.objects.count(), Dues.objects.count(),
              FundEntry.objects.count(), fund.balance())

    call_command("seed_demo", stdout=io.StringIO())

    assert (Post.objects.count(), Conversation.objects.count(), Dues.objects.count(),
            FundEntry.objects.count(), fund.balance()) == counts
