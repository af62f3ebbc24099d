"""`manage.py create_curator USERNAME [--email E]`: a staff account in the Curators group.

Asks for the password (or reads DJANGO_CURATOR_PASSWORD, for scripts). Running it again for an
existing user adds them to the group and brings the group's permissions up to date.
"""

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from statements.curation import curators_group


class Command(BaseCommand):
    help = "Create (or update) a curator: a staff user in the Curators group."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--no-password",
            action="store_true",
            help="Leave the password unusable (set it later with changepassword).",
        )

    def handle(self, username, email, no_password, **options):
        User = get_user_model()
        existing = User.objects.filter(username=username).first()
        password = None
        if existing is None and not no_password:
            # Asked and checked before anything is written: a refused or missing password leaves
            # no staff account behind (it used to leave one with an empty password).
            candidate = User(username=username, email=email, is_staff=True)
            password = os.environ.get("DJANGO_CURATOR_PASSWORD") or self._ask_password(candidate)
            try:
                validate_password(password, candidate)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from None
        with transaction.atomic():
            user, created = User.objects.get_or_create(
                username=username, defaults={"email": email, "is_staff": True}
            )
            if created and password is not None:
                user.set_password(password)
            elif created:
                user.set_unusable_password()
            user.is_staff = True
            if email:
                user.email = email
            user.save()
            user.groups.add(curators_group())
        verb = "Created" if created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} curator {username!r} (group Curators)."))

    def _ask_password(self, user):
        if not self.stdin_is_interactive():
            raise CommandError(
                "No terminal to ask for a password: set DJANGO_CURATOR_PASSWORD or use "
                "--no-password."
            )
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("The passwords differ.")
        return first

    def stdin_is_interactive(self):
        import sys

        return sys.stdin.isatty()
