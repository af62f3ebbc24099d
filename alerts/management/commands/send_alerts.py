"""Send the email alert digests that are due. Cron-able: safe to run as often as you like."""

from django.core.management.base import BaseCommand, CommandError

from alerts.digests import send_due
from alerts.models import Subscription


class Command(BaseCommand):
    help = (
        "Send the daily and weekly alert digests that are due (what is new since each one's "
        "last digest). Running it again sends nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--frequency",
            choices=Subscription.Frequency.values,
            help="only the digests of this frequency (default: all that are due)",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="say what would be sent; send and change nothing",
        )

    def handle(self, *args, frequency=None, dry_run=False, **options):
        report = send_due(frequency=frequency, dry_run=dry_run)
        if options["verbosity"] >= 2 or dry_run:
            for line in report.lines:
                self.stdout.write(line)
        prefix = "Dry run: " if dry_run else ""
        self.stdout.write(prefix + report.summary())
        if report.failed:
            # Every other digest was sent; a non-zero exit makes cron (or the loop) report it.
            raise CommandError(f"{report.failed} digest(s) could not be sent; they stay due.")
