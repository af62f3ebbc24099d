"""The suite fails on warnings our code causes (pyproject.toml's filterwarnings)."""

import warnings

import pytest
from django.core.paginator import Paginator, UnorderedObjectListWarning
from django.utils.deprecation import RemovedInDjango60Warning
from django.utils.html import format_html


def test_a_django_deprecation_fails_the_suite():
    with pytest.raises(RemovedInDjango60Warning):
        format_html("<b>no arguments</b>")


def test_a_warning_raised_from_our_modules_fails_the_suite():
    with pytest.raises(DeprecationWarning):
        warnings.warn_explicit(
            "old way", DeprecationWarning, "statements/example.py", 1, module="statements.example"
        )


def test_paginating_an_unordered_queryset_fails_the_suite(db):
    from statements.models import Participant

    with pytest.raises(UnorderedObjectListWarning):
        Paginator(Participant.objects.order_by(), 10)
