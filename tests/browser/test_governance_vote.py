"""An online vote in Chromium: the representative of "Entraide et partage chellois" (demo
content) signs in, votes "pour" on the ballot's page and sees it recorded; the ballot is
counted once its window is over, and the decision is read in the register. axe-core runs on
the list of ballots, the ballot's page, its proxies, the governance screen, the register, the
decision's page and the printable register."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from demo.management.commands.seed_demo import DEMO_MEMBERS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

_USERNAME, EMAIL, PASSWORD, _FIRST, _LAST, ASSOCIATION, _ROLE = DEMO_MEMBERS[0]
TITLE = "Demander des salles municipales gratuites"


def open_ballot():
    """An online ballot of the plenary assembly, open for an hour. Counting needs no
    quorum here: the demo's many member associations will not all vote in this test."""
    from directory.models import Association
    from extranet.governance import voting
    from extranet.governance.models import Body, BodyKind, Proposal

    plenary = Body.objects.plenary() or Body.objects.create(name="Assemblée plénière",
                                                            kind=BodyKind.PLENARY)
    plenary.quorum_percent = 0
    plenary.save()
    proposal = Proposal.objects.create(
        body=plenary, title=TITLE, text="Le collectif demande à la commune des salles "
        "gratuites pour les associations.",
        author_association=Association.objects.get(name=ASSOCIATION),
    )
    return voting.open_ballot(proposal, by=None,
                              closes_at=timezone.now() + datetime.timedelta(hours=1))


def sign_in(page, site_url):
    page.goto(site_url + "/extranet/")
    page.get_by_label("Adresse e-mail ou identifiant").fill(EMAIL)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Espace membres")


def test_a_representative_votes_online_then_reads_the_decision(page, site_url,
                                                               assert_accessible):
    from extranet.governance import voting

    ballot = open_ballot()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    sign_in(page, site_url)

    waiting = page.get_by_role("region", name="Votes en attente pour mon association")
    expect(waiting.get_by_role("link", name=TITLE)).to_be_visible()
    page.goto(site_url + "/extranet/votes/")
    expect(page.get_by_text("votre association n'a pas encore voté")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    assert_accessible(page)
    page.get_by_label("Pour", exact=True).check()
    page.get_by_role("button", name=f"Voter pour {ASSOCIATION}").click()
    expect(page.get_by_text("Vote enregistré : pour.")).to_be_visible()
    expect(page.get_by_label("Pour", exact=True)).to_be_checked()
    page.get_by_role("link", name="Procurations pour ce vote").click()
    expect(page.get_by_role("heading", level=2, name="Donner la procuration de votre "
                            "association")).to_be_visible()
    assert_accessible(page)
    page.goto(site_url + "/extranet/gouvernance/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Gouvernance")
    assert_accessible(page)
    page.goto(f"{site_url}/extranet/votes/{ballot.pk}/")

    # The window is over: the ballot is counted (what the close_ballots command does on
    # schedule), at its closing time.
    voting.close_ballot(ballot, now=ballot.closes_at)
    page.reload()
    expect(page.get_by_text("Adoptée", exact=True)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="au registre").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(TITLE)
    expect(page.get_by_text("Le collectif demande à la commune des salles")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Revenir au registre des décisions").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Registre des décisions")
    expect(page.get_by_role("link", name=ballot.decision.number)).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Version imprimable").click()
    expect(page.get_by_text("Le collectif demande à la commune des salles")).to_be_visible()
    assert_accessible(page)
    assert errors == []
