"""`manage.py export_personal_data` and `erase_personal_data`: everything held on one email
address, whatever its case, exported as JSON or erased everywhere (signatures and
registrations still counted, anonymous; accounts closed, anonymous)."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from campaigns.models import Letter, Signature
from campaigns.signatures import Outcome, confirmed_count, sign
from events.models import Registration, RegistrationStatus
from portal import personal_data
from tests.factories import (
    AssociationFactory,
    ElectedOfficialFactory,
    EventIndexPageFactory,
    LetterFactory,
    MembershipFactory,
    PersonFactory,
    RegistrableEventFactory,
    RegistrationFactory,
    SignatureFactory,
)

pytestmark = pytest.mark.django_db

EMAIL = "camille.martin@example.org"


@pytest.fixture
def event(home_page):
    agenda = EventIndexPageFactory(parent=home_page)
    return RegistrableEventFactory(parent=agenda, title="Rencontre : l'emploi associatif")


@pytest.fixture
def signature(campaign):
    return SignatureFactory(campaign=campaign, first_name="Camille", last_name="Martin",
                            email=EMAIL, comment="Nos salariés sont précaires.",
                            association_name="Les Amis du Canal", show_publicly=True,
                            confirmed=True)


@pytest.fixture
def letter(signature):
    return LetterFactory(signature=signature, official=ElectedOfficialFactory(),
                         subject="Pour l'emploi associatif",
                         body="Madame, signé Camille Martin (camille.martin@example.org)")


@pytest.fixture
def registration(event):
    return RegistrationFactory(event=event, name="Camille Martin", email=EMAIL,
                               association_name="Les Amis du Canal", needs="Sans gluten",
                               places=2)


class Terminal(io.StringIO):
    """What a person types at a terminal."""

    def isatty(self):
        return True


def export(email):
    out = io.StringIO()
    call_command("export_personal_data", email, stdout=out, stderr=io.StringIO())
    return json.loads(out.getvalue())


def erase(email, *options, stdin=None):
    out = io.StringIO()
    call_command("erase_personal_data", email, *options, stdout=out, stdin=stdin)
    return out.getvalue()


# Export


def test_export_holds_the_signature_and_the_registration_of_the_address(
    signature, letter, registration
):
    document = export(EMAIL)

    assert document["email"] == EMAIL
    [signed] = document["data"]["campaigns"]["records"]
    assert signed["campaign"] == "Pour l'emploi associatif"
    assert (signed["first_name"], signed["email"]) == ("Camille", EMAIL)
    assert signed["comment"] == "Nos salariés sont précaires."
    assert signed["confirmed_at"] is not None
    assert signed["letters"][0]["subject"] == "Pour l'emploi associatif"
    [registered] = document["data"]["events"]["records"]
    assert registered["event"] == "Rencontre : l'emploi associatif"
    assert (registered["name"], registered["places"], registered["needs"]) == (
        "Camille Martin", 2, "Sans gluten")


def test_export_finds_the_address_whatever_its_case(signature, registration):
    document = export("  Camille.MARTIN@Example.org ")

    assert len(document["data"]["campaigns"]["records"]) == 1
    assert len(document["data"]["events"]["records"]) == 1


def test_export_holds_nothing_of_other_addresses(campaign, event, signature, registration):
    SignatureFactory(campaign=campaign, email="dominique@example.org")
    RegistrationFactory(event=event, email="dominique@example.org")

    document = export(EMAIL)

    assert "dominique@example.org" not in json.dumps(document)


def test_export_says_so_when_nothing_is_held(signature):
    out, err = io.StringIO(), io.StringIO()

    call_command("export_personal_data", "personne@example.org", stdout=out, stderr=err)

    data = json.loads(out.getvalue())["data"]
    assert all(group["records"] == [] for group in data.values())
    assert "Aucune donnée n'est enregistrée sous l'adresse personne@example.org." in (
        err.getvalue())


def test_export_writes_the_json_to_the_file_given(signature, tmp_path):
    path = tmp_path / "export.json"
    out = io.StringIO()

    call_command("export_personal_data", EMAIL, "--output", str(path), stdout=out)

    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["data"]["campaigns"]["records"][0]["first_name"] == "Camille"
    assert "Nos salariés sont précaires." in path.read_text(encoding="utf-8")  # not \u00e9
    assert f"écrites dans {path}" in out.getvalue()
    assert path.stat().st_mode & 0o077 == 0


def test_export_holds_the_account_its_profile_and_memberships(db):
    person = PersonFactory(email=EMAIL, first_name="Camille", last_name="Martin")
    MembershipFactory(person=person, association=AssociationFactory(name="Les Amis du Canal"))

    [account] = export(EMAIL.upper())["data"]["accounts"]["records"]

    assert account["username"] == person.username
    assert account["email_addresses"] == [{"email": EMAIL, "verified": True, "primary": True}]
    assert account["memberships"][0]["association"] == "Les Amis du Canal"
    assert "password" not in account


def test_export_refuses_what_is_not_an_email_address(db):
    with pytest.raises(CommandError, match="n'est pas une adresse électronique"):
        call_command("export_personal_data", "camille", stdout=io.StringIO())


# Erasure


def test_erasure_keeps_the_confirmed_count(campaign, signature):
    SignatureFactory(campaign=campaign, confirmed=True)
    assert confirmed_count(campaign) == 2

    erase(EMAIL, "--yes")

    assert confirmed_count(campaign) == 2


def test_erasure_removes_the_address_everywhere(signature, letter, registration):
    output = erase(EMAIL.upper(), "--yes")

    signature.refresh_from_db()
    assert (signature.first_name, signature.last_name, signature.email) == ("", "", "")
    assert (signature.comment, signature.association_name, signature.postcode) == ("", "", "")
    assert not signature.show_publicly
    assert signature.erased_at is not None and signature.confirmed_at is not None
    registration.refresh_from_db()
    assert (registration.name, registration.email, registration.needs) == ("", "", "")
    assert registration.erased_at is not None
    document = export(EMAIL)
    assert all(group["records"] == [] for group in document["data"].values())
    assert "Signatures des pétitions et lettres aux élus : 1 enregistrement(s) effacé(s)." in (
        output)
    assert "Inscriptions aux événements : 1 enregistrement(s) effacé(s)." in output


def test_erasure_replaces_the_letters_subject_and_text(letter):
    erase(EMAIL, "--yes")

    letter.refresh_from_db()
    assert (letter.subject, letter.body) == ("[effacé]", "[effacé]")
    assert "camille" not in " ".join(Letter.objects.values_list("body", flat=True)).lower()


def test_erasure_keeps_the_places_and_state_of_registrations(event, registration):
    erase(EMAIL, "--yes")

    registration.refresh_from_db()
    assert (registration.status, registration.places) == (RegistrationStatus.CONFIRMED, 2)
    assert registration.event == event


def test_erasing_twice_changes_nothing_more(signature, registration):
    erase(EMAIL, "--yes")
    erased_at = Signature.objects.get().erased_at

    output = erase(EMAIL, "--yes")

    assert f"Rien à effacer sous l'adresse {EMAIL}." in output
    assert Signature.objects.get().erased_at == erased_at
    assert Registration.objects.get().erased_at is not None


def test_erasure_without_yes_is_refused_when_nobody_can_answer(signature):
    with pytest.raises(CommandError, match="Relancez-la avec --yes"):
        erase(EMAIL, stdin=io.StringIO())

    assert Signature.objects.get().email == EMAIL


def test_erasure_asks_first_and_erases_when_told_oui(signature):
    output = erase(EMAIL, stdin=Terminal("oui\n"))

    assert "Tapez « oui » pour confirmer" in output
    assert Signature.objects.get().email == ""


def test_erasure_asks_first_and_changes_nothing_when_told_no(signature):
    output = erase(EMAIL, stdin=Terminal("non\n"))

    assert "Effacement abandonné : rien n'a été modifié." in output
    assert Signature.objects.get().email == EMAIL


def test_erasure_closes_the_account_of_the_address(signature):
    person = PersonFactory(email=EMAIL)

    output = erase(EMAIL, "--yes")

    person.refresh_from_db()
    assert person.email == "" and not person.is_active
    assert "Comptes utilisateurs, profils et rattachements : 1 enregistrement(s) effacé(s)." in (
        output)


def test_erasure_changes_nothing_when_one_app_fails(signature, registration, monkeypatch):
    def broken(email, now):
        raise RuntimeError("panne")

    holders = dict(personal_data._holders)
    holders["broken"] = personal_data.Holder("broken", "En panne", export=lambda email: [],
                                             erase=broken)
    monkeypatch.setattr(personal_data, "_holders", holders)

    with pytest.raises(RuntimeError):
        erase(EMAIL, "--yes")

    assert Signature.objects.get().email == EMAIL
    assert Registration.objects.get().email == EMAIL


def test_an_erased_address_can_sign_the_same_campaign_again(campaign, signature):
    erase(EMAIL, "--yes")

    result = sign(campaign, {"first_name": "Camille", "last_name": "Martin", "email": EMAIL,
                             "postcode": "77100"}, "fr")

    assert result.outcome == Outcome.CREATED
    assert Signature.objects.filter(campaign=campaign).count() == 2
