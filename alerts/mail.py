"""The two messages alerts send: the confirmation request and the digest.

Both are plain text with an HTML alternative (templates under templates/alerts/email/, the HTML
autoescaped), and both carry the unsubscribe link, also as List-Unsubscribe (RFC 2369) with
one-click unsubscribing (RFC 8058).
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from statements.search import mark_sentinels
from statements.search.base import START, STOP

DEFAULT_SITE_URL = "http://localhost:8000"


def site_url(subscription):
    """Where links in a message point: ALERTS_SITE_URL, else where the reader subscribed."""
    base = getattr(settings, "ALERTS_SITE_URL", "") or subscription.origin or DEFAULT_SITE_URL
    return base.rstrip("/")


def links(subscription):
    base = site_url(subscription)
    return {
        "site_url": base,
        "confirm_url": base + reverse("alerts:confirm", args=[subscription.token("confirm")]),
        "unsubscribe_url": base
        + reverse("alerts:unsubscribe", args=[subscription.token("unsubscribe")]),
        "followed_url": base + subscription.get_absolute_url(),
    }


def _message(subscription, subject, template, context):
    context = {"subscription": subscription, **links(subscription), **context}
    unsubscribe_url = context["unsubscribe_url"]
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),  # one line whatever the label holds
        body=render_to_string(f"alerts/email/{template}.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscription.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(
        render_to_string(f"alerts/email/{template}.html", context), "text/html"
    )
    return message


def confirmation_message(subscription):
    subject = f"Confirm your alert: {subscription.label}"
    return _message(subscription, subject, "confirm", {})


def _snippet(statement):
    """The search engine's excerpt (with its match sentinels), if it gave one."""
    return getattr(statement, "snippet", None) or ""


def digest_message(subscription, statements, count):
    base = site_url(subscription)
    items = [
        {
            "title": statement.title,
            "url": base + statement.get_absolute_url(),
            "date": statement.date,
            "publisher": statement.publisher,
            "snippet": _snippet(statement).replace(START, "").replace(STOP, ""),
            "snippet_html": mark_sentinels(_snippet(statement)),
        }
        for statement in statements
    ]
    plural = "" if count == 1 else "s"
    subject = f"{count} new statement{plural}: {subscription.label}"
    context = {"items": items, "count": count, "more": count - len(items)}
    return _message(subscription, subject, "digest", context)
