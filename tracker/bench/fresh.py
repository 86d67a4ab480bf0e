"""`make bench`'s and `make load`'s fresh start on PostgreSQL: the database named by
DATABASE_URL is dropped and made again. Refused for a database whose name does not say
"bench" (or the word given: `make load`'s says "load"), so that it never empties real
data. Nothing to do on SQLite (the Makefile removes the scratch file).

Run as `python -m tracker.bench.fresh [word]` (plain psycopg, no Django setup).
"""

import os
import sys
from urllib.parse import unquote, urlsplit


def main() -> int:
    url = urlsplit(os.environ.get("DATABASE_URL", ""))
    if not url.scheme.startswith("postgres"):
        return 0
    name = unquote(url.path.lstrip("/"))
    word = sys.argv[1] if len(sys.argv) > 1 else "bench"
    if word not in name:
        print(
            f"Refusing to drop {name!r}: a scratch database's name says {word!r}.", file=sys.stderr
        )
        return 2
    import psycopg
    from psycopg import sql

    with psycopg.connect(
        dbname="postgres",
        user=unquote(url.username or "") or None,
        password=unquote(url.password or "") or None,
        host=url.hostname or None,
        port=url.port or None,
        autocommit=True,
    ) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
