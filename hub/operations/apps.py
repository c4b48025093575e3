from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Keeping the site running: backup and restore of the database, the health check."""

    name = "hub.operations"
    verbose_name = "Operations"
