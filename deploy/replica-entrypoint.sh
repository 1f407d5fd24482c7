#!/bin/sh
# The streaming replica: on first start, a base backup of the primary (-R writes standby.signal and
# primary_conninfo), then PostgreSQL replaying the primary's WAL as it comes, read-only.
set -e
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  until pg_isready -h "$PRIMARY_HOST" -p 5432 -U "$POSTGRES_USER" -q; do sleep 1; done
  rm -rf "${PGDATA:?}"/*
  PGPASSWORD="$POSTGRES_PASSWORD" pg_basebackup -h "$PRIMARY_HOST" -p 5432 -U "$POSTGRES_USER" -D "$PGDATA" -R -X stream -c fast
  chmod 0700 "$PGDATA"
fi
exec postgres -D "$PGDATA" -c hot_standby=on
