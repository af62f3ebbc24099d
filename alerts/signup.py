"""Asking for an alert: limits, the pending subscription and its confirmation message.

Whatever happens, the reader is told the same thing ("check your inbox"), so the page never says
whether an address was already subscribed. Only a limit is reported, to the one who typed it.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from alerts.mail import confirmation_message
from alerts.models import Subscription, client_fingerprint, normalize_email

logger = logging.getLogger(__name__)

MAX_PER_ADDRESS = 10  # alerts one address may hold or have asked for
MAX_PER_CLIENT_PER_DAY = 20  # alerts asked for from one client address in a day
RESEND_AFTER = timedelta(
    minutes=10
)  # asking again sends the confirmation again, at most this often


class LimitReached(Exception):
    """A limit on subscriptions was hit; the message says which, for the page."""


class MailFailed(Exception):
    """The confirmation message could not be sent (the mail server refused or is down)."""


def limits():
    return (
        getattr(settings, "ALERTS_MAX_PER_ADDRESS", MAX_PER_ADDRESS),
        getattr(settings, "ALERTS_MAX_PER_CLIENT_PER_DAY", MAX_PER_CLIENT_PER_DAY),
    )


def subscribe(*, email, frequency, target, client_ip="", origin="", now=None):
    """Create (or find) the pending subscription and mail its confirmation link.

    Raises LimitReached, or MailFailed (the pending subscription is then removed).
    """
    now = now or timezone.now()
    email = normalize_email(email)
    probe = Subscription(
        email=email,
        kind=target.kind,
        query=target.query,
        official=target.official,
        topic=target.topic,
    )
    existing = Subscription.objects.filter(email=email, target=probe.make_target()).first()
    if existing is not None:
        _ask_again(existing, frequency, now)
        return existing
    per_address, per_client = limits()
    if Subscription.objects.holding(email).count() >= per_address:
        raise LimitReached(
            f"This address already has {per_address} alerts, the most one address can have. "
            "Each digest has a link to stop that alert; stop one, then ask again."
        )
    client = client_fingerprint(client_ip)
    if client and Subscription.objects.recent_from(client, now).count() >= per_client:
        raise LimitReached(
            f"{per_client} alerts have been asked for from your connection today, the most we "
            "accept in a day. Please try again tomorrow."
        )
    subscription = Subscription(
        email=email,
        kind=target.kind,
        query=target.query,
        official=target.official,
        topic=target.topic,
        label=target.label,
        frequency=frequency,
        client=client,
        origin=origin[:200],
    )
    try:
        with transaction.atomic():
            subscription.save()
    except IntegrityError:  # the same request twice at once: the other one mails
        return Subscription.objects.get(email=email, target=subscription.target)
    _send_confirmation(subscription, now, delete_on_failure=True)
    return subscription


def _ask_again(subscription, frequency, now):
    """Asked again for a pending alert: mail the link again (not too often). An active alert is
    left as it is: changing it needs the link its digests carry, not just the address."""
    if subscription.status != Subscription.Status.PENDING:
        return
    sent = subscription.confirmation_sent_at
    if sent is not None and now - sent < RESEND_AFTER:
        return
    subscription.frequency = frequency
    subscription.save(update_fields=["frequency"])
    _send_confirmation(subscription, now, delete_on_failure=False)


def _send_confirmation(subscription, now, delete_on_failure):
    try:
        confirmation_message(subscription).send(fail_silently=False)
    except Exception as error:  # noqa: BLE001 - any mail failure gets the same clear page
        logger.exception("alert %s: the confirmation could not be sent", subscription.pk)
        if delete_on_failure:
            subscription.delete()
        raise MailFailed(str(error)) from error
    Subscription.objects.filter(pk=subscription.pk).update(confirmation_sent_at=now)
    subscription.confirmation_sent_at = now
