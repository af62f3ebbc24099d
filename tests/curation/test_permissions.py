"""Anonymous visitors and staff who are not curators get nothing; curators get what they need."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from statements import curation
from tests.curation.builders import meeting

pytestmark = pytest.mark.django_db

CURATION_PAGES = [
    ("admin:statements_statement_changelist", []),
    ("admin:statements_statement_add_readout", []),
    ("admin:statements_participant_changelist", []),
    ("admin:statements_meeting_changelist", []),
    ("admin:statements_commitment_changelist", []),
    ("admin:statements_quote_changelist", []),
    ("admin:statements_topic_changelist", []),
    ("admin:statements_mergerecord_changelist", []),
]


def test_the_migration_creates_the_curators_group_with_exactly_the_curation_permissions():
    group = Group.objects.get(name="Curators")
    codenames = sorted(group.permissions.values_list("codename", flat=True))
    assert codenames == curation.curator_codenames()
    assert "delete_topic" not in codenames and "change_mergerecord" not in codenames
    assert {"publish_statement", "merge_participant", "merge_meeting"} <= set(codenames)
    assert not group.permissions.exclude(content_type__app_label="statements").exists()


@pytest.mark.parametrize(("name", "args"), CURATION_PAGES)
def test_anonymous_visitors_are_sent_to_the_login_page(client, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize(("name", "args"), CURATION_PAGES)
def test_staff_who_are_not_curators_get_nothing(staff_client, name, args):
    response = staff_client.get(reverse(name, args=args))
    assert response.status_code == 403


def test_staff_who_are_not_curators_see_no_archive_models_and_cannot_post(
    staff_client, make_statement
):
    index = staff_client.get(reverse("admin:index"))
    changelist = reverse("admin:statements_statement_changelist").encode()
    assert changelist not in index.content and b"Add a readout" not in index.content
    draft = make_statement("Secret draft", status="draft")
    response = staff_client.post(
        reverse("admin:statements_statement_change", args=[draft.pk]),
        {"title": "Changed", "_publish": "1"},
    )
    assert response.status_code == 403
    draft.refresh_from_db()
    assert (draft.title, draft.status) == ("Secret draft", "draft")
    response = staff_client.post(
        reverse("admin:statements_statement_add_readout"), {"text": "President X met Y."}
    )
    assert response.status_code == 403


@pytest.mark.parametrize(("name", "args"), CURATION_PAGES)
def test_curators_reach_every_curation_page(curator_client, name, args):
    assert curator_client.get(reverse(name, args=args)).status_code == 200


def test_curators_see_the_review_screen_of_a_statement_and_a_meeting(
    curator_client, make_statement
):
    statement = make_statement("A readout to review", status="draft")
    talks = meeting("Talks")
    for url in (
        reverse("admin:statements_statement_change", args=[statement.pk]),
        reverse("admin:statements_meeting_change", args=[talks.pk]),
        reverse("admin:statements_statement_history", args=[statement.pk]),
    ):
        assert curator_client.get(url).status_code == 200


def test_curators_cannot_manage_users_or_delete_published_statements(
    curator_client, make_statement
):
    assert curator_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    published = make_statement("Published")
    response = curator_client.post(
        reverse("admin:statements_statement_delete", args=[published.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    draft = make_statement("Draft", status="draft")
    curator_client.post(
        reverse("admin:statements_statement_delete", args=[draft.pk]), {"post": "yes"}
    )
    from statements.models import Statement

    assert list(Statement.objects.values_list("title", flat=True)) == ["Published"]
    # Nor through the bulk action.
    changelist = reverse("admin:statements_statement_changelist")
    bulk = {"action": "delete_selected", "_selected_action": [published.pk]}
    response = curator_client.post(changelist, bulk)
    assert b"unpublish them instead" in response.content
    assert curator_client.post(changelist, {**bulk, "post": "yes"}).status_code == 403
    assert Statement.objects.filter(pk=published.pk).exists()


def test_create_curator_command(db, monkeypatch):
    from django.contrib.auth.models import User
    from django.core.management import call_command

    monkeypatch.setenv("DJANGO_CURATOR_PASSWORD", "a-long-curator-password")
    call_command("create_curator", "ana", "--email", "ana@example.org")
    ana = User.objects.get(username="ana")
    assert ana.is_staff and not ana.is_superuser
    assert ana.check_password("a-long-curator-password")
    assert list(ana.groups.values_list("name", flat=True)) == ["Curators"]
    assert ana.has_perm("statements.publish_statement")
    assert not ana.has_perm("auth.change_user")


def test_officials_and_meetings_in_use_are_merged_not_deleted(
    curator_client, make_statement, make_official
):
    from statements.models import Participant
    from tests.curation.builders import mention

    named = make_official("Ken Salazar")
    mention(make_statement("Readout"), named)
    stray = make_official("Nobody At All")
    changelist = reverse("admin:statements_participant_changelist")
    bulk = {"action": "delete_selected", "_selected_action": [named.pk, stray.pk], "post": "yes"}
    assert curator_client.post(changelist, bulk).status_code == 403
    assert Participant.objects.count() == 2
    delete_url = reverse("admin:statements_participant_delete", args=[named.pk])
    assert curator_client.post(delete_url, {"post": "yes"}).status_code == 403
    curator_client.post(
        reverse("admin:statements_participant_delete", args=[stray.pk]), {"post": "yes"}
    )
    assert list(Participant.objects.all()) == [named]
    talks = meeting("Reported talks")
    from tests.curation.builders import report

    report(talks, named.statement_mentions.get().statement)
    response = curator_client.post(
        reverse("admin:statements_meeting_delete", args=[talks.pk]), {"post": "yes"}
    )
    assert response.status_code == 403


@pytest.mark.parametrize("password", [None, "short"], ids=["no-terminal", "weak-password"])
def test_create_curator_leaves_no_account_when_it_fails(db, monkeypatch, password):
    import sys

    from django.contrib.auth.models import User
    from django.core.management import CommandError, call_command

    monkeypatch.delenv("DJANGO_CURATOR_PASSWORD", raising=False)
    if password:
        monkeypatch.setenv("DJANGO_CURATOR_PASSWORD", password)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    with pytest.raises(CommandError) as failure:
        call_command("create_curator", "ana")
    assert ("No terminal" in str(failure.value)) == (password is None)
    assert not User.objects.filter(username="ana").exists()
