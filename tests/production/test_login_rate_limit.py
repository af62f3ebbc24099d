"""Admin login rate limiting (django-axes): password guessing is locked out."""

import pytest
from django.contrib.auth import get_user_model

PASSWORD = "correct horse battery staple 42"  # noqa: S105


@pytest.fixture
def curator(db):
    return get_user_model().objects.create_user(
        "curator", "curator@example.org", PASSWORD, is_staff=True, is_superuser=True
    )


def attempt(client, password, *, address="203.0.113.7", username="curator", **headers):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def logged_in(client):
    return "_auth_user_id" in client.session


def test_guessing_locks_out_even_the_right_password(client, curator, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = attempt(client, "wrong guess")
        assert response.status_code == 200  # the login form again, with an error
    response = attempt(client, "wrong guess")  # the attempt that reaches the limit
    assert response.status_code == 429
    response = attempt(client, PASSWORD)
    assert response.status_code == 429
    assert "Too many failed login attempts" in response.content.decode()
    assert not logged_in(client)


def test_the_lockout_is_per_username_and_address(client, curator, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "wrong guess")
    assert attempt(client, PASSWORD).status_code == 429
    # The same curator from their own address still gets in.
    response = attempt(client, PASSWORD, address="198.51.100.20")
    assert response.status_code == 302 and logged_in(client)


def test_a_forged_forwarded_for_header_does_not_reset_the_count(client, curator, settings):
    """With no trusted proxy configured, X-Forwarded-For is the attacker's to write: ignored."""
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "wrong guess", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    response = attempt(client, PASSWORD, HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert response.status_code == 429 and not logged_in(client)


def test_behind_one_trusted_proxy_the_client_address_comes_from_it(rf, settings):
    from archive.middleware import client_ip

    settings.TRUSTED_PROXY_COUNT = 1
    request = rf.get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7"
    )  # the client forged 6.6.6.6; the proxy appended the real address
    assert client_ip(request) == "203.0.113.7"
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"


def test_a_successful_login_below_the_limit_resets_the_count(client, curator, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "wrong guess")
    assert attempt(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        attempt(client, "wrong guess")
    assert attempt(client, PASSWORD).status_code == 302
