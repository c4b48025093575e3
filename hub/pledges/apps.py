from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PledgesConfig(AppConfig):
    name = "hub.pledges"
    verbose_name = _("Pledges")

    def ready(self):
        from hub.pledges.search import PLEDGE_SEARCH
        from hub.pledges.services import pledge_write, progress_update_changed, progress_update_write
        from hub.publishing.kinds import ContentKind, register

        register(
            ContentKind(
                slug="pledge",
                url_name="pledges",
                model="pledges.Pledge",
                label=_("Pledge"),
                label_plural=_("Pledges"),
                form="hub.pledges.forms.PledgeForm",
                write=pledge_write,
                search=PLEDGE_SEARCH,  # indexed by hub.search.services.search_index
                translatable=("title", "commitment", "body"),
                restored_relations=("topics", "places", "partners", "practices"),
                # The state follows the progress updates; a restored version does not turn it back.
                kept_on_restore=("state", "reminded_for"),
                form_template="pledges/_pledge_form_fields.html",
                extra={"list_url": "/pledges/"},
            )
        )
        register(
            ContentKind(
                slug="progress_update",
                url_name="pledge-updates",
                model="pledges.ProgressUpdate",
                label=_("Progress update"),
                label_plural=_("Progress updates"),
                form="hub.pledges.forms.ProgressUpdateForm",
                write=progress_update_write,
                kept_on_restore=("pledge",),
                after_change=progress_update_changed,
                extra={"list_url": "/pledges/"},
            )
        )
