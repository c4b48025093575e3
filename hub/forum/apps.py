from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "hub.forum"
    verbose_name = _("Forums and online dialogues")

    def ready(self):
        from django.db.models import prefetch_related_objects

        from hub.forum.search import POST_SEARCH
        from hub.forum.services import on_post_published, on_post_removed, post_html, post_search_index
        from hub.reactions.conversation import ConversationKind, register
        from hub.search.kinds import register_search_kind

        # Posts are not a publishing kind: they register with search directly, and the conversation
        # hooks keep the index up to date (hub.forum.services.post_search_index).
        register_search_kind(POST_SEARCH)

        register(
            ConversationKind(
                slug="posts",
                model="forum.Post",
                label_plural=_("Forum posts"),
                queue_template="forum/_queue_post.html",
                prepare_for_queue=lambda posts: prefetch_related_objects(posts, "topic"),
                on_published=on_post_published,
                on_removed=on_post_removed,
                on_edited=post_search_index,
                derived=post_html,
            )
        )
