"""`manage.py export_archive [-o FILE]`: the whole archive as one JSON document."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from statements.ingest.archive_json import dumps, export_archive


class Command(BaseCommand):
    help = (
        "Write the whole archive as one JSON document, sorted for stable diffs (stdout by "
        "default). import_statements restores it."
    )

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="Write to this file instead of stdout.")

    def handle(self, *args, **options):
        data = export_archive()
        text = dumps(data)
        output = options["output"]
        if not output or output == "-":
            self.stdout.write(text, ending="")
            return
        path = Path(output)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Write beside the target, then rename: an interrupted export never leaves half a file.
            partial = path.with_name(path.name + ".partial")
            partial.write_text(text, encoding="utf-8")
            partial.replace(path)
        except OSError as error:
            raise CommandError(f"cannot write {path}: {error.strerror or error}") from None
        counts = ", ".join(
            f"{len(data[key])} {key}"
            for key in ("statements", "participants", "meetings", "topics")
        )
        self.stderr.write(f"Wrote {path}: {counts}")
