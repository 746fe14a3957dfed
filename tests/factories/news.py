import factory

from extranet.news.models import Category, Comment, Post
from tests.factories.accounts import PersonFactory


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Vie du réseau {n}")
    slug = factory.Sequence(lambda n: f"vie-du-reseau-{n}")


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    title = factory.Sequence(lambda n: f"Des nouvelles du réseau n° {n}")
    body = "La prochaine rencontre thématique aura lieu à Chelles.\n\nVenez nombreux !"
    author = factory.SubFactory(PersonFactory)


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    post = factory.SubFactory(PostFactory)
    author = factory.SubFactory(PersonFactory)
    body = "Merci pour l'information !"
