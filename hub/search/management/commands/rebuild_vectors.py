from django.core.management.base import BaseCommand
from tqdm import tqdm

from hub.search import vectors
from hub.search.kinds import search_kinds
from hub.search.semantic import vectors_changed, vectors_rebuild


class Command(BaseCommand):
    help = (
        "Compute the sentence vector of every object of every searchable kind afresh (after a change of "
        "model, a restore, or to fill them in where no worker ran)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--changed-only",
            action="store_true",
            help="Compute only the vectors that are missing or whose text or model changed.",
        )

    def handle(self, *args, **options):
        total = sum(kind.model_class._default_manager.count() for kind in search_kinds())
        with tqdm(
            total=total, unit="doc", disable=options["verbosity"] == 0, file=self.stderr._out, dynamic_ncols=True
        ) as bar:
            result = vectors_rebuild(progress=bar.update, force=not options["changed_only"])
        vectors_changed()
        objects = sum(result["objects"].values())
        per_thousand = result["seconds"] * 1000 / result["computed"] if result["computed"] else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"Computed {result['computed']} vectors of {objects} objects with {vectors.MODEL_NAME} "
                f"in {result['seconds']} s ({per_thousand:.0f} s per 1 000 documents)."
            )
        )
