from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResourcesConfig(AppConfig):
    name = "hub.resources"
    verbose_name = _("Resources")

    def ready(self):
        from hub.publishing.kinds import ContentKind, register
        from hub.resources.search import RESOURCE_SEARCH
        from hub.resources.services import resource_write

        register(
            ContentKind(
                slug="resource",
                url_name="resources",
                model="resources.Resource",
                label=_("Resource"),
                label_plural=_("Resources"),
                form="hub.resources.forms.ResourceForm",
                write=resource_write,
                search=RESOURCE_SEARCH,  # indexed by hub.search.services.search_index
                translatable=("title", "summary"),
                restored_relations=("languages", "topics", "places", "practices"),
                form_template="resources/_resource_form_fields.html",
                extra={"list_url": "/resources/"},
            )
        )
