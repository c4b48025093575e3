from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "hub.events"
    verbose_name = _("Events")

    def ready(self):
        from hub.events.search import EVENT_SEARCH
        from hub.events.services import event_write
        from hub.publishing.kinds import ContentKind, register

        register(
            ContentKind(
                slug="event",
                url_name="events",
                model="events.Event",
                label=_("Event"),
                label_plural=_("Events"),
                form="hub.events.forms.EventForm",
                write=event_write,
                search=EVENT_SEARCH,  # indexed by hub.search.services.search_index
                translatable=("title", "description"),
                restored_relations=("topics", "resources"),
                extra={"list_url": "/events/"},
            )
        )
