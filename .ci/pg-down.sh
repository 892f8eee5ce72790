#!/usr/bin/env bash
# Stops the server .ci/pg-up.sh started (PGTMP and PGBIN from its exports) and removes its files.
set -u
[ -n "${PGTMP:-}" ] && [ -d "$PGTMP" ] || exit 0
if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast -w stop >/dev/null 2>&1
else "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast -w stop >/dev/null 2>&1; fi
rm -rf "$PGTMP"
