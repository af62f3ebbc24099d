"""A real email backend for tests: Django's in-memory outbox, except that it refuses one domain
the way an SMTP server refuses a recipient."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend

REFUSED_DOMAIN = "@refused.example"


class RefusingBackend(EmailBackend):
    def send_messages(self, messages):
        for message in messages:
            refused = [to for to in message.to if to.endswith(REFUSED_DOMAIN)]
            if refused:
                raise smtplib.SMTPRecipientsRefused({to: (550, b"No such user") for to in refused})
        return super().send_messages(messages)
