#!/usr/bin/env bash
# The suite on SQLite, then again on PostgreSQL when DATABASE_URL points at one.
set -euo pipefail
echo "== tests on SQLite"
DATABASE_URL= npx jest "$@"
if [ -n "${DATABASE_URL:-}" ]; then
  echo "== tests on PostgreSQL"
  npx jest "$@"
fi
