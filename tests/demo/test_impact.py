"""`seed_demo` makes the impact reports of the member associations for the two last full
years, the observatory of social value in both languages, and a home page whose figures the
site counts itself."""


import pytest

from extranet.impact.models import HourlyValue, ImpactReport, SocialUtilityPage, Status
from extranet.impact.years import open_year
from home.models import HomePage
from portal import live_figures

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(db, seeded_once):
    """The demo, seeded once for this module (tests/demo/conftest.py)."""


def test_the_demo_has_reports_for_the_two_last_full_years(seeded):
    years = set(ImpactReport.objects.values_list("year", flat=True))

    assert years == {open_year(), open_year() - 1}
    assert not ImpactReport.objects.filter(year=open_year() - 1).exclude(
        status=Status.VALIDATED).exists()


def test_in_the_open_year_one_report_is_a_draft_and_one_was_sent_back(seeded):
    reports = ImpactReport.objects.filter(year=open_year())

    assert reports.filter(status=Status.DRAFT).count() == 1
    returned = reports.get(status=Status.RETURNED)
    assert returned.review_comment
    assert reports.filter(status=Status.VALIDATED).count() >= 2


def test_some_demo_associations_agreed_to_be_named_and_some_did_not(seeded):
    validated = ImpactReport.objects.validated()

    assert validated.filter(public_consent=True).exists()
    assert validated.filter(public_consent=False).exists()


def test_the_demo_values_the_hours_of_the_two_years_at_the_smic(seeded):
    assert str(HourlyValue.objects.get(year=2025).amount) == "11.88"
    assert live_figures.value("impact.volunteer_value") > 0


def test_the_observatory_of_social_value_is_published_in_french_and_english(seeded):
    french = SocialUtilityPage.objects.live().get(locale__language_code="fr")
    english = SocialUtilityPage.objects.live().get(locale__language_code="en")

    assert french.url == "/utilite-sociale/"
    assert english.url == "/en/social-value/"
    assert english.title == "Social value observatory"
    assert french.introduction and french.body


def test_the_footer_links_to_the_observatory_of_social_value(seeded, client):
    assert 'href="/utilite-sociale/"' in client.get("/").text


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_home_page_types_no_figure_the_site_counts(seeded, language):
    home = HomePage.objects.get(locale__language_code=language)
    figures = next(block.value for block in home.body if block.block_type == "key_figures")

    live = {figure["live"] for figure in figures["figures"] if figure["live"]}
    typed = [figure["label"] for figure in figures["figures"] if not figure["live"]]
    assert {"directory.members", "impact.volunteers"} <= live
    assert not any("membre" in label or "member" in label or "bénévole" in label
                   or "volunteer" in label for label in typed)


def test_the_home_page_shows_the_live_number_of_volunteers(seeded, client):
    volunteers = live_figures.value("impact.volunteers")

    html = client.get("/").text

    assert volunteers
    assert "bénévoles engagés dans nos associations" in html


def test_the_guide_for_elected_officials_shows_what_the_associations_bring(seeded, client):
    from home.guide import GuidePage

    guide = GuidePage.objects.get(locale__language_code="fr")

    html = client.get(guide.url).text

    assert "Ce que les associations apportent" in html
    assert "heures de bénévolat données dans l" in html
