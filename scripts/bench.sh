#!/usr/bin/env bash
# Benchmarks: mig against drizzle-kit and against each database's own client (bench/).
#
#   pnpm bench                         # every case, ≥ 5 runs each; writes BENCHMARKS.md at the root
#   bash scripts/bench.sh --smoke      # tiny sizes, one run, no targets judged (CI); report in bench/.results/
#   bash scripts/bench.sh --cases 1,4  # some cases only (the others keep their results in bench/results/); --runs N
#   bash scripts/bench.sh --build-only # only build the CLI when it is stale
#   bash scripts/bench.sh --cases report  # only rewrite BENCHMARKS.md from the last results
#   MIG_BENCH_NO_BUILD=1 …             # measure the existing build even when it is stale
#
# Builds the mig CLI when it is missing or older than its sources, uses the PostgreSQL and
# MariaDB servers of MIG_TEST_POSTGRES_URL / MIG_TEST_MYSQL_URL (started with scripts/db-servers.sh
# when unset, stopped again at the end), and installs the sqlite3 client with apt-get when missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export npm_config_nodedir="${npm_config_nodedir:-$(dirname "$(dirname "$(command -v node)")")}"
export TURBO_TELEMETRY_DISABLED=1
log() { printf '[bench] %s\n' "$*" >&2; }

[ -d node_modules/.pnpm ] && [ -d bench/node_modules/drizzle-kit ] || bash scripts/setup.sh

# The CLI and the packages it loads, built when a dist is missing or older than its sources.
stale=""
for pkg in core sqlite postgres mysql cli; do
  built="packages/$pkg/dist/index.js"; [ "$pkg" = cli ] && built="packages/cli/dist/bin.cjs"
  if [ ! -f "$built" ] || [ -n "$(find "packages/$pkg/src" "packages/$pkg/package.json" -newer "$built" -print -quit 2>/dev/null)" ]; then stale="$stale $pkg"; fi
done
if [ -n "$stale" ] && [ -n "${MIG_BENCH_NO_BUILD:-}" ]; then
  log "MIG_BENCH_NO_BUILD is set: measuring the existing build (stale:$stale)"
elif [ -n "$stale" ]; then
  log "build @mig/cli and its dependencies (stale:$stale)"
  npx turbo run build --filter=@mig/cli... --output-logs=errors-only >&2
fi

[ "${1:-}" = "--build-only" ] && exit 0

# The SQLite floor needs the sqlite3 client.
if ! command -v sqlite3 >/dev/null 2>&1; then
  log "installing the sqlite3 client"
  if [ "$(id -u)" -eq 0 ]; then
    (DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends sqlite3) >/dev/null 2>&1 \
      || log "sqlite3 could not be installed: the SQLite floor is reported as unavailable"
  else
    log "not root: the SQLite floor is reported as unavailable"
  fi
fi

started=""
stop_servers() { if [ -n "$started" ]; then bash scripts/db-servers.sh stop || true; fi; }
trap stop_servers EXIT
if [ -z "${MIG_TEST_POSTGRES_URL:-}" ] || [ -z "${MIG_TEST_MYSQL_URL:-}" ]; then
  if env_lines="$(bash scripts/db-servers.sh env 2>/dev/null)" && [ -n "$env_lines" ]; then
    eval "$env_lines"
  else
    log "starting the database servers"
    env_lines="$(bash scripts/db-servers.sh start)"
    started=1
    eval "$env_lines"
  fi
fi

exec_status=0
node node_modules/tsx/dist/cli.mjs bench/src/main.ts "$@" || exec_status=$?
exit "$exec_status"
