#!/usr/bin/env bash
# The playground's main job, from nothing: install, build, then the playground's own script:
# a fresh database (SQLite by default; set DATABASE_URL for PostgreSQL or MariaDB), every
# migration of both apps applied, and `mig check` listing them as applied.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/setup.sh"
exec bash "$ROOT/apps/playground/scripts/playground.sh"
