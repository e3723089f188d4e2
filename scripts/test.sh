#!/usr/bin/env bash
# Runs every test in the repository against real PostgreSQL, MariaDB and SQLite, and a 3-node
# MariaDB Galera cluster: start the database servers (unless MIG_TEST_POSTGRES_URL /
# MIG_TEST_MYSQL_URL point at running ones), start the cluster in the background (unless
# MIG_TEST_GALERA_URLS points at one; it needs root, and without root its tests are skipped),
# install + build meanwhile, run vitest over every project, stop what was started, and print
# `N passed, N failed, N skipped` as the last line.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mkdir -p .test-results

started=""
galera_pid=""
stop_servers() {
  if [ -n "$galera_pid" ]; then wait "$galera_pid" 2>/dev/null; bash scripts/db-servers.sh stop-galera || true; fi
  if [ -n "$started" ]; then bash scripts/db-servers.sh stop || true; fi
}
trap stop_servers EXIT
if [ -z "${MIG_TEST_POSTGRES_URL:-}" ] || [ -z "${MIG_TEST_MYSQL_URL:-}" ]; then
  env_lines="$(bash scripts/db-servers.sh start)" || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
  started=1
  eval "$env_lines"
fi
if [ -z "${MIG_TEST_GALERA_URLS:-}" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    # ~30 s, mostly waiting on state transfers: it runs while setup installs and builds.
    bash scripts/db-servers.sh start-galera >.test-results/galera.env 2>.test-results/galera.log &
    galera_pid=$!
  else
    echo "[test] not root: the Galera cluster tests are skipped (scripts/db-servers.sh start-galera needs root)" >&2
  fi
fi

bash scripts/setup.sh || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }
if [ -n "$galera_pid" ]; then
  wait "$galera_pid" || { cat .test-results/galera.log >&2; echo "0 passed, 1 failed, 0 skipped"; exit 1; }
  eval "$(grep MIG_TEST_GALERA_URLS .test-results/galera.env)"
fi

rm -f .test-results/vitest.json
PNPM=(pnpm); [ "$(pnpm --version 2>/dev/null || true)" = "$(node -p 'require("./package.json").packageManager.split("@")[1]')" ] || PNPM=(npx --yes "pnpm@$(node -p 'require("./package.json").packageManager.split("@")[1]')")
"${PNPM[@]}" exec vitest run --reporter=default --reporter=json --outputFile.json=.test-results/vitest.json "$@"
status=$?
node scripts/test-summary.mjs .test-results/vitest.json > .test-results/summary.txt || status=1
[ "$status" -eq 0 ] && grep -q '^0 passed' .test-results/summary.txt && status=1   # a run with no test proves nothing
cat .test-results/summary.txt
exit "$status"
