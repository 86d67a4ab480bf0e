"""Making a deletion reach the disk: what a user asked to forget must not stay readable in
the database's files.

On SQLite, secure_delete (set for every connection in settings) zeroes the pages a delete
frees, but the write-ahead log still holds the earlier versions of those pages until a
checkpoint copies it back and it is emptied. PostgreSQL keeps deleted rows until vacuum,
which its autovacuum runs; nothing here touches it.
"""

import logging

from django.db import connection, transaction

logger = logging.getLogger(__name__)


def erase_after_commit() -> None:
    """Once the current transaction commits, clears SQLite's write-ahead log."""
    transaction.on_commit(_checkpoint)


def _checkpoint() -> None:
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        busy, _, _ = cursor.fetchone()
    if busy:
        # A reader held old pages; the next checkpoint (SQLite's own, every 1000 pages)
        # finishes the job.
        logger.warning("Erasure: the write-ahead log could not be emptied yet (readers)")
