#!/usr/bin/env bash
# The playground's main job, from nothing: install, build, a fresh playground database
# (SQLite by default; set DATABASE_URL for PostgreSQL or MariaDB), apply every migration of both
# apps, and list them as applied.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/setup.sh"
cd "$ROOT/apps/playground"
if [ -z "${DATABASE_URL:-}" ]; then rm -f playground.db playground.db-wal playground.db-shm playground.db-journal; fi
MIG=(node "$ROOT/packages/cli/dist/bin.js")
echo
echo "\$ mig forwards all"
"${MIG[@]}" forwards all
echo
echo "\$ mig check"
"${MIG[@]}" check
