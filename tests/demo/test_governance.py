"""`seed_demo` makes the collective's governance: the assemblies of 2026 and their register,
whose seventh decision adopts the charter's second version (the eighth, the coordination
committee's, grants the solidarity fund's aid: demo/dues.py), an online ballot open with a
proxy, and the coordination's rotation."""

import pytest
from django.core.management import call_command

from charter.models import CharterVersion
from extranet.governance import register
from extranet.governance.models import (
    Ballot,
    BodyMeeting,
    CoordinationTerm,
    Decision,
    DecisionsPage,
    Outcome,
)

pytestmark = pytest.mark.django_db


def test_the_demo_register_holds_the_assemblies_decisions_and_adopts_the_charter():
    call_command("seed_demo")

    numbers = list(Decision.objects.order_by("pk").values_list("number", flat=True))
    assert numbers[:7] == [f"2026-00{n}" for n in range(1, 8)]
    assert register.verify() == (None, 8)
    assert Decision.objects.filter(outcome=Outcome.REJECTED).count() == 1
    assert CharterVersion.objects.get(number=2).decision_number == "2026-007"
    assert BodyMeeting.objects.get(minutes_approved_at__isnull=False).minutes


def test_the_demo_has_an_open_ballot_with_a_proxy_and_a_rotating_coordination(client):
    call_command("seed_demo")

    ballot = Ballot.objects.get(closed_at__isnull=True)
    assert ballot.is_open() and ballot.votes.count() == 2 and ballot.proxies.count() == 1
    assert set(CoordinationTerm.objects.values_list("chosen_by", flat=True)) == {
        "decision", "rotation",
    }
    for page in DecisionsPage.objects.all():  # French and English
        response = client.get(page.url)
        assert response.status_code == 200
        assert "2026-007" in response.text
