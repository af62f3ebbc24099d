#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as error:
        # A missing or wrong setting (DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS...): one clear
        # line, not a traceback through Django's start-up.
        sys.exit(f"ImproperlyConfigured: {error}")


if __name__ == "__main__":
    main()
