from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ServingConfig(AppConfig):
    name = "hub.serving"
    verbose_name = _("Serving pages")

    def ready(self):
        from hub.serving.services import database_optimize_after_migrate

        # Once per migrate run (sent for every app; this one only for ours), after every table exists.
        post_migrate.connect(database_optimize_after_migrate, sender=self)
