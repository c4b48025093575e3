from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReactionsConfig(AppConfig):
    name = "hub.reactions"
    verbose_name = _("Ratings, comments and bookmarks")
