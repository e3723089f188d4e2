#!/usr/bin/env bash
# Installs the workspace and builds every package. Needs only Node 20 and npm: pnpm is taken at the
# pinned version (package.json "packageManager") from the npm registry when it is not installed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# node-gyp builds better-sqlite3 from source against the installed Node headers (no download).
export npm_config_nodedir="${npm_config_nodedir:-$(dirname "$(dirname "$(command -v node)")")}"
export TURBO_TELEMETRY_DISABLED=1
PIN="$(node -p 'require("./package.json").packageManager.split("@")[1]')"
if [ "$(pnpm --version 2>/dev/null || true)" != "$PIN" ]; then
  echo "[setup] installing pnpm@$PIN with npm" >&2
  npm install --global --force "pnpm@$PIN" >/dev/null 2>&1 || true
fi
if [ "$(pnpm --version 2>/dev/null || true)" = "$PIN" ]; then PNPM=(pnpm); else PNPM=(npx --yes "pnpm@$PIN"); fi
echo "[setup] pnpm install" >&2
"${PNPM[@]}" install --frozen-lockfile --reporter=append-only 2>&1 | grep -vE '^\.\.\./|^Progress' >&2 || true
[ -d node_modules/.pnpm ] || { echo "[setup] pnpm install failed" >&2; exit 1; }
echo "[setup] build" >&2
"${PNPM[@]}" exec turbo run build --output-logs=errors-only >&2
