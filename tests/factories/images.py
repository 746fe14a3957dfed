import factory
import wagtail_factories


class ImageFactory(wagtail_factories.ImageFactory):
    title = "Assemblée générale du collectif"
    file = factory.django.ImageField(width=800, height=450, color="teal")
