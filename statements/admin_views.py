"""Admin views beyond a model's forms: "Add a readout".

The readout is extracted with the importer's pipeline and saved as a draft, then the curator lands
on its review screen (the statement's change form) to correct and publish it.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.views import View

from statements import curation
from statements.forms import AddReadoutForm


class AddReadoutView(View):
    model_admin = None
    template_name = "admin/statements/statement/add_readout.html"

    def dispatch(self, request, *args, **kwargs):
        if not self.model_admin.has_add_permission(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.render(request, AddReadoutForm())

    def post(self, request):
        form = AddReadoutForm(request.POST, request.FILES)
        existing = None
        if form.is_valid():
            try:
                statement, extraction = curation.add_readout(
                    form.cleaned_data["raw"],
                    file_name=form.cleaned_data["file_name"],
                    overrides=form.overrides(),
                )
            except curation.CurationError as error:
                form.add_error(None, str(error))
                existing = error.existing
            else:
                self.model_admin.log_addition(
                    request, statement, [{"added": {"name": "readout", "object": "extracted"}}]
                )
                messages.success(
                    request,
                    format_html(
                        "Extracted {}. Saved as a draft: check what is marked, then publish.",
                        extraction.describe(),
                    ),
                )
                return redirect("admin:statements_statement_change", statement.pk)
        return self.render(request, form, existing=existing, status=400)

    def render(self, request, form, existing=None, status=200):
        opts = self.model_admin.model._meta
        context = {
            **self.model_admin.admin_site.each_context(request),
            "title": "Add a readout",
            "opts": opts,
            "form": form,
            "existing": existing,
            "existing_admin_url": (
                reverse("admin:statements_statement_change", args=[existing.pk]) if existing else ""
            ),
            "has_view_permission": self.model_admin.has_view_permission(request),
        }
        return TemplateResponse(request, self.template_name, context, status=status)
