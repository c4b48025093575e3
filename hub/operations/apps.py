from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Keeping the site running: backup and restore of the database, the health check."""

    name = "hub.operations"
    verbose_name = _("Operations")
