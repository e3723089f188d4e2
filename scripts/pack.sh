#!/usr/bin/env bash
# Builds every public package and packs it into one folder (default: packed/ at the repository
# root; or the folder given as the first argument), ready for `npm install ./packed/*.tgz` in any
# project until mig is on the npm registry. `--no-build` (first) packs the dist/ folders as they
# are: the packaging test's setup has built them, and a rebuild would empty dist/ under tests
# that run the binary meanwhile.
#
# `pnpm pack`, not `npm pack`: pnpm writes the real versions in place of `workspace:` ranges and
# applies `publishConfig` (whose `exports` leave out the `source` condition that points at src/,
# which the tarballs do not contain). Prints the tarballs' paths, one a line, on stdout.
set -euo pipefail
BUILD=1
if [ "${1:-}" = "--no-build" ]; then BUILD=0; shift; fi
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(mkdir -p "${1:-$ROOT/packed}" && cd "${1:-$ROOT/packed}" && pwd)"
cd "$ROOT"
export TURBO_TELEMETRY_DISABLED=1
if [ "$BUILD" = 1 ]; then
  [ -d node_modules/.pnpm ] || bash scripts/setup.sh
  pnpm exec turbo run build --filter="./packages/*" --output-logs=errors-only >&2
fi
rm -f "$OUT"/*.tgz
for dir in packages/*/; do
  if [ "$(node -p "require('./${dir}package.json').private === true")" = "true" ]; then continue; fi
  (cd "$dir" && pnpm pack --pack-destination "$OUT" >/dev/null)
done
ls "$OUT"/*.tgz
echo "[pack] in your project: npm install $(cd "$OUT" && ls *.tgz | sed "s|^|$OUT/|" | tr '\n' ' ')" >&2
