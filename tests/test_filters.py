"""statements/filters.py: the filter set validates and filters as django-filter's would, copying
its filters and form fields only when they are used."""

import pytest
from django.http import QueryDict

from statements.filters import StatementFilter
from statements.models import Statement
from tests.factories import ParticipantFactory, StatementFactory


def params(query):
    return QueryDict(query)


@pytest.mark.django_db
def test_a_search_without_filters_copies_no_filter():
    filterset = StatementFilter(params("q=migration"), queryset=Statement.objects.all())
    assert filterset.error_messages() == [] and filterset.chosen() == {}
    assert str(filterset.filtered().query) == str(Statement.objects.all().query)
    assert "filters" not in filterset.__dict__  # the class's filters were never copied


@pytest.mark.django_db
def test_chosen_filters_use_this_requests_copies():
    official = ParticipantFactory(slug="joe-biden")
    named = StatementFactory()
    named.mentions.create(participant=official, name_as_written="Joe Biden")
    StatementFactory()
    filterset = StatementFilter(params("official=joe-biden&kind=readout"))
    assert list(filterset.chosen()) == ["official", "kind"]
    assert filterset.selected("official") == {"joe-biden": official.name}
    filters = filterset.filters
    assert all(f.parent is filterset for f in filters.values())
    assert filters["official"] is not StatementFilter.base_filters["official"]
    other = StatementFilter(params("official=joe-biden"))
    assert list(other.filtered()) == [named]
    assert other.filters["official"].parent is other


@pytest.mark.django_db
def test_forms_share_the_fields_and_still_validate_each_request():
    bad = StatementFilter(params("year=abc&kind=nope"))
    good = StatementFilter(params("year=2021"))
    assert bad.form.fields["year"] is good.form.fields["year"]  # shared, not deep-copied
    assert [m.split(":")[0] for m in bad.error_messages()] == ["kind (nope)", "year (abc)"]
    assert good.error_messages() == [] and good.chosen() == {"year": [2021]}
    assert bad.chosen() == {}
