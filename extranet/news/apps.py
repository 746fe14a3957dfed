from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "extranet.news"
    label = "news"
    verbose_name = _("Actualités de l'extranet")

    def ready(self):
        from extranet.news import personal_data
        from extranet.news.models import Comment, Delivery, Post
        from portal import personal_data as registry

        registry.register(
            "news", label=_("Actualités et commentaires de l'extranet"),
            export=personal_data.export, retention=personal_data.RETENTION,
        )

        # Who wrote, who was sent what (portal/personal_data.py).
        registry.register_models(Post, Comment, Delivery)
