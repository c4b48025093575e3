from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReactionsConfig(AppConfig):
    name = "hub.reactions"
    verbose_name = _("Ratings, comments and bookmarks")

    def ready(self):
        from hub.reactions.conversation import ConversationKind, register
        from hub.reactions.views import attach_objects

        register(
            ConversationKind(
                slug="comments",
                model="reactions.Comment",
                label_plural=_("Comments"),
                queue_template="reactions/_queue_comment.html",
                prepare_for_queue=attach_objects,
            )
        )
