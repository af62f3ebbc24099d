"""`manage.py import_statements [PATH ...]`: documents (or an archive export) into the archive."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from statements.ingest.pipeline import import_paths
from statements.search.faceted import warm


class Command(BaseCommand):
    help = (
        "Import statements from files or folders (.txt, .md, .html, .json; folders are walked). "
        "A JSON file written by export_archive restores that archive. Default: the seed folder."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="*", help=f"Files or folders (default: {settings.SEEDS_DIR})"
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show what would be created or updated, and save nothing.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Extract again even documents whose text has not changed.",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="Never show the progress bar."
        )

    def handle(self, *args, **options):
        summary = import_paths(
            options["paths"] or [settings.SEEDS_DIR],
            dry_run=options["dry_run"],
            force=options["force"],
            stdout=self.stdout,
            stderr=self.stderr,
            progress=False if options["no_progress"] else None,
            verbosity=options["verbosity"],
        )
        if not summary.dry_run and (summary.created or summary.updated):
            # The first visitor after an import should not pay for counting the whole archive.
            warm()
        if not summary.ok:
            failed = [name for name, _reason in summary.failed]
            listed = ", ".join(failed[:5]) + (f" and {len(failed) - 5} more" if failed[5:] else "")
            raise CommandError(
                f"{len(failed)} file{'s' if len(failed) != 1 else ''} could not be imported: "
                f"{listed} (the reasons are above)"
            )
