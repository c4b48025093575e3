from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ServingConfig(AppConfig):
    name = "hub.serving"
    verbose_name = _("Serving pages")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from hub.serving.language import remember_language_on_sign_in
        from hub.serving.services import database_optimize_after_migrate

        user_logged_in.connect(remember_language_on_sign_in, dispatch_uid="remember_language_on_sign_in")

        # Once per migrate run (sent for every app; this one only for ours), after every table exists.
        post_migrate.connect(database_optimize_after_migrate, sender=self)
