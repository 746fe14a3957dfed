from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Événements")

    def ready(self):
        from wagtail.signals import page_published

        from events.models import EventPage
        from events.registrations import event_published

        # A larger capacity, once published, gives places to the waiting list.
        page_published.connect(event_published, sender=EventPage,
                               dispatch_uid="events_promote_waiting_on_publish")
