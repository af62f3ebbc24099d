"""Sign-up, confirmation and unsubscribing: thin views over `signup`, `targets` and the model.

Pages never show an email address: after a sign-up the reader is sent to "check your inbox",
and the confirmation and unsubscribe pages (reached from the message) name the alert, not the
address. Links from messages are signed; a forged, mangled or expired one gets a plain page that
says so (400), never an error. Confirming and unsubscribing take a POST (a button on the page
the link opens), so mail scanners that follow links confirm or cancel nothing.
"""

from django.conf import settings
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from alerts import signup, targets
from alerts.forms import SubscribeForm
from alerts.models import Subscription, read_token
from archive.middleware import client_ip
from statements.models import Participant, Topic


def _enabled():
    return getattr(settings, "ALERTS_ENABLED", True)


@require_http_methods(["GET", "POST"])
def subscribe_search(request):
    try:
        target = targets.for_search(request.GET)
    except targets.InvalidTarget as error:
        context = {"errors": error.messages, "back_url": None}
        return render(request, "alerts/subscribe.html", context, status=400)
    back_url = reverse("statements:search") + (f"?{target.query}" if target.query else "")
    return _subscribe(request, target, back_url)


@require_http_methods(["GET", "POST"])
def subscribe_official(request, slug):
    official = get_object_or_404(Participant.objects.visible(), slug=slug)
    return _subscribe(request, targets.for_official(official), official.get_absolute_url())


@require_http_methods(["GET", "POST"])
def subscribe_topic(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    return _subscribe(request, targets.for_topic(topic), topic.get_absolute_url())


def _subscribe(request, target, back_url):
    context = {"target": target, "back_url": back_url, "enabled": _enabled()}
    if request.method == "GET" or not _enabled():
        context["form"] = SubscribeForm()
        return render(request, "alerts/subscribe.html", context)
    form = SubscribeForm(request.POST)
    context["form"] = form
    if not form.is_valid():
        return render(request, "alerts/subscribe.html", context, status=400)
    try:
        signup.subscribe(
            email=form.cleaned_data["email"],
            frequency=form.cleaned_data["frequency"],
            target=target,
            client_ip=client_ip(request),
            origin=request.build_absolute_uri("/").rstrip("/"),
        )
    except signup.LimitReached as error:
        context["limit"] = str(error)
        return render(request, "alerts/subscribe.html", context, status=429)
    except signup.MailFailed:
        context["mail_failed"] = True
        return render(request, "alerts/subscribe.html", context, status=503)
    return redirect("alerts:check_inbox")


def check_inbox(request):
    return render(request, "alerts/check_inbox.html")


def _bad_link(request):
    return render(request, "alerts/bad_link.html", status=400)


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    key = read_token(token, "confirm")
    subscription = Subscription.objects.from_key(key)
    if subscription is None:
        return _bad_link(request)
    if request.method == "POST" and subscription.status == Subscription.Status.PENDING:
        subscription.confirm()
        return render(request, "alerts/confirmed.html", {"subscription": subscription})
    if subscription.status == Subscription.Status.ACTIVE:
        return render(request, "alerts/confirmed.html", {"subscription": subscription})
    return render(request, "alerts/confirm.html", {"subscription": subscription})


# No CSRF token: mail programs' one-click unsubscribe (RFC 8058) POSTs here without one. The
# signed token in the URL is what authorises the request, and no other site can know it.
@csrf_exempt
def unsubscribe(request, token):
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    key = read_token(token, "unsubscribe")
    if key is None:
        return _bad_link(request)
    subscription = Subscription.objects.from_key(key)
    if request.method == "POST":
        label = subscription.label if subscription else ""
        if subscription is not None:
            subscription.delete()
        return render(request, "alerts/unsubscribed.html", {"label": label})
    if subscription is None:  # a valid link to an alert already stopped
        return render(request, "alerts/unsubscribed.html", {"label": ""})
    return render(request, "alerts/unsubscribe.html", {"subscription": subscription})
