"""Forms curators fill in the admin."""

from django import forms
from django.core.exceptions import ValidationError

from statements.models import Statement

READOUT_SUFFIXES = (".txt", ".md", ".html", ".htm")
MAX_UPLOAD_BYTES = 2 * 1024 * 1024


class AddReadoutForm(forms.Form):
    """A new readout: pasted text (plain or HTML) or an uploaded file, and what a curator knows."""

    text = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 18, "cols": 100, "class": "vLargeTextField"}),
        help_text="Paste the statement: plain text or HTML (HTML is cleaned to text).",
    )
    file = forms.FileField(
        required=False,
        help_text="Or upload a .txt, .md or .html file.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(READOUT_SUFFIXES)}),
    )
    title = forms.CharField(required=False, max_length=500, help_text="Optional: else inferred.")
    date = forms.DateField(
        required=False,
        help_text="Optional publication date (YYYY-MM-DD): else taken from the text, or flagged.",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    publisher = forms.CharField(
        required=False, max_length=200, help_text="Optional: e.g. The White House."
    )
    source_url = forms.URLField(required=False, max_length=500, assume_scheme="https")
    kind = forms.ChoiceField(
        required=False, choices=[("", "Infer from the text"), *Statement.Kind.choices]
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            return upload
        if not upload.name.lower().endswith(READOUT_SUFFIXES):
            raise ValidationError("Upload a .txt, .md or .html file.")
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError("The file is larger than 2 MB: is it really one statement?")
        return upload

    def clean(self):
        cleaned = super().clean()
        text, upload = (cleaned.get("text") or "").strip(), cleaned.get("file")
        if self.errors:
            return cleaned
        if text and upload:
            raise ValidationError("Paste a text or upload a file, not both.")
        if not text and not upload:
            raise ValidationError("Paste the statement's text or upload its file.")
        if upload:
            cleaned["raw"], cleaned["file_name"] = upload.read(), upload.name
        else:
            cleaned["raw"], cleaned["file_name"] = text, ""
        return cleaned

    def overrides(self):
        return {
            key: self.cleaned_data.get(key)
            for key in ("title", "date", "publisher", "source_url", "kind")
            if self.cleaned_data.get(key)
        }
