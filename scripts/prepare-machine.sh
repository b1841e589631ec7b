#!/usr/bin/env bash
# Prepares a Debian machine (like the CI one) for archie's test suite, before `npm test`:
#   - Chromium at /usr/bin/chromium: `archie verify` opens report.html in it (verify tests);
#   - hypopg for the local PostgreSQL: diagnose tests check hypothetical indexes with it;
#   - pg_stat_statements preloaded in the local PostgreSQL cluster (127.0.0.1:5432), which needs a
#     restart of that cluster once: diagnose tests read the top queries from it.
# Idempotent: a second run installs nothing, restarts nothing and only prints what it found.
# Needs root (or sudo) for apt-get and the cluster restart, the first time only.
set -euo pipefail

log() { printf '== %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

PGVER=$(ls /etc/postgresql 2>/dev/null | sort -n | tail -1)
if [ -z "$PGVER" ]; then
  echo "prepare-machine: no PostgreSQL cluster under /etc/postgresql; install PostgreSQL 15 (apt-get install postgresql) first" >&2
  exit 1
fi
PGCONF=/etc/postgresql/$PGVER/main/postgresql.conf
HYPOPG=postgresql-$PGVER-hypopg

# One apt-get run for everything missing: the package index is the slow part.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s "$HYPOPG" >/dev/null 2>&1 || missing+=("$HYPOPG")
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
log "$(chromium --version 2>/dev/null || echo 'chromium: not runnable')"
log "$HYPOPG $(dpkg-query -W -f '${Version}' "$HYPOPG")"

pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q; }
pg() { psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -qAtc "$1"; }

if ! grep -Eq "^shared_preload_libraries *= *'[^']*pg_stat_statements" "$PGCONF"; then
  log "preloading pg_stat_statements in $PGCONF"
  as_root sh -c "printf \"\nshared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.track = all\n\" >> '$PGCONF'"
fi
if ! pg_up; then
  log "starting PostgreSQL $PGVER"
  as_root pg_ctlcluster --skip-systemctl-redirect "$PGVER" main start
fi
for _ in $(seq 1 30); do pg_up && break; sleep 1; done
pg_up
# Restart only when the running server has not loaded the library yet (the setting needs it).
if ! pg "show shared_preload_libraries" | grep -q pg_stat_statements; then
  log "restarting PostgreSQL $PGVER to load pg_stat_statements"
  as_root pg_ctlcluster --skip-systemctl-redirect "$PGVER" main restart
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
  pg_up
fi
log "PostgreSQL $PGVER on 127.0.0.1:5432, shared_preload_libraries = $(pg 'show shared_preload_libraries')"
