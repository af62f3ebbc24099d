"""Structured logs: each record is one JSON line a log collector can parse."""

import json
import logging

from archive.logging import JsonFormatter


def format_record(logger_name, level, message, *args, exc_info=None, **extra):
    record = logging.getLogger(logger_name).makeRecord(
        logger_name, level, __file__, 1, message, args, exc_info, extra=extra
    )
    return JsonFormatter().format(record)


def test_a_record_is_one_json_line_with_its_extras():
    line = format_record(
        "archive.request",
        logging.WARNING,
        "%s %s %s",
        "GET",
        '/search/?q="\n<script>',
        404,
        path='/search/?q="\n<script>',
        status=404,
        duration_ms=3.2,
    )
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "WARNING" and entry["logger"] == "archive.request"
    assert entry["message"] == 'GET /search/?q="\n<script> 404'
    assert entry["status"] == 404 and entry["duration_ms"] == 3.2
    assert entry["time"].endswith("+00:00")


def test_exceptions_are_kept_and_unserialisable_values_do_not_break_the_line():
    try:
        raise ValueError("bad ünïcode \x00 value")
    except ValueError:
        import sys

        line = format_record(
            "archive.database",
            logging.ERROR,
            "failed",
            exc_info=sys.exc_info(),
            request=object(),  # Django attaches the request: never dumped
            thing={1, 2},
        )
    entry = json.loads(line)
    assert "ValueError: bad ünïcode" in entry["exception"]
    assert "request" not in entry
    assert entry["thing"] == "{1, 2}"
