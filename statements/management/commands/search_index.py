"""`manage.py search_index`: build, check and follow this host's search index.

--rebuild       the whole index again from the database (progress on stderr)
--check         compare every document with the database; exit 1 on any difference
--catch-up      apply the change log once (the default)
--follow        apply the change log as it grows, until interrupted
--prune KEEP    delete all but the last KEEP change-log rows (indexes older are rebuilt)
--status        how far the index is behind the log
"""

import json
import time

from django.core.management.base import BaseCommand, CommandError

from statements.search import changelog, sync
from statements.search.index import database_fingerprints, get_index

SHOWN = 10  # ids listed per kind of difference


class Command(BaseCommand):
    help = "Build, check or follow the search index (the database's derived copy)."

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group()
        action.add_argument("--rebuild", action="store_true", help="Rebuild from the database.")
        action.add_argument(
            "--check", action="store_true", help="Compare with the database; exit 1 if they differ."
        )
        action.add_argument("--catch-up", action="store_true", help="Apply the log once.")
        action.add_argument("--follow", action="store_true", help="Apply the log as it grows.")
        action.add_argument("--prune", type=int, metavar="KEEP", help="Trim the change log.")
        action.add_argument("--status", action="store_true", help="Print the lag as JSON.")
        parser.add_argument(
            "--interval", type=float, default=0.2, help="--follow: seconds between polls."
        )

    def handle(self, *args, **options):
        if options["rebuild"]:
            return self.rebuild()
        if options["check"]:
            return self.check_index()
        if options["follow"]:
            return self.follow(options["interval"])
        if options["prune"] is not None:
            deleted = changelog.prune(options["prune"])
            self.stdout.write(f"Deleted {deleted} change-log rows.")
            return
        if options["status"]:
            self.stdout.write(json.dumps(sync.lag()))
            return
        applied = sync.catch_up()
        self.stdout.write(f"Applied {applied} change-log rows. {json.dumps(sync.lag())}")

    def rebuild(self):
        started = time.monotonic()

        def progress(done):
            rate = done / max(time.monotonic() - started, 1e-6)
            self.stderr.write(f"\r{done:,} statements indexed ({rate:,.0f}/s)", ending="")
            self.stderr.flush()

        documents = sync.rebuild(progress=progress)
        self.stderr.write("")
        elapsed = time.monotonic() - started
        self.stdout.write(
            f"Rebuilt the search index at {get_index().path}: {documents:,} statements in "
            f"{elapsed:.1f} s, change log position {get_index().position()}."
        )

    def check_index(self):
        sync.catch_up()  # what is merely pending is not a difference
        index = get_index()
        index.reload()
        in_index = index.doc_fingerprints()
        in_database = database_fingerprints()
        missing = sorted(set(in_database) - set(in_index))
        extra = sorted(set(in_index) - set(in_database))
        different = sorted(
            pk for pk in set(in_index) & set(in_database) if in_index[pk] != in_database[pk]
        )
        for label, ids in (
            ("missing from the index", missing),
            ("in the index but not published in the database", extra),
            ("different from the database", different),
        ):
            if ids:
                shown = ", ".join(str(pk) for pk in ids[:SHOWN])
                more = f" and {len(ids) - SHOWN} more" if len(ids) > SHOWN else ""
                self.stdout.write(f"{len(ids)} statements {label}: {shown}{more}")
        if missing or extra or different:
            raise CommandError(
                "The search index differs from the database; "
                "`manage.py search_index --rebuild` rebuilds it.",
                returncode=1,
            )
        self.stdout.write(f"The search index matches the database: {len(in_index):,} statements.")

    def follow(self, interval):
        self.stdout.write(f"Following the change log into {get_index().path} (Ctrl-C stops).")
        try:
            sync.follow(
                interval=interval,
                on_apply=lambda n: self.stdout.write(f"applied {n} rows: {json.dumps(sync.lag())}"),
            )
        except KeyboardInterrupt:
            self.stdout.write("Stopped.")
