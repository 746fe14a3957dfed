from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MutualAidConfig(AppConfig):
    name = "extranet.mutual_aid"
    label = "mutual_aid"
    verbose_name = _("Entraide")

    def ready(self):
        from extranet.mutual_aid import personal_data
        from extranet.mutual_aid.models import Conversation, Message, Post
        from portal import personal_data as registry

        registry.register(
            "mutual_aid", label=_("Entraide entre associations : annonces et messages"),
            export=personal_data.export, retention=personal_data.RETENTION,
        )
        # Who published, who answered, what they wrote (portal/personal_data.py).
        registry.register_models(Post, Conversation, Message)
        # What the public pages show of it: they are made again when it changes.
        from portal import page_cache

        page_cache.invalidate_on_change(Post)
