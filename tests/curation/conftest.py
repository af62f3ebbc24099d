"""Curation fixtures: curators and other users, and small archives built by hand."""

import io
import itertools
import shutil

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from statements.curation import curators_group
from statements.models import (
    Participant,
    Statement,
)

_counter = itertools.count(1)


@pytest.fixture
def curator(db):
    user = User.objects.create_user("curator", is_staff=True)  # force_login: no hashing
    user.groups.add(curators_group())
    return user


@pytest.fixture
def curator_client(client, curator):
    client.force_login(curator)
    return client


@pytest.fixture
def staff_client(client, db):
    """Staff, but not a curator: the admin must show them nothing of the archive."""
    user = User.objects.create_user("clerk", is_staff=True)
    client.force_login(user)
    return client


@pytest.fixture
def make_statement(db):
    def make(title="A readout", *, status=Statement.Status.PUBLISHED, **fields):
        n = next(_counter)
        values = {
            "slug": f"statement-{n}",
            "body": f"{title}. The delegations met. Body {n}.",
            "content_hash": f"hash-{n}",
            "status": status,
        }
        values.update(fields)
        return Statement.objects.create(title=title, **values)

    return make


@pytest.fixture
def make_official(db):
    def make(name, country="US", titles=()):
        return Participant.objects.create(name=name, country=country, titles=list(titles))

    return make


@pytest.fixture
def seeds_copy(tmp_path, db):
    """The seeds imported from a copy in a temporary folder (a test may edit a file there)."""
    from tests.conftest import SEEDS_DIR

    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, folder)
    reimport(folder)
    return folder


def reimport(folder, *extra):
    """`manage.py import_statements FOLDER [--force]`, as a curator's archive would be updated."""
    call_command(
        "import_statements", str(folder), *extra, stdout=io.StringIO(), stderr=io.StringIO()
    )


def seed_statement(prefix):
    return Statement.objects.get(source_file__startswith=prefix)
