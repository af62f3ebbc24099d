"""The two references the search page is measured against, on the same data and query mix.

- The naive way: `icontains` over title and body for each word or phrase, facet counts by a
  plain GROUP BY over the matches, newest first. No index can help it: every query reads every
  body. Served by the benchmark's own URLconf at /bench/naive/search/.
- Datasette, the peer: the same corpus copied into one SQLite file with an FTS5 table (the same
  tokenizer as ours: porter stemming, accents folded), served by `datasette serve` from its own
  virtualenv under bench/out/ (never one of the project's dependencies), with the same facets.
"""

from __future__ import annotations

import os
import shlex
import sqlite3
import subprocess
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
OUT = BENCH_DIR / "out"
DATASETTE_VENV = OUT / "datasette-venv"
DATASETTE_VERSION = "0.65.5"
PAGE_SIZE = 20

# --- The naive way ------------------------------------------------------------------------

NAIVE_TEMPLATE = """<!doctype html><title>Naive search</title>
<p>{{ count }} statements</p>
<ol>{% for s in results %}<li><a href="{{ s.get_absolute_url }}">{{ s.title }}</a>
{{ s.date }} {{ s.publisher }} {{ s.body|truncatewords:40 }}
{% for m in s.mentions.all %}{{ m.participant.name }} {% endfor %}
{% for t in s.topics.all %}{{ t.name }} {% endfor %}</li>{% endfor %}</ol>
{% for name, values in facets.items %}<h2>{{ name }}</h2><ul>
{% for value, n in values %}<li>{{ value }} ({{ n }})</li>{% endfor %}</ul>{% endfor %}
"""


def naive_terms(q):
    """Words and "quoted phrases", as a person typed them; no stemming, no accent folding."""
    terms, rest = [], q
    while '"' in rest:
        before, _, after = rest.partition('"')
        phrase, _, rest = after.partition('"')
        terms.extend(before.split())
        if phrase.strip():
            terms.append(phrase.strip())
    terms.extend(rest.split())
    return terms


def naive_search(request):
    """The search page as one would first write it: LIKE over the text, GROUP BY for facets."""
    from django.db.models import Count, Q
    from django.db.models.functions import ExtractYear
    from django.http import HttpResponse
    from django.template import engines

    from statements.models import Statement, StatementParticipant, Topic

    get = request.GET
    statements = Statement.objects.published()
    for term in naive_terms(get.get("q", "")):
        statements = statements.filter(Q(title__icontains=term) | Q(body__icontains=term))
    if get.get("kind"):
        statements = statements.filter(kind=get["kind"])
    if get.get("publisher"):
        statements = statements.filter(publisher=get["publisher"])
    if get.get("year", "").isdigit():
        statements = statements.filter(date__year=int(get["year"]))
    if get.get("topic"):
        statements = statements.filter(topics__slug=get["topic"])
    if get.get("official"):
        statements = statements.filter(participants__slug=get["official"])
    try:
        page = max(1, int(get.get("page", 1)))
    except ValueError:
        page = 1
    count = statements.count()
    start = (page - 1) * PAGE_SIZE
    results = statements.with_listing_data().order_by("-date", "-pk")[start : start + PAGE_SIZE]

    ids = statements.values("pk")
    plain = statements.order_by()

    def top(rows):
        return [(value, n) for value, n in rows][:10]

    facets = {
        "publisher": top(
            plain.values_list("publisher").annotate(n=Count("pk")).order_by("-n", "publisher")
        ),
        "kind": top(plain.values_list("kind").annotate(n=Count("pk")).order_by("-n", "kind")),
        "year": top(
            plain.annotate(y=ExtractYear("date"))
            .values_list("y")
            .annotate(n=Count("pk"))
            .order_by("-y")
        ),
        "topic": top(
            Topic.objects.filter(statements__in=ids)
            .values_list("name")
            .annotate(n=Count("pk"))
            .order_by("-n", "name")
        ),
        "official": top(
            StatementParticipant.objects.filter(statement__in=ids)
            .values_list("participant__name")
            .annotate(n=Count("pk"))
            .order_by("-n", "participant__name")
        ),
        "country": top(
            StatementParticipant.objects.filter(statement__in=ids)
            .values_list("participant__country")
            .annotate(n=Count("statement", distinct=True))
            .order_by("-n")
        ),
    }
    html = (
        engines["django"]
        .from_string(NAIVE_TEMPLATE)
        .render({"count": count, "results": results, "facets": facets}, request)
    )
    return HttpResponse(html)


# --- Datasette ----------------------------------------------------------------------------


def datasette_bin() -> Path:
    """Datasette in its own virtualenv under bench/out/ (installed on first use)."""
    binary = DATASETTE_VENV / "bin" / "datasette"
    if not binary.exists():
        print(f"  installing datasette=={DATASETTE_VERSION} into {DATASETTE_VENV}", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(DATASETTE_VENV)], check=True)
        subprocess.run(
            [str(DATASETTE_VENV / "bin" / "pip"), "install", "--quiet"]
            + [f"datasette=={DATASETTE_VERSION}"],
            check=True,
        )
    return binary


def build_datasette_db(archive_sqlite: Path, target: Path) -> Path:
    """Copy the archive's published statements into a flat table + FTS5, as Datasette wants.

    One row per statement with the facet columns (publisher, kind, year) and the officials and
    topics as JSON arrays (Datasette's `_facet_array`), and an FTS5 table over title, names and
    body with the archive's tokenizer. Built from the SQLite archive, so the data is identical.
    """
    tmp = target.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.execute("ATTACH DATABASE ? AS archive", (str(archive_sqlite),))
    db.executescript(
        """
        CREATE TABLE statements (
            id INTEGER PRIMARY KEY, slug TEXT, title TEXT, date TEXT, year INTEGER,
            publisher TEXT, kind TEXT, officials TEXT, topics TEXT, search_names TEXT, body TEXT
        );
        INSERT INTO statements
        SELECT s.id, s.slug, s.title, s.date, CAST(strftime('%Y', s.date) AS INTEGER),
               s.publisher, s.kind,
               (SELECT json_group_array(p.name) FROM archive.statements_statementparticipant sp
                  JOIN archive.statements_participant p ON p.id = sp.participant_id
                 WHERE sp.statement_id = s.id),
               (SELECT json_group_array(t.name) FROM archive.statements_statement_topics st
                  JOIN archive.statements_topic t ON t.id = st.topic_id
                 WHERE st.statement_id = s.id),
               s.search_names, s.body
          FROM archive.statements_statement s WHERE s.status = 'published';
        CREATE INDEX statements_date ON statements(date);
        CREATE INDEX statements_publisher ON statements(publisher);
        CREATE INDEX statements_kind ON statements(kind);
        CREATE INDEX statements_year ON statements(year);
        CREATE VIRTUAL TABLE statements_fts USING fts5(
            title, search_names, body, content=[statements], content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        );
        INSERT INTO statements_fts(rowid, title, search_names, body)
            SELECT id, title, search_names, body FROM statements;
        INSERT INTO statements_fts(statements_fts) VALUES ('optimize');
        ANALYZE;
        """
    )
    db.commit()
    db.execute("DETACH DATABASE archive")
    db.close()
    tmp.replace(target)
    return target


def datasette_command(db_path: Path, port: int) -> list[str]:
    """`datasette serve`, read-only (immutable), limits raised so no facet is silently cut."""
    return [
        str(datasette_bin()),
        "serve",
        "-i",
        str(db_path),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--setting",
        "sql_time_limit_ms",
        "60000",
        "--setting",
        "facet_time_limit_ms",
        "60000",
        "--setting",
        "suggest_facets",
        "off",
        "--setting",
        "default_page_size",
        str(PAGE_SIZE),
    ]


def datasette_url(params: dict, db_name: str) -> str:
    """The Datasette table view equivalent of one search page URL of ours."""
    from urllib.parse import urlencode

    pairs = []
    if params.get("q"):
        pairs.append(("_search", params["q"]))
    for key in ("kind", "publisher", "year"):
        if params.get(key):
            pairs.append((key, params[key]))
    pairs += [
        ("_facet", "publisher"),
        ("_facet", "kind"),
        ("_facet", "year"),
        ("_facet_array", "officials"),
        ("_facet_array", "topics"),
        ("_sort_desc", "date"),
        ("_size", str(PAGE_SIZE)),
    ]
    if params.get("_next"):
        pairs.append(("_next", params["_next"]))
    return f"/{db_name}/statements?{urlencode(pairs)}"


def datasette_next_token(db_path: Path, params: dict, page: int) -> str | None:
    """Datasette pages by keyset (`_next=<date>,<id>`): the token that opens page `page`."""
    from urllib.parse import quote

    where, args = ["1 = 1"], []
    if params.get("q"):
        where.append("id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?)")
        args.append(escape_fts(params["q"]))
    for key in ("kind", "publisher", "year"):
        if params.get(key):
            where.append(f"{key} = ?")
            args.append(params[key])
    offset = (page - 1) * PAGE_SIZE - 1
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    row = db.execute(
        f"SELECT date, id FROM statements WHERE {' AND '.join(where)} "  # noqa: S608
        "ORDER BY date DESC, id DESC LIMIT 1 OFFSET ?",
        [*args, offset],
    ).fetchone()
    db.close()
    if row is None:
        return None
    return f"{quote(str(row[0]), safe='')},{row[1]}"


def escape_fts(query):
    """Datasette's own escaping of `_search` (datasette.utils.escape_fts)."""
    import re

    if query.count('"') % 2:
        query += '"'
    bits = [b for b in re.split(r'\s+|(".*?")', query) if b and b != '""']
    return " ".join(f'"{b}"' if not b.startswith('"') else b for b in bits)


def describe_command(command):
    return " ".join(shlex.quote(part) for part in command)


def env_without_django():
    env = dict(os.environ)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env
