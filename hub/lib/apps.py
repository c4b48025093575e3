from django.contrib.staticfiles.apps import StaticFilesConfig


class StaticFiles(StaticFilesConfig):
    """collectstatic without django-modeltranslation's tabbed admin files: we use its plain admin, and
    that stylesheet names jQuery UI on Google's CDN (the site never loads anything from a CDN)."""

    ignore_patterns = [*StaticFilesConfig.ignore_patterns, "tabbed_translation_fields*"]
