from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "extranet.documents"
    label = "documents"
    verbose_name = _("Documents partagés")

    def ready(self):
        from extranet.documents import personal_data
        from extranet.documents.models import Document, DocumentEvent, DocumentVersion
        from portal import personal_data as registry

        registry.register(
            "documents", label=_("Documents partagés : dépôts et téléchargements"),
            export=personal_data.export,
        )
        # Who added a version, who downloaded or binned a document (portal/personal_data.py).
        registry.register_models(Document, DocumentVersion, DocumentEvent)
        # What the public pages show of it: they are made again when it changes.
        from portal import page_cache

        page_cache.invalidate_on_change(Document, DocumentVersion)
