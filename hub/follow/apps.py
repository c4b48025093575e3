from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowConfig(AppConfig):
    name = "hub.follow"
    verbose_name = _("Follow")

    def ready(self):
        from hub.follow import followables
        from hub.follow.services import alerts_on_change
        from hub.publishing.kinds import listen_to_changes

        followables.register_all()
        listen_to_changes(alerts_on_change)
