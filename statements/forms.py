"""Forms curators fill in the admin."""

from django import forms
from django.core.exceptions import ValidationError

from statements.models import Commitment, Participant, Statement

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


# --- Admin form fields ---------------------------------------------------------------------------


def normalize_newlines(text):
    r"""Browsers post a textarea's lines ending in \r\n: stored text keeps \n only."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class PlainLinesTextField(forms.CharField):
    """A textarea whose text is stored with \\n line endings, whatever the browser sent.

    Otherwise saving a statement unchanged rewrites its body in CRLF: the history shows a change
    nobody made, and the character offsets of its quotes, commitments and officials shift."""

    def __init__(self, **kwargs):
        kwargs.setdefault("strip", False)  # stripping a leading space would shift every offset
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return normalize_newlines(value) if isinstance(value, str) else value


class ListField(forms.CharField):
    """A list of short strings (a JSON list in the model) edited as text, one item per line or
    separated by commas, instead of raw JSON a curator would have to type correctly."""

    def __init__(self, *, separator="\n", **kwargs):
        self.separator = separator
        kwargs.setdefault("required", False)
        if separator == "\n":
            kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 3, "cols": 60}))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ("\n" if self.separator == "\n" else ", ").join(str(v) for v in value)
        return value

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return [str(v).strip() for v in value if str(v).strip()]
        text = normalize_newlines(super().to_python(value) or "")
        items = text.split("\n") if self.separator == "\n" else text.replace("\n", ",").split(",")
        return list(dict.fromkeys(item.strip() for item in items if item.strip()))

    def has_changed(self, initial, data):
        return self.to_python(initial or []) != self.to_python(data)


class CommitmentForm(forms.ModelForm):
    parties = ListField(
        separator=",",
        help_text="Who commits: country codes (US, MX) or names as written, separated by commas.",
    )

    class Meta:
        model = Commitment
        fields = ["text", "parties", "meeting", "position"]  # the admin gives its own list


class ParticipantForm(forms.ModelForm):
    """Adding an official needs a name, not a hand-typed slug: a blank slug is made from it."""

    slug = forms.SlugField(
        max_length=200,
        required=False,
        help_text="The official's web address. Leave blank to make it from the name.",
    )
    titles = ListField(help_text="One title per line, as the documents give them.")

    class Meta:
        model = Participant
        fields = ["name", "slug", "country", "titles"]
