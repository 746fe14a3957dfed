"""The coordination's history page in Chromium, with axe-core: the representative of the demo's
"Entraide et partage chellois" signs in and reads who coordinates and who did."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from directory.models import Association
from extranet.governance.models import Body, BodyKind, CoordinationTerm, RotationPlace
from tests.browser.test_extranet import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_coordination_history_is_accessible(page, site_url, assert_accessible):
    body, _created = Body.objects.get_or_create(
        kind=BodyKind.PLENARY, defaults={"name": "Assemblée plénière"})
    body.coordination_term_months = 12
    body.save()
    # Made here, in place of the demo's coordination.
    RotationPlace.objects.all().delete()
    CoordinationTerm.objects.all().delete()
    members = list(Association.objects.members().order_by("name")[:3])
    ends_on = timezone.localdate() + datetime.timedelta(days=30)  # the current term's end
    for index, association in enumerate(members):
        RotationPlace.objects.create(body=body, association=association, position=index + 1)
        starts_on = ends_on - datetime.timedelta(days=364)
        term = CoordinationTerm.objects.create(body=body, starts_on=starts_on, ends_on=ends_on,
                                               chosen_by=CoordinationTerm.Choice.ROTATION)
        term.associations.set([association])
        ends_on = starts_on - datetime.timedelta(days=1)
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    sign_in(page, site_url)

    page.goto(site_url + "/extranet/coordination/")

    expect(page.get_by_role("heading", level=1)).to_have_text("Coordination du collectif")
    expect(page.get_by_role("table")).to_contain_text(members[0].name)
    assert_accessible(page)
    assert errors == []
