import factory
import wagtail_factories
from django.utils import timezone

from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    CampaignUpdate,
    ElectedOfficial,
    Letter,
    Mandate,
    Signature,
)


class CampaignIndexPageFactory(wagtail_factories.PageFactory):
    """The campaigns page. Pass `parent=` (usually the `home_page` fixture)."""

    class Meta:
        model = CampaignIndexPage

    title = "Campagnes"
    slug = "campagnes"
    live = True


class CampaignPageFactory(wagtail_factories.PageFactory):
    """An open campaign with a petition, a goal of 1,000 signatures and no deadline. Pass
    `parent=` (a campaigns page)."""

    class Meta:
        model = CampaignPage

    title = factory.Sequence(lambda n: f"Campagne n° {n}")
    introduction = "Pour des financements pluriannuels des associations."
    goal = 1000
    live = True


class CampaignUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CampaignUpdate

    title = factory.Sequence(lambda n: f"Étape n° {n}")
    text = "<p>Lettre remise en mains propres.</p>"
    date = factory.LazyFunction(timezone.localdate)


class ElectedOfficialFactory(factory.django.DjangoModelFactory):
    """A departmental councillor of the canton of Meaux (77100), reachable by email."""

    class Meta:
        model = ElectedOfficial

    name = factory.Sequence(lambda n: f"Élue numéro {n}")
    mandate = Mandate.DEPARTMENTAL
    body = "Conseil départemental de Seine-et-Marne"
    area = "Canton de Meaux"
    postcodes = "77100 77124"
    email = factory.Sequence(lambda n: f"elue{n}@departement77.example.org")


class SignatureFactory(factory.django.DjangoModelFactory):
    """An unconfirmed signature (pass `campaign=`); `confirmed=True` for a counted one."""

    class Meta:
        model = Signature

    class Params:
        confirmed = factory.Trait(confirmed_at=factory.LazyFunction(timezone.now))

    first_name = factory.Sequence(lambda n: f"Camille{n}")
    last_name = "Martin"
    email = factory.Sequence(lambda n: f"signataire{n}@example.org")
    postcode = "77100"
    consent_text = "J'accepte."
    confirmation_sent_at = factory.LazyFunction(timezone.now)
    # Its email has left (pass `confirmation_emailed_at=None` for one that waits).
    confirmation_emailed_at = factory.SelfAttribute("confirmation_sent_at")


class LetterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Letter

    subject = "Pour des financements pluriannuels"
    body = "Madame, Monsieur, …"
