from django.core.management.base import BaseCommand

from hub.search.engines import get_engine
from hub.search.services import search_rebuild


class Command(BaseCommand):
    help = "Index every published practice afresh (after an upgrade, a bulk import or a restore)."

    def handle(self, *args, **options):
        def progress(done, total):
            if options["verbosity"] > 1:
                self.stdout.write(f"{done}/{total}")

        result = search_rebuild(progress=progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {result['practices']} published practices ({result['terms']} distinct words) "
                f"with {get_engine().name} in {result['seconds']} s."
            )
        )
