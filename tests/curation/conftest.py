"""Curation fixtures: curators and other users, and small archives built by hand."""

import itertools

import pytest
from django.contrib.auth.models import User

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
