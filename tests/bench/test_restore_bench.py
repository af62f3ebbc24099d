"""bench/restore.py: its export restores completely, and it times a restore end to end."""

import pytest

from bench import restore
from statements.ingest import archive_json
from statements.models import Commitment, MeetingReport, Quote, Statement


@pytest.mark.django_db
def test_the_generated_export_restores_every_row():
    archive_json.restore(restore.export_document(40))
    assert Statement.objects.count() == 40
    assert MeetingReport.objects.count() == Commitment.objects.count() == Quote.objects.count()
    assert Quote.objects.filter(speaker__isnull=True).count() == 0


def test_the_benchmark_times_a_restore_in_a_fresh_database():
    result = restore.run(30)
    assert result["size"] == 30 and result["seconds"] > 0 and result["per_second"] > 0
