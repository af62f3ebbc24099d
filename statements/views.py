"""Public pages. Views stay thin: parse the request, call a QuerySet or search, render."""

from django.shortcuts import get_object_or_404, render

from statements.models import Meeting, Participant, Statement, Topic


def home(request):
    statements = Statement.objects.published().with_listing_data()
    return render(request, "statements/home.html", {"statements": statements})


def statement_detail(request, slug):
    statement = get_object_or_404(Statement.objects.published(), slug=slug)
    return render(request, "statements/statement_detail.html", {"statement": statement})


def official_detail(request, slug):
    official = get_object_or_404(Participant, slug=slug)
    return render(request, "statements/official_detail.html", {"official": official})


def meeting_detail(request, slug):
    meeting = get_object_or_404(Meeting, slug=slug)
    return render(request, "statements/meeting_detail.html", {"meeting": meeting})


def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    return render(request, "statements/topic_detail.html", {"topic": topic})
