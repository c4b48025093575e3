"""What the site search indexes of forum posts: their text (post_search_texts) and the post kind's
registration with search (POST_SEARCH, number 4; registered in apps.py, not through publishing: posts
are conversation moderated after posting). hub.forum.services.post_search_index keeps the index up to
date when a post is published, edited or removed.

Only published posts are found; a post waiting for a moderator or removed is not in the index. Quoted
lines are left out: they are another post's words, and that post may be removed later."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from hub.forum.models import Post
from hub.forum.notify import without_quotes
from hub.search.documents import plain_text
from hub.search.kinds import ObjectText, SearchFacet, SearchKind


def post_texts(ids) -> dict[int, str]:
    """{post id: the text to index (its topic's title, its author's name, its own words)} for the
    published posts among `ids`, in one query."""
    posts = Post.objects.filter(pk__in=list(ids)).published().select_related("topic", "user")
    return {post.pk: f"{post.topic.title}\n{post.author_display}\n{without_quotes(post.body)}" for post in posts}


def published_post_ids():
    """Every post the index should hold (for a rebuild)."""
    return Post.objects.published().values_list("pk", flat=True)


def post_search_texts(ids) -> list[ObjectText]:
    """The post kind's text builder for the site search: the author's own words (Markdown and quotes
    left out) as the body; its topic's title, its board or dialogue and its author as context. Any
    status (search keeps the published ones); one query."""
    posts = Post.objects.filter(pk__in=list(ids)).select_related("topic__board", "topic__dialogue", "user")
    return [
        (
            post.pk,
            settings.LANGUAGE_CODE.split("-")[0],  # posts do not say their language; the site's
            {
                "title": "",
                "summary": "",
                "body": plain_text(without_quotes(post.body)),
                "context": "\n".join([post.topic.title, str(post.topic.place), post.author_display]),
            },
        )
        for post in posts
    ]


POST_SEARCH = SearchKind(
    number=4,
    slug="posts",
    label=_("Forum posts"),
    model="forum.Post",
    texts=post_search_texts,
    facets=(SearchFacet("board", _("Board"), "topic__board"),),
    result_template="forum/_search_result.html",
)
