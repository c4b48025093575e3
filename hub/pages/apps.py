from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "hub.pages"
    verbose_name = "Pages"
