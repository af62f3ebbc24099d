"""`Statement.listing_date`: the date lists sort and filter by (the statement's own, else the
date of the meeting it reports), stored so that any search engine can index it; filled here for
the statements already archived. SQLite's covering index for facets (`search.sqlite.FACETS_INDEX`)
now holds `listing_date`: the old one is dropped and `ensure_fts_sync` creates the new one after
`migrate`.
"""

from django.db import migrations, models
from django.db.models.functions import Coalesce


def fill_listing_dates(apps, schema_editor):
    Statement = apps.get_model("statements", "Statement")
    Meeting = apps.get_model("statements", "Meeting")
    first_meeting = (
        Meeting.objects.filter(reports__statement=models.OuterRef("pk"))
        .exclude(start_date=None)
        .order_by("start_date")
        .values("start_date")[:1]
    )
    Statement.objects.order_by().update(
        listing_date=Coalesce(models.F("date"), models.Subquery(first_meeting)),
        listing_date_source=models.Case(
            models.When(date__isnull=False, then=models.Value("statement")),
            models.When(models.Exists(first_meeting), then=models.Value("meeting")),
            default=models.Value("none"),
        ),
    )


def drop_sqlite_facets_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP INDEX IF EXISTS statement_search_facets_idx")


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0008_link_evidence"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="statement",
            options={
                "ordering": [
                    models.OrderBy(models.F("listing_date"), descending=True, nulls_last=True),
                    "-pk",
                ],
                "permissions": [("publish_statement", "Can publish statements")],
            },
        ),
        migrations.AddField(
            model_name="statement",
            name="listing_date",
            field=models.DateField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="statement",
            name="listing_date_source",
            field=models.CharField(
                choices=[
                    ("statement", "The statement's own date"),
                    ("meeting", "The date of the meeting it reports"),
                    ("none", "Undated"),
                ],
                default="none",
                editable=False,
                max_length=10,
            ),
        ),
        migrations.AddIndex(
            model_name="statement",
            index=models.Index(
                fields=["status", "-listing_date"], name="statement_status_listing_idx"
            ),
        ),
        migrations.RunPython(fill_listing_dates, migrations.RunPython.noop),
        migrations.RunPython(drop_sqlite_facets_index, migrations.RunPython.noop),
    ]
