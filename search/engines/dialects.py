"""The SQL each database needs for the full-text part of the database engine."""

from django.db import connection

from .columns import parse_ids

_RECORD_INSERT = (
    "INSERT INTO search_searchrecord (source, kind, title, url, date, access, data, fingerprint, indexed_at, "
    "title_length, abstract_length, body_length, attachments_length) "
    "VALUES (%s, %s, %s, %s, %s, %s, {data}, %s, %s, %s, %s, %s, %s)"
)


def _marks(values):
    return ", ".join(["%s"] * len(values))


def _synchronous(level):
    if not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA synchronous={level}")


class SQLiteDialect:
    """FTS5 tables keyed on the record id: the match count (the bench floor), phrases and autocomplete."""

    INSERT_RECORD = _RECORD_INSERT.format(data="%s")

    @staticmethod
    def begin_bulk():
        """A rebuild's batches are not synced to disk one by one (WAL keeps the file consistent).
        SQLite refuses the change inside a transaction (a rebuild within a test's): then nothing changes."""
        _synchronous("OFF")

    @staticmethod
    def end_bulk():
        _synchronous("NORMAL")

    @staticmethod
    def expression(clauses):
        def alternative(tokens):
            return '"' + " ".join(tokens) + '"'

        return " OR ".join("(" + " OR ".join(alternative(a) for a in c.alternatives) + ")" for c in clauses)

    def write_fulltext(self, rows):
        ids = [row[0] for row in rows]
        self.delete_fulltext(ids)
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_fts (rowid, title, abstract, body, attachments) VALUES (%s, %s, %s, %s, %s)",
                [(pk, *fields) for pk, fields, _title in rows],
            )
            cursor.executemany(
                "INSERT INTO search_title_fts (rowid, words) VALUES (%s, %s)", [(pk, t) for pk, _f, t in rows]
            )

    def delete_fulltext(self, ids):
        with connection.cursor() as cursor:
            if ids is None:
                cursor.execute("DELETE FROM search_fts")
                cursor.execute("DELETE FROM search_title_fts")
                return
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                cursor.execute(f"DELETE FROM search_fts WHERE rowid IN ({_marks(chunk)})", chunk)
                cursor.execute(f"DELETE FROM search_title_fts WHERE rowid IN ({_marks(chunk)})", chunk)

    def optimize(self, cursor):
        """Merge the full-text index into one b-tree: after a rebuild, matches read half as many pages."""
        cursor.execute("INSERT INTO search_fts(search_fts) VALUES('optimize')")
        cursor.execute("INSERT INTO search_title_fts(search_title_fts) VALUES('optimize')")

    def phrase_ids(self, cursor, phrase):
        """Ids of the records holding the words of `phrase` side by side, in one field."""
        cursor.execute(
            "SELECT group_concat(rowid, ',') FROM search_fts WHERE search_fts MATCH %s", ['"' + " ".join(phrase) + '"']
        )
        return parse_ids(cursor.fetchone()[0])

    def match_count(self, cursor, parsed):
        cursor.execute("SELECT COUNT(*) FROM search_fts WHERE search_fts MATCH %s", [self.expression(parsed.should)])
        return cursor.fetchone()[0]

    def autocomplete(self, cursor, folded_words, allowed, limit):
        terms = [f'"{w}"' for w in folded_words[:-1]] + [f'"{folded_words[-1]}"*']
        cursor.execute(
            "SELECT r.title, r.url, r.kind FROM search_title_fts CROSS JOIN search_searchrecord r "
            f"ON r.id = search_title_fts.rowid WHERE search_title_fts MATCH %s AND r.access IN ({_marks(allowed)}) "
            "ORDER BY rank, r.date DESC LIMIT %s",
            [" AND ".join(terms), *allowed, limit],
        )
        return cursor.fetchall()


class PostgreSQLDialect:
    """tsvector columns (weights A–D) of already analysed tokens ('simple' config): phrases and autocomplete."""

    # PostgreSQL refuses a tsvector over 1 MB; analysed text this long says nothing more.
    MAX_FIELD_CHARS = 400_000
    INSERT_RECORD = _RECORD_INSERT.format(data="CAST(%s AS jsonb)")

    @staticmethod
    def begin_bulk():
        """Each batch is a transaction already; nothing to relax."""

    @staticmethod
    def end_bulk():
        pass

    @staticmethod
    def expression(clauses):
        def alternative(tokens):
            return tokens[0] if len(tokens) == 1 else "(" + " <-> ".join(tokens) + ")"

        return " | ".join("(" + " | ".join(alternative(a) for a in c.alternatives) + ")" for c in clauses)

    def write_fulltext(self, rows):
        limit = self.MAX_FIELD_CHARS
        with connection.cursor() as cursor:
            cursor.executemany(
                "UPDATE search_searchrecord SET search_vector = "
                "setweight(to_tsvector('simple', %s), 'A') || setweight(to_tsvector('simple', %s), 'B') || "
                "setweight(to_tsvector('simple', %s), 'C') || setweight(to_tsvector('simple', %s), 'D'), "
                "title_vector = to_tsvector('simple', %s) WHERE id = %s",
                [(*(f[:limit] for f in fields), title, pk) for pk, fields, title in rows],
            )

    def delete_fulltext(self, ids):
        """The vectors live on the record rows and go with them."""

    def optimize(self, cursor):
        """GIN indexes need no merging; fresh statistics let the planner use them."""
        cursor.execute("ANALYZE search_searchrecord")

    def phrase_ids(self, cursor, phrase):
        """Ids of the records holding the words of `phrase` side by side."""
        cursor.execute(
            "SELECT string_agg(id::text, ',') FROM search_searchrecord WHERE search_vector @@ to_tsquery('simple', %s)",
            [" <-> ".join(phrase)],
        )
        return parse_ids(cursor.fetchone()[0])

    def match_count(self, cursor, parsed):
        cursor.execute(
            "SELECT COUNT(*) FROM search_searchrecord WHERE search_vector @@ to_tsquery('simple', %s)",
            [self.expression(parsed.should)],
        )
        return cursor.fetchone()[0]

    def autocomplete(self, cursor, folded_words, allowed, limit):
        query = " & ".join([*folded_words[:-1], f"{folded_words[-1]}:*"])
        cursor.execute(
            "SELECT title, url, kind FROM search_searchrecord, to_tsquery('simple', %s) q "
            f"WHERE title_vector @@ q AND access IN ({_marks(allowed)}) "
            "ORDER BY ts_rank(title_vector, q) DESC, date DESC NULLS LAST LIMIT %s",
            [query, *allowed, limit],
        )
        return cursor.fetchall()


def dialect_for(vendor):
    if vendor == "postgresql":
        return PostgreSQLDialect()
    if vendor == "sqlite":
        return SQLiteDialect()
    raise NotImplementedError(f"Le moteur de recherche intégré ne connaît pas la base « {vendor} ».")
