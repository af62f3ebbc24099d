"""Tags for the public pages."""

from django import template

from statements.rendering import statement_date_html

register = template.Library()


@register.simple_tag
def statement_date(statement, full=False):
    """A statement's date as readers see it (see `rendering.statement_date_html`)."""
    return statement_date_html(statement, full=full)
