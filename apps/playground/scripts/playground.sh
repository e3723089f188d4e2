#!/usr/bin/env bash
# A fresh playground database, every migration of both apps applied, and the list of them.
# Run from anywhere (the repository must be built: the lead's `npm run playground` does that first):
#
#   bash apps/playground/scripts/playground.sh                    # SQLite: apps/playground/playground.db
#   DATABASE_URL=postgres://user@127.0.0.1:5432/playground bash apps/playground/scripts/playground.sh
#   DATABASE_URL=mysql://root:pw@127.0.0.1:3306/playground bash apps/playground/scripts/playground.sh
#
# With DATABASE_URL the database must exist; "fresh" then means every playground migration is
# reversed first (other tables in that database are left alone).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MIG=(node "$HERE/../../packages/cli/bin/mig.cjs")
cd "$HERE"
if [ ! -f "$HERE/../../packages/cli/dist/bin.cjs" ]; then
  echo "The mig CLI is not built: run pnpm install && pnpm build at the repository root first." >&2
  exit 2
fi
if [ -z "${DATABASE_URL:-}" ]; then
  rm -f playground.db playground.db-journal playground.db-wal playground.db-shm playground.db-mig-lock
  echo "Fresh SQLite database: apps/playground/playground.db"
else
  echo "\$ mig backwards all all --auto-agree   # start from an empty schema"
  "${MIG[@]}" backwards all all --auto-agree
fi
echo
echo "\$ mig forwards all"
"${MIG[@]}" forwards all
echo
echo "\$ mig check"
"${MIG[@]}" check
