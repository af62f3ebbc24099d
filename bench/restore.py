"""Time restoring an archive export: `python bench/restore.py --size 100000`.

Writes an export of SIZE generated statements (each naming an official, reporting a meeting,
with a topic, a commitment and a quote), then restores it with `import_statements` into a fresh
database, in a separate process as an operator would: SQLite in a temporary folder, or the
PostgreSQL database of `--database-url` (which must be empty: create a new one). Prints seconds
and statements per second (docs/PERFORMANCE.md, "The review screen and Add a readout").
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def export_document(size: int) -> dict:
    statements = []
    for i in range(size):
        body = (
            f"The Secretary met the Foreign Secretary in Mexico City on fentanyl. Round {i}. "
            "Both sides agreed to act. “We agree,” the Secretary said."
        )
        statements.append(
            {
                "slug": f"talks-{i}",
                "title": f"Talks in Mexico, round {i}",
                "body": body,
                "content_hash": hashlib.sha256(body.encode()).hexdigest(),
                "date": f"20{10 + i % 15}-0{1 + i % 9}-1{i % 10}",
                "publisher": "Department of State",
                "meetings": [f"talks-{i % 500}"],
                "topics": ["fentanyl"],
                "participants": [
                    {"participant": f"official-{i % 300}", "name_as_written": "Secretary"}
                ],
                "commitments": [{"text": "Both sides agreed to act.", "parties": ["US", "MX"]}],
                "quotes": [{"speaker": f"official-{i % 300}", "text": "We agree,"}],
            }
        )
    return {
        "statements": statements,
        "participants": [
            {"slug": f"official-{n}", "name": f"Official Number{n}", "country": "US"}
            for n in range(300)
        ],
        "meetings": [{"slug": f"talks-{n}", "title": f"Talks {n}"} for n in range(500)],
        "topics": [{"slug": "fentanyl", "name": "Fentanyl"}],
    }


def run(size: int, database_url: str = "") -> dict:
    with tempfile.TemporaryDirectory(prefix="restore-bench-") as tmp:
        export = Path(tmp) / "export.json"
        export.write_text(json.dumps(export_document(size)), encoding="utf-8")
        env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
        env.pop("DATABASE_URL", None)
        if database_url:
            env["DATABASE_URL"] = database_url
        else:
            env["DJANGO_SQLITE_PATH"] = str(Path(tmp) / "restore.sqlite3")
        manage = [sys.executable, "manage.py"]
        subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True)
        started = time.perf_counter()
        subprocess.run(
            [*manage, "import_statements", str(export), "--no-progress"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        seconds = time.perf_counter() - started
    return {"size": size, "seconds": round(seconds, 2), "per_second": round(size / seconds)}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--database-url", default="", help="an EMPTY PostgreSQL database")
    args = parser.parse_args(argv)
    result = run(args.size, args.database_url)
    print(
        f"restored {result['size']} statements in {result['seconds']} s "
        f"({result['per_second']} statements/s)"
    )
    return result


if __name__ == "__main__":
    main()
