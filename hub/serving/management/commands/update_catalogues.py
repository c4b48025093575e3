"""`make messages`: every catalogue of TRANSLATED_LANGUAGES brought up to date with the code."""

from django.conf import settings
from django.core.management import BaseCommand, call_command

from hub.lib.catalogues import MAKEMESSAGES_IGNORE


class Command(BaseCommand):
    help = (
        "Runs makemessages for every language the site is translated into (locale/<lang>/LC_MESSAGES/django.po): "
        "new strings come in untranslated, changed ones fuzzy; the code, not tests or installed packages, is read."
    )

    def handle(self, *args, **options):
        languages = [code for code, _ in settings.TRANSLATED_LANGUAGES if code != settings.LANGUAGE_CODE]
        call_command(
            "makemessages",
            locale=languages,
            ignore_patterns=list(MAKEMESSAGES_IGNORE),
            add_location="file",
            verbosity=options["verbosity"],
        )
        self.stdout.write(f"Catalogues updated: {', '.join(languages)}. Translate what is empty or fuzzy.")
