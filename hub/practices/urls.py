from django.urls import path
from django.views.generic import TemplateView

from hub.practices import views

app_name = "practices"

urlpatterns = [
    path("practices/", views.practice_list, name="list"),
    path("practices/submit/", views.practice_submit, name="submit"),
    path("practices/criteria/", views.criteria, name="criteria"),
    path("practices/submissions/<str:token>/", views.submission_status, name="submission_status"),
    path("practices/<slug:slug>/", views.practice_detail, name="detail"),
    path("topics/", views.topic_list, name="topics"),
    path("topics/tags/<str:slug>/", views.tag_detail, name="tag"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
    path("feeds/", views.feed_help, name="feeds"),
    path(
        "feeds/feed.xsl",
        TemplateView.as_view(template_name="practices/feed.xsl", content_type="text/xsl; charset=utf-8"),
        name="feed_stylesheet",
    ),
]
