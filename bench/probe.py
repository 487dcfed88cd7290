"""The benchmark's look into one database: its pages, logins for their users, and the SQL
queries each page runs, counted with Django's test client as the pages are served.

    DATABASE_URL=… uv run python -m bench.probe [--count] [--sessions]

Prints JSON: the pages (`bench.pages`), with --sessions a session key per user (written to the
database with this process' SECRET_KEY), with --count each page's status and query count.
`bench.run` runs it once against the national data and once against the demo.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class QueryCount:
    status: int
    queries: int


def count_queries(pages, sessions: dict[str, str]) -> dict[str, QueryCount]:
    """Each page's status and SQL query count, requested as its user with the session cookie.

    A first request warms what a worker keeps between requests (content types, translations,
    URL resolvers); the second is counted."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for page in pages:
        client = Client(HTTP_HOST="127.0.0.1")
        if page.username:
            client.cookies[settings.SESSION_COOKIE_NAME] = sessions[page.username]
        client.get(page.url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page.url)
        counts[page.key] = QueryCount(response.status_code, len(captured.captured_queries))
    return counts


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.probe")
    parser.add_argument("--sessions", action="store_true", help="log the pages' users in")
    parser.add_argument("--count", action="store_true", help="count each page's queries")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kurs.settings")
    import django

    django.setup()
    from django.db import connection

    from bench.pages import login_sessions, resolve_pages

    pages = resolve_pages()
    result = {"pages": [page.as_dict() for page in pages], "vendor": connection.vendor}
    sessions = {}
    if args.sessions or args.count:
        sessions = login_sessions(page.username for page in pages if page.username)
    if args.sessions:
        result["sessions"] = sessions
    if args.count:
        result["queries"] = {
            key: {"status": count.status, "queries": count.queries}
            for key, count in count_queries(pages, sessions).items()
        }
    json.dump(result, sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
