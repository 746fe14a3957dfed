from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Événements")

    def ready(self):
        from wagtail.signals import page_published

        from directory import association_sections
        from events import association_events, personal_data
        from events.models import EventPage, Registration
        from events.registrations import event_published
        from portal import personal_data as registry

        # A larger capacity, once published, gives places to the waiting list.
        page_published.connect(event_published, sender=EventPage,
                               dispatch_uid="events_promote_waiting_on_publish")
        # What the registrations hold on people (manage.py export/erase_personal_data).
        registry.register(
            "events", label=_("Inscriptions aux événements"),
            export=personal_data.export, erase=personal_data.erase,
            retention=personal_data.RETENTION,
        )
        registry.register_models(Registration)
        # Its events on an association's page in the directory.
        association_sections.register(
            "events", template="events/includes/association_events.html",
            context=association_events.section, order=10,
        )
        # What the public pages show of it: they are made again when it changes.
        from events.models import Theme, Venue
        from portal import page_cache

        page_cache.invalidate_on_change(Theme, Venue)
        # A registration moves the places left: pages made again within the live lag.
        page_cache.live_on_change(Registration)
