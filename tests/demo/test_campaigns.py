"""The demo's campaigns (`seed_demo`): the campaigns page in both languages, two open campaigns
(one with a goal, a deadline and a letter sent from the signer's mailbox, one whose letters the
site sends) and a won one, the elected officials of Seine-et-Marne they address, and their
confirmed signatures."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    CampaignStatus,
    ElectedOfficial,
    Letter,
    LetterDelivery,
    Signature,
)
from campaigns.signatures import confirmed_count
from demo import content
from directory.models import Association

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db, seeded_once):
    """The demo, seeded once for this module (tests/demo/conftest.py)."""


def campaigns(language):
    return CampaignPage.objects.live().filter(locale__language_code=language)


def test_the_demo_campaigns_page_is_in_french_and_in_english(demo):
    french = CampaignIndexPage.objects.get(locale__language_code="fr")
    english = CampaignIndexPage.objects.get(locale__language_code="en")

    assert (french.live, french.url) == (True, "/campagnes/")
    assert (english.live, english.url) == (True, "/en/campaigns/")
    assert english.translation_key == french.translation_key


def test_the_demo_has_two_open_campaigns_and_a_won_one_in_both_languages(demo):
    for language in ("fr", "en"):
        assert sorted(campaigns(language).values_list("status", flat=True)) == [
            CampaignStatus.OPEN, CampaignStatus.OPEN, CampaignStatus.WON,
        ]
    english = campaigns("en").get(slug="multi-year-funding-agreements")
    assert english.url == "/en/campaigns/multi-year-funding-agreements/"
    assert english.demands[0].value["title"] == "Three-year funding agreements"
    assert [update.title for update in english.updates.order_by("date")] == [
        "Campaign launched", "The results of our survey", "Meeting granted at the Department",
    ]


def test_the_open_demo_campaigns_ask_for_letters_by_mailto_and_from_the_site(demo):
    mailto = campaigns("fr").get(letter_delivery=LetterDelivery.MAILTO)
    platform = campaigns("fr").get(letter_delivery=LetterDelivery.PLATFORM)

    assert mailto.petition_is_open() and platform.petition_is_open()
    assert mailto.goal == 1500 and mailto.deadline > timezone.now()
    assert "{elu}" in mailto.letter_body and "{signataire}" in mailto.letter_body
    assert mailto.officials.count() == 3
    assert Letter.objects.filter(signature__campaign=platform).exists()
    assert not Letter.objects.exclude(signature__campaign=platform).exists()


def test_the_won_demo_campaign_says_what_was_obtained(demo):
    won = campaigns("fr").get(status=CampaignStatus.WON)

    assert "gratuité" in won.outcome
    assert not won.petition_is_open()
    assert "Thank you" in campaigns("en").get(status=CampaignStatus.WON).outcome


def test_each_demo_campaign_has_a_theme_demands_updates_and_carriers_of_the_directory(demo):
    for campaign in campaigns("fr"):
        assert campaign.theme is not None
        assert len(campaign.demands) >= 3
        assert campaign.updates.count() == 3
        assert campaign.associations.count() == 3
        assert campaign.officials.exists()
    carriers = Association.objects.filter(campaigns__page__locale__language_code="fr")
    assert "Entraide et partage chellois" in set(carriers.values_list("name", flat=True))


def test_the_demo_officials_are_of_seine_et_marne_and_have_no_real_address(demo):
    officials = ElectedOfficial.objects.all()

    assert 4 <= officials.count() <= 6
    for official in officials:
        assert all(code.startswith("77") for code in official.postcodes.split())
        assert not official.email or official.email.endswith(".example.org")
        official.full_clean()


def test_the_demo_signatures_are_confirmed_and_counted_in_both_languages(demo):
    for data in content.CAMPAIGNS:
        french = campaigns("fr").get(slug=data["slug"])
        english = campaigns("en").get(slug=data["en"]["slug"])
        start, stop = data["signers"]

        assert confirmed_count(french) == confirmed_count(english) == stop - start
    signatures = Signature.objects.all()
    assert 60 <= signatures.count() <= 100
    assert signatures.count() == signatures.confirmed().count()
    assert all(email.endswith("@example.org")
               for email in signatures.values_list("email", flat=True))
    assert signatures.shown().filter(comment_status="approved").count() >= 5


def test_seed_demo_twice_adds_no_campaign_official_signature_or_letter(demo):
    models = (CampaignPage, CampaignIndexPage, ElectedOfficial, Signature, Letter)
    before = [model.objects.count() for model in models]

    call_command("seed_demo")

    assert [model.objects.count() for model in models] == before


def test_a_demo_association_page_lists_the_campaigns_it_carries(client, demo):
    association = Association.objects.get(name="Entraide et partage chellois")

    text = client.get(f"/annuaire/{association.slug}/").text

    assert "Des conventions pluriannuelles, pas des appels à projets à répétition" in text
    assert "Des salles municipales gratuites pour les associations chelloises" in text
