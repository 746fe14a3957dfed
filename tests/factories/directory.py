import factory
import wagtail_factories

from directory.models import Association, Commune, DirectoryPage, MembersPage, ObservatoryPage


class AssociationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Association
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Association numéro {n}")
    rna_id = factory.Sequence(lambda n: f"W77{n:07d}")
    commune = factory.LazyFunction(lambda: Commune.objects.get(code="77108"))
    postcode = "77500"
    social_object = "Rompre l'isolement et créer du lien."

    @factory.post_generation
    def sectors(self, create, extracted, **kwargs):
        if create and extracted:
            self.sectors.set(extracted)


class DirectoryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = DirectoryPage

    title = "Annuaire des associations"
    slug = "annuaire"
    live = True


class ObservatoryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ObservatoryPage

    title = "Observatoire de la vie associative"
    slug = "observatoire"
    live = True


class MembersPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MembersPage

    title = "Les associations membres"
    slug = "membres"
    introduction = "Les associations qui font le collectif."
    live = True
