"""Compare the import paths on the same statements: the per-document `pipeline.save()` and the
bulk path in each meeting mode. Each starts from an empty SQLite database under bench/out/.

    .venv/bin/python bench/import_modes.py --size 1000

Prints statements per second (saving only; the corpus is generated beforehand).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))

MODES = ("per-document", "match", "by-report", "trust-reports")


def run_one(mode: str, size: int, seed: int) -> float:
    import django

    django.setup()
    from django.core.management import call_command

    from bench.generate import corpus
    from statements.ingest import bulk, pipeline

    call_command("migrate", verbosity=0, interactive=False)
    extractions = list(corpus(size, seed))
    started = time.perf_counter()
    if mode == "per-document":
        for extraction in extractions:
            pipeline.save(extraction)
    else:
        bulk.save_many(extractions, meetings=mode)
    return size / (time.perf_counter() - started)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--mode", choices=MODES)
    args = parser.parse_args(argv)
    if args.mode:  # one mode, in a process of its own (settings are read once)
        print(f"{run_one(args.mode, args.size, args.seed):.1f}")
        return
    from bench.load import engine_env

    for mode in MODES:
        path = BENCH_DIR / "out" / f"modes-{mode}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        env = engine_env("sqlite", args.size, args.seed) | {"DJANGO_SQLITE_PATH": str(path)}
        env["DJANGO_SETTINGS_MODULE"] = "archive.settings"
        output = subprocess.run(
            [sys.executable, __file__, f"--mode={mode}", f"--size={args.size}"],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        print(f"{mode:<14} {output.splitlines()[-1]} statements/s", flush=True)
    print(f"(load average now: {', '.join(f'{x:.1f}' for x in os.getloadavg())})")


if __name__ == "__main__":
    main()
