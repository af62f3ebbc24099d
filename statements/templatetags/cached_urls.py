"""`{% url %}` as Django's, with the URLs that take no arguments reversed once per process.

A page names some 20 such URLs (the site's header and footer through base.html, the search
page's forms and downloads), and `reverse()` cost each about 25 µs: 0.5 ms of a search page's
1.5 ms template. Installed as a template builtin after Django's own (settings.TEMPLATES), so
every `{% url %}` is this one; with arguments, or with `as`, it is Django's unchanged.

A cached URL is keyed by everything `reverse()` reads besides the name: the URLconf's resolver
(a new one after `clear_url_caches()`, as when a test overrides ROOT_URLCONF), the script
prefix and the current application. URLconfs with `i18n_patterns` (URLs that depend on the
active language) are never cached.
"""

from django import template
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.template.defaulttags import URLNode
from django.template.defaulttags import url as django_url
from django.urls import get_resolver, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape

register = template.Library()

_URLS = {}  # {(resolver, script prefix, current app, view name, args): url}
MAX_URLS = 1000  # a view name given by a variable could name many; start over past this


def cached_reverse(viewname, args=(), current_app=None):
    """`reverse(viewname, args=args, current_app=current_app)`, computed once per process for
    the URLconf and script prefix in use; `args` must be few constants (a placeholder)."""
    urlconf = get_urlconf()
    if is_language_prefix_patterns_used(urlconf)[0]:
        return reverse(viewname, args=args, current_app=current_app)
    key = (get_resolver(urlconf), get_script_prefix(), current_app, viewname, tuple(args))
    url = _URLS.get(key)
    if url is None:
        url = reverse(viewname, args=args, current_app=current_app)
        if len(_URLS) >= MAX_URLS:
            _URLS.clear()
        _URLS[key] = url
    return url


class CachedURLNode(URLNode):
    def render(self, context):
        if self.args or self.kwargs or self.asvar:
            return super().render(context)
        try:  # as URLNode finds it
            current_app = context.request.current_app
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace
            except AttributeError:
                current_app = None
        url = cached_reverse(self.view_name.resolve(context), current_app=current_app)
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token):
    """Django's `{% url %}` (see the module docstring)."""
    node = django_url(parser, token)
    return CachedURLNode(node.view_name, node.args, node.kwargs, node.asvar)
