"""What the site search indexes of forum posts, for the search engineer's registry of kinds (hub/search
is theirs: this module only says what a post's text is).

Only published posts have a text; a post waiting for a moderator or removed has none, and so leaves
the index when it is rebuilt. Quoted lines are left out: they are another post's words, and that post
may be removed later."""

from hub.forum.models import Post
from hub.forum.notify import without_quotes


def post_texts(ids) -> dict[int, str]:
    """{post id: the text to index (its topic's title, its author's name, its own words)} for the
    published posts among `ids`, in one query."""
    posts = Post.objects.filter(pk__in=list(ids)).published().select_related("topic", "user")
    return {post.pk: f"{post.topic.title}\n{post.author_display}\n{without_quotes(post.body)}" for post in posts}


def published_post_ids():
    """Every post the index should hold (for a rebuild)."""
    return Post.objects.published().values_list("pk", flat=True)
