#!/usr/bin/env bash
# Runs every test in the repository against real PostgreSQL, MariaDB and SQLite:
# install + build, start the database servers (unless MIG_TEST_POSTGRES_URL / MIG_TEST_MYSQL_URL
# point at running ones), run vitest over every project, stop the servers, and print
# `N passed, N failed, N skipped` as the last line.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

started=""
stop_servers() { [ -n "$started" ] && bash scripts/db-servers.sh stop || true; }
trap stop_servers EXIT
if [ -z "${MIG_TEST_POSTGRES_URL:-}" ] || [ -z "${MIG_TEST_MYSQL_URL:-}" ]; then
  env_lines="$(bash scripts/db-servers.sh start)" || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
  started=1
  eval "$env_lines"
fi

mkdir -p .test-results
rm -f .test-results/vitest.json
PNPM=(pnpm); [ "$(pnpm --version 2>/dev/null || true)" = "$(node -p 'require("./package.json").packageManager.split("@")[1]')" ] || PNPM=(npx --yes "pnpm@$(node -p 'require("./package.json").packageManager.split("@")[1]')")
"${PNPM[@]}" exec vitest run --reporter=default --reporter=json --outputFile.json=.test-results/vitest.json "$@"
status=$?
node scripts/test-summary.mjs .test-results/vitest.json > .test-results/summary.txt || status=1
[ "$status" -eq 0 ] && grep -q '^0 passed' .test-results/summary.txt && status=1   # a run with no test proves nothing
cat .test-results/summary.txt
exit "$status"
