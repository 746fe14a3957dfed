"""A campaign's confirmed signatures counted per day (Paris dates) and the admin screen that
charts them, with the table of the same figures."""

import datetime

import pytest
from django.utils import timezone

from campaigns.models import CampaignStatus
from campaigns.signatures import confirmed_per_day
from portal.editorial import setup_editorial_roles
from tests.factories import SignatureFactory, UserFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def chart_url(page):
    return f"/admin/snippets/campaigns/signature/par-jour/{page.pk}/"


def confirmed_at(campaign, *moments):
    for moment in moments:
        SignatureFactory(campaign=campaign, confirmed_at=moment)


@pytest.fixture
def roles(home_page):
    return setup_editorial_roles()


@pytest.fixture
def coordinator(client, roles):
    user = UserFactory(username="coordinatrice", groups=[roles.coordinators])
    client.force_login(user)
    return user


def test_signatures_either_side_of_paris_midnight_count_on_their_own_days(campaign):
    confirmed_at(campaign,
                 datetime.datetime(2025, 3, 9, 22, 30, tzinfo=UTC),  # 23:30 in Paris
                 datetime.datetime(2025, 3, 9, 23, 30, tzinfo=UTC))  # 00:30 on the 10th

    counts = confirmed_per_day(campaign, today=datetime.date(2025, 3, 10))

    assert counts.days == [(datetime.date(2025, 3, 9), 1), (datetime.date(2025, 3, 10), 1)]


def test_summer_time_moves_paris_midnight_to_ten_pm_utc(campaign):
    confirmed_at(campaign,
                 datetime.datetime(2025, 7, 1, 21, 59, tzinfo=UTC),  # 23:59 in Paris
                 datetime.datetime(2025, 7, 1, 22, 1, tzinfo=UTC))  # 00:01 on the 2nd

    counts = confirmed_per_day(campaign, today=datetime.date(2025, 7, 2))

    assert counts.days == [(datetime.date(2025, 7, 1), 1), (datetime.date(2025, 7, 2), 1)]


def test_days_without_signatures_count_zero(campaign):
    confirmed_at(campaign, datetime.datetime(2025, 3, 3, 10, tzinfo=UTC),
                 datetime.datetime(2025, 3, 3, 11, tzinfo=UTC))

    counts = confirmed_per_day(campaign, today=datetime.date(2025, 3, 6))

    assert counts.days == [(datetime.date(2025, 3, 3), 2), (datetime.date(2025, 3, 4), 0),
                           (datetime.date(2025, 3, 5), 0), (datetime.date(2025, 3, 6), 0)]


def test_unconfirmed_signatures_are_not_counted(campaign):
    confirmed_at(campaign, datetime.datetime(2025, 3, 3, 10, tzinfo=UTC))
    SignatureFactory(campaign=campaign, created_at=datetime.datetime(2025, 3, 3, 11, tzinfo=UTC))

    counts = confirmed_per_day(campaign, today=datetime.date(2025, 3, 3))

    assert counts.total == 1
    assert counts.days == [(datetime.date(2025, 3, 3), 1)]


def test_the_chart_covers_sixty_days_at_most_and_the_total_all_of_them(campaign):
    confirmed_at(campaign, datetime.datetime(2025, 1, 2, 10, tzinfo=UTC),
                 datetime.datetime(2025, 5, 20, 10, tzinfo=UTC))

    counts = confirmed_per_day(campaign, today=datetime.date(2025, 5, 31))

    assert len(counts.days) == 60
    assert counts.days[0][0] == datetime.date(2025, 4, 2)
    assert (counts.total, counts.period_total) == (2, 1)


def test_a_closed_petition_is_counted_up_to_its_last_confirmation(campaign):
    campaign.status = CampaignStatus.CLOSED
    campaign.save()
    confirmed_at(campaign, datetime.datetime(2025, 3, 1, 10, tzinfo=UTC),
                 datetime.datetime(2025, 3, 5, 10, tzinfo=UTC))

    counts = confirmed_per_day(campaign, today=datetime.date(2025, 6, 1))

    assert [day for day, _count in counts.days][-1] == datetime.date(2025, 3, 5)
    assert len(counts.days) == 5


def test_counting_per_day_takes_two_queries(campaign, django_assert_num_queries):
    for hour in range(10):
        confirmed_at(campaign, datetime.datetime(2025, 3, 1 + hour, hour, tzinfo=UTC))

    with django_assert_num_queries(2):
        confirm = confirmed_per_day(campaign, today=datetime.date(2025, 3, 20))

    assert confirm.period_total == 10


def test_the_chart_page_shows_the_chart_the_table_and_the_total(client, coordinator,
                                                                campaign):
    now = timezone.now()
    confirmed_at(campaign, now - datetime.timedelta(days=2), now - datetime.timedelta(days=2),
                 now)

    response = client.get(chart_url(campaign))

    assert response.status_code == 200
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in response.text
    assert "3 signatures confirmées en tout." in response.text
    assert "<caption>Signatures confirmées par jour</caption>" in response.text
    assert response.text.count("<tr><th scope=\"row\"><time") == 3  # two days ago to today


def test_the_chart_page_says_when_nothing_is_confirmed_yet(client, coordinator, campaign):
    SignatureFactory(campaign=campaign)

    response = client.get(chart_url(campaign))

    assert "Aucune signature confirmée pour l'instant." in response.text
    assert "<svg xmlns" not in response.text


def test_the_chart_page_links_to_the_campaign_s_signatures(client, coordinator, campaign):
    response = client.get(chart_url(campaign))

    assert f"/admin/snippets/campaigns/signature/?campaign={campaign.pk}" in response.text


def test_a_volunteer_editor_cannot_see_the_chart(client, roles, campaign):
    client.force_login(UserFactory(username="redactrice", groups=[roles.editors]))

    response = client.get(chart_url(campaign))

    assert response.status_code in (302, 403)


def test_the_campaign_page_listing_links_to_the_chart(client, coordinator, campaign,
                                                     campaign_index):
    response = client.get(f"/admin/pages/{campaign_index.pk}/")

    assert response.status_code == 200
    assert chart_url(campaign) in response.text


def test_the_campaign_page_editor_links_to_the_chart(client, coordinator, campaign):
    response = client.get(f"/admin/pages/{campaign.pk}/edit/")

    assert chart_url(campaign) in response.text


def test_the_chart_page_runs_a_bounded_number_of_queries(
    client, coordinator, campaign, django_assert_max_num_queries
):
    now = timezone.now()
    confirmed_at(campaign, now)
    client.get(chart_url(campaign))
    with django_assert_max_num_queries(30) as few:
        client.get(chart_url(campaign))
    confirmed_at(campaign, *(now - datetime.timedelta(days=n, hours=1) for n in range(50)))

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(chart_url(campaign))
    assert response.status_code == 200
