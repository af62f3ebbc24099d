"""Sending the digests that are due (what `manage.py send_alerts` runs).

Each run: delete expired unconfirmed subscriptions, sweep the ledger (`Publication.objects.sweep`,
which gives the run's `cutoff`), then for each due subscription claim it, find what is new
between its watermark and the cutoff, send one message, and move the watermark to the cutoff.

- Idempotent: a second run finds the subscriptions it served not due (their `last_checked_at` is
  now) and, even if they were, nothing between their watermark and the cutoff.
- Concurrent runs: a subscription is claimed by a compare-and-set UPDATE of `last_checked_at`;
  a run that loses the race skips it. No lock is held while talking to the mail server.
- A failing address (refused, server down) is logged and left due with its watermark unmoved,
  so the next run tries again; the others are still sent.
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone

from alerts.mail import digest_message
from alerts.models import Publication, Subscription
from alerts.targets import InvalidTarget, new_statements

logger = logging.getLogger(__name__)
DIGEST_LIMIT = 50  # statements listed in one digest (the count says how many more)
CHUNK = 200
# This many failures in a row look like the mail server, not the addresses: the run stops and
# the rest stay due for the next run (rather than waiting for a timeout per subscription).
GIVE_UP_AFTER = 5


@dataclass
class Report:
    cutoff: int = 0
    expired: int = 0
    sent: int = 0
    empty: int = 0
    failed: int = 0
    invalid: int = 0
    skipped: int = 0
    in_a_row: int = 0  # failures since the last success
    gave_up: bool = False
    lines: list = field(default_factory=list)  # one per subscription looked at (no addresses)

    def summary(self):
        summary = (
            f"{self.sent} digest(s) sent, {self.empty} with nothing new, {self.failed} failed, "
            f"{self.invalid} with a search no longer valid, {self.skipped} taken by another run, "
            f"{self.expired} unconfirmed expired (ledger at {self.cutoff})"
        )
        if self.gave_up:
            summary += f"; stopped after {GIVE_UP_AFTER} failures in a row, the rest stay due"
        return summary


def mask(email):
    """j…@example.org: enough for an operator to tell addresses apart in a log."""
    local, _, domain = email.partition("@")
    return f"{local[:1]}…@{domain}"


def send_due(frequency=None, dry_run=False, now=None):
    """Send every due digest (of one `frequency`, or all); with `dry_run` nothing is sent or
    written (the run's writes are rolled back) and the report says what would have been."""
    if not dry_run:
        return _run(frequency, False, now or timezone.now())
    with transaction.atomic():
        report = _run(frequency, True, now or timezone.now())
        transaction.set_rollback(True)
    return report


def _run(frequency, dry_run, now):
    report = Report()
    report.expired, _ = Subscription.objects.expired(now).delete()
    report.cutoff = Publication.objects.sweep()
    limit = getattr(settings, "ALERTS_DIGEST_LIMIT", DIGEST_LIMIT)
    connection = None if dry_run else get_connection()
    # The ids first: the loop updates the rows the due query reads (no cursor held over writes).
    due = list(Subscription.objects.due(now, frequency).values_list("pk", flat=True))
    try:
        for start in range(0, len(due), CHUNK):
            chunk = Subscription.objects.filter(pk__in=due[start : start + CHUNK])
            for subscription in chunk.select_related("official", "topic").order_by("pk"):
                connection = _serve(
                    subscription, report, limit, connection, dry_run, now, frequency
                )
                if report.in_a_row >= GIVE_UP_AFTER:
                    report.gave_up = True
                    return report
    finally:
        if connection is not None:
            connection.close()
    return report


def _serve(subscription, report, limit, connection, dry_run, now, frequency):
    """Look at one due subscription; returns the mail connection to go on with."""
    who = f"alert {subscription.pk} ({mask(subscription.email)}, {subscription.frequency})"
    previous = subscription.last_checked_at
    # Still due and unchanged since read (another run may have served it meanwhile): take it.
    claimed = (
        Subscription.objects.due(now, frequency)
        .filter(pk=subscription.pk, last_checked_at=previous)
        .update(last_checked_at=now)
    )
    if not claimed:
        report.skipped += 1
        return connection
    done = Subscription.objects.filter(pk=subscription.pk)
    try:
        count, statements = new_statements(subscription, report.cutoff, limit)
    except InvalidTarget as error:
        # Looked at again next period; its watermark stays, so nothing is lost if it is fixed.
        done.update(last_error=str(error)[:300])
        report.invalid += 1
        report.lines.append(f"{who}: not sent, the search is no longer valid: {error}")
        logger.warning("alert %s: the search is no longer valid: %s", subscription.pk, error)
        return connection
    if not count:
        done.update(watermark=report.cutoff)
        report.empty += 1
        report.lines.append(f"{who}: nothing new")
        return connection
    if dry_run:
        report.sent += 1
        report.lines.append(f"{who}: would send {count} new statement(s)")
        return connection
    try:
        connection.send_messages([digest_message(subscription, statements, count)])
    except Exception as error:  # noqa: BLE001 - one failing address must not stop the others
        done.update(last_checked_at=previous, last_error=f"{type(error).__name__}: {error}"[:300])
        report.failed += 1
        report.in_a_row += 1
        report.lines.append(f"{who}: FAILED ({type(error).__name__}); will retry next run")
        logger.exception("alert %s: the digest could not be sent", subscription.pk)
        connection.close()  # a broken SMTP session is reopened for the next message
        return get_connection()
    done.update(watermark=report.cutoff, last_sent_at=now, last_error="")
    report.sent += 1
    report.in_a_row = 0
    report.lines.append(f"{who}: sent {count} new statement(s)")
    return connection
