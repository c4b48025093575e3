from django.urls import path

from hub.forum import feeds, views
from hub.lib.feeds import conditional

app_name = "forum"

urlpatterns = [
    path("", views.index, name="index"),
    path("boards/<slug:slug>/", views.board, name="board"),
    path("boards/<slug:slug>/new/", views.topic_new, name="topic_new"),
    path("boards/<slug:slug>/feed/", conditional(feeds.BoardFeed()), name="board_feed"),
    path("boards/<slug:slug>/atom/", conditional(feeds.BoardAtomFeed()), name="board_atom"),
    path("topics/<int:pk>/", views.topic, name="topic"),
    path("topics/<int:pk>/reply/", views.reply, name="reply"),
    path("topics/<int:pk>/lock/", views.topic_lock, name="topic_lock"),
    path("topics/<int:pk>/pin/", views.topic_pin, name="topic_pin"),
    path("topics/<int:pk>/move/", views.topic_move, name="topic_move"),
    path("topics/<int:pk>/feed/", conditional(feeds.TopicFeed()), name="topic_feed"),
    path("topics/<int:pk>/atom/", conditional(feeds.TopicAtomFeed()), name="topic_atom"),
    path("posts/<int:pk>/", views.post_link, name="post"),
    path("posts/<int:pk>/edit/", views.post_edit, name="post_edit"),
    path("posts/<int:pk>/remove/", views.post_remove, name="post_remove"),
    path("posts/<int:pk>/approve/", views.post_approve, name="post_approve"),
    path("members/<str:username>/ban/", views.member_ban, name="member_ban"),
    path("dialogues/new/", views.dialogue_new, name="dialogue_new"),
    path("dialogues/<slug:slug>/", views.dialogue, name="dialogue"),
    path("dialogues/<slug:slug>/summary/", views.dialogue_summary, name="dialogue_summary"),
    path("about/<slug:kind>/<int:pk>/", views.discuss_subject, name="about"),
]
