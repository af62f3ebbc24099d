"""`manage.py score_extraction [--split tune|blind|all] [--json]`: extraction against the gold."""

import json
import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from statements.ingest import evaluation


class Command(BaseCommand):
    help = (
        "Score the extraction against the hand-written gold: precision and recall per field, "
        "for the tune split or the blind split (never tuned on); evaluation.GOLD_SETS says which "
        "folder of tests/ingest/ is in which. Meeting grouping "
        "imports the documents into a scratch database, never into the archive."
    )

    def add_arguments(self, parser):
        parser.add_argument("--split", choices=evaluation.SPLITS, default="tune")
        parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
        parser.add_argument(
            "--errors", action="store_true", help="List every miss (file, field, what)."
        )
        parser.add_argument("--no-grouping", action="store_true", help="Skip meeting grouping.")
        parser.add_argument(
            "--output",
            help="Also write the figures as JSON to this file (make accuracy: the method page's).",
        )
        parser.add_argument("--gold", default=str(evaluation.GOLD_DIR), help="The tune gold.")
        parser.add_argument(
            "--fresh", default=str(evaluation.FRESH_DIR), help="The second tune gold."
        )
        parser.add_argument("--blind", default=str(evaluation.THIRD_DIR), help="The blind gold.")
        parser.add_argument("--corpus", default=str(evaluation.CORPUS_DIR))

    def handle(self, *args, **options):
        try:
            golds = evaluation.load_gold(
                options["gold"],
                options["split"],
                fresh_dir=options["fresh"],
                blind_dir=options["blind"],
            )
        except evaluation.GoldError as error:
            raise CommandError(str(error)) from None
        if not golds:
            folder = options["blind"] if options["split"] == "blind" else options["gold"]
            raise CommandError(f"no gold files for split {options['split']!r} in {folder}")
        grouping = not options["no_grouping"]
        old_name = None
        if grouping:
            # A throwaway database (in memory on SQLite): the archive itself is never touched.
            test_settings = connection.settings_dict.setdefault("TEST", {})
            if connection.vendor != "sqlite":
                test_settings["NAME"] = f"score_{connection.settings_dict['NAME']}_{os.getpid()}"
            old_name = connection.settings_dict["NAME"]
            connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            report = evaluation.score(
                options["split"],
                golds=golds,
                corpus_dir=options["corpus"],
                grouping=grouping,
            )
        except evaluation.GoldError as error:
            raise CommandError(str(error)) from None
        finally:
            if old_name is not None:
                connection.creation.destroy_test_db(old_name, verbosity=0)
        figures = json.dumps(report.as_dict(), indent=2)
        if options["output"]:
            Path(options["output"]).write_text(figures + "\n", encoding="utf-8")
        if options["json"]:
            self.stdout.write(figures)
        else:
            for line in report.table():
                self.stdout.write(line)
        if options["errors"]:
            for file, name, message in report.errors:
                self.stdout.write(f"{name:<20} {file[:70]}: {message}")
