"""manage.py import_practices PATH…: listing pages (.txt), CSV and JSON files into the moderation queue."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from hub.imports.services import import_practices


class Command(BaseCommand):
    help = (
        "Import practices from listing pages saved as text, CSV or JSON files (see docs/importing.md). "
        "They go to the moderation queue unless --publish is given. Safe to repeat: the same practice is "
        "merged, and one that only looks like another is queued as a possible duplicate."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files, or folders whose .txt, .csv and .json files are read")
        parser.add_argument("--publish", action="store_true", help="publish what is imported (default: queue it)")
        parser.add_argument("--dry-run", action="store_true", help="show what would happen and write nothing")

    def handle(self, *args, paths, publish, dry_run, **options):
        files = []
        for path in map(Path, paths):
            candidates = (
                sorted(p for p in path.iterdir() if p.suffix.lower() in {".txt", ".csv", ".json"})
                if (path.is_dir())
                else [path]
            )
            for candidate in candidates:
                try:
                    files.append((candidate.name, candidate.read_bytes()))
                except OSError as error:
                    self.stderr.write(f"{candidate}: cannot be read ({error.strerror}); skipped")
        if not files:
            raise CommandError("No file to import.")

        bar = tqdm(total=0, unit="practice", disable=options["verbosity"] == 0, file=self.stderr, leave=False)

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        report = import_practices(files=files, publish=publish, dry_run=dry_run, progress=progress)
        bar.close()
        self.print_report(report)

    def print_report(self, report) -> None:
        write = self.stdout.write
        if report.dry_run:
            write(self.style.WARNING("Dry run: nothing was written. This is what an import would do."))
        for label, entries in (("Created", report.created), ("Updated", report.updated)):
            for entry in entries:
                write(f"{label}: {entry['title']}  ({entry['where']})")
        for entry in report.merged:
            write(f"Merged: {entry['title']}  ({entry['where']}; also in {', '.join(entry['also_in'])})")
        for entry in report.possible_duplicates:
            write(
                self.style.WARNING(
                    f"Possible duplicate, in the queue as practice {entry['id']}: {entry['title']} ({entry['where']}) "
                    f"looks like practice {entry['duplicate_of']} “{entry['practice_title']}” ({entry['score']:.0f}%)"
                )
            )
        for entry in report.skipped:
            write(self.style.ERROR(f"Skipped: {entry['where']}: {entry['message']}"))
        for entry in report.warnings:
            write(self.style.WARNING(f"Warning: {entry['where']}: {entry['message']}"))
        counts = report.counts()
        summary = ", ".join(f"{n} {label.replace('_', ' ')}" for label, n in counts.items())
        write(self.style.SUCCESS(f"{'Would import' if report.dry_run else 'Imported'}: {summary}."))
