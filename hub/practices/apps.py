from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "hub.practices"
    verbose_name = _("Practices")

    def ready(self):
        from hub.practices.models import Practice
        from hub.practices.search import PRACTICE_SEARCH
        from hub.practices.services import practice_write
        from hub.publishing.kinds import ContentKind, register

        register(
            ContentKind(
                slug="practice",
                url_name="practices",
                model="practices.Practice",
                label=_("Practice"),
                label_plural=_("Practices"),
                form="hub.practices.forms.PracticeForm",
                write=practice_write,
                search=PRACTICE_SEARCH,  # indexed by hub.search.services.search_index
                translatable=("title", "summary", *Practice.LONG_FIELDS),
                restored_relations=("topics", "places", "target_groups", "partners"),
                kept_on_restore=("merged_into",),
                form_template="practices/_practice_form_fields.html",
                review_extra_template="practices/_review_links.html",
            )
        )
