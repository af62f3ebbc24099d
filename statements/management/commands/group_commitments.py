"""Regroup every published commitment into threads (curators' splits and joins are kept)."""

from django.core.management.base import BaseCommand, CommandError

from statements.ingest.threads import evaluate, read_pairs, regroup_all


class Command(BaseCommand):
    help = "Group the commitments of published statements into threads, afresh."

    def add_arguments(self, parser):
        parser.add_argument(
            "--evaluate",
            metavar="PAIRS_TSV",
            help="Then report precision/recall of 'same thread' on hand-labelled pairs "
            "(fixtures/thread_pairs.tsv).",
        )

    def handle(self, *args, **options):
        pairs = None
        if options["evaluate"]:
            try:
                pairs = read_pairs(options["evaluate"])
            except (OSError, ValueError) as error:
                raise CommandError(f"Cannot read {options['evaluate']}: {error}") from None
        summary = regroup_all()
        self.stdout.write(
            f"{summary['commitments']} commitments in {summary['threads']} threads; "
            f"{summary['threads_with_later_mentions']} with later mentions "
            f"(largest: {summary['largest']} mentions)."
        )
        if pairs is not None:
            s = evaluate(pairs)
            fmt = lambda v: "n/a" if v is None else f"{v:.2f}"  # noqa: E731
            self.stdout.write(
                f"Pairs: {s['pairs']} labelled ({s['missing']} not found). "
                f"Precision {fmt(s['precision'])}, recall {fmt(s['recall'])} "
                f"(tp {s['tp']}, fp {s['fp']}, fn {s['fn']}, tn {s['tn']})."
            )
