from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "hub.forum"
    verbose_name = _("Forums and online dialogues")

    def ready(self):
        from django.db.models import prefetch_related_objects

        from hub.forum.services import on_post_published, on_post_removed, post_html
        from hub.reactions.conversation import ConversationKind, register

        register(
            ConversationKind(
                slug="posts",
                model="forum.Post",
                label_plural=_("Forum posts"),
                queue_template="forum/_queue_post.html",
                prepare_for_queue=lambda posts: prefetch_related_objects(posts, "topic"),
                on_published=on_post_published,
                on_removed=on_post_removed,
                derived=post_html,
            )
        )
