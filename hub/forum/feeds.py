"""A feed per topic and per board (RSS 2.0 and Atom): the newest published posts. A post waiting for a
moderator or removed is never in a feed, nor the text it quotes (a quoted post may be removed later)."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from hub.forum.models import Board, Post, Topic
from hub.forum.notify import without_quotes
from hub.lib.feeds import CleanAtomFeed, CleanRssFeed
from hub.lib.markdown import USER_CONTENT_REL, render_markdown

FEED_LENGTH = 30


class PostFeedMixin:
    feed_type = CleanRssFeed

    def items(self, obj):
        return (
            self.posts(obj)
            .published()
            .select_related("user", "topic__board")
            .order_by("-created_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, post):
        return _("%(name)s in “%(topic)s”") % {"name": post.author_display, "topic": post.topic.title}

    def item_description(self, post):
        return render_markdown(Truncator(without_quotes(post.body)).chars(3000), link_rel=USER_CONTENT_REL)

    def item_pubdate(self, post):
        return post.created_at

    def item_updateddate(self, post):
        return post.edited_at or post.created_at

    def item_author_name(self, post):
        return post.author_display

    def item_link(self, post):
        return post.get_absolute_url()

    def item_categories(self, post):
        return [post.topic.board.name] if post.topic.board_id else []


class TopicFeed(PostFeedMixin, Feed):
    def get_object(self, request, pk):
        topic = get_object_or_404(Topic.objects.select_related("board", "dialogue"), pk=pk)
        if topic.post_count == 0:
            raise Http404
        return topic

    def title(self, topic):
        return _("IBIS Hub discussion: %(title)s") % {"title": topic.title}

    def description(self, topic):
        return _("New posts in the topic “%(title)s”.") % {"title": topic.title}

    def link(self, topic):
        return topic.get_absolute_url()

    def posts(self, topic):
        return Post.objects.filter(topic=topic)


class TopicAtomFeed(TopicFeed):
    feed_type = CleanAtomFeed
    subtitle = TopicFeed.description


class BoardFeed(PostFeedMixin, Feed):
    def get_object(self, request, slug):
        return get_object_or_404(Board, slug=slug)

    def title(self, board):
        return _("IBIS Hub discussions: %(name)s") % {"name": board.name}

    def description(self, board):
        return _("New posts in the board “%(name)s”.") % {"name": board.name}

    def link(self, board):
        return board.get_absolute_url()

    def posts(self, board):
        return Post.objects.filter(topic__board=board)


class BoardAtomFeed(BoardFeed):
    feed_type = CleanAtomFeed
    subtitle = BoardFeed.description
