from django.contrib import admin

from statements import models

for model in (
    models.Statement,
    models.Participant,
    models.Meeting,
    models.Commitment,
    models.Topic,
    models.Quote,
):
    admin.site.register(model)
